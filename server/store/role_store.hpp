#pragma once
// Roles, permissions and who holds them (roles, permissions, role_permission, user_role).
// Write functions assume the caller holds the transaction (Database::transaction).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct RoleRow {
    std::int64_t id = 0;
    std::string name;
    std::string description;
};

// Adds the permission unless it exists.
Result<void> add_permission_if_missing(Database& db, std::string_view permission);
// Adds the role unless it exists: its new id, or nullopt when it existed already.
Result<std::optional<std::int64_t>> add_role_if_missing(Database& db, std::string_view role);
// Grants the role (by name) the permission (by name) unless it holds it already.
Result<void> grant_permission_to_role_name(Database& db, std::string_view role, std::string_view permission);
// Grants the role every permission except `except`.
Result<void> grant_every_permission_except(Database& db, std::string_view role, std::string_view except);

Result<std::optional<std::int64_t>> find_role_id(Database& db, std::string_view role);
Result<std::optional<RoleRow>> find_role(Database& db, std::int64_t role_id);
// Every role id, in id order.
Result<std::vector<std::int64_t>> list_role_ids(Database& db);
Result<std::vector<std::string>> permissions_of_role_name(Database& db, std::string_view role);
// The user's role names in role id order.
Result<std::vector<std::string>> role_names_of_user(Database& db, std::int64_t user_id);

Result<std::int64_t> insert_role(Database& db, std::string_view name, std::string_view description);
Result<void> clear_role_permissions(Database& db, std::int64_t role_id);
// Grants the role (by id) the permission (by name) unless it holds it already.
Result<void> grant_permission_to_role(Database& db, std::int64_t role_id, std::string_view permission);
// The user's one role becomes `role_id`.
Result<void> replace_user_role(Database& db, std::int64_t user_id, std::int64_t role_id);
// Active users holding `permission` through any of their roles.
Result<std::int64_t> count_active_users_with_permission(Database& db, std::string_view permission);
// False when there is no such role.
Result<bool> set_role_two_factor_required(Database& db, std::int64_t role_id, bool required);

}  // namespace kimonet::store
