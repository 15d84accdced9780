#pragma once
// Trouble tickets (tickets, ticket_comments, migration 0041): the rows, the filtered list with the
// SLA breach rule in SQL (the same as tickets::sla_state), a customer's open tickets, comments, and
// the staff users a ticket may be given to. Functions that write assume the caller holds the transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct TicketRow {
    std::int64_t id = 0, customer_id = 0;
    std::string customer_name, service_number;
    std::string category, priority, status, channel, subject, description;
    std::optional<std::int64_t> assignee_user_id;
    std::string assignee_name;       // for staff: the full name, else the login name
    std::string assignee_full_name;  // for customers (services::staff_name_for_customers)
    std::string opened_by_type;
    std::optional<std::int64_t> opened_by_id;
    std::string opened_by_name;
    std::optional<std::string> idempotency_key;
    std::int64_t created_at = 0, response_due_at = 0, resolve_due_at = 0;
    std::optional<std::int64_t> first_response_at, assigned_at, closed_at;
    std::string close_cause, close_note;
    std::int64_t updated_at = 0;
};

struct TicketFilter {
    std::string status;  // one status, or "active" = every status but closed
    std::string category, priority;
    std::optional<std::int64_t> assignee_user_id;
    bool unassigned = false;
    bool breached_only = false;  // against `now`
    std::optional<std::int64_t> customer_id;
    std::int64_t now = 0;
    int page = 1, per_page = 25;
};
struct TicketPage {
    std::vector<TicketRow> rows;
    std::int64_t total = 0;
};
// Not closed first (those past their SLA before the rest), the nearest resolution target first;
// closed ones after, newest first.
Result<TicketPage> list_tickets(Database& db, const TicketFilter& filter);

Result<std::int64_t> insert_ticket(Database& db, const TicketRow& ticket);
Result<std::optional<TicketRow>> find_ticket(Database& db, std::int64_t ticket_id);
Result<std::optional<std::int64_t>> ticket_id_by_key(Database& db, const std::string& idempotency_key);
// The ticket a report with this key joined as a comment.
Result<std::optional<std::int64_t>> ticket_id_by_comment_key(Database& db, const std::string& idempotency_key);
// The customer's tickets that are not closed, newest first.
Result<std::vector<std::int64_t>> open_ticket_ids(Database& db, std::int64_t customer_id);
// Every customer with a ticket not yet closed (the map's ticket colour), through the status index.
Result<std::vector<std::int64_t>> customers_with_open_tickets(Database& db);

Result<void> update_ticket_classification(Database& db, std::int64_t ticket_id, const std::string& category, const std::string& priority,
                                          std::int64_t response_due_at, std::int64_t resolve_due_at, std::int64_t now);
Result<void> set_ticket_status(Database& db, std::int64_t ticket_id, const std::string& status, std::int64_t now);
// Assigns (status 'assigned' unless in progress), stamping the first response when there was none.
Result<void> assign_ticket_to(Database& db, std::int64_t ticket_id, std::int64_t user_id, std::int64_t now);
Result<void> mark_ticket_responded(Database& db, std::int64_t ticket_id, std::int64_t now);
Result<void> close_ticket_row(Database& db, std::int64_t ticket_id, const std::string& cause, const std::string& note, std::int64_t now);

struct TicketCommentRow {
    std::int64_t id = 0, ticket_id = 0;
    std::string author_type;
    std::optional<std::int64_t> author_id;
    std::string author_name, body;
    bool internal = false;
    std::int64_t created_at = 0;
    std::optional<std::string> idempotency_key;  // a report that joined an open ticket (WhatsApp, landing page)
    std::string author_full_name;                // a staff author's full name (read only), for customers
};
Result<std::int64_t> insert_ticket_comment(Database& db, const TicketCommentRow& comment);
// Oldest first; internal comments only when asked for.
Result<std::vector<TicketCommentRow>> ticket_comments(Database& db, std::int64_t ticket_id, bool include_internal);
// Comments by one kind of author ("customer", "anonymous") on the ticket since `since`.
Result<std::int64_t> count_comments_since(Database& db, std::int64_t ticket_id, const std::string& author_type, std::int64_t since);
// When each of those comments was written, oldest first.
Result<std::vector<std::int64_t>> comment_times_since(Database& db, std::int64_t ticket_id, const std::string& author_type, std::int64_t since);

// Active staff users whose roles hold tickets.update: who a ticket may be given to.
struct TicketAssignee {
    std::int64_t id = 0;
    std::string username, full_name;
};
Result<std::vector<TicketAssignee>> ticket_assignees(Database& db);

}  // namespace kimonet::store
