#pragma once
// Delivery reports from WhatsApp providers that tell a message's fate after accepting it (Meta's
// status webhooks: sent, delivered, read, failed; issue 22). Only "failed" changes anything: the
// notification accepted earlier is marked failed with the provider's reason, so the outbox screen
// shows the customer was not reached (131047 outside the 24-hour window, 131026 undeliverable…).
#include <string>

#include "app/context.hpp"

namespace kimonet::services {

// True when a sent notification of gateway `gateway_prefix` ("meta:") had `message_id`.
Result<bool> record_undelivered_message(app::Context& context, const std::string& gateway_prefix, const std::string& message_id,
                                        const std::string& reason);

}  // namespace kimonet::services
