#include "services/network_service.hpp"

#include <map>

#include "routeros/routeros_router_control.hpp"
#include "core/money.hpp"
#include "services/activity_log.hpp"
#include "services/notification_service.hpp"
#include "services/secret_push.hpp"
#include "services/settings.hpp"
#include "store/customer_store.hpp"
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
    auto statement = TRY(db.prepare("SELECT COALESCE(MAX(id), 0) FROM network_actions WHERE customer_id = ? AND status = 'pending' AND action IN ('isolate','restore')"));
    statement.bind(1, customer_id);
    TRY(statement.step());
    return statement.column_int(0);
}

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
    else if (customer->pppoe_username.empty()) resolved.error = messages::kCustomerHasNoPppoe;
    if (!resolved.error.empty()) return resolved;
    if (!routers.contains(*customer->router_id)) routers.emplace(*customer->router_id, TRY(router_with_password(context, *customer->router_id)));
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
        auto invoice = context.db.prepare(
            "SELECT invoice_no, period, total - paid_amount FROM invoices WHERE customer_id = ? AND status IN ('unpaid','partial') "
            "ORDER BY due_date LIMIT 1");
        if (invoice) {
            invoice->bind(1, resolved.customer.id);
            if (invoice->step().value_or(false)) {
                request.variables["invoice_no"] = invoice->column_text(0);
                request.variables["periode"] = invoice->column_text(1);
                request.variables["total"] = format_rupiah(invoice->column_int(2));
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
    auto statement = TRY(context.db.prepare(
        "UPDATE network_actions SET status = 'done', processed_at = :now, result = CASE WHEN id = :own THEN :result ELSE 'superseded' END "
        "WHERE customer_id = :customer AND status = 'pending' AND action IN ('isolate','restore') AND id <= :max AND (:keep = 0 OR id <> :keep)"));
    statement.bind_named(":now", context.now).bind_named(":own", resolved.intent.pending_action_id.value_or(0));
    statement.bind_named(":result", result).bind_named(":customer", resolved.customer.id);
    statement.bind_named(":max", resolved.max_pending_id).bind_named(":keep", keep.value_or(0));
    return statement.run();
}

Result<void> record(app::Context& context, const Resolved& resolved, NetworkOutcome& outcome) {
    const bool success = outcome.result == "applied" || outcome.result == "unchanged";
    const bool retry = resolved.intent.pending_action_id.has_value();
    const bool newer_intent = TRY(newest_pending_id(context.db, resolved.customer.id)) > resolved.max_pending_id;
    if (success) {
        TRY_VOID(supersede_older(context, resolved, std::nullopt, outcome.result));
    } else if (retry) {
        TRY_VOID(supersede_older(context, resolved, resolved.intent.pending_action_id, {}));
        auto update = TRY(context.db.prepare(
            "UPDATE network_actions SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, router_id = ? WHERE id = ?"));
        update.bind(1, context.now + retry_delay_seconds(resolved.intent.attempts + 1)).bind(2, outcome.detail);
        update.bind(3, outcome.router_id).bind(4, *resolved.intent.pending_action_id);
        TRY_VOID(update.run());
        outcome.pending_action_id = resolved.intent.pending_action_id;
    } else {
        TRY_VOID(supersede_older(context, resolved, std::nullopt, {}));
        auto insert = TRY(context.db.prepare(
            "INSERT INTO network_actions(customer_id, action, status, reason, created_at, router_id, attempts, next_attempt_at, last_error, "
            "requested_by) VALUES (?, ?, 'pending', ?, ?, ?, 1, ?, ?, ?)"));
        insert.bind(1, resolved.customer.id).bind(2, to_string(outcome.action)).bind(3, resolved.intent.reason).bind(4, context.now);
        insert.bind(5, outcome.router_id).bind(6, context.now + retry_delay_seconds(1)).bind(7, outcome.detail).bind(8, context.actor.name);
        TRY_VOID(insert.run());
        outcome.pending_action_id = context.db.last_insert_id();
    }
    const CustomerStatus status = intended_status(outcome.action);
    if (!newer_intent && resolved.customer.status != status) {
        auto update = TRY(context.db.prepare(
            "UPDATE customers SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ? AND status IN ('active','isolated')"));
        update.bind(1, to_string(status)).bind(2, resolved.customer.id);
        TRY_VOID(update.run());
    }
    // A retry that fails again only moves the retry clock; the log already says "pending".
    if (retry && !success) return {};
    auto log = TRY(context.db.prepare(
        "INSERT INTO isolation_log(at, customer_id, router_id, action, reason, result, profile_before, profile_after, detail, actor_type, "
        "actor_id, actor_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    log.bind(1, context.now).bind(2, resolved.customer.id).bind(3, outcome.router_id).bind(4, to_string(outcome.action));
    log.bind(5, resolved.intent.reason).bind(6, outcome.result).bind(7, outcome.profile_before).bind(8, outcome.profile_after);
    log.bind(9, outcome.detail).bind(10, context.actor.type).bind(11, context.actor.id ? std::optional(context.actor.id) : std::nullopt);
    log.bind(12, context.actor.name);
    TRY_VOID(log.run());
    if (!newer_intent && resolved.customer.status != status) queue_status_notice(context, resolved, outcome.action, context.db.last_insert_id());
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

Result<network::RouterStatus> test_router(app::Context& context, std::int64_t router_id) {
    const Router router = TRY(router_with_password(context, router_id));
    return routeros::router_control(router)->test();
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
        auto control = routeros::router_control(router);
        std::vector<network::ProfileSwitch> switches;
        bool any_isolate = false;
        for (std::size_t index : members) {
            switches.push_back({resolved[index].customer.pppoe_username, resolved[index].profile});
            any_isolate = any_isolate || intents[index].action == NetworkAction::Isolate;
        }
        Result<std::vector<network::ProfileSwitchResult>> switched = std::vector<network::ProfileSwitchResult>();
        if (any_isolate) {
            if (auto ensured = control->ensure_profile(router.isolir_profile, rate_limit); !ensured) switched = std::move(ensured).error();
        }
        if (switched) switched = control->switch_profiles(switches);
        for (std::size_t position = 0; position < members.size(); ++position) {
            auto& outcome = outcomes[members[position]];
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
            auto update = TRY(context.db.prepare("UPDATE network_actions SET status = 'failed', processed_at = ?, result = ? WHERE id = ?"));
            update.bind(1, context.now).bind(2, outcomes[index].detail).bind(3, *intents[index].pending_action_id);
            TRY_VOID(update.run());
        }
        return {};
    }));
    return outcomes;
}

Result<PendingRun> process_pending_network_actions(app::Context& context, int limit) {
    PendingRun run;
    // The network worker calls this several times a second: stay read-only when nothing waits.
    {
        // Scoped: a read left open would make the write transaction below fail at once (database.hpp).
        auto any = TRY(context.db.prepare("SELECT EXISTS(SELECT 1 FROM network_actions WHERE status = 'pending')"));
        TRY(any.step());
        if (any.column_int(0) == 0) return run;
    }
    // Only the newest pending row of each customer is carried out; older ones are superseded. Secret
    // pushes and isolate/restore are separate lines: each push re-reads the customer, so only the
    // newest push matters, and it never stands in for an isolation's kick and log.
    auto superseded = TRY(context.db.prepare(
        "UPDATE network_actions SET status = 'done', processed_at = ?, result = 'superseded' WHERE status = 'pending' AND id < "
        "(SELECT MAX(newer.id) FROM network_actions newer WHERE newer.customer_id = network_actions.customer_id AND newer.status = 'pending' "
        "AND (newer.action = 'push_secret') = (network_actions.action = 'push_secret'))"));
    superseded.bind(1, context.now);
    TRY_VOID(context.db.transaction([&] { return superseded.run(); }));
    run.superseded = context.db.changes();
    auto due = TRY(context.db.prepare(
        "SELECT id, customer_id, action, reason, attempts FROM network_actions WHERE status = 'pending' AND next_attempt_at <= ? "
        "ORDER BY next_attempt_at, id LIMIT ?"));
    due.bind(1, context.now).bind(2, limit);
    std::vector<Intent> intents;
    std::vector<SecretPush> pushes;
    while (TRY(due.step())) {
        if (due.column_text(2) == "push_secret") {
            pushes.push_back({due.column_int(0), due.column_int(1), static_cast<int>(due.column_int(4))});
            continue;
        }
        Intent intent;
        intent.pending_action_id = due.column_int(0);
        intent.customer_id = due.column_int(1);
        intent.action = due.column_text(2) == "isolate" ? NetworkAction::Isolate : NetworkAction::Restore;
        intent.reason = due.column_text(3);
        intent.attempts = static_cast<int>(due.column_int(4));
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
    auto statement = TRY(db.prepare(
        "SELECT l.id, l.at, l.router_id, COALESCE(r.name, ''), l.action, l.reason, l.result, l.profile_before, l.profile_after, l.detail, "
        "l.actor_type, l.actor_name FROM isolation_log l LEFT JOIN routers r ON r.id = l.router_id WHERE l.customer_id = ? ORDER BY l.id DESC "
        "LIMIT 200"));
    statement.bind(1, customer_id);
    api::Json rows = api::Json::array();
    while (TRY(statement.step())) {
        rows.push_back({{"id", statement.column_int(0)}, {"at", statement.column_int(1)}, {"router_id", statement.column_int(2)},
                        {"router_name", statement.column_text(3)}, {"action", statement.column_text(4)}, {"reason", statement.column_text(5)},
                        {"result", statement.column_text(6)}, {"profile_before", statement.column_text(7)},
                        {"profile_after", statement.column_text(8)}, {"detail", statement.column_text(9)},
                        {"actor_type", statement.column_text(10)}, {"actor_name", statement.column_text(11)}});
    }
    return rows;
}

}  // namespace kimonet::services
