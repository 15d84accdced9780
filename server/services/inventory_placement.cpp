// Customers on ODP ports, coordinates, and who is below a node (declared in services/inventory_service.hpp).
#include "core/inventory_messages.hpp"
#include "core/text.hpp"
#include "services/activity_log.hpp"
#include "services/inventory_records.hpp"
#include "services/inventory_service.hpp"
#include "store/area_store.hpp"
#include "store/customer_store.hpp"
#include "store/network_map_store.hpp"
#include "store/router_store.hpp"

namespace kimonet::services {

namespace {

// The customer named by {customer_id} or {service_number}, as a field error when unknown.
Result<std::int64_t> inventory_placed_customer_id(app::Context& context, const api::Json& input) {
    api::FieldReader reader(input);
    std::int64_t customer_id = 0;
    std::string service_number;
    reader.read("customer_id", customer_id);
    reader.read("service_number", service_number);
    if (!reader.ok()) return validation_error(reader.errors());
    service_number = trim_copy(service_number);
    if (customer_id <= 0 && !service_number.empty())
        customer_id = TRY(store::customer_id_by_service_number(context.db, service_number)).value_or(0);
    else if (customer_id > 0 && !TRY(store::find_customer(context.db, customer_id))) customer_id = 0;
    if (customer_id <= 0) return validation_error({{"customer_id", messages::kCustomerNotFound}});
    return customer_id;
}

Result<void> inventory_node_exists(app::Context& context, store::InventoryLevel level, std::int64_t id) {
    bool found = false;
    switch (level) {
        case store::InventoryLevel::Router: found = TRY(store::find_router(context.db, id)).has_value(); break;
        case store::InventoryLevel::Olt: found = TRY(store::find_olt(context.db, id)).has_value(); break;
        case store::InventoryLevel::PonPort: found = TRY(store::find_pon_port(context.db, id)).has_value(); break;
        case store::InventoryLevel::Odc: found = TRY(store::find_odc(context.db, id)).has_value(); break;
        case store::InventoryLevel::Odp: found = TRY(store::find_odp(context.db, id)).has_value(); break;
    }
    if (!found) return make_error(ErrorCode::NotFound);
    return {};
}

api::Json inventory_coordinates_json(const std::optional<inventory::Coordinates>& location) {
    if (!location) return {{"latitude", nullptr}, {"longitude", nullptr}};
    return {{"latitude", location->latitude}, {"longitude", location->longitude}};
}

}  // namespace

Result<api::OdpPorts> odp_ports(app::Context& context, std::int64_t odp_id) {
    const auto odp = TRY(store::find_odp(context.db, odp_id));
    if (!odp) return make_error(ErrorCode::NotFound, messages::kOdpNotFound);
    api::OdpPorts ports;
    ports.odp = odp_resource(*odp);
    for (const auto& port : TRY(store::list_odp_ports(context.db, odp_id)))
        ports.taken.push_back({port.port_number, port.customer_id, port.service_number, port.customer_name});
    ports.free = TRY(store::free_odp_ports(context.db, odp_id));
    return ports;
}

Result<api::OdpPorts> place_customer_on_port(app::Context& context, std::int64_t odp_id, const api::Json& input) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto odp = TRY(store::find_odp(context.db, odp_id));
        if (!odp) return make_error(ErrorCode::NotFound, messages::kOdpNotFound);
        api::FieldReader reader(input);
        int port_number = 0;
        reader.read("port_number", port_number);
        if (!reader.ok()) return validation_error(reader.errors());
        if (port_number < 1 || port_number > odp->port_count) return validation_error({{"port_number", messages::kOdpPortOutOfRange}});
        const std::int64_t customer_id = TRY(inventory_placed_customer_id(context, input));
        if (const auto where = TRY(store::find_customer_odp_port(context.db, customer_id)))
            return Error{ErrorCode::Conflict, messages::with_detail(messages::kCustomerAlreadyPlaced, std::to_string(where->port_number)),
                         {{"customer_id", messages::kCustomerAlreadyPlaced}}};
        for (const auto& port : TRY(store::list_odp_ports(context.db, odp_id)))
            if (port.port_number == port_number)
                return Error{ErrorCode::Conflict, messages::with_detail(messages::kOdpPortTaken, port.service_number),
                             {{"port_number", messages::kOdpPortTaken}}};
        TRY_VOID(store::place_customer_on_odp_port(context.db, odp_id, port_number, customer_id, context.now));
        return log_activity(context, "inventory.customer.place", "customer", customer_id, nullptr,
                            {{"odp_id", odp_id}, {"odp", odp->name}, {"port_number", port_number}});
    }));
    return odp_ports(context, odp_id);
}

Result<void> remove_customer_from_port(app::Context& context, std::int64_t customer_id) {
    return context.db.transaction([&]() -> Result<void> {
        const auto where = TRY(store::find_customer_odp_port(context.db, customer_id));
        if (!where) return make_error(ErrorCode::NotFound, messages::kCustomerNotPlaced);
        TRY(store::unplace_customer(context.db, customer_id));
        return log_activity(context, "inventory.customer.unplace", "customer", customer_id,
                            {{"odp_id", where->odp_id}, {"port_number", where->port_number}}, nullptr);
    });
}

Result<api::Json> customer_placement(app::Context& context, std::int64_t customer_id) {
    if (!TRY(store::find_customer(context.db, customer_id))) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
    api::Json out = inventory_coordinates_json(coordinates_from_store(TRY(store::find_customer_location(context.db, customer_id))));
    out["port"] = nullptr;
    if (const auto where = TRY(store::find_customer_odp_port(context.db, customer_id))) {
        const auto odp = TRY(store::find_odp(context.db, where->odp_id));
        out["port"] = {{"odp_id", where->odp_id}, {"odp_name", odp ? odp->name : std::string()}, {"port_number", where->port_number}};
    }
    return out;
}

Result<api::Json> set_customer_coordinates(app::Context& context, std::int64_t customer_id, const api::Json& input) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    FieldErrors errors;
    const auto location = coordinates_of(input, errors);
    if (!errors.empty()) return validation_error(std::move(errors));
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto before = TRY(store::find_customer_location(context.db, customer_id));
        if (!TRY(store::set_customer_location(context.db, customer_id, store_point_of(location))))
            return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
        return log_activity(context, "customer.coordinates", "customer", customer_id, inventory_coordinates_json(coordinates_from_store(before)),
                            inventory_coordinates_json(location));
    }));
    return inventory_coordinates_json(location);
}

Result<api::Json> set_router_coordinates(app::Context& context, std::int64_t router_id, const api::Json& input) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    FieldErrors errors;
    const auto location = coordinates_of(input, errors);
    if (!errors.empty()) return validation_error(std::move(errors));
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (!TRY(store::set_router_location(context.db, router_id, store_point_of(location))))
            return make_error(ErrorCode::NotFound, messages::kRouterNotFound);
        return log_activity(context, "router.coordinates", "router", router_id, nullptr, inventory_coordinates_json(location));
    }));
    return inventory_coordinates_json(location);
}

Result<api::Json> router_coordinates(app::Context& context, std::int64_t router_id) {
    const auto location = TRY(store::router_location(context.db, router_id));
    if (!location) return make_error(ErrorCode::NotFound, messages::kRouterNotFound);
    return inventory_coordinates_json(coordinates_from_store(*location));
}

Result<std::vector<store::CustomerBelow>> customers_below_node(app::Context& context, store::InventoryLevel level, std::int64_t id) {
    TRY_VOID(inventory_node_exists(context, level, id));
    return store::customers_below(context.db, level, id);
}

}  // namespace kimonet::services
