#include "auth/rbac_store.hpp"

#include "auth/authority.hpp"
#include "core/validation_messages.hpp"
#include "rbac/permissions.hpp"
#include "services/activity_log.hpp"

namespace kimonet::auth {

// `ON CONFLICT DO NOTHING` (rather than SQLite's INSERT OR IGNORE) works on both engines: every
// server start passes through here, on PostgreSQL too.
Result<void> sync_rbac(store::Database& db) {
    return db.transaction([&]() -> Result<void> {
        auto add_permission = TRY(db.prepare("INSERT INTO permissions(name) VALUES (?) ON CONFLICT DO NOTHING"));
        for (auto permission : rbac::all_permissions()) {
            add_permission.reset();
            add_permission.bind(1, permission);
            TRY_VOID(add_permission.run());
        }
        for (auto role : rbac::seeded_roles()) {
            auto add_role = TRY(db.prepare("INSERT INTO roles(name) VALUES (?) ON CONFLICT DO NOTHING"));
            add_role.bind(1, role);
            TRY_VOID(add_role.run());
            if (db.changes() == 0) continue;  // existing role: admins own its permissions now
            auto grant = TRY(db.prepare(
                "INSERT INTO role_permission(role_id, permission_id) SELECT r.id, p.id FROM roles r, permissions p "
                "WHERE r.name = ? AND p.name = ? ON CONFLICT DO NOTHING"));
            for (auto permission : rbac::default_permissions(role)) {
                grant.reset();
                grant.bind(1, role).bind(2, permission);
                TRY_VOID(grant.run());
            }
        }
        // The superadmin always holds every permission, including ones added by later versions.
        return db.execute(
            "INSERT INTO role_permission(role_id, permission_id) SELECT r.id, p.id FROM roles r, permissions p "
            "WHERE r.name = 'superadmin' AND p.name <> 'portal.self' ON CONFLICT DO NOTHING");
    });
}

Result<std::set<std::string>> permissions_of_role(store::Database& db, std::string_view role) {
    auto statement = TRY(db.prepare(
        "SELECT p.name FROM permissions p JOIN role_permission rp ON rp.permission_id = p.id JOIN roles r ON r.id = rp.role_id "
        "WHERE r.name = ?"));
    statement.bind(1, role);
    std::set<std::string> out;
    while (TRY(statement.step())) out.insert(statement.column_text(0));
    return out;
}

Result<std::pair<std::string, std::set<std::string>>> role_and_permissions_of_user(store::Database& db, std::int64_t user_id) {
    auto roles = TRY(db.prepare("SELECT r.name FROM roles r JOIN user_role ur ON ur.role_id = r.id WHERE ur.user_id = ? ORDER BY r.id"));
    roles.bind(1, user_id);
    std::pair<std::string, std::set<std::string>> out;
    while (TRY(roles.step())) {
        const std::string role = roles.column_text(0);
        if (out.first.empty()) out.first = role;
        for (auto& permission : TRY(permissions_of_role(db, role))) out.second.insert(permission);
    }
    return out;
}

Result<std::optional<std::int64_t>> role_id(store::Database& db, std::string_view role) {
    auto statement = TRY(db.prepare("SELECT id FROM roles WHERE name = ?"));
    statement.bind(1, role);
    if (!TRY(statement.step())) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(statement.column_int(0));
}

static Result<api::Json> role_json(store::Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare("SELECT id, name, description FROM roles WHERE id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return make_error(ErrorCode::NotFound, "role not found");
    const std::string name = statement.column_text(1);
    api::Json permissions = api::Json::array();
    for (const auto& permission : TRY(permissions_of_role(db, name))) permissions.push_back(permission);
    return api::Json{{"id", id}, {"name", name}, {"description", statement.column_text(2)}, {"permissions", permissions}};
}

Result<api::Json> list_roles(store::Database& db) {
    auto statement = TRY(db.prepare("SELECT id FROM roles ORDER BY id"));
    api::Json out = api::Json::array();
    while (TRY(statement.step())) out.push_back(TRY(role_json(db, statement.column_int(0))));
    return out;
}

static Result<std::vector<std::string>> permission_list(const api::Json& input) {
    auto it = input.is_object() ? input.find("permissions") : input.end();
    if (it == input.end() || !it->is_array()) return validation_error({{"permissions", messages::kRequired}});
    std::vector<std::string> out;
    for (const auto& item : *it) {
        if (!item.is_string() || !rbac::is_known_permission(item.get<std::string>()))
            return validation_error({{"permissions", "izin tidak dikenal"}});
        out.push_back(item.get<std::string>());
    }
    return out;
}

static Result<void> replace_permissions(store::Database& db, std::int64_t role, const std::vector<std::string>& permissions) {
    auto clear = TRY(db.prepare("DELETE FROM role_permission WHERE role_id = ?"));
    clear.bind(1, role);
    TRY_VOID(clear.run());
    auto grant = TRY(db.prepare("INSERT INTO role_permission(role_id, permission_id) SELECT ?, id FROM permissions WHERE name = ? ON CONFLICT DO NOTHING"));
    for (const auto& permission : permissions) {
        grant.reset();
        grant.bind(1, role).bind(2, permission);
        TRY_VOID(grant.run());
    }
    return {};
}

Result<api::Json> create_role(app::Context& context, const api::Json& input) {
    api::Json created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (!input.is_object()) return make_error(ErrorCode::BadRequest, "expected a JSON object");
        api::FieldReader reader(input);
        std::string name, description;
        reader.read("name", name);
        reader.read("description", description);
        if (name.empty() && reader.ok()) reader.add_error("name", messages::kRequired);
        for (char c : name)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) reader.add_error("name", "huruf kecil, angka, _");
        if (!reader.ok()) return validation_error(reader.errors());
        const auto permissions = TRY(permission_list(input));
        TRY_VOID(require_holds_all(context, std::set<std::string>(permissions.begin(), permissions.end()), "Membuat role ini"));
        if (TRY(role_id(context.db, name))) return Error{ErrorCode::Conflict, "role sudah ada", {{"name", "role sudah ada"}}};
        auto insert = TRY(context.db.prepare("INSERT INTO roles(name, description) VALUES (?, ?)"));
        insert.bind(1, name).bind(2, description);
        TRY_VOID(insert.run());
        const std::int64_t id = context.db.last_insert_id();
        TRY_VOID(replace_permissions(context.db, id, permissions));
        created = TRY(role_json(context.db, id));
        return services::log_activity(context, "role.create", "role", id, nullptr, created);
    }));
    return created;
}

Result<api::Json> set_role_permissions(app::Context& context, std::int64_t id, const api::Json& input) {
    api::Json updated;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const api::Json before = TRY(role_json(context.db, id));
        auto permissions = TRY(permission_list(input));
        if (before["name"] == "superadmin" && std::find(permissions.begin(), permissions.end(), "roles.update") == permissions.end())
            return validation_error({{"permissions", "superadmin harus tetap punya roles.update"}});
        // Granting needs the permission; so does taking it from the role's holders.
        std::set<std::string> touched(permissions.begin(), permissions.end());
        for (const auto& permission : before["permissions"]) touched.insert(permission.get<std::string>());
        TRY_VOID(require_holds_all(context, touched, "Mengubah izin role ini"));
        const std::int64_t role_administrators = TRY(count_role_administrators(context.db));
        TRY_VOID(replace_permissions(context.db, id, permissions));
        TRY_VOID(require_a_role_administrator_remains(context.db, role_administrators, "permissions"));
        updated = TRY(role_json(context.db, id));
        return services::log_activity(context, "role.permissions", "role", id, before, updated);
    }));
    return updated;
}

}  // namespace kimonet::auth
