#pragma once
// Staff accounts: create, update (name, password, role, active), list. Passwords are argon2id.
#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::auth {

Result<api::Json> list_users(store::Database& db);
Result<api::Json> get_user(store::Database& db, std::int64_t id);
// {"username","full_name","password","role"}.
Result<api::Json> create_user(app::Context& context, const api::Json& input);
// Any of {"full_name","password","role","active"}.
Result<api::Json> update_user(app::Context& context, std::int64_t id, const api::Json& changes);
// Delete = deactivate (and revoke the user's tokens). Nobody deactivates themselves.
Result<api::Json> deactivate_user(app::Context& context, std::int64_t id);

}  // namespace kimonet::auth
