// The inventory tree's items: create, update, delete per level (declared in services/inventory_service.hpp).
#include "services/inventory_service.hpp"

#include <map>

#include "core/inventory_messages.hpp"
#include "core/text.hpp"
#include "services/activity_log.hpp"
#include "services/inventory_records.hpp"
#include "store/router_store.hpp"

namespace kimonet::services {

namespace {

using store::InventoryLevel;

// The message of a unique name/label refused by the schema.
Error inventory_name_taken(InventoryLevel level) {
    if (level == InventoryLevel::PonPort) return Error{ErrorCode::Conflict, messages::kPonLabelTaken, {{"label", messages::kPonLabelTaken}}};
    return Error{ErrorCode::Conflict, messages::kInventoryNameTaken, {{"name", messages::kInventoryNameTaken}}};
}

Result<void> inventory_check_router(app::Context& context, const std::optional<std::int64_t>& router_id, FieldErrors& errors) {
    if (router_id && !TRY(store::find_router(context.db, *router_id))) errors.emplace("router_id", messages::kRouterNotFoundField);
    return {};
}

// The item parsed, validated and its parent checked; `id` is kept for an update.
Result<InventoryItem> valid_inventory_item(app::Context& context, InventoryLevel level, std::int64_t id, const api::Json& input) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    InventoryItem item = TRY(inventory_item_from_json(level, input));
    FieldErrors errors = check_inventory_item(level, item);
    switch (level) {
        case InventoryLevel::Olt: TRY_VOID(inventory_check_router(context, item.olt.router_id, errors)); break;
        case InventoryLevel::PonPort:
            if (!errors.contains("olt_id") && !TRY(store::find_olt(context.db, item.pon_port.olt_id)))
                errors.emplace("olt_id", messages::kOltNotFound);
            break;
        case InventoryLevel::Odc:
            if (!errors.contains("pon_port_id") && !TRY(store::find_pon_port(context.db, item.odc.pon_port_id)))
                errors.emplace("pon_port_id", messages::kPonPortNotFound);
            break;
        case InventoryLevel::Odp:
            if (!errors.contains("odc_id") && !TRY(store::find_odc(context.db, item.odp.odc_id))) errors.emplace("odc_id", messages::kOdcNotFound);
            break;
        case InventoryLevel::Router: return make_error(ErrorCode::NotFound);
    }
    if (!errors.empty()) return validation_error(std::move(errors));
    item.olt.id = item.pon_port.id = item.odc.id = item.odp.id = id;
    return item;
}

// A unique-constraint refusal becomes the level's own message; other errors pass through.
template <typename T>
Result<T> inventory_named_conflict(Result<T> result, InventoryLevel level) {
    if (!result && result.error().code == ErrorCode::Conflict) return inventory_name_taken(level);
    return result;
}

Result<std::int64_t> insert_inventory_row(app::Context& context, InventoryLevel level, const InventoryItem& item) {
    switch (level) {
        case InventoryLevel::Olt: return inventory_named_conflict(store::insert_olt(context.db, item.olt), level);
        case InventoryLevel::PonPort: return inventory_named_conflict(store::insert_pon_port(context.db, item.pon_port), level);
        case InventoryLevel::Odc: return inventory_named_conflict(store::insert_odc(context.db, item.odc), level);
        case InventoryLevel::Odp: return inventory_named_conflict(store::insert_odp(context.db, item.odp), level);
        case InventoryLevel::Router: break;
    }
    return make_error(ErrorCode::NotFound);
}

Result<bool> update_inventory_row(app::Context& context, InventoryLevel level, const InventoryItem& item) {
    switch (level) {
        case InventoryLevel::Olt: return inventory_named_conflict(store::update_olt(context.db, item.olt), level);
        case InventoryLevel::PonPort: return inventory_named_conflict(store::update_pon_port(context.db, item.pon_port), level);
        case InventoryLevel::Odc: return inventory_named_conflict(store::update_odc(context.db, item.odc), level);
        case InventoryLevel::Odp: return inventory_named_conflict(store::update_odp(context.db, item.odp), level);
        case InventoryLevel::Router: break;
    }
    return make_error(ErrorCode::NotFound);
}

// 409 while something is below the item; 404 when it does not exist.
Result<void> check_nothing_below_inventory_item(app::Context& context, InventoryLevel level, std::int64_t id) {
    const Error has_children{ErrorCode::Conflict, messages::kInventoryHasChildren, {}};
    switch (level) {
        case InventoryLevel::Olt:
            if (!TRY(store::find_olt(context.db, id))) return make_error(ErrorCode::NotFound, messages::kOltNotFound);
            if (!TRY(store::list_pon_ports(context.db, id)).empty()) return has_children;
            return {};
        case InventoryLevel::PonPort:
            if (!TRY(store::find_pon_port(context.db, id))) return make_error(ErrorCode::NotFound, messages::kPonPortNotFound);
            if (!TRY(store::list_odcs(context.db, id)).empty()) return has_children;
            return {};
        case InventoryLevel::Odc:
            if (!TRY(store::find_odc(context.db, id))) return make_error(ErrorCode::NotFound, messages::kOdcNotFound);
            if (!TRY(store::list_odps(context.db, id)).empty()) return has_children;
            return {};
        case InventoryLevel::Odp: {
            const auto odp = TRY(store::find_odp(context.db, id));
            if (!odp) return make_error(ErrorCode::NotFound, messages::kOdpNotFound);
            if (odp->used_ports > 0) return Error{ErrorCode::Conflict, messages::kOdpHasCustomers, {}};
            return {};
        }
        case InventoryLevel::Router: break;
    }
    return make_error(ErrorCode::NotFound);
}

Result<bool> delete_inventory_row(app::Context& context, InventoryLevel level, std::int64_t id) {
    switch (level) {
        case InventoryLevel::Olt: return store::delete_olt(context.db, id);
        case InventoryLevel::PonPort: return store::delete_pon_port(context.db, id);
        case InventoryLevel::Odc: return store::delete_odc(context.db, id);
        case InventoryLevel::Odp: return store::delete_odp(context.db, id);
        case InventoryLevel::Router: break;
    }
    return make_error(ErrorCode::NotFound);
}

// An ODP's new port count may not cut off a port a customer is on.
Result<void> check_port_count_keeps_customers(app::Context& context, const store::OdpRecord& odp) {
    for (const auto& port : TRY(store::list_odp_ports(context.db, odp.id)))
        if (port.port_number > odp.port_count) return validation_error({{"port_count", messages::kOdpPortCountBelowUsed}});
    return {};
}

}  // namespace

Result<api::InventoryTree> inventory_tree(app::Context& context) {
    api::InventoryTree tree;
    std::map<std::int64_t, std::string> router_names;
    for (const auto& router : TRY(store::list_routers(context.db))) router_names[router.id] = router.name;
    for (const auto& olt : TRY(store::list_olts(context.db))) {
        auto resource = olt_resource(olt);
        if (olt.router_id) resource.router_name = router_names[*olt.router_id];
        tree.olts.push_back(std::move(resource));
    }
    for (const auto& port : TRY(store::list_pon_ports(context.db, std::nullopt))) tree.pon_ports.push_back({port.id, port.olt_id, port.label});
    for (const auto& odc : TRY(store::list_odcs(context.db, std::nullopt))) tree.odcs.push_back(odc_resource(odc));
    for (const auto& odp : TRY(store::list_odps(context.db, std::nullopt))) tree.odps.push_back(odp_resource(odp));
    return tree;
}

Result<api::Json> create_inventory_item(app::Context& context, InventoryLevel level, const api::Json& input) {
    api::Json created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        InventoryItem item = TRY(valid_inventory_item(context, level, 0, input));
        const std::int64_t id = TRY(insert_inventory_row(context, level, item));
        item.olt.id = item.pon_port.id = item.odc.id = item.odp.id = id;
        created = inventory_item_json(level, item);
        return log_activity(context, std::string("inventory.") + std::string(store::inventory_level_name(level)) + ".create",
                            store::inventory_level_name(level), id, nullptr, created);
    }));
    return created;
}

Result<api::Json> update_inventory_item(app::Context& context, InventoryLevel level, std::int64_t id, const api::Json& input) {
    api::Json updated;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const InventoryItem item = TRY(valid_inventory_item(context, level, id, input));
        if (level == InventoryLevel::Odp) TRY_VOID(check_port_count_keeps_customers(context, item.odp));
        if (level == InventoryLevel::PonPort && !TRY(store::find_pon_port(context.db, id)))
            return make_error(ErrorCode::NotFound, messages::kPonPortNotFound);
        if (!TRY(update_inventory_row(context, level, item))) return make_error(ErrorCode::NotFound);
        updated = inventory_item_json(level, item);
        if (level == InventoryLevel::Odp)
            if (const auto stored = TRY(store::find_odp(context.db, id))) updated = api::to_json(odp_resource(*stored));
        return log_activity(context, std::string("inventory.") + std::string(store::inventory_level_name(level)) + ".update",
                            store::inventory_level_name(level), id, nullptr, updated);
    }));
    return updated;
}

Result<void> delete_inventory_item(app::Context& context, InventoryLevel level, std::int64_t id) {
    return context.db.transaction([&]() -> Result<void> {
        TRY_VOID(check_nothing_below_inventory_item(context, level, id));
        if (!TRY(delete_inventory_row(context, level, id))) return make_error(ErrorCode::NotFound);
        return log_activity(context, std::string("inventory.") + std::string(store::inventory_level_name(level)) + ".delete",
                            store::inventory_level_name(level), id, nullptr, nullptr);
    });
}

}  // namespace kimonet::services
