#pragma once
// Who may hand out or act on which permissions (issue 14, item 2). The route permission
// (users.create, users.update, roles.update, …) says an actor may use the operation at all;
// these rules say on whom and with what:
//  - nobody grants or assigns a permission they do not hold themselves;
//  - acting on a user (role change, password reset, deactivation) needs every permission that
//    user holds, so an admin cannot reset the superadmin's password and log in as them;
//  - an edit that would leave no active user holding roles.update is refused (no lock-out).
// The system actor (CLI, seed, scheduler) runs on the host and holds every permission.
#include <optional>
#include <set>
#include <string>

#include "app/context.hpp"

namespace kimonet::auth {

inline constexpr const char* kRoleAdministration = "roles.update";

// The actor's permissions; nullopt means the system actor (everything).
Result<std::optional<std::set<std::string>>> actor_permissions(app::Context& context);
// 403 naming the first permission in `wanted` the actor lacks.
Result<void> require_holds_all(app::Context& context, const std::set<std::string>& wanted, std::string_view doing);
// 403 unless the actor holds every permission user `user_id` holds.
Result<void> require_may_act_on_user(app::Context& context, std::int64_t user_id, std::string_view doing);
// Active users holding roles.update.
Result<std::int64_t> count_role_administrators(store::Database& db);
// 422 (field `field`) when there were role administrators before a change and none after it;
// call inside the transaction after the change, so the error rolls it back.
Result<void> require_a_role_administrator_remains(store::Database& db, std::int64_t before, const std::string& field);

}  // namespace kimonet::auth
