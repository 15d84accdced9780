#include "services/outage_targets.hpp"

#include "core/outage_messages.hpp"
#include "network/outage_area.hpp"
#include "store/inventory_store.hpp"
#include "store/outage_store.hpp"

namespace kimonet::services {

namespace {

bool outage_counts_customer(const std::string& status) { return status == "active" || status == "isolated"; }

}  // namespace

Result<std::optional<std::string>> outage_target_name(store::Database& db, const std::string& kind, std::int64_t id) {
    using Name = std::optional<std::string>;
    if (kind == "router") {
        std::string name;
        if (!TRY(store::outage_router_name(db, id, name))) return Name();
        return Name(name);
    }
    if (kind == "olt") {
        const auto olt = TRY(store::find_olt(db, id));
        return olt ? Name(olt->name) : Name();
    }
    if (kind == "pon_port") {
        const auto port = TRY(store::find_pon_port(db, id));
        if (!port) return Name();
        const auto olt = TRY(store::find_olt(db, port->olt_id));
        return Name((olt ? olt->name + " / " : std::string()) + "PON " + port->label);
    }
    if (kind == "odc") {
        const auto odc = TRY(store::find_odc(db, id));
        return odc ? Name(odc->name) : Name();
    }
    if (kind == "odp") {
        const auto odp = TRY(store::find_odp(db, id));
        return odp ? Name(odp->name) : Name();
    }
    return make_error(ErrorCode::ValidationFailed, messages::kOutageTargetKind);
}

Result<std::int64_t> store_outage_customers(store::Database& db, std::int64_t outage_id, const std::string& kind,
                                            std::optional<std::int64_t> id, const std::string& area_shape) {
    std::vector<std::int64_t> affected;
    if (kind == "area") {
        const network::OutageArea area = TRY(network::parse_outage_area(area_shape));
        const network::BoundingBox box = area.bounds();
        for (const auto& customer :
             TRY(store::billable_customers_located_in(db, box.min_latitude, box.max_latitude, box.min_longitude, box.max_longitude)))
            if (area.contains({customer.latitude, customer.longitude})) affected.push_back(customer.id);
    } else {
        const auto level = store::inventory_level_from_name(kind);
        if (!level || !id) return make_error(ErrorCode::ValidationFailed, messages::kOutageTargetKind);
        for (const auto& customer : TRY(store::customers_below(db, *level, *id)))
            if (outage_counts_customer(customer.status)) affected.push_back(customer.id);
    }
    TRY_VOID(store::insert_outage_customers(db, outage_id, affected));
    return static_cast<std::int64_t>(affected.size());
}

}  // namespace kimonet::services
