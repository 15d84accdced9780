#include "store/session_store.hpp"

#include "store/auth_returning.hpp"

namespace kimonet::store {

Result<std::int64_t> insert_api_token(Database& db, const NewApiToken& token) {
    auto insert = TRY(db.prepare(
        "INSERT INTO api_tokens(token_hash, subject_type, subject_id, created_at, expires_at, client_ip, user_agent) "
        "VALUES (?,?,?,?,?,?,?) RETURNING id"));
    insert.bind(1, token.token_hash)
        .bind(2, token.subject_type)
        .bind(3, token.subject_id)
        .bind(4, token.created_at)
        .bind(5, token.expires_at)
        .bind(6, token.client_ip)
        .bind(7, token.user_agent);
    const std::int64_t id = TRY(detail::run_returning_id(insert));
    auto oldest = TRY(db.prepare(
        "DELETE FROM api_tokens WHERE subject_type = ?1 AND subject_id = ?2 AND ("
        "id NOT IN (SELECT id FROM api_tokens WHERE subject_type = ?1 AND subject_id = ?2 ORDER BY id DESC LIMIT ?3) OR "
        "((revoked_at IS NOT NULL OR expires_at <= ?5) AND "
        "id NOT IN (SELECT id FROM api_tokens WHERE subject_type = ?1 AND subject_id = ?2 ORDER BY id DESC LIMIT ?4)))"));
    oldest.bind(1, token.subject_type).bind(2, token.subject_id).bind(3, std::int64_t{kMaxLiveSessionsPerSubject});
    oldest.bind(4, std::int64_t{kKeptEndedSessionsPerSubject}).bind(5, token.created_at);
    TRY_VOID(oldest.run());
    return id;
}

Result<bool> signed_in_from(Database& db, std::string_view subject_type, std::int64_t subject_id, std::string_view client_ip, std::int64_t since) {
    auto found = TRY(db.prepare("SELECT EXISTS(SELECT 1 FROM api_tokens WHERE subject_type = ? AND subject_id = ? AND client_ip = ? AND created_at > ?)"));
    found.bind(1, subject_type).bind(2, subject_id).bind(3, client_ip).bind(4, since);
    const bool signed_in = TRY(found.step()) && found.column_int(0) != 0;
    found.reset();
    return signed_in;
}

Result<std::optional<ApiTokenRow>> find_api_token(Database& db, std::string_view token_hash) {
    auto row = TRY(db.prepare("SELECT id, subject_type, subject_id, expires_at, revoked_at FROM api_tokens WHERE token_hash = ?"));
    row.bind(1, token_hash);
    if (!TRY(row.step())) return std::optional<ApiTokenRow>();
    return std::optional<ApiTokenRow>(
        ApiTokenRow{row.column_int(0), row.column_text(1), row.column_int(2), row.column_int(3), !row.column_is_null(4)});
}

Result<void> revoke_api_token(Database& db, std::int64_t token_id, std::int64_t now) {
    auto revoke = TRY(db.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    revoke.bind(1, now).bind(2, token_id);
    return revoke.run();
}

Result<void> revoke_subject_tokens(Database& db, std::string_view subject_type, std::int64_t subject_id, std::int64_t keep_token_id,
                                   std::int64_t now) {
    auto revoke = TRY(db.prepare(
        "UPDATE api_tokens SET revoked_at = ? WHERE subject_type = ? AND subject_id = ? AND revoked_at IS NULL AND id <> ?"));
    revoke.bind(1, now).bind(2, subject_type).bind(3, subject_id).bind(4, keep_token_id);
    return revoke.run();
}

Result<std::vector<SessionRow>> list_live_subject_tokens(Database& db, std::string_view subject_type, std::int64_t subject_id,
                                                         std::int64_t now) {
    auto statement = TRY(db.prepare(
        "SELECT id, created_at, expires_at, client_ip, user_agent FROM api_tokens "
        "WHERE subject_type = ? AND subject_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY id DESC"));
    statement.bind(1, subject_type).bind(2, subject_id).bind(3, now);
    std::vector<SessionRow> rows;
    while (TRY(statement.step()))
        rows.push_back(SessionRow{statement.column_int(0), statement.column_int(1), statement.column_int(2), statement.column_text(3),
                                  statement.column_text(4)});
    return rows;
}

Result<bool> revoke_live_subject_token(Database& db, std::int64_t token_id, std::string_view subject_type, std::int64_t subject_id,
                                       std::int64_t now) {
    auto revoke = TRY(db.prepare(
        "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND subject_type = ? AND subject_id = ? AND revoked_at IS NULL "
        "AND expires_at > ?"));
    revoke.bind(1, now).bind(2, token_id).bind(3, subject_type).bind(4, subject_id).bind(5, now);
    TRY_VOID(revoke.run());
    return db.changes() > 0;
}

}  // namespace kimonet::store
