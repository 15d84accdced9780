#pragma once
// Staff accounts: create, update (name, password, role, active), list. Passwords are argon2id.
#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::auth {

Result<api::Json> list_users(store::Database& db);
Result<api::Json> get_user(store::Database& db, std::int64_t id);
// {"username","full_name","password","role"}. The actor must hold every permission of the role.
// A user created by a staff user must change the password at first login. The password passes
// password_problem() unless `check_password_quality` is off (only the demo seed turns it off).
Result<api::Json> create_user(app::Context& context, const api::Json& input, bool check_password_quality = true);
// Any of {"full_name","password","role","active"}. The actor must hold every permission the user
// holds (and of a new role); a password set here revokes the user's sessions and must be changed
// at their next login; one's own password is changed with change_own_password() instead; the
// last active holder of roles.update cannot be demoted or deactivated.
Result<api::Json> update_user(app::Context& context, std::int64_t id, const api::Json& changes);
// Delete = deactivate (and revoke the user's tokens). Nobody deactivates themselves.
Result<api::Json> deactivate_user(app::Context& context, std::int64_t id);

}  // namespace kimonet::auth
