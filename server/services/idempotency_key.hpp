#pragma once
// Idempotency keys a user sends: the format payments, cash remittances, credit notes and refunds,
// voucher sales and tickets accept (invoice sends keep a stricter one of their own), and the one
// answer every service gives a key used again for another request.
#include <string>

#include "core/error.hpp"

namespace kimonet::services {

// 1–128 of A–Z a–z 0–9 - _ . :
bool idempotency_key_well_formed(const std::string& key);

// 409 with the field `idempotency_key` carrying `message`: the key already names another request,
// refused rather than answered with what that one did.
Error key_reused(const char* message);

}  // namespace kimonet::services
