#include "store/router_store.hpp"

#include "store/store_time.hpp"

namespace kimonet::store {

static constexpr const char* kSelect = "SELECT id, name, host, port, username, isolir_profile, tls, password_encrypted, push_secrets, api_mode, rest_port, rest_tls FROM routers";

static Router row_to_router(const Statement& row) {
    Router router;
    router.id = row.column_int(0);
    router.name = row.column_text(1);
    router.host = row.column_text(2);
    router.port = static_cast<int>(row.column_int(3));
    router.username = row.column_text(4);
    router.isolir_profile = row.column_text(5);
    router.tls = row.column_int(6) != 0;
    router.push_secrets = row.column_int(8) != 0;
    router.api_mode = row.column_text(9);
    router.rest_port = static_cast<int>(row.column_int(10));
    router.rest_tls = row.column_int(11) != 0;
    return router;
}

Result<std::vector<Router>> list_routers(Database& db) {
    auto statement = TRY(db.prepare(std::string(kSelect) + " ORDER BY name"));
    std::vector<Router> out;
    while (TRY(statement.step())) {
        out.push_back(row_to_router(statement));
        // A placeholder so to_json reports has_password; the secret itself never leaves the store here.
        if (!statement.column_is_null(7)) out.back().password = "\x01";
    }
    return out;
}

Result<std::optional<Router>> find_router(Database& db, std::int64_t id, const security::SecretBox* secrets) {
    auto statement = TRY(db.prepare(std::string(kSelect) + " WHERE id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::optional<Router>();
    Router router = row_to_router(statement);
    if (secrets) router.password = TRY(secrets->open(statement.column_text(7)));
    else router.password = "\x01";
    return std::optional<Router>(router);
}

Result<std::int64_t> insert_router(Database& db, const Router& router, const security::SecretBox& secrets, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "INSERT INTO routers(name, host, port, username, password_encrypted, isolir_profile, tls, push_secrets, created_at, updated_at, "
        "api_mode, rest_port, rest_tls) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    const std::string at = utc_timestamp_text(now);
    statement.bind(1, router.name).bind(2, router.host).bind(3, router.port).bind(4, router.username)
        .bind_blob(5, secrets.seal(router.password)).bind(6, router.isolir_profile).bind(7, router.tls).bind(8, router.push_secrets)
        .bind(9, at).bind(10, at).bind(11, router.api_mode).bind(12, router.rest_port).bind(13, router.rest_tls);
    if (!TRY(statement.step())) return make_error(ErrorCode::Internal);  // an INSERT that succeeds returns its row
    const std::int64_t id = statement.column_int(0);
    TRY_VOID(statement.run());
    return id;
}

Result<void> update_router_row(Database& db, const Router& router, const security::SecretBox& secrets, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "UPDATE routers SET name=?, host=?, port=?, username=?, isolir_profile=?, tls=?, push_secrets=?, "
        "password_encrypted = COALESCE(?, password_encrypted), updated_at=?, api_mode=?, rest_port=?, rest_tls=? WHERE id=?"));
    statement.bind(1, router.name).bind(2, router.host).bind(3, router.port).bind(4, router.username)
        .bind(5, router.isolir_profile).bind(6, router.tls).bind(7, router.push_secrets);
    if (router.password.empty() || router.password == "\x01") statement.bind_null(8);
    else statement.bind_blob(8, secrets.seal(router.password));
    statement.bind(9, utc_timestamp_text(now)).bind(10, router.api_mode).bind(11, router.rest_port).bind(12, router.rest_tls).bind(13, router.id);
    return statement.run();
}

Result<bool> router_has_password(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare("SELECT length(password_encrypted) > 0 FROM routers WHERE id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return false;
    return statement.column_int(0) != 0;
}

Result<bool> router_name_taken(Database& db, const std::string& name, std::int64_t except_id) {
    auto statement = TRY(db.prepare("SELECT id FROM routers WHERE name = ? AND id <> ?"));
    statement.bind(1, name).bind(2, except_id);
    const bool taken = TRY(statement.step());
    statement.reset();
    return taken;
}

Result<std::int64_t> count_customers_on_router(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare("SELECT COUNT(*) FROM customers WHERE router_id = ?"));
    statement.bind(1, id);
    TRY(statement.step());
    return statement.column_int(0);
}

Result<void> delete_router_row(Database& db, std::int64_t id) {
    auto remove = TRY(db.prepare("DELETE FROM routers WHERE id = ?"));
    remove.bind(1, id);
    return remove.run();
}

}  // namespace kimonet::store
