#include "store/router_store.hpp"

#include "store/sql_dialect.hpp"

namespace kimonet::store {

static constexpr const char* kSelect = "SELECT id, name, host, port, username, isolir_profile, tls, password_encrypted, push_secrets FROM routers";

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

Result<std::int64_t> insert_router(Database& db, const Router& router, const security::SecretBox& secrets) {
    auto statement = TRY(db.prepare(
        "INSERT INTO routers(name, host, port, username, password_encrypted, isolir_profile, tls, push_secrets) VALUES (?,?,?,?,?,?,?,?)"));
    statement.bind(1, router.name).bind(2, router.host).bind(3, router.port).bind(4, router.username)
        .bind_blob(5, secrets.seal(router.password)).bind(6, router.isolir_profile).bind(7, router.tls).bind(8, router.push_secrets);
    TRY_VOID(statement.run());
    return db.last_insert_id();
}

Result<void> update_router_row(Database& db, const Router& router, const security::SecretBox& secrets) {
    auto statement = TRY(db.prepare(
        "UPDATE routers SET name=?, host=?, port=?, username=?, isolir_profile=?, tls=?, push_secrets=?, "
        "password_encrypted = COALESCE(?, password_encrypted), updated_at=" + std::string(utc_now_text(db.engine())) + " WHERE id=?"));
    statement.bind(1, router.name).bind(2, router.host).bind(3, router.port).bind(4, router.username)
        .bind(5, router.isolir_profile).bind(6, router.tls).bind(7, router.push_secrets);
    if (router.password.empty() || router.password == "\x01") statement.bind_null(8);
    else statement.bind_blob(8, secrets.seal(router.password));
    statement.bind(9, router.id);
    return statement.run();
}

Result<bool> router_has_password(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare("SELECT length(password_encrypted) > 0 FROM routers WHERE id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return false;
    return statement.column_int(0) != 0;
}

}  // namespace kimonet::store
