#pragma once
// Trouble tickets (issue 21, docs/tickets.md): one service for the portal, the WhatsApp bot, the
// landing page and staff. A report opens a ticket with SLA targets from the settings (or, from
// WhatsApp and the landing page, joins the customer's ticket that is still open), staff assign it,
// comment (customer-visible or internal), add photos (services/attachments) and close it with a
// cause; the customer is told on WhatsApp at open, assign and close through the outbox (templates
// ticket_opened, ticket_assigned, ticket_closed; quiet hours and the rate limit apply). Who may
// do what is the route's permission (tickets.read/update/assign/close); a customer reaches only
// their own tickets (a `viewer` with a customer id) and never sees internal comments.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "store/attachment_store.hpp"
#include "store/ticket_store.hpp"

namespace kimonet::services {

struct TicketOpenRequest {
    std::int64_t customer_id = 0;
    std::string channel;  // portal, whatsapp, landing, staff
    std::string category, priority;  // an empty priority: the category's default
    std::string subject;  // empty: the category's words
    std::string message;  // what the customer says is wrong
    std::string idempotency_key;  // a repeated report with the same key changes nothing
    bool notify = true;  // false: the caller sends the opening message itself (the bot's reply)
};
struct TicketOpened {
    std::int64_t ticket_id = 0;
    bool created = false;  // a new ticket
    bool joined = false;   // the report became a comment on the customer's open ticket
    bool repeated = false; // the idempotency key was seen before: nothing changed
};
// Staff and portal bodies: {customer_id (staff), category, priority (staff), subject, message, idempotency_key}.
Result<TicketOpenRequest> ticket_request_from_json(const api::Json& body, bool staff);
Result<TicketOpened> open_ticket(app::Context& context, const TicketOpenRequest& request);

// Who is looking: staff see everything, a customer only their own tickets and public comments.
struct TicketViewer {
    std::optional<std::int64_t> customer_id;
    bool staff() const { return !customer_id.has_value(); }
};
// The ticket (404 when the viewer may not see it, as when it does not exist).
Result<store::TicketRow> viewable_ticket(store::Database& db, std::int64_t ticket_id, const TicketViewer& viewer);

// {category?, priority?, status? ("in_progress")}: a priority change moves the SLA targets.
Result<void> update_ticket(app::Context& context, std::int64_t ticket_id, const api::Json& changes);
Result<void> assign_ticket(app::Context& context, std::int64_t ticket_id, std::int64_t user_id);
Result<void> close_ticket(app::Context& context, std::int64_t ticket_id, const std::string& cause, const std::string& note);
// {body, internal?}: customers' comments are never internal; a staff comment the customer sees
// counts as the first response.
Result<std::int64_t> add_ticket_comment(app::Context& context, std::int64_t ticket_id, const TicketViewer& viewer, const api::Json& body);
Result<store::AttachmentRow> add_ticket_photo(app::Context& context, const std::filesystem::path& directory, std::int64_t ticket_id,
                                              const TicketViewer& viewer, std::string_view bytes);


// Lists and shapes for the API.
Result<store::TicketFilter> ticket_filter_from_query(const std::map<std::string, std::string>& query, std::int64_t now);
Result<api::Json> list_tickets_json(store::Database& db, const store::TicketFilter& filter, const TicketViewer& viewer, std::int64_t now);
// The ticket with its comments (public ones only for a customer) and photos.
Result<api::Json> ticket_detail_json(store::Database& db, std::int64_t ticket_id, const TicketViewer& viewer, std::int64_t now);
api::Json ticket_json(const store::TicketRow& ticket, const TicketViewer& viewer, std::int64_t now);
Result<api::Json> ticket_assignees_json(store::Database& db);

// Why a value of a ticket_* setting is unacceptable (services/settings.cpp asks).
std::optional<std::string> ticket_setting_problem(std::string_view key, std::string_view value);

}  // namespace kimonet::services
