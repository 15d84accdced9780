#pragma once
// A staff payment's Idempotency-Key (issue 18): the key a user sent with POST /api/payments, so the
// same request sent again finds its payment. Callers hold the write transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace kimonet::store {

// The payment `user_id` recorded with `key`, if any.
Result<std::optional<std::int64_t>> find_payment_by_idempotency_key(Database& db, std::int64_t user_id, const std::string& key);
// Stamps a just-inserted payment with the key (the unique index refuses a second payment with it).
Result<void> set_payment_idempotency_key(Database& db, std::int64_t payment_id, const std::string& key);

}  // namespace kimonet::store
