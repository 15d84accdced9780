#include "services/network_map.hpp"

#include <map>
#include <set>

#include "services/inventory_records.hpp"
#include "services/settings.hpp"
#include "store/network_map_store.hpp"
#include "store/ticket_store.hpp"

namespace kimonet::services {

namespace {

inventory::Coordinates inventory_map_point(const store::GeoPoint& point) { return {point.latitude, point.longitude}; }

// Customers with a ticket not yet closed are drawn with the ticket colour.
Result<std::set<std::int64_t>> open_ticket_customers(store::Database& db) {
    const auto ids = TRY(store::customers_with_open_tickets(db));
    return std::set<std::int64_t>(ids.begin(), ids.end());
}

}  // namespace

Result<api::NetworkMap> network_map(app::Context& context) {
    api::NetworkMap map;
    map.tile_url = TRY(get_setting(context.db, "map_tile_url"));
    if (!map.tile_url.empty()) map.tile_attribution = TRY(get_setting(context.db, "map_tile_attribution"));
    for (const auto& router : TRY(store::list_router_map_rows(context.db)))
        map.markers.push_back({"router", router.id, router.name, {}, inventory_map_point(router.location),
                               router.reachable ? (*router.reachable ? "online" : "offline") : "unknown", {}, 0, false});
    for (const auto& olt : TRY(store::list_olts(context.db))) {
        if (!olt.location) continue;
        map.markers.push_back({"olt", olt.id, olt.name, olt.site, inventory_map_point(*olt.location), {}, olt.router_id ? "router" : "",
                               olt.router_id.value_or(0), false});
    }
    std::map<std::int64_t, std::int64_t> olt_of_pon_port;
    for (const auto& port : TRY(store::list_pon_ports(context.db, std::nullopt))) olt_of_pon_port[port.id] = port.olt_id;
    for (const auto& odc : TRY(store::list_odcs(context.db, std::nullopt))) {
        if (!odc.location) continue;
        map.markers.push_back({"odc", odc.id, odc.name, {}, inventory_map_point(*odc.location), {}, "olt", olt_of_pon_port[odc.pon_port_id], false});
    }
    for (const auto& odp : TRY(store::list_odps(context.db, std::nullopt))) {
        if (!odp.location) continue;
        map.markers.push_back({"odp", odp.id, odp.name, std::to_string(odp.used_ports) + "/" + std::to_string(odp.port_count),
                               inventory_map_point(*odp.location), odp.used_ports >= odp.port_count ? "full" : "", "odc", odp.odc_id, false});
    }
    const auto open_tickets = TRY(open_ticket_customers(context.db));
    for (const auto& customer : TRY(store::list_customer_map_rows(context.db, kMaxMapCustomers)))
        map.markers.push_back({"customer", customer.id, customer.name, customer.service_number, inventory_map_point(customer.location), customer.status,
                               customer.odp_id ? "odp" : "", customer.odp_id.value_or(0), open_tickets.contains(customer.id)});
    return map;
}

}  // namespace kimonet::services
