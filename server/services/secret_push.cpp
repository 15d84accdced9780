#include "services/secret_push.hpp"

#include <map>

#include "app/ports.hpp"
#include "services/activity_log.hpp"
#include "services/network_service.hpp"
#include "services/settings.hpp"
#include "store/customer_store.hpp"
#include "store/network_store.hpp"
#include "store/package_store.hpp"
#include "store/router_store.hpp"

namespace kimonet::services {

namespace {

// What the router should hold for one customer, or why nothing can be pushed (`refusal`).
struct Target {
    Customer customer;
    const Router* router = nullptr;
    network::PppSecret secret;
    bool enabled = true;
    std::string refusal;
};

Result<Target> push_target(app::Context& context, std::int64_t customer_id, std::map<std::int64_t, Router>& routers) {
    Target target;
    auto customer = TRY(store::find_customer(context.db, customer_id));
    if (!customer) {
        target.refusal = messages::kCustomerNotFound;
        return target;
    }
    target.customer = *customer;
    if (!customer->router_id) target.refusal = messages::kCustomerHasNoRouter;
    else if (customer->pppoe_username.empty()) target.refusal = messages::kCustomerHasNoPppoe;
    if (!target.refusal.empty()) return target;
    if (!routers.contains(*customer->router_id)) routers.emplace(*customer->router_id, TRY(router_with_password(context, *customer->router_id)));
    target.router = &routers.at(*customer->router_id);
    if (!target.router->push_secrets) {
        target.refusal = messages::with_detail(messages::kSecretPushOff, target.router->name);
        return target;
    }
    auto package = TRY(store::find_package(context.db, customer->package_id));
    if (!package) {
        target.refusal = messages::kCustomerPackageNotFound;
        return target;
    }
    target.secret.name = customer->pppoe_username;
    target.secret.password = TRY(store::customer_pppoe_password(context.db, customer->id, context.secrets));
    target.secret.profile = customer->status == CustomerStatus::Isolated ? target.router->isolir_profile : package->mikrotik_profile;
    target.secret.service = "pppoe";
    target.enabled = customer->status == CustomerStatus::Active || customer->status == CustomerStatus::Isolated;
    return target;
}

struct Applied {
    bool changed = false;
    int kicked = 0;
    std::string refusal;  // a problem retrying cannot fix
};

// Upserts the secret, sets enabled/disabled, kicks a session whose profile changed or that was
// disabled, and reads the secret back. An error means the router could not be reached or did not
// end up with the secret: the push stays pending.
Result<Applied> apply(network::RouterControl& control, const Target& target, const std::string& rate_limit) {
    Applied applied;
    const auto& wanted = target.secret;
    auto before = TRY(control.find_secret(wanted.name));
    if (!before && wanted.password.empty()) {
        applied.refusal = messages::kSecretNeedsPassword;
        return applied;
    }
    const bool was_enabled = !before || !before->disabled;
    const bool same = before && before->profile == wanted.profile && before->service == wanted.service &&
                      (wanted.password.empty() || before->password == wanted.password) && was_enabled == target.enabled;
    if (same) return applied;
    if (wanted.profile == target.router->isolir_profile) TRY_VOID(control.ensure_profile(wanted.profile, rate_limit));
    TRY_VOID(control.upsert_secret(wanted));
    if (was_enabled != target.enabled) TRY_VOID(control.set_secret_enabled(wanted.name, target.enabled));
    if (before && (before->profile != wanted.profile || !target.enabled)) applied.kicked = TRY(control.kick(wanted.name));
    auto after = TRY(control.find_secret(wanted.name));
    if (!after || after->profile != wanted.profile || after->disabled == target.enabled)
        return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterSecretNotReadBack, target.router->name + ": " + wanted.name));
    applied.changed = true;
    return applied;
}

Result<void> record(app::Context& context, const SecretPush& push, const SecretPushOutcome& outcome) {
    if (outcome.result == "pending") {
        return store::reschedule_network_action(context.db, push.action_id, context.now + retry_delay_seconds(push.attempts + 1),
                                                outcome.detail, outcome.router_id ? std::optional(outcome.router_id) : std::nullopt, true);
    }
    const bool done = outcome.result == "applied" || outcome.result == "unchanged";
    TRY_VOID(store::finish_network_action(context.db, push.action_id, done ? "done" : "failed", context.now, done ? outcome.result : outcome.detail,
                                          outcome.detail, outcome.router_id ? std::optional(outcome.router_id) : std::nullopt));
    if (outcome.result == "unchanged") return {};
    return log_activity(context, "customer.secret_push", "customer", outcome.customer_id, nullptr,
                        {{"result", outcome.result}, {"router_id", outcome.router_id}, {"profile", outcome.profile},
                         {"kicked", outcome.kicked}, {"detail", outcome.detail}});
}

}  // namespace

Result<std::optional<std::int64_t>> queue_secret_push(app::Context& context, const Customer& customer, const std::string& reason) {
    if (!customer.router_id || customer.pppoe_username.empty()) return std::optional<std::int64_t>();
    // A RADIUS customer's secret lives in Kimonet and is answered to FreeRADIUS; a local PPP secret
    // on the router would be used before RADIUS and bypass isolation.
    if (customer.connection_method == ConnectionMethod::Radius) return std::optional<std::int64_t>();
    auto router = TRY(store::find_router(context.db, *customer.router_id));
    if (!router || !router->push_secrets) return std::optional<std::int64_t>();
    TRY_VOID(store::supersede_secret_pushes(context.db, customer.id, context.now));
    store::NewNetworkAction push;
    push.customer_id = customer.id;
    push.action = "push_secret";
    push.reason = reason;
    push.created_at = context.now;
    push.router_id = router->id;
    push.attempts = 0;
    push.next_attempt_at = context.now;
    push.requested_by = context.actor.name;
    const std::int64_t id = TRY(store::insert_network_action(context.db, push));
    app::wake_after_commit(context, app::Work::Network);
    return std::optional(id);
}

Result<std::vector<SecretPushOutcome>> carry_out_secret_pushes(app::Context& context, const std::vector<SecretPush>& pushes) {
    std::vector<SecretPushOutcome> outcomes;
    std::map<std::int64_t, Router> routers;
    // A router that failed once this round is not dialled again for the next customers on it.
    std::map<std::int64_t, std::string> unreachable;
    const std::string rate_limit = TRY(get_setting(context.db, "isolir_rate_limit"));
    for (const SecretPush& push : pushes) {
        SecretPushOutcome outcome;
        outcome.action_id = push.action_id;
        outcome.customer_id = push.customer_id;
        const Target target = TRY(push_target(context, push.customer_id, routers));
        if (target.router) outcome.router_id = target.router->id;
        outcome.profile = target.secret.profile;
        if (!target.refusal.empty()) {
            outcome.result = "failed";
            outcome.detail = target.refusal;
        } else if (auto down = unreachable.find(target.router->id); down != unreachable.end()) {
            outcome.result = "pending";
            outcome.detail = down->second;
        } else {
            auto control = context.ports.router_control(*target.router, {});
            auto applied = apply(*control, target, rate_limit);
            if (!applied) {
                outcome.result = "pending";
                outcome.detail = applied.error().message();
                unreachable.emplace(target.router->id, outcome.detail);
            } else if (!applied->refusal.empty()) {
                outcome.result = "failed";
                outcome.detail = applied->refusal;
            } else {
                outcome.result = applied->changed ? "applied" : "unchanged";
                outcome.kicked = applied->kicked;
            }
        }
        TRY_VOID(context.db.transaction([&] { return record(context, push, outcome); }));
        outcomes.push_back(std::move(outcome));
    }
    return outcomes;
}

}  // namespace kimonet::services
