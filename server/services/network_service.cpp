#include "services/network_service.hpp"

#include <map>

#include "app/ports.hpp"
#include "core/money.hpp"
#include "services/activity_log.hpp"
#include "services/address_isolation.hpp"
#include "services/notification_service.hpp"
#include "services/radius_isolation.hpp"
#include "services/secret_push.hpp"
#include "services/settings.hpp"
#include "store/customer_store.hpp"
#include "store/network_store.hpp"
#include "store/package_store.hpp"
#include "store/router_store.hpp"

namespace kimonet::services {

namespace {

struct Resolved {
    Intent intent;
    Customer customer;
    std::string profile;  // the profile the router should end up with
    std::int64_t max_pending_id = 0;  // newest pending row seen before touching the router
    std::string error;
};

Result<std::int64_t> newest_pending_id(store::Database& db, std::int64_t customer_id) {
    return store::newest_pending_isolation_id(db, customer_id);
}

// Static-IP and DHCP customers are isolated by address list, PPPoE customers by profile, RADIUS
// customers by their RADIUS answer and a CoA / Disconnect-Request to the NAS.
bool by_address(const Customer& customer) {
    return customer.connection_method == ConnectionMethod::Static || customer.connection_method == ConnectionMethod::Dhcp;
}
bool by_radius(const Customer& customer) { return customer.connection_method == ConnectionMethod::Radius; }

Result<Resolved> resolve(app::Context& context, const Intent& intent, std::map<std::int64_t, Router>& routers) {
    Resolved resolved{intent, {}, {}, 0, {}};
    auto customer = TRY(store::find_customer(context.db, intent.customer_id));
    if (!customer) {
        resolved.error = messages::kCustomerNotFound;
        return resolved;
    }
    resolved.customer = *customer;
    resolved.max_pending_id = TRY(newest_pending_id(context.db, intent.customer_id));
    if (customer->status != CustomerStatus::Active && customer->status != CustomerStatus::Isolated)
        resolved.error = messages::with_detail(messages::kCustomerStatusBlocksNetwork, to_string(customer->status));
    else if (!customer->router_id) resolved.error = messages::kCustomerHasNoRouter;
    else if (by_address(*customer) && customer->ip_address.empty()) resolved.error = messages::kCustomerHasNoIpAddress;
    else if (!by_address(*customer) && customer->pppoe_username.empty()) resolved.error = messages::kCustomerHasNoPppoe;
    if (!resolved.error.empty()) return resolved;
    if (!routers.contains(*customer->router_id)) routers.emplace(*customer->router_id, TRY(router_with_password(context, *customer->router_id)));
    if (by_radius(*customer)) {  // RADIUS: what was sent to the NAS is filled in by carry_out
        resolved.profile.clear();
        return resolved;
    }
    if (by_address(*customer)) {  // static / DHCP: the "profile" is the isolir address list, or none
        resolved.profile = intent.action == NetworkAction::Isolate ? kIsolirAddressList : "";
        return resolved;
    }
    const Router& router = routers.at(*customer->router_id);
    if (intent.action == NetworkAction::Isolate) {
        resolved.profile = router.isolir_profile;
    } else {
        auto package = TRY(store::find_package(context.db, customer->package_id));
        if (!package) resolved.error = messages::kCustomerPackageNotFound;
        else resolved.profile = package->mikrotik_profile;
    }
    return resolved;
}

// The WhatsApp isolir notice / "service restored" message, queued in the outbox. A customer
// whose notice cannot be prepared (e.g. no usable phone) is still isolated: the notice is best effort.
void queue_status_notice(app::Context& context, const Resolved& resolved, NetworkAction action, std::int64_t log_id) {
    NotificationRequest request(MessageClass::Transactional);
    request.key = "network:" + std::string(action == NetworkAction::Isolate ? "isolir_notice" : "service_restored") + ":" +
                  std::to_string(resolved.customer.id) + ":" + std::to_string(log_id);
    request.customer_id = resolved.customer.id;
    request.template_key = action == NetworkAction::Isolate ? "isolir_notice" : "service_restored";
    if (action == NetworkAction::Isolate) {
        // Without an unpaid invoice (a manual isolation) the bill template does not fit: plain text.
        const std::string company = get_setting(context.db, "company_name").value_or("");
        request.template_key.clear();
        request.body = "Halo " + resolved.customer.name + ", layanan internet Anda (" + resolved.customer.service_number +
                       ") saat ini diisolir. Silakan hubungi kami untuk informasi lebih lanjut.\n\n" + company;
        const std::string base = public_base_url(context.db, "").value_or("");
        auto invoice = store::open_invoice_summaries(context.db, resolved.customer.id, 1);
        if (invoice) {
            if (!invoice->empty()) {
                request.variables["invoice_no"] = invoice->front().invoice_no;
                request.variables["periode"] = invoice->front().period;
                request.variables["total"] = format_rupiah(invoice->front().outstanding);
                request.variables["payment_link"] = base + "/isolir?u=" + resolved.customer.pppoe_username;
                request.template_key = "isolir_notice";
                request.body.clear();
            }
        }
    }
    (void)queue_notification(context, request);
}

CustomerStatus intended_status(NetworkAction action) { return action == NetworkAction::Isolate ? CustomerStatus::Isolated : CustomerStatus::Active; }

Result<void> supersede_older(app::Context& context, const Resolved& resolved, std::optional<std::int64_t> keep, const std::string& result) {
    return store::supersede_isolation_actions(context.db, resolved.customer.id, resolved.intent.pending_action_id.value_or(0), result,
                                              resolved.max_pending_id, keep.value_or(0), context.now);
}

Result<void> record(app::Context& context, const Resolved& resolved, NetworkOutcome& outcome) {
    const bool success = outcome.result == "applied" || outcome.result == "unchanged";
    const bool retry = resolved.intent.pending_action_id.has_value();
    const bool newer_intent = TRY(newest_pending_id(context.db, resolved.customer.id)) > resolved.max_pending_id;
    if (success) {
        TRY_VOID(supersede_older(context, resolved, std::nullopt, outcome.result));
    } else if (retry) {
        TRY_VOID(supersede_older(context, resolved, resolved.intent.pending_action_id, {}));
        TRY_VOID(store::reschedule_network_action(context.db, *resolved.intent.pending_action_id,
                                                  context.now + retry_delay_seconds(resolved.intent.attempts + 1), outcome.detail,
                                                  outcome.router_id, false));
        outcome.pending_action_id = resolved.intent.pending_action_id;
    } else {
        TRY_VOID(supersede_older(context, resolved, std::nullopt, {}));
        store::NewNetworkAction pending;
        pending.customer_id = resolved.customer.id;
        pending.action = std::string(to_string(outcome.action));
        pending.reason = resolved.intent.reason;
        pending.created_at = context.now;
        pending.router_id = outcome.router_id;
        pending.attempts = 1;
        pending.next_attempt_at = context.now + retry_delay_seconds(1);
        pending.last_error = outcome.detail;
        pending.requested_by = context.actor.name;
        outcome.pending_action_id = TRY(store::insert_network_action(context.db, pending));
    }
    const CustomerStatus status = intended_status(outcome.action);
    if (!newer_intent && resolved.customer.status != status) {
        TRY_VOID(store::set_customer_network_status(context.db, resolved.customer.id, std::string(to_string(status)), context.now));
    }
    // A retry that fails again only moves the retry clock; the log already says "pending".
    if (retry && !success) return {};
    store::IsolationLogEntry entry;
    entry.at = context.now;
    entry.customer_id = resolved.customer.id;
    entry.router_id = outcome.router_id;
    entry.action = std::string(to_string(outcome.action));
    entry.reason = resolved.intent.reason;
    entry.result = outcome.result;
    entry.profile_before = outcome.profile_before;
    entry.profile_after = outcome.profile_after;
    entry.detail = outcome.detail;
    entry.actor_type = context.actor.type;
    entry.actor_id = context.actor.id ? std::optional(context.actor.id) : std::nullopt;
    entry.actor_name = context.actor.name;
    const std::int64_t log_id = TRY(store::insert_isolation_log(context.db, entry));
    if (!newer_intent && resolved.customer.status != status) queue_status_notice(context, resolved, outcome.action, log_id);
    return log_activity(context, "customer." + std::string(to_string(outcome.action)), "customer", resolved.customer.id,
                        {{"status", to_string(resolved.customer.status)}},
                        {{"status", to_string(newer_intent ? resolved.customer.status : status)}, {"network", outcome.result},
                         {"reason", resolved.intent.reason}});
}

Result<NetworkOutcome> single(app::Context& context, std::int64_t customer_id, NetworkAction action, const std::string& reason) {
    std::map<std::int64_t, Router> routers;
    auto resolved = TRY(resolve(context, {customer_id, action, reason, std::nullopt, 0}, routers));
    if (resolved.customer.id == 0) return make_error(ErrorCode::NotFound, resolved.error);
    if (!resolved.error.empty()) return validation_error({{"customer", resolved.error}}, resolved.error);
    auto outcomes = TRY(carry_out(context, {resolved.intent}));
    return outcomes.front();
}

}  // namespace

std::string_view to_string(NetworkAction action) { return action == NetworkAction::Isolate ? "isolate" : "restore"; }

api::Json to_json(const NetworkOutcome& outcome) {
    api::Json out = {{"customer_id", outcome.customer_id}, {"router_id", outcome.router_id}, {"action", to_string(outcome.action)},
                     {"result", outcome.result}, {"profile_before", outcome.profile_before}, {"profile_after", outcome.profile_after},
                     {"kicked", outcome.kicked}, {"detail", outcome.detail}};
    out["pending_action_id"] = outcome.pending_action_id ? api::Json(*outcome.pending_action_id) : api::Json(nullptr);
    return out;
}

std::int64_t retry_delay_seconds(int attempts) {
    std::int64_t delay = 30;
    for (int step = 1; step < attempts && delay < 3600; ++step) delay *= 2;
    return std::min<std::int64_t>(delay, 3600);
}

Result<Router> router_with_password(app::Context& context, std::int64_t router_id) {
    auto router = TRY(store::find_router(context.db, router_id, &context.secrets));
    if (!router) return make_error(ErrorCode::NotFound, messages::kRouterNotFound);
    return *router;
}

Result<NetworkOutcome> isolate(app::Context& context, std::int64_t customer_id, const std::string& reason) {
    return single(context, customer_id, NetworkAction::Isolate, reason.empty() ? "manual" : reason);
}

Result<NetworkOutcome> restore(app::Context& context, std::int64_t customer_id, const std::string& reason) {
    return single(context, customer_id, NetworkAction::Restore, reason.empty() ? "manual" : reason);
}

Result<std::vector<NetworkOutcome>> carry_out(app::Context& context, const std::vector<Intent>& intents) {
    std::map<std::int64_t, Router> routers;
    std::vector<Resolved> resolved;
    std::vector<NetworkOutcome> outcomes(intents.size());
    std::map<std::int64_t, std::vector<std::size_t>> by_router;
    for (std::size_t index = 0; index < intents.size(); ++index) {
        resolved.push_back(TRY(resolve(context, intents[index], routers)));
        auto& outcome = outcomes[index];
        outcome.customer_id = intents[index].customer_id;
        outcome.action = intents[index].action;
        outcome.profile_after = resolved.back().profile;
        if (!resolved.back().error.empty()) {
            outcome.result = "failed";
            outcome.detail = resolved.back().error;
            continue;
        }
        outcome.router_id = *resolved.back().customer.router_id;
        by_router[outcome.router_id].push_back(index);
    }
    const std::string rate_limit = TRY(get_setting(context.db, "isolir_rate_limit"));
    for (const auto& [router_id, members] : by_router) {
        const Router& router = routers.at(router_id);
        auto control = context.ports.router_control(router, {});
        std::vector<std::size_t> by_profile, by_list, by_nas;
        for (std::size_t index : members)
            (by_radius(resolved[index].customer) ? by_nas : by_address(resolved[index].customer) ? by_list : by_profile).push_back(index);
        std::vector<network::ProfileSwitch> switches;
        bool any_isolate = false;
        for (std::size_t index : by_profile) {
            switches.push_back({resolved[index].customer.pppoe_username, resolved[index].profile});
            any_isolate = any_isolate || intents[index].action == NetworkAction::Isolate;
        }
        Result<std::vector<network::ProfileSwitchResult>> switched = std::vector<network::ProfileSwitchResult>();
        if (any_isolate) {
            if (auto ensured = control->ensure_profile(router.isolir_profile, rate_limit); !ensured) switched = std::move(ensured).error();
        }
        if (switched && !switches.empty()) switched = control->switch_profiles(switches);
        for (std::size_t position = 0; position < by_profile.size(); ++position) {
            auto& outcome = outcomes[by_profile[position]];
            if (!switched) {
                outcome.result = "pending";
                outcome.detail = switched.error().message();
                continue;
            }
            const auto& result = switched->at(position);
            outcome.profile_before = result.profile_before;
            outcome.kicked = result.kicked;
            outcome.result = result.ok ? (result.changed ? "applied" : "unchanged") : "pending";
            if (!result.ok) outcome.detail = "router " + router.name + ": " + result.error;
        }
        std::vector<AddressChange> changes;
        for (std::size_t index : by_list) {
            const Customer& customer = resolved[index].customer;
            changes.push_back({customer.ip_address, customer.connection_method == ConnectionMethod::Dhcp ? customer.mac_address : std::string(),
                               intents[index].action == NetworkAction::Isolate, "kimonet " + customer.service_number});
        }
        const auto listed = apply_address_changes(*control, changes);
        for (std::size_t position = 0; position < by_list.size(); ++position) {
            auto& outcome = outcomes[by_list[position]];
            if (!listed) {
                outcome.result = "pending";
                outcome.detail = listed.error().message();
                continue;
            }
            const auto& result = listed->at(position);
            outcome.profile_before = result.was_listed ? kIsolirAddressList : "";
            outcome.result = result.ok ? (result.changed ? "applied" : "unchanged") : "pending";
            if (!result.ok) outcome.detail = "router " + router.name + ": " + result.error;
        }
        std::vector<RadiusChange> radius_changes;
        for (std::size_t index : by_nas) radius_changes.push_back({resolved[index].customer, intents[index].action == NetworkAction::Isolate});
        const auto answered = apply_radius_changes(context, router, radius_changes);
        for (std::size_t position = 0; position < by_nas.size(); ++position) {
            auto& outcome = outcomes[by_nas[position]];
            if (!answered) {
                outcome.result = "pending";
                outcome.detail = answered.error().message();
                continue;
            }
            const auto& result = answered->at(position);
            outcome.profile_after = result.sent;
            outcome.result = result.ok ? "applied" : "pending";
            outcome.detail = "NAS " + router.name + ": " + result.detail;
        }
        const auto& router_members = members;  // a lambda cannot capture a structured binding under clang 14
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            for (std::size_t index : router_members) TRY_VOID(record(context, resolved[index], outcomes[index]));
            return {};
        }));
    }
    // Pending rows that can never be carried out (customer gone, no router) end as failed, with the reason.
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        for (std::size_t index = 0; index < intents.size(); ++index) {
            if (outcomes[index].result != "failed" || !intents[index].pending_action_id) continue;
            TRY_VOID(store::fail_network_action(context.db, *intents[index].pending_action_id, context.now, outcomes[index].detail));
        }
        return {};
    }));
    return outcomes;
}

Result<PendingRun> process_pending_network_actions(app::Context& context, int limit) {
    PendingRun run;
    // The network worker calls this several times a second: stay read-only when nothing waits.
    if (!TRY(store::any_pending_network_action(context.db))) return run;
    // Only the newest pending row of each customer is carried out; older ones are superseded. Secret
    // pushes and isolate/restore are separate lines: each push re-reads the customer, so only the
    // newest push matters, and it never stands in for an isolation's kick and log.
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        run.superseded = TRY(store::supersede_stale_network_actions(context.db, context.now));
        return {};
    }));
    std::vector<Intent> intents;
    std::vector<SecretPush> pushes;
    // On PostgreSQL the rows are leased to this server (N servers: no two push the same action; a
    // dead server's rows are due again after the lease): long enough for a batch against routers
    // that answer slowly (each call has its own short timeout), short enough that the actions of a
    // server that died are carried out by another within two minutes.
    constexpr std::int64_t kNetworkActionLeaseSeconds = 120;
    auto due_rows = TRY(store::claim_due_network_actions(context.db, context.now, context.now + kNetworkActionLeaseSeconds, limit));
    for (auto& due : due_rows) {
        if (due.action == "push_secret") {
            pushes.push_back({due.id, due.customer_id, due.attempts});
            continue;
        }
        Intent intent;
        intent.pending_action_id = due.id;
        intent.customer_id = due.customer_id;
        intent.action = due.action == "isolate" ? NetworkAction::Isolate : NetworkAction::Restore;
        intent.reason = std::move(due.reason);
        intent.attempts = due.attempts;
        intents.push_back(std::move(intent));
    }
    run.due = static_cast<int>(intents.size() + pushes.size());
    auto count = [&run](const std::string& result) {
        if (result == "applied" || result == "unchanged") ++run.applied;
        else if (result == "failed") ++run.failed;
        else ++run.still_pending;
    };
    const auto outcomes = TRY(carry_out(context, intents));
    for (const auto& outcome : outcomes) count(outcome.result);
    const auto pushed = TRY(carry_out_secret_pushes(context, pushes));
    for (const auto& outcome : pushed) count(outcome.result);
    return run;
}

Result<api::Json> isolation_log(store::Database& db, std::int64_t customer_id) {
    api::Json rows = api::Json::array();
    const auto entries = TRY(store::list_isolation_log(db, customer_id));
    for (const auto& entry : entries) {
        rows.push_back({{"id", entry.id}, {"at", entry.at}, {"router_id", entry.router_id}, {"router_name", entry.router_name},
                        {"action", entry.action}, {"reason", entry.reason}, {"result", entry.result},
                        {"profile_before", entry.profile_before}, {"profile_after", entry.profile_after}, {"detail", entry.detail},
                        {"actor_type", entry.actor_type}, {"actor_name", entry.actor_name}});
    }
    return rows;
}

}  // namespace kimonet::services
