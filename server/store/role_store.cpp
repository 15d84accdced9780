#include "store/role_store.hpp"

#include "store/auth_returning.hpp"

namespace kimonet::store {

// `ON CONFLICT DO NOTHING` rather than SQLite's INSERT OR IGNORE: the same text runs on both engines.
// An INSERT … SELECT keeps a WHERE before ON CONFLICT (SQLite's parser needs it to tell the two apart).

Result<void> add_permission_if_missing(Database& db, std::string_view permission) {
    auto insert = TRY(db.prepare("INSERT INTO permissions(name) VALUES (?) ON CONFLICT DO NOTHING"));
    insert.bind(1, permission);
    return insert.run();
}

Result<std::optional<std::int64_t>> add_role_if_missing(Database& db, std::string_view role) {
    auto insert = TRY(db.prepare("INSERT INTO roles(name) VALUES (?) ON CONFLICT DO NOTHING RETURNING id"));
    insert.bind(1, role);
    if (!TRY(insert.step())) return std::optional<std::int64_t>();
    const std::int64_t id = insert.column_int(0);
    TRY_VOID(insert.run());
    return std::optional<std::int64_t>(id);
}

Result<void> grant_permission_to_role_name(Database& db, std::string_view role, std::string_view permission) {
    auto grant = TRY(db.prepare(
        "INSERT INTO role_permission(role_id, permission_id) SELECT r.id, p.id FROM roles r, permissions p "
        "WHERE r.name = ? AND p.name = ? ON CONFLICT DO NOTHING"));
    grant.bind(1, role).bind(2, permission);
    return grant.run();
}

Result<void> grant_every_permission_except(Database& db, std::string_view role, std::string_view except) {
    auto grant = TRY(db.prepare(
        "INSERT INTO role_permission(role_id, permission_id) SELECT r.id, p.id FROM roles r, permissions p "
        "WHERE r.name = ? AND p.name <> ? ON CONFLICT DO NOTHING"));
    grant.bind(1, role).bind(2, except);
    return grant.run();
}

Result<std::optional<std::int64_t>> find_role_id(Database& db, std::string_view role) {
    auto row = TRY(db.prepare("SELECT id FROM roles WHERE name = ?"));
    row.bind(1, role);
    if (!TRY(row.step())) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(row.column_int(0));
}

Result<std::optional<RoleRow>> find_role(Database& db, std::int64_t role_id) {
    auto row = TRY(db.prepare("SELECT id, name, description FROM roles WHERE id = ?"));
    row.bind(1, role_id);
    if (!TRY(row.step())) return std::optional<RoleRow>();
    return std::optional<RoleRow>(RoleRow{row.column_int(0), row.column_text(1), row.column_text(2)});
}

Result<std::vector<std::int64_t>> list_role_ids(Database& db) {
    auto rows = TRY(db.prepare("SELECT id FROM roles ORDER BY id"));
    std::vector<std::int64_t> ids;
    while (TRY(rows.step())) ids.push_back(rows.column_int(0));
    return ids;
}

Result<std::vector<std::string>> permissions_of_role_name(Database& db, std::string_view role) {
    auto rows = TRY(db.prepare(
        "SELECT p.name FROM permissions p JOIN role_permission rp ON rp.permission_id = p.id JOIN roles r ON r.id = rp.role_id "
        "WHERE r.name = ?"));
    rows.bind(1, role);
    std::vector<std::string> names;
    while (TRY(rows.step())) names.push_back(rows.column_text(0));
    return names;
}

Result<std::vector<std::string>> role_names_of_user(Database& db, std::int64_t user_id) {
    auto rows = TRY(db.prepare("SELECT r.name FROM roles r JOIN user_role ur ON ur.role_id = r.id WHERE ur.user_id = ? ORDER BY r.id"));
    rows.bind(1, user_id);
    std::vector<std::string> names;
    while (TRY(rows.step())) names.push_back(rows.column_text(0));
    return names;
}

Result<std::int64_t> insert_role(Database& db, std::string_view name, std::string_view description) {
    auto insert = TRY(db.prepare("INSERT INTO roles(name, description) VALUES (?, ?) RETURNING id"));
    insert.bind(1, name).bind(2, description);
    return detail::run_returning_id(insert);
}

Result<void> clear_role_permissions(Database& db, std::int64_t role_id) {
    auto clear = TRY(db.prepare("DELETE FROM role_permission WHERE role_id = ?"));
    clear.bind(1, role_id);
    return clear.run();
}

Result<void> grant_permission_to_role(Database& db, std::int64_t role_id, std::string_view permission) {
    auto grant = TRY(db.prepare(
        "INSERT INTO role_permission(role_id, permission_id) SELECT ?, id FROM permissions WHERE name = ? ON CONFLICT DO NOTHING"));
    grant.bind(1, role_id).bind(2, permission);
    return grant.run();
}

Result<void> replace_user_role(Database& db, std::int64_t user_id, std::int64_t role_id) {
    auto clear = TRY(db.prepare("DELETE FROM user_role WHERE user_id = ?"));
    clear.bind(1, user_id);
    TRY_VOID(clear.run());
    auto insert = TRY(db.prepare("INSERT INTO user_role(user_id, role_id) VALUES (?, ?)"));
    insert.bind(1, user_id).bind(2, role_id);
    return insert.run();
}

Result<std::int64_t> count_active_users_with_permission(Database& db, std::string_view permission) {
    auto count = TRY(db.prepare(
        "SELECT COUNT(DISTINCT u.id) FROM users u JOIN user_role ur ON ur.user_id = u.id "
        "JOIN role_permission rp ON rp.role_id = ur.role_id JOIN permissions p ON p.id = rp.permission_id "
        "WHERE u.active = 1 AND p.name = ?"));
    count.bind(1, permission);
    TRY(count.step());
    return count.column_int(0);
}

Result<bool> set_role_two_factor_required(Database& db, std::int64_t role_id, bool required) {
    auto update = TRY(db.prepare("UPDATE roles SET require_two_factor = ? WHERE id = ?"));
    update.bind(1, required).bind(2, role_id);
    TRY_VOID(update.run());
    return db.changes() == 1;
}

}  // namespace kimonet::store
