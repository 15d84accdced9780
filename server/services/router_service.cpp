#include "services/router_service.hpp"

#include "services/activity_log.hpp"
#include "store/router_store.hpp"

namespace kimonet::services {


Result<Router> get_router(store::Database& db, std::int64_t id) {
    auto found = TRY(store::find_router(db, id));
    if (!found) return make_error(ErrorCode::NotFound, messages::kRouterNotFound);
    return *found;
}

Result<std::vector<Router>> list_routers(store::Database& db) { return store::list_routers(db); }

static Result<void> check_unique_name(store::Database& db, const Router& router) {
    if (TRY(store::router_name_taken(db, router.name, router.id))) {
        Error error = make_error(ErrorCode::Conflict, messages::kRouterNameTaken);
        error.fields["name"] = messages::kRouterNameTaken;
        return error;
    }
    return {};
}

Result<Router> create_router(app::Context& context, const api::Json& input) {
    Router created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        Router router = TRY(api::router_from_json(input, Router{}, true));
        TRY_VOID(check_unique_name(context.db, router));
        router.id = TRY(store::insert_router(context.db, router, context.secrets, context.now));
        created = router;
        return log_activity(context, "router.create", "router", router.id, nullptr, api::to_json(router));
    }));
    return created;
}

// Where the router's password goes: the address, the transports (binary API port and TLS, REST
// port and TLS, which of them is used) and the account.
static api::Json destination_of(const Router& router) {
    return {{"host", router.host},          {"port", router.port},           {"tls", router.tls},
            {"username", router.username},  {"api_mode", router.api_mode},   {"rest_port", router.rest_port},
            {"rest_tls", router.rest_tls}};
}

Result<Router> update_router(app::Context& context, std::int64_t id, const api::Json& changes) {
    Router updated;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const Router before = TRY(get_router(context.db, id));
        Router base = before;
        base.password.clear();  // empty = keep the stored secret
        api::Json body = changes;
        if (body.is_object()) body.erase("id");
        Router router = TRY(api::router_from_json(body, base, false));
        router.id = id;
        // The stored password only ever goes where it went before. Whoever moves the router (or
        // turns TLS off, or changes the account) must type the password again, so a role that
        // can edit routers but does not know their passwords cannot redirect one to itself.
        const bool destination_changed = destination_of(router) != destination_of(before);
        if (destination_changed && router.password.empty())
            return validation_error({{"password", messages::kRouterPasswordAgain}});
        TRY_VOID(check_unique_name(context.db, router));
        TRY_VOID(store::update_router_row(context.db, router, context.secrets, context.now));
        updated = router;
        updated.password = "\x01";
        if (destination_changed)
            TRY_VOID(log_activity(context, "router.destination_change", "router", id, destination_of(before), destination_of(router)));
        return log_activity(context, "router.update", "router", id, api::to_json(before), api::to_json(updated));
    }));
    return updated;
}

Result<void> delete_router(app::Context& context, std::int64_t id) {
    return context.db.transaction([&]() -> Result<void> {
        const Router before = TRY(get_router(context.db, id));
        const std::int64_t used = TRY(store::count_customers_on_router(context.db, id));
        if (used > 0) return make_error(ErrorCode::Conflict, messages::with_detail(messages::kRouterInUse, std::to_string(used)));
        TRY_VOID(store::delete_router_row(context.db, id));
        return log_activity(context, "router.delete", "router", id, api::to_json(before), nullptr);
    });
}

}  // namespace kimonet::services
