#pragma once
// WhatsApp opt-out (issue 22, docs/integrations/whatsapp-failover.md#opt-out): a customer who sends STOP
// or BERHENTI to the bot (the whole message, trimmed, any case) gets no more bulk messages on that
// number (reminders, dunning warnings, new-invoice and outage notices, broadcasts) until START or
// MULAI. What the customer did or must know now (receipts, isolir and restore notices, tickets,
// promises, bot replies) still goes. Only the customer's own message changes it: the bot is
// reached through the webhooks' token/HMAC checks, and staff see the opt-out (customer page,
// message log) but cannot switch it back on for them.
#include <optional>
#include <string>
#include <string_view>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

enum class OptOutCommand { None, Stop, Start };
// STOP / BERHENTI -> Stop, START / MULAI -> Start (the whole message; trailing "." or "!" allowed).
OptOutCommand opt_out_command(std::string_view text);

// Records the opt-out of `phone` (customer_id: who the bot recognised) and cancels the bulk
// messages still queued to it; in the caller's transaction. True when it is new.
Result<bool> opt_out_of_whatsapp(app::Context& context, const std::string& phone, std::optional<std::int64_t> customer_id,
                                 const std::string& keyword);
// Lifts it; true when there was one.
Result<bool> opt_back_in_to_whatsapp(app::Context& context, const std::string& phone, std::optional<std::int64_t> customer_id);

// Whether bulk messages to `phone` are refused.
Result<bool> is_opted_out_of_whatsapp(store::Database& db, const std::string& phone);
// For the customer page: {keyword, opted_out_at} or null.
Result<api::Json> whatsapp_opt_out_json(store::Database& db, const std::string& phone);

}  // namespace kimonet::services
