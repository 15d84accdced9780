#include "auth/rbac_store.hpp"

#include <iterator>

#include "auth/authority.hpp"
#include "core/validation_messages.hpp"
#include "rbac/permissions.hpp"
#include "services/activity_log.hpp"
#include "store/role_store.hpp"

namespace kimonet::auth {

Result<void> sync_rbac(store::Database& db) {
    return db.transaction([&]() -> Result<void> {
        for (auto permission : rbac::all_permissions()) TRY_VOID(store::add_permission_if_missing(db, permission));
        for (auto role : rbac::seeded_roles()) {
            if (!TRY(store::add_role_if_missing(db, role))) continue;  // existing role: admins own its permissions now
            for (auto permission : rbac::default_permissions(role)) TRY_VOID(store::grant_permission_to_role_name(db, role, permission));
        }
        // The superadmin always holds every permission, including ones added by later versions.
        return store::grant_every_permission_except(db, "superadmin", "portal.self");
    });
}

Result<std::set<std::string>> permissions_of_role(store::Database& db, std::string_view role) {
    auto names = TRY(store::permissions_of_role_name(db, role));
    return std::set<std::string>(std::make_move_iterator(names.begin()), std::make_move_iterator(names.end()));
}

Result<std::pair<std::string, std::set<std::string>>> role_and_permissions_of_user(store::Database& db, std::int64_t user_id) {
    std::pair<std::string, std::set<std::string>> out;
    for (const auto& role : TRY(store::role_names_of_user(db, user_id))) {
        if (out.first.empty()) out.first = role;
        for (auto& permission : TRY(permissions_of_role(db, role))) out.second.insert(permission);
    }
    return out;
}

Result<std::optional<std::int64_t>> role_id(store::Database& db, std::string_view role) {
    return store::find_role_id(db, role);
}

static Result<api::Json> role_json(store::Database& db, std::int64_t id) {
    const auto role = TRY(store::find_role(db, id));
    if (!role) return make_error(ErrorCode::NotFound, messages::kRoleNotFound);
    api::Json permissions = api::Json::array();
    for (const auto& permission : TRY(permissions_of_role(db, role->name))) permissions.push_back(permission);
    return api::Json{{"id", id}, {"name", role->name}, {"description", role->description}, {"permissions", permissions}};
}

Result<api::Json> list_roles(store::Database& db) {
    api::Json out = api::Json::array();
    for (const std::int64_t id : TRY(store::list_role_ids(db))) out.push_back(TRY(role_json(db, id)));
    return out;
}

static Result<std::vector<std::string>> permission_list(const api::Json& input) {
    auto it = input.is_object() ? input.find("permissions") : input.end();
    if (it == input.end() || !it->is_array()) return validation_error({{"permissions", messages::kRequired}});
    std::vector<std::string> out;
    for (const auto& item : *it) {
        if (!item.is_string() || !rbac::is_known_permission(item.get<std::string>()))
            return validation_error({{"permissions", messages::kUnknownPermission}});
        out.push_back(item.get<std::string>());
    }
    return out;
}

static Result<void> replace_permissions(store::Database& db, std::int64_t role, const std::vector<std::string>& permissions) {
    TRY_VOID(store::clear_role_permissions(db, role));
    for (const auto& permission : permissions) TRY_VOID(store::grant_permission_to_role(db, role, permission));
    return {};
}

Result<api::Json> create_role(app::Context& context, const api::Json& input) {
    api::Json created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
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
        if (TRY(role_id(context.db, name))) return Error{ErrorCode::Conflict, messages::kRoleExists, {{"name", messages::kRoleExists}}};
        const std::int64_t id = TRY(store::insert_role(context.db, name, description));
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
            return validation_error({{"permissions", messages::kSuperadminKeepsRolesUpdate}});
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
