#include "services/radius_drift.hpp"

#include <algorithm>

#include "services/activity_log.hpp"
#include "services/radius_isolation.hpp"
#include "store/customer_store.hpp"
#include "store/network_store.hpp"
#include "store/radius_store.hpp"

namespace kimonet::services {

namespace {

// How many requests in a row may go unanswered before a run stops asking that NAS.
constexpr int kRadiusDriftSilentLimit = 3;

// The drift of one online customer, or "" when the session applies what billing says.
std::string radius_drift_kind(const store::RadiusOnlineRow& row, const std::string& expected_state, const std::string& expected_rate) {
    const bool failed = row.coa_result == "nak" || row.coa_result == "timeout" || row.coa_result == "error";
    if (row.applied_state.empty()) return failed ? "coa_not_acknowledged" : "";
    if (row.applied_state != expected_state) return expected_state == "isolated" ? "session_not_isolated" : "session_still_isolated";
    if (row.applied_rate_limit != expected_rate) return "rate_limit_mismatch";
    return "";
}

}  // namespace

Result<int> radius_session_drift(app::Context& context, const Router& router, bool repair, int& budget, api::Json& entry) {
    const auto rows = TRY(store::radius_online_rows(context.db, router.id));
    if (rows.empty()) return 0;
    entry["checked"] = entry["checked"].get<std::int64_t>() + static_cast<std::int64_t>(rows.size());
    const auto policy = TRY(radius_isolir_policy(context.db));
    struct Drifted {
        std::size_t row;
        std::size_t item;
        std::string kind;
    };
    std::vector<Drifted> drifted;
    for (std::size_t index = 0; index < rows.size(); ++index) {
        const auto& row = rows[index];
        const bool isolated = row.status == "isolated";
        const std::string expected_state = isolated ? "isolated" : "normal";
        const std::string expected_rate = radius_expected_rate_limit(isolated, row.upload_kbps, row.download_kbps, policy);
        const std::string kind = radius_drift_kind(row, expected_state, expected_rate);
        if (kind.empty()) continue;
        api::Json item = {{"customer_id", row.customer_id}, {"service_number", row.service_number}, {"pppoe_username", row.username},
                          {"connection_method", "radius"}, {"status", row.status}, {"kind", kind},
                          {"expected_state", expected_state}, {"session_state", row.applied_state},
                          {"expected_rate_limit", expected_rate}, {"session_rate_limit", row.applied_rate_limit},
                          {"acct_session_id", row.acct_session_id}, {"last_coa", row.coa_result}, {"last_coa_detail", row.coa_detail},
                          {"repaired", false}, {"pending", row.pending}};
        drifted.push_back({index, entry["drift"].size(), kind});
        entry["drift"].push_back(std::move(item));
    }
    if (!repair || drifted.empty()) return 0;
    // The longest-unrepaired first (never tried, then the oldest attempt), so repeated runs reach everyone.
    std::stable_sort(drifted.begin(), drifted.end(), [&rows](const Drifted& a, const Drifted& b) { return rows[a.row].coa_at < rows[b.row].coa_at; });
    int repaired = 0, silent = 0;
    for (const Drifted& each : drifted) {
        auto& item = entry["drift"][each.item];
        if (budget <= 0 || silent >= kRadiusDriftSilentLimit) {
            item["deferred"] = true;  // the next run
            continue;
        }
        const auto& row = rows[each.row];
        const auto customer = TRY(store::find_customer(context.db, row.customer_id));
        if (!customer) continue;
        --budget;
        RadiusChange change{*customer, row.status == "isolated", each.kind == "rate_limit_mismatch"};
        const auto results = TRY(apply_radius_changes(context, router, {change}));
        const RadiusChangeResult& result = results.front();
        item["sent"] = result.sent;
        item["detail"] = result.detail;
        if (!result.ok) {
            item["error"] = result.detail;
            silent = result.unanswered ? silent + 1 : 0;
            continue;
        }
        silent = 0;
        item["repaired"] = true;
        ++repaired;
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            // The isolate / restore the network worker was retrying is done now.
            if (row.pending) TRY_VOID(store::complete_pending_radius_actions(context.db, row.customer_id, change.isolate ? "isolate" : "restore", context.now));
            store::IsolationLogEntry logged;
            logged.at = context.now;
            logged.customer_id = row.customer_id;
            logged.router_id = router.id;
            logged.action = "repair";
            logged.reason = "drift";
            logged.result = "applied";
            logged.profile_before = row.applied_state.empty() ? row.coa_result : row.applied_state + " " + row.applied_rate_limit;
            logged.profile_after = result.sent;
            logged.detail = "NAS " + router.name + ": " + result.detail;
            logged.actor_type = context.actor.type;
            logged.actor_id = context.actor.id ? std::optional(context.actor.id) : std::nullopt;
            logged.actor_name = context.actor.name;
            TRY(store::insert_isolation_log(context.db, logged));
            return {};
        }));
    }
    if (repaired > 0)
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            return log_activity(context, "network.sync", "router", router.id, api::Json::object(), {{"repaired_radius_sessions", repaired}});
        }));
    return repaired;
}

}  // namespace kimonet::services
