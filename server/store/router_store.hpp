#pragma once
// Routers in SQLite. Passwords are stored sealed by the SecretBox and opened only
// where a connection to the router is made.
#include <optional>
#include <vector>

#include "routers/router.hpp"
#include "security/secret_box.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// Listing leaves Router::password empty unless `secrets` is given (then it is decrypted).
Result<std::vector<Router>> list_routers(Database& db);
Result<std::optional<Router>> find_router(Database& db, std::int64_t id, const security::SecretBox* secrets = nullptr);
Result<std::int64_t> insert_router(Database& db, const Router& router, const security::SecretBox& secrets);
// Re-seals the password only when router.password is non-empty.
Result<void> update_router_row(Database& db, const Router& router, const security::SecretBox& secrets);
Result<bool> router_has_password(Database& db, std::int64_t id);

}  // namespace kimonet::store
