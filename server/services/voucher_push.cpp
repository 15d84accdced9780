#include "services/voucher_push.hpp"

#include <algorithm>
#include <mutex>
#include <set>
#include <unordered_map>

#include "app/ports.hpp"
#include "core/voucher_messages.hpp"
#include "services/activity_log.hpp"
#include "services/network_service.hpp"
#include "services/voucher_service.hpp"
#include "store/hotspot_store.hpp"
#include "vouchers/hotspot_profile.hpp"

namespace kimonet::services {

namespace {

// One push per batch at a time in this process (the HTTP route and the scheduler's job may both
// ask). Across servers the router's unique user names still prevent duplicates.
class BusyBatches {
public:
    bool claim(std::int64_t id) {
        std::lock_guard lock(m_mutex);
        return m_busy.insert(id).second;
    }
    void release(std::int64_t id) {
        std::lock_guard lock(m_mutex);
        m_busy.erase(id);
    }

private:
    std::mutex m_mutex;
    std::set<std::int64_t> m_busy;
};

BusyBatches& busy_batches() {
    static BusyBatches instance;
    return instance;
}

Result<std::unique_ptr<network::HotspotControl>> hotspot_for(app::Context& context, std::int64_t router_id) {
    const Router router = TRY(router_with_password(context, router_id));
    if (!context.ports.hotspot_control) return make_error(ErrorCode::Unavailable);
    return context.ports.hotspot_control(router, app::RouterTimeouts{});
}

Result<VoucherPushReport> push_claimed(app::Context& context, const VoucherBatch& batch, int chunk, const VoucherPushProgress& progress) {
    VoucherPushReport report;
    report.batch_id = batch.id;
    report.total = batch.count;
    TRY_VOID(context.db.transaction([&]() -> Result<void> { return store::set_batch_status(context.db, batch.id, "pushing", ""); }));
    auto profile = TRY(store::find_hotspot_profile(context.db, batch.profile_id));
    if (!profile) return make_error(ErrorCode::NotFound, messages::kHotspotProfileNotFound);
    auto control = TRY(hotspot_for(context, batch.router_id));
    const std::string comment = voucher_batch_comment(batch.id);
    const auto remember_failure = [&](const Error& error) -> Error {
        // Left "pushing": the scheduler's job resumes it once the router answers again.
        (void)context.db.transaction([&]() -> Result<void> { return store::set_batch_status(context.db, batch.id, "pushing", error.message()); });
        return error;
    };
    if (auto ensured = control->ensure_user_profile({profile->name, profile->rate_limit, profile->shared_users}); !ensured)
        return remember_failure(ensured.error());
    // What the router already holds of this batch (an earlier run that died before its commit).
    auto on_router = control->list_users(comment);
    if (!on_router) return remember_failure(on_router.error());
    std::set<std::string> present;
    for (const auto& user : *on_router) present.insert(user.name);

    std::int64_t after_id = 0, on_router_now = batch.pushed_count;
    std::string first_refusal;
    if (progress) progress(on_router_now, batch.count);
    for (;;) {
        auto next = TRY(store::unpushed_vouchers(context.db, batch.id, after_id, chunk));
        if (next.empty()) break;
        after_id = next.back().id;
        std::vector<std::string> already;
        std::vector<network::HotspotUser> users;
        for (const auto& voucher : next) {
            if (present.contains(voucher.username)) {
                already.push_back(voucher.username);
                continue;
            }
            network::HotspotUser user;
            user.name = voucher.username;
            user.password = voucher.password;
            user.profile = profile->name;
            if (batch.time_limit_seconds > 0) user.limit_uptime = routeros_duration(batch.time_limit_seconds);
            user.limit_bytes_total = batch.quota_bytes;
            user.comment = comment;
            users.push_back(std::move(user));
        }
        std::vector<network::HotspotAddResult> results;
        if (!users.empty()) {
            auto added = control->add_users(users);
            if (!added) return remember_failure(added.error());
            results = std::move(*added);
        }
        // This chunk's markers and the progress in one commit before the next chunk goes out.
        const bool all_on_router = std::all_of(results.begin(), results.end(), [](const auto& result) { return result.added; });
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            // The chunk is the unpushed vouchers from its first id to its last: one UPDATE when the
            // router took them all, one per voucher otherwise.
            if (all_on_router) {
                TRY_VOID(store::mark_vouchers_pushed(context.db, batch.id, next.front().id, next.back().id, context.now));
            } else {
                for (const auto& name : already) TRY_VOID(store::mark_voucher_pushed(context.db, batch.id, name, context.now));
                for (const auto& result : results)
                    if (result.added) TRY_VOID(store::mark_voucher_pushed(context.db, batch.id, result.name, context.now));
            }
            return store::recount_batch_pushed(context.db, batch.id);
        }));
        report.found_on_router += static_cast<int>(already.size());
        on_router_now += static_cast<std::int64_t>(already.size());
        for (const auto& result : results) {
            if (result.added) {
                ++report.added;
                ++on_router_now;
            } else {
                // "already have user with this name" here is a user that is not ours (ours were listed above).
                ++report.refused;
                if (first_refusal.empty()) first_refusal = result.name + ": " + (result.existed ? "already have user with this name" : result.error);
            }
        }
        if (progress) progress(on_router_now, batch.count);
    }
    report.status = report.refused > 0 ? "failed" : "pushed";
    report.error = first_refusal.empty() ? "" : messages::with_detail(messages::kVoucherPushFailed, first_refusal);
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(store::set_batch_status(context.db, batch.id, report.status, report.error));
        return log_activity(context, "voucher_batch.push", "voucher_batch", batch.id, nullptr,
                            api::Json{{"added", report.added}, {"found_on_router", report.found_on_router}, {"refused", report.refused}});
    }));
    report.pushed = TRY(get_voucher_batch(context.db, batch.id)).pushed_count;
    return report;
}

}  // namespace

std::string voucher_batch_comment(std::int64_t batch_id) { return "kimonet-voucher-batch-" + std::to_string(batch_id); }

Result<VoucherPushReport> push_voucher_batch(app::Context& context, std::int64_t batch_id, int chunk, const VoucherPushProgress& progress) {
    const VoucherBatch batch = TRY(get_voucher_batch(context.db, batch_id));
    if (!busy_batches().claim(batch_id)) return make_error(ErrorCode::Conflict, messages::kVoucherBatchBusy);
    auto report = push_claimed(context, batch, std::max(1, chunk), progress);
    busy_batches().release(batch_id);
    return report;
}

Result<api::Json> push_pending_voucher_batches(app::Context& context) {
    api::Json pushed = api::Json::array();
    for (std::int64_t id : TRY(store::batches_to_push(context.db))) {
        auto report = push_voucher_batch(context, id);
        pushed.push_back(report ? api::Json{{"batch_id", id}, {"status", report->status}, {"pushed", report->pushed}}
                                : api::Json{{"batch_id", id}, {"error", report.error().message()}});
    }
    return api::Json{{"batches", std::move(pushed)}};
}

Result<VoucherExpiryReport> expire_vouchers(app::Context& context) {
    VoucherExpiryReport report;
    for (std::int64_t batch_id : TRY(store::batches_with_live_vouchers(context.db))) {
        const VoucherBatch batch = TRY(get_voucher_batch(context.db, batch_id));
        auto control = hotspot_for(context, batch.router_id);
        if (!control) {
            ++report.unreachable_routers;
            continue;
        }
        auto users = (*control)->list_users(voucher_batch_comment(batch_id));
        if (!users) {
            ++report.unreachable_routers;
            continue;
        }
        auto active = (*control)->list_active();
        if (!active) {
            ++report.unreachable_routers;
            continue;
        }
        std::unordered_map<std::string, const network::HotspotUser*> by_name;
        for (const auto& user : *users) by_name[user.name] = &user;
        std::set<std::string> online;
        for (const auto& session : *active) online.insert(session.user);

        std::vector<std::pair<std::int64_t, std::string>> to_remove;  // voucher id, router .id
        std::vector<std::int64_t> gone;                                // no longer on the router at all
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            for (const Voucher& voucher : TRY(store::live_vouchers(context.db, batch_id))) {
                ++report.checked;
                auto found = by_name.find(voucher.username);
                if (found == by_name.end()) {
                    gone.push_back(voucher.id);
                    continue;
                }
                const network::HotspotUser& user = *found->second;
                const std::int64_t uptime = parse_routeros_duration(user.uptime).value_or(0);
                const std::int64_t bytes = user.bytes_in + user.bytes_out;
                const bool used = uptime > 0 || bytes > 0 || online.contains(voucher.username);
                std::optional<std::int64_t> first_used = voucher.first_used_at;
                if (used) {
                    TRY_VOID(store::record_voucher_usage(context.db, voucher.id, uptime, bytes, context.now));
                    if (!first_used) first_used = context.now;
                }
                std::string ended = voucher.ended_at ? voucher.state : "";
                if (ended.empty()) {
                    if ((batch.time_limit_seconds > 0 && uptime >= batch.time_limit_seconds) || (batch.quota_bytes > 0 && bytes >= batch.quota_bytes))
                        ended = "used_up";
                    else if (batch.validity_days > 0 && first_used && context.now >= *first_used + batch.validity_days * 86400LL)
                        ended = "expired";
                    if (!ended.empty()) {
                        TRY_VOID(store::end_voucher(context.db, voucher.id, ended, context.now));
                        ++(ended == "used_up" ? report.used_up : report.expired);
                    }
                }
                if (!ended.empty()) to_remove.emplace_back(voucher.id, user.id);
            }
            for (std::int64_t id : gone) {
                TRY_VOID(store::end_voucher(context.db, id, "expired", context.now));
                TRY_VOID(store::mark_voucher_removed(context.db, id, context.now));
            }
            return {};
        }));
        if (to_remove.empty()) continue;
        std::vector<std::string> ids;
        for (const auto& [voucher_id, router_id] : to_remove) ids.push_back(router_id);
        auto removed = (*control)->remove_users(ids);
        if (!removed) {
            ++report.unreachable_routers;  // ended in the database; removed on the next run
            continue;
        }
        // Read back: only what the router no longer lists is marked removed.
        auto after = (*control)->list_users(voucher_batch_comment(batch_id));
        if (!after) {
            ++report.unreachable_routers;
            continue;
        }
        std::set<std::string> still;
        for (const auto& user : *after) still.insert(user.id);
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            for (const auto& [voucher_id, router_id] : to_remove) {
                if (still.contains(router_id)) continue;
                TRY_VOID(store::mark_voucher_removed(context.db, voucher_id, context.now));
                ++report.removed;
            }
            return log_activity(context, "voucher.expire", "voucher_batch", batch_id, nullptr, api::Json{{"removed", report.removed}});
        }));
    }
    return report;
}

}  // namespace kimonet::services
