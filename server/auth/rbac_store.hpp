#pragma once
// Roles and permissions (their rows: store/role_store.hpp). sync_rbac() runs at start-up: it adds permissions and
// roles the code knows but the database lacks, granting a new role its defaults once.
#include <set>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::auth {

Result<void> sync_rbac(store::Database& db);
Result<std::set<std::string>> permissions_of_role(store::Database& db, std::string_view role);
// Union of the permissions of every role the user has, and the first role's name.
Result<std::pair<std::string, std::set<std::string>>> role_and_permissions_of_user(store::Database& db, std::int64_t user_id);
Result<std::optional<std::int64_t>> role_id(store::Database& db, std::string_view role);

Result<api::Json> list_roles(store::Database& db);
Result<api::Json> create_role(app::Context& context, const api::Json& input);
// Replaces the role's permission set. The actor must hold every permission granted or taken away
// (create_role: every permission granted); the superadmin role cannot lose roles.update, and no
// change may leave no active user holding roles.update (no lock-out).
Result<api::Json> set_role_permissions(app::Context& context, std::int64_t role_id, const api::Json& input);

}  // namespace kimonet::auth
