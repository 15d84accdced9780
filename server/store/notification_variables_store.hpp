#pragma once
// What WhatsApp providers with templates and delivery reports need of the outbox (issue 22):
// the variables a templated notification was rendered with (notification_variables, for Meta's
// templates), and a message a provider reports failed after it had accepted it.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace kimonet::store {

// Stores the variables (a JSON object's text) of notification `id`; the caller's transaction.
Result<void> save_notification_variables(Database& db, std::int64_t id, const std::string& variables_json);
// A resent copy keeps the original's variables (nothing when it had none).
Result<void> copy_notification_variables(Database& db, std::int64_t from_id, std::int64_t to_id);
// The variables' JSON text, when some were stored.
Result<std::optional<std::string>> find_notification_variables(Database& db, std::int64_t id);

// A sent message that the gateway `gateway_prefix` ("meta:") later reports undelivered: marked
// failed with `error`; the notification's id when one was sent with that gateway message id.
Result<std::optional<std::int64_t>> mark_sent_notification_undelivered(Database& db, const std::string& gateway_prefix,
                                                                       const std::string& gateway_message_id, const std::string& error,
                                                                       std::int64_t now);

}  // namespace kimonet::store
