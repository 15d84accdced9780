#include "store/two_factor_store.hpp"

#include "store/auth_returning.hpp"

namespace kimonet::store {

static Result<void> run_for_user(Database& db, const char* sql, std::int64_t user_id) {
    auto statement = TRY(db.prepare(sql));
    statement.bind(1, user_id);
    return statement.run();
}

Result<std::optional<SecondFactorRow>> find_second_factor(Database& db, std::int64_t user_id) {
    auto row = TRY(db.prepare("SELECT secret_sealed, enabled_at, last_used_step FROM user_two_factor WHERE user_id = ?"));
    row.bind(1, user_id);
    if (!TRY(row.step())) return std::optional<SecondFactorRow>();
    return std::optional<SecondFactorRow>(SecondFactorRow{row.column_text(0), !row.column_is_null(1), row.column_int(2)});
}

Result<bool> second_factor_enabled(Database& db, std::int64_t user_id) {
    auto row = TRY(db.prepare("SELECT 1 FROM user_two_factor WHERE user_id = ? AND enabled_at IS NOT NULL"));
    row.bind(1, user_id);
    return TRY(row.step());
}

Result<bool> second_factor_enrolment_missing(Database& db, std::int64_t user_id) {
    auto row = TRY(db.prepare(
        "SELECT 1 FROM user_role ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? AND r.require_two_factor = 1 "
        "AND NOT EXISTS (SELECT 1 FROM user_two_factor t WHERE t.user_id = ur.user_id AND t.enabled_at IS NOT NULL)"));
    row.bind(1, user_id);
    return TRY(row.step());
}

Result<TwoFactorStatusRow> two_factor_status_of(Database& db, std::int64_t user_id) {
    // CASE gives integers on both engines (a bare comparison or EXISTS is a boolean on PostgreSQL).
    auto row = TRY(db.prepare(
        "SELECT (SELECT CASE WHEN enabled_at IS NULL THEN 0 ELSE 1 END FROM user_two_factor WHERE user_id = :user), "
        "CASE WHEN EXISTS (SELECT 1 FROM user_role ur JOIN roles r ON r.id = ur.role_id "
        "WHERE ur.user_id = :user AND r.require_two_factor = 1) THEN 1 ELSE 0 END, "
        "(SELECT COUNT(*) FROM two_factor_recovery_codes WHERE user_id = :user AND used_at IS NULL)"));
    row.bind_named(":user", user_id);
    TRY(row.step());
    TwoFactorStatusRow status;
    status.enrolled = !row.column_is_null(0);
    status.enabled = status.enrolled && row.column_int(0) == 1;
    status.required_by_role = row.column_int(1) == 1;
    status.recovery_codes_left = row.column_int(2);
    return status;
}

Result<bool> advance_totp_step(Database& db, std::int64_t user_id, std::int64_t step) {
    auto update = TRY(db.prepare("UPDATE user_two_factor SET last_used_step = ? WHERE user_id = ? AND last_used_step < ?"));
    update.bind(1, step).bind(2, user_id).bind(3, step);
    TRY_VOID(update.run());
    return db.changes() == 1;
}

Result<bool> use_recovery_code_hash(Database& db, std::int64_t user_id, std::string_view code_hash, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE two_factor_recovery_codes SET used_at = ? WHERE id = "
        "(SELECT id FROM two_factor_recovery_codes WHERE user_id = ? AND code_hash = ? AND used_at IS NULL LIMIT 1)"));
    update.bind(1, now).bind(2, user_id).bind(3, code_hash);
    TRY_VOID(update.run());
    return db.changes() == 1;
}

Result<void> save_pending_second_factor(Database& db, std::int64_t user_id, std::string_view secret_sealed, std::int64_t now) {
    auto upsert = TRY(db.prepare(
        "INSERT INTO user_two_factor(user_id, secret_sealed, enabled_at, last_used_step, created_at) VALUES (?,?,NULL,0,?) "
        "ON CONFLICT(user_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, last_used_step = 0, created_at = excluded.created_at "
        "WHERE user_two_factor.enabled_at IS NULL"));
    upsert.bind(1, user_id).bind_blob(2, secret_sealed).bind(3, now);
    return upsert.run();
}

Result<void> enable_second_factor(Database& db, std::int64_t user_id, std::int64_t now) {
    auto enable = TRY(db.prepare("UPDATE user_two_factor SET enabled_at = ? WHERE user_id = ? AND enabled_at IS NULL"));
    enable.bind(1, now).bind(2, user_id);
    return enable.run();
}

Result<void> replace_recovery_codes(Database& db, std::int64_t user_id, const std::vector<std::string>& code_hashes) {
    TRY_VOID(run_for_user(db, "DELETE FROM two_factor_recovery_codes WHERE user_id = ?", user_id));
    for (const auto& hash : code_hashes) {
        auto insert = TRY(db.prepare("INSERT INTO two_factor_recovery_codes(user_id, code_hash) VALUES (?, ?)"));
        insert.bind(1, user_id).bind(2, hash);
        TRY_VOID(insert.run());
    }
    return {};
}

Result<void> delete_second_factor(Database& db, std::int64_t user_id) {
    for (const char* sql : {"DELETE FROM user_two_factor WHERE user_id = ?", "DELETE FROM two_factor_recovery_codes WHERE user_id = ?",
                            "DELETE FROM two_factor_challenges WHERE user_id = ?"})
        TRY_VOID(run_for_user(db, sql, user_id));
    return {};
}

Result<void> delete_two_factor_challenges_of_user(Database& db, std::int64_t user_id) {
    return run_for_user(db, "DELETE FROM two_factor_challenges WHERE user_id = ?", user_id);
}

Result<void> delete_two_factor_challenges_expired_before(Database& db, std::int64_t before) {
    auto prune = TRY(db.prepare("DELETE FROM two_factor_challenges WHERE expires_at < ?"));
    prune.bind(1, before);
    return prune.run();
}

Result<void> insert_two_factor_challenge(Database& db, const NewTwoFactorChallenge& challenge) {
    auto insert = TRY(db.prepare(
        "INSERT INTO two_factor_challenges(challenge_hash, user_id, ip, created_at, expires_at) VALUES (?,?,?,?,?)"));
    insert.bind(1, challenge.challenge_hash)
        .bind(2, challenge.user_id)
        .bind(3, challenge.ip)
        .bind(4, challenge.created_at)
        .bind(5, challenge.expires_at);
    return insert.run();
}

Result<bool> spend_two_factor_answer(Database& db, std::string_view challenge_hash, std::int64_t now, int max_answers) {
    auto spend = TRY(db.prepare(
        "UPDATE two_factor_challenges SET failures = failures + 1 "
        "WHERE challenge_hash = ? AND used_at IS NULL AND expires_at > ? AND failures < ?"));
    spend.bind(1, challenge_hash).bind(2, now).bind(3, max_answers);
    TRY_VOID(spend.run());
    return db.changes() == 1;
}

Result<std::optional<TwoFactorChallengeRow>> find_two_factor_challenge(Database& db, std::string_view challenge_hash) {
    auto row = TRY(db.prepare("SELECT id, user_id, used_at, expires_at, failures FROM two_factor_challenges WHERE challenge_hash = ?"));
    row.bind(1, challenge_hash);
    if (!TRY(row.step())) return std::optional<TwoFactorChallengeRow>();
    return std::optional<TwoFactorChallengeRow>(
        TwoFactorChallengeRow{row.column_int(0), row.column_int(1), !row.column_is_null(2), row.column_int(3), row.column_int(4)});
}

Result<bool> consume_two_factor_challenge(Database& db, std::int64_t challenge_id, std::int64_t now) {
    auto consume = TRY(db.prepare("UPDATE two_factor_challenges SET used_at = ? WHERE id = ? AND used_at IS NULL"));
    consume.bind(1, now).bind(2, challenge_id);
    TRY_VOID(consume.run());
    return db.changes() == 1;
}

Result<std::int64_t> count_two_factor_failures_since(Database& db, std::int64_t user_id, std::int64_t since) {
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM two_factor_failures WHERE user_id = ? AND at > ?"));
    count.bind(1, user_id).bind(2, since);
    TRY(count.step());
    return count.column_int(0);
}

Result<std::int64_t> insert_two_factor_failure(Database& db, std::int64_t user_id, std::int64_t at) {
    auto insert = TRY(db.prepare("INSERT INTO two_factor_failures(user_id, at) VALUES (?, ?) RETURNING id"));
    insert.bind(1, user_id).bind(2, at);
    return detail::run_returning_id(insert);
}

Result<void> delete_two_factor_failure(Database& db, std::int64_t failure_id) {
    auto release = TRY(db.prepare("DELETE FROM two_factor_failures WHERE id = ?"));
    release.bind(1, failure_id);
    return release.run();
}

Result<void> delete_two_factor_failures_before(Database& db, std::int64_t before) {
    auto prune = TRY(db.prepare("DELETE FROM two_factor_failures WHERE at < ?"));
    prune.bind(1, before);
    return prune.run();
}

}  // namespace kimonet::store
