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
// created_at/updated_at are `now` (Unix seconds from the Clock). Writers: the caller holds the transaction.
Result<std::int64_t> insert_router(Database& db, const Router& router, const security::SecretBox& secrets, std::int64_t now);
// Re-seals the password only when router.password is non-empty.
Result<void> update_router_row(Database& db, const Router& router, const security::SecretBox& secrets, std::int64_t now);
Result<bool> router_has_password(Database& db, std::int64_t id);
// Another router (not `except_id`) already has this name.
Result<bool> router_name_taken(Database& db, const std::string& name, std::int64_t except_id);
Result<std::int64_t> count_customers_on_router(Database& db, std::int64_t id);
// The caller holds the transaction.
Result<void> delete_router_row(Database& db, std::int64_t id);

}  // namespace kimonet::store
