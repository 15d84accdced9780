#include "auth/login_limiter.hpp"

#include <algorithm>
#include <optional>

namespace kimonet::auth {

namespace {

// Failures counted against a real account (known = 1) or a source's made-up names (known = 0).
struct Count {
    std::int64_t failures = 0;
    std::int64_t retry_after = 0;  // seconds until one fewer than the limit remain in the window
};

Result<Count> count_failures(store::Database& db, const char* column, const std::string& value, bool known, std::int64_t now,
                             int limit) {
    const std::int64_t since = now - kLoginWindowSeconds;
    auto count = TRY(db.prepare(std::string("SELECT COUNT(*) FROM login_attempts WHERE success = 0 AND known = ? AND at > ? AND ") +
                                column + " = ?"));
    count.bind(1, known).bind(2, since).bind(3, value);
    TRY(count.step());
    Count out{count.column_int(0), 0};
    if (out.failures < limit) return out;
    // The window slides: the limit lifts when the failure that put the count at the limit ages out.
    auto oldest = TRY(db.prepare(std::string("SELECT at FROM login_attempts WHERE success = 0 AND known = ? AND at > ? AND ") + column +
                                 " = ? ORDER BY at LIMIT 1 OFFSET ?"));
    oldest.bind(1, known).bind(2, since).bind(3, value).bind(4, out.failures - limit);
    if (TRY(oldest.step())) out.retry_after = std::max<std::int64_t>(1, oldest.column_int(0) + kLoginWindowSeconds - now);
    return out;
}

Result<std::int64_t> insert_failure(store::Database& db, std::int64_t now, const std::string& account_key, const std::string& source,
                                    bool known) {
    auto insert = TRY(db.prepare("INSERT INTO login_attempts(at, account, ip, success, known) VALUES (?,?,?,0,?)"));
    insert.bind(1, now).bind(2, account_key).bind(3, source).bind(4, known);
    TRY_VOID(insert.run());
    const std::int64_t id = db.last_insert_id();
    // Keep the table small: attempts older than a day are of no use to the limiter.
    auto prune = TRY(db.prepare("DELETE FROM login_attempts WHERE at < ?"));
    prune.bind(1, now - 86400);
    TRY_VOID(prune.run());
    return id;
}

}  // namespace

Error login_rate_limited(std::int64_t retry_after_seconds) {
    const std::int64_t minutes = std::max<std::int64_t>(1, (retry_after_seconds + 59) / 60);
    return rate_limited(messages::with_detail(messages::kTooManyLogins, std::to_string(minutes)), retry_after_seconds);
}

Result<LoginAttempt> reserve_login_attempt(store::Database& db, std::int64_t now, const std::string& account_key,
                                           const std::string& source, bool known_account) {
    LoginAttempt attempt;
    std::optional<std::int64_t> refused_for;  // seconds, when refused
    TRY_VOID(db.transaction([&]() -> Result<void> {
        const Count source_count = TRY(count_failures(db, "ip", source, false, now, kMaxUnknownNameFailuresPerSource));
        attempt.source_over_limit = source_count.failures >= kMaxUnknownNameFailuresPerSource;
        attempt.source_retry_after = source_count.retry_after;
        if (known_account) {
            const Count account_count = TRY(count_failures(db, "account", account_key, true, now, kMaxFailedLogins));
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
    auto success = TRY(db.prepare("UPDATE login_attempts SET success = 1 WHERE id = ?"));
    success.bind(1, attempt.id);
    TRY_VOID(success.run());
    // A successful login forgives the account's earlier mistakes.
    auto forgive = TRY(db.prepare("DELETE FROM login_attempts WHERE account = ? AND known = 1 AND success = 0"));
    forgive.bind(1, account_key);
    return forgive.run();
}

}  // namespace kimonet::auth
