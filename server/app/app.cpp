#include "app/app.hpp"

#include <filesystem>

#include "auth/rbac_store.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"
#include "services/callback_inbox.hpp"
#include "store/migrations.hpp"
#include "store/settings_store.hpp"

namespace kimonet::app {

Result<std::unique_ptr<store::Database>> open_migrated_database(const std::string& path) {
    const auto parent = std::filesystem::path(store::sqlite_file(path)).parent_path();
    std::error_code ignored;
    // A new data directory is for the server's user only.
    if (!parent.empty() && std::filesystem::create_directories(parent, ignored))
        std::filesystem::permissions(parent, std::filesystem::perms::owner_all, ignored);
    auto db = TRY(store::Database::open(path));
    TRY(store::migrate(*db));
    TRY_VOID(auth::sync_rbac(*db));
    return db;
}

// A web root that contains the database directory or the key file would publish them: refuse
// to start rather than rely on the static file checks alone.
static Result<void> check_web_roots(const Config& config) {
    const std::string database_file = store::sqlite_file(config.db_path);
    if (database_file.empty()) return {};  // PostgreSQL: no database files here
    const auto database_parent = std::filesystem::path(database_file).parent_path();
    const std::string database_dir = (database_parent.empty() ? std::filesystem::path(".") : database_parent).string();
    for (const auto& [setting, root] : {std::pair{"KIMONET_WEB", config.web_dir}, std::pair{"KIMONET_LANDING", config.landing_dir}}) {
        if (root.empty()) continue;
        if (http::path_is_within(root, database_dir) || http::path_is_within(root, database_file))
            return make_error(ErrorCode::Internal, messages::with_detail(messages::kWebRootHoldsDatabase, std::string(setting) + " (" + root + "): " + database_dir));
        if (!config.secret_key_file.empty() && http::path_is_within(root, config.secret_key_file))
            return make_error(ErrorCode::Internal, messages::with_detail(messages::kWebRootHoldsKeyFile, std::string(setting) + " (" + root + "): " + config.secret_key_file));
    }
    return {};
}

Result<std::unique_ptr<App>> App::open(Config config, std::shared_ptr<const Clock> clock, Ports ports) {
    if (config.secret_key_file.empty()) {
        // Beside the SQLite file; with PostgreSQL in data/, where the SQLite file would be.
        const std::string database_file = store::sqlite_file(config.db_path);
        const auto parent = std::filesystem::path(database_file.empty() ? std::string("data/kimonet.db") : database_file).parent_path();
        config.secret_key_file = (parent.empty() ? std::filesystem::path(".") : parent).string() + "/secret.key";
        std::error_code ignored;
        if (database_file.empty() && std::filesystem::create_directories(parent, ignored))  // data/, for the server's user only
            std::filesystem::permissions(parent, std::filesystem::perms::owner_all, ignored);
    }
    TRY_VOID(check_web_roots(config));
    { TRY(open_migrated_database(config.db_path)); }
    auto secrets = TRY(security::SecretBox::load(config.secret_key_hex, config.secret_key_file));
    auto pool = TRY(store::ConnectionPool::open(config.db_path, static_cast<std::size_t>(config.threads) + 4));
    std::unique_ptr<App> app(new App(std::move(config), std::move(clock), secrets, std::move(pool), std::move(ports)));
    app->m_callback_inbox = std::make_shared<services::CallbackInbox>(*app);
    http::register_routes(app->m_router, *app);
    return app;
}


UtcOffset App::offset(store::Database& db) const {
    // Saved from the settings screen, the setting is the operator's word and wins over the
    // environment; an empty or unreadable value (written around the API) leaves KIMONET_TZ.
    auto stored = store::find_setting_value(db, "timezone");
    if (stored && *stored && !(*stored)->empty()) {
        if (auto parsed = parse_utc_offset(**stored)) return *parsed;
    }
    return m_config.utc_offset;
}

Context App::context(store::Database& db, Actor actor) const {
    return Context{db, std::move(actor), m_clock->now(), offset(db), m_secrets, m_ports, &m_signals};
}

Context App::context(store::Database& db, const http::Request& request) const {
    Actor actor{"anonymous", 0, "anonymous", request.client_ip};
    if (request.principal) {
        actor = Actor{std::string(request.principal->kind_name()), request.principal->id, request.principal->username, request.client_ip};
    }
    return context(db, std::move(actor));
}

}  // namespace kimonet::app
