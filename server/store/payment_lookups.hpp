#pragma once
// What payments need from other domains' tables (customers, network_actions), kept beside the
// payment store rather than in those domains' files. Writers assume the caller holds the write
// transaction; times are unix seconds from the caller's Clock.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace kimonet::store {

// The payer's name, e-mail and phone, as a gateway's charge asks for them.
struct Payer {
    std::string name;
    std::string email;
    std::string phone;
};
Result<std::optional<Payer>> find_payer(Database& db, std::int64_t customer_id);
Result<std::optional<std::string>> find_service_number(Database& db, std::int64_t customer_id);

// A customer's status ("active", "isolated", …); empty when there is no such customer.
Result<std::string> find_customer_status(Database& db, std::int64_t customer_id);
// Back to active after a paid invoice; updated_at is `now` as "YYYY-MM-DDTHH:MM:SSZ".
Result<void> reactivate_customer(Database& db, std::int64_t customer_id, std::int64_t now);
// Queues a pending 'restore' network action for the customer.
Result<void> queue_restore_action(Database& db, std::int64_t customer_id, const std::string& reason, std::int64_t invoice_id,
                                  std::int64_t now);

}  // namespace kimonet::store
