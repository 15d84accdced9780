#include "auth/login_limiter.hpp"

#include <algorithm>
#include <optional>

#include "http/client_address.hpp"
#include "store/login_attempt_store.hpp"
#include "store/session_store.hpp"

namespace kimonet::auth {

namespace {

// Failures counted against a real account (known = 1) or a source's made-up names (known = 0).
struct Count {
    std::int64_t failures = 0;
    std::int64_t retry_after = 0;  // seconds until one fewer than the limit remain in the window
};

// `source`: read by LoginAttemptKey::AccountAtSource only.
Result<Count> count_failures(store::Database& db, store::LoginAttemptKey key, const std::string& value, bool known, std::int64_t now,
                             int limit, const std::string& source = {}) {
    const store::LoginFailureQuery query{key, value, known, now - kLoginWindowSeconds, source};
    Count out{TRY(store::count_login_failures(db, query)), 0};
    if (out.failures < limit) return out;
    // The window slides: the limit lifts when the failure that put the count at the limit ages out.
    if (auto at = TRY(store::login_failure_time(db, query, out.failures - limit)))
        out.retry_after = std::max<std::int64_t>(1, *at + kLoginWindowSeconds - now);
    return out;
}

Result<std::int64_t> insert_failure(store::Database& db, std::int64_t now, const std::string& account_key, const std::string& source,
                                    bool known) {
    const std::int64_t id = TRY(store::insert_login_failure(db, now, account_key, source, known));
    // Keep the table small: attempts older than a day are of no use to the limiter.
    TRY_VOID(store::delete_login_attempts_before(db, now - 86400));
    return id;
}

}  // namespace

Error login_rate_limited(std::int64_t retry_after_seconds) {
    const std::int64_t minutes = std::max<std::int64_t>(1, (retry_after_seconds + 59) / 60);
    return rate_limited(messages::with_detail(messages::kTooManyLogins, std::to_string(minutes)), retry_after_seconds);
}

Result<bool> source_known_for_account(store::Database& db, std::int64_t now, std::string_view account_type, std::int64_t account_id,
                                      const std::string& source) {
    return store::signed_in_from(db, account_type, account_id, source, now - kKnownSourceSeconds);
}

Result<LoginAttempt> reserve_login_attempt(store::Database& db, std::int64_t now, const std::string& account_key,
                                           const std::string& address, bool known_account, bool source_signed_in) {
    LoginAttempt attempt;
    const std::string source = http::limit_source(address);  // an IPv6 client counts by its /64
    attempt.source = source;
    std::optional<std::int64_t> refused_for;  // seconds, when refused
    TRY_VOID(db.transaction([&]() -> Result<void> {
        const Count source_count = TRY(count_failures(db, store::LoginAttemptKey::Source, source, false, now, kMaxUnknownNameFailuresPerSource));
        attempt.source_over_limit = source_count.failures >= kMaxUnknownNameFailuresPerSource;
        attempt.source_retry_after = source_count.retry_after;
        if (known_account && !source_signed_in) {
            const auto sprayed =
                TRY(store::login_failure_accounts_from(db, source, now - kLoginWindowSeconds, account_key, kMaxAccountsFailedPerSource));
            if (sprayed.accounts >= kMaxAccountsFailedPerSource) {
                refused_for = sprayed.below_limit_after + kLoginWindowSeconds - now;  // nothing verified, nothing charged
                return {};
            }
        }
        if (known_account) {
            const auto key = source_signed_in ? store::LoginAttemptKey::AccountAtSource : store::LoginAttemptKey::Account;
            const Count account_count = TRY(count_failures(db, key, account_key, true, now, kMaxFailedLogins, source));
            if (account_count.failures >= kMaxFailedLogins) {
                refused_for = account_count.retry_after;
                return {};
            }
        } else if (attempt.source_over_limit) {
            refused_for = source_count.retry_after;  // no hash is verified, nothing is recorded
            return {};
        }
        attempt.id = TRY(insert_failure(db, now, account_key, source, known_account));
        return {};
    }));
    if (refused_for) return login_rate_limited(std::max<std::int64_t>(1, *refused_for));
    return attempt;
}

Result<void> record_login_success(store::Database& db, const LoginAttempt& attempt, const std::string& account_key) {
    TRY_VOID(store::mark_login_attempt_succeeded(db, attempt.id));
    // A successful login forgives the account's earlier mistakes made from the same address.
    return store::forgive_account_login_failures(db, account_key, attempt.source);
}

}  // namespace kimonet::auth
