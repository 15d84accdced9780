#pragma once
// What the ticket service shares between its files: the customer's WhatsApp notices (one
// idempotency key per event, so a repeated request never sends twice) and the text rules.
#include <optional>
#include <string>

#include "app/context.hpp"
#include "services/notification_service.hpp"
#include "store/ticket_store.hpp"

namespace kimonet::services {

// The notice `template_key` ("ticket_opened", "ticket_assigned", "ticket_closed") about `ticket`,
// keyed "ticket:<id>:<event>": the request, ready to queue (the bot queues it as its reply).
Result<NotificationRequest> ticket_notice(const app::Context& context, const store::TicketRow& ticket, const std::string& template_key,
                                          const std::string& event);
Result<void> queue_ticket_notice(app::Context& context, std::int64_t ticket_id, const std::string& template_key, const std::string& event);

// Sets the ticket's category and priority; a new priority moves the SLA targets (counted from the opening).
Result<void> reclassify_ticket(app::Context& context, const store::TicketRow& ticket, const std::string& category, const std::string& priority);

// The field message for a ticket text (trimmed; line breaks allowed; at most `max_length`
// characters), or nothing when it is fine.
std::optional<std::string> ticket_text_problem(const std::string& text, std::size_t max_length, bool required);

}  // namespace kimonet::services
