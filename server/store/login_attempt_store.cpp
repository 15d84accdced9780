#include "store/login_attempt_store.hpp"

#include "store/auth_returning.hpp"

namespace kimonet::store {

static std::string failures_where(LoginAttemptKey key) {
    // The columns are fixed names, never caller text; the source is always the 4th parameter.
    const char* column = key == LoginAttemptKey::Source ? "ip" : "account";
    return std::string(" FROM login_attempts WHERE success = 0 AND known = ?1 AND at > ?2 AND ") + column + " = ?3" +
           (key == LoginAttemptKey::AccountAtSource ? " AND ip = ?4" : "");
}

static void bind_failures(Statement& statement, const LoginFailureQuery& query) {
    statement.bind(1, query.known).bind(2, query.since).bind(3, query.value);
    if (query.key == LoginAttemptKey::AccountAtSource) statement.bind(4, query.source);
}

Result<std::int64_t> count_login_failures(Database& db, const LoginFailureQuery& query) {
    auto count = TRY(db.prepare("SELECT COUNT(*)" + failures_where(query.key)));
    bind_failures(count, query);
    TRY(count.step());
    return count.column_int(0);
}

Result<std::optional<std::int64_t>> login_failure_time(Database& db, const LoginFailureQuery& query, std::int64_t offset) {
    const int offset_parameter = query.key == LoginAttemptKey::AccountAtSource ? 5 : 4;
    auto oldest = TRY(db.prepare("SELECT at" + failures_where(query.key) + " ORDER BY at LIMIT 1 OFFSET ?" + std::to_string(offset_parameter)));
    bind_failures(oldest, query);
    oldest.bind(offset_parameter, offset);
    if (!TRY(oldest.step())) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(oldest.column_int(0));
}

Result<SourceAccountFailures> login_failure_accounts_from(Database& db, std::string_view source, std::int64_t since,
                                                          std::string_view except_account, std::int64_t limit) {
    static constexpr const char* kPerAccount =
        "SELECT MAX(at) AS last_failure FROM login_attempts WHERE ip = ? AND known = 1 AND success = 0 AND at > ? AND account <> ? "
        "GROUP BY account";
    auto count = TRY(db.prepare(std::string("SELECT COUNT(*) FROM (") + kPerAccount + ") AS per_account"));
    count.bind(1, source).bind(2, since).bind(3, except_account);
    TRY(count.step());
    SourceAccountFailures out{count.column_int(0), 0};
    if (out.accounts < limit || limit <= 0) return out;
    auto clears = TRY(db.prepare(std::string("SELECT last_failure FROM (") + kPerAccount + ") AS per_account ORDER BY last_failure LIMIT 1 OFFSET ?"));
    clears.bind(1, source).bind(2, since).bind(3, except_account).bind(4, out.accounts - limit);
    if (TRY(clears.step())) out.below_limit_after = clears.column_int(0);
    return out;
}

Result<std::int64_t> insert_login_failure(Database& db, std::int64_t at, std::string_view account, std::string_view source, bool known) {
    auto insert = TRY(db.prepare("INSERT INTO login_attempts(at, account, ip, success, known) VALUES (?,?,?,0,?) RETURNING id"));
    insert.bind(1, at).bind(2, account).bind(3, source).bind(4, known);
    return detail::run_returning_id(insert);
}

Result<void> delete_login_attempts_before(Database& db, std::int64_t before) {
    auto prune = TRY(db.prepare("DELETE FROM login_attempts WHERE at < ?"));
    prune.bind(1, before);
    return prune.run();
}

Result<void> mark_login_attempt_succeeded(Database& db, std::int64_t attempt_id) {
    auto success = TRY(db.prepare("UPDATE login_attempts SET success = 1 WHERE id = ?"));
    success.bind(1, attempt_id);
    return success.run();
}

Result<void> forgive_account_login_failures(Database& db, std::string_view account, std::string_view source) {
    auto forgive = TRY(db.prepare("DELETE FROM login_attempts WHERE account = ? AND ip = ? AND known = 1 AND success = 0"));
    forgive.bind(1, account).bind(2, source);
    return forgive.run();
}

}  // namespace kimonet::store
