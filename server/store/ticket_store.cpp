#include "store/ticket_store.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kTicketSelect =
    "SELECT t.id, t.customer_id, c.name, c.service_number, t.category, t.priority, t.status, t.channel, t.subject, t.description, "
    "t.assignee_user_id, COALESCE(NULLIF(u.full_name, ''), u.username, ''), t.opened_by_type, t.opened_by_id, t.opened_by_name, "
    "t.idempotency_key, t.created_at, t.response_due_at, t.resolve_due_at, t.first_response_at, t.assigned_at, t.closed_at, "
    "COALESCE(t.close_cause, ''), t.close_note, t.updated_at, COALESCE(u.full_name, '') "
    "FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN users u ON u.id = t.assignee_user_id ";

// The breach rule of tickets::sla_state: the response is judged at the first response (or the
// closing, or now), the resolution at the closing (or now).
constexpr const char* kTicketBreached =
    "(COALESCE(t.first_response_at, t.closed_at, :now) > t.response_due_at OR COALESCE(t.closed_at, :now) > t.resolve_due_at)";

TicketRow ticket_of(const Statement& row) {
    TicketRow ticket;
    ticket.id = row.column_int(0);
    ticket.customer_id = row.column_int(1);
    ticket.customer_name = row.column_text(2);
    ticket.service_number = row.column_text(3);
    ticket.category = row.column_text(4);
    ticket.priority = row.column_text(5);
    ticket.status = row.column_text(6);
    ticket.channel = row.column_text(7);
    ticket.subject = row.column_text(8);
    ticket.description = row.column_text(9);
    ticket.assignee_user_id = row.column_optional_int(10);
    ticket.assignee_name = row.column_text(11);
    ticket.opened_by_type = row.column_text(12);
    ticket.opened_by_id = row.column_optional_int(13);
    ticket.opened_by_name = row.column_text(14);
    if (!row.column_is_null(15)) ticket.idempotency_key = row.column_text(15);
    ticket.created_at = row.column_int(16);
    ticket.response_due_at = row.column_int(17);
    ticket.resolve_due_at = row.column_int(18);
    ticket.first_response_at = row.column_optional_int(19);
    ticket.assigned_at = row.column_optional_int(20);
    ticket.closed_at = row.column_optional_int(21);
    ticket.close_cause = row.column_text(22);
    ticket.close_note = row.column_text(23);
    ticket.updated_at = row.column_int(24);
    ticket.assignee_full_name = row.column_text(25);
    return ticket;
}

template <typename Bindable>
void bind_ticket_filter(Bindable& statement, const TicketFilter& filter) {
    statement.bind_named(":now", filter.now);
    if (!filter.status.empty() && filter.status != "active") statement.bind_named(":status", filter.status);
    if (!filter.category.empty()) statement.bind_named(":category", filter.category);
    if (!filter.priority.empty()) statement.bind_named(":priority", filter.priority);
    if (filter.assignee_user_id) statement.bind_named(":assignee", *filter.assignee_user_id);
    if (filter.customer_id) statement.bind_named(":customer", *filter.customer_id);
}

}  // namespace

Result<TicketPage> list_tickets(Database& db, const TicketFilter& filter) {
    std::string where = "WHERE 1=1";
    if (filter.status == "active") where += " AND t.status <> 'closed'";
    else if (!filter.status.empty()) where += " AND t.status = :status";
    if (!filter.category.empty()) where += " AND t.category = :category";
    if (!filter.priority.empty()) where += " AND t.priority = :priority";
    if (filter.assignee_user_id) where += " AND t.assignee_user_id = :assignee";
    if (filter.unassigned) where += " AND t.assignee_user_id IS NULL";
    if (filter.customer_id) where += " AND t.customer_id = :customer";
    if (filter.breached_only) where += std::string(" AND ") + kTicketBreached;
    TicketPage page;
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM tickets t " + where));
    bind_ticket_filter(count, filter);
    TRY(count.step());
    page.total = count.column_int(0);
    count.reset();
    auto rows = TRY(db.prepare(std::string(kTicketSelect) + where +
                               " ORDER BY CASE WHEN t.status = 'closed' THEN 2 WHEN " + kTicketBreached + " THEN 0 ELSE 1 END, "
                               "CASE WHEN t.status = 'closed' THEN -t.closed_at ELSE t.resolve_due_at END, t.id DESC LIMIT :limit OFFSET :offset"));
    bind_ticket_filter(rows, filter);
    rows.bind_named(":limit", std::int64_t{filter.per_page});
    rows.bind_named(":offset", (std::int64_t{filter.page} - 1) * filter.per_page);
    while (TRY(rows.step())) page.rows.push_back(ticket_of(rows));
    return page;
}

Result<std::int64_t> insert_ticket(Database& db, const TicketRow& ticket) {
    auto insert = TRY(db.prepare(
        "INSERT INTO tickets(customer_id, category, priority, status, channel, subject, description, opened_by_type, opened_by_id, "
        "opened_by_name, idempotency_key, created_at, response_due_at, resolve_due_at, updated_at) "
        "VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, ticket.customer_id).bind(2, ticket.category).bind(3, ticket.priority).bind(4, ticket.channel).bind(5, ticket.subject);
    insert.bind(6, ticket.description).bind(7, ticket.opened_by_type).bind(8, ticket.opened_by_id).bind(9, ticket.opened_by_name);
    insert.bind(10, ticket.idempotency_key).bind(11, ticket.created_at).bind(12, ticket.response_due_at).bind(13, ticket.resolve_due_at);
    insert.bind(14, ticket.created_at);
    TRY(insert.step());
    return insert.column_int(0);
}

Result<std::optional<TicketRow>> find_ticket(Database& db, std::int64_t ticket_id) {
    auto statement = TRY(db.prepare(std::string(kTicketSelect) + "WHERE t.id = ?"));
    statement.bind(1, ticket_id);
    if (!TRY(statement.step())) return std::optional<TicketRow>();
    return std::optional<TicketRow>(ticket_of(statement));
}

Result<std::optional<std::int64_t>> ticket_id_by_key(Database& db, const std::string& idempotency_key) {
    auto statement = TRY(db.prepare("SELECT id FROM tickets WHERE idempotency_key = ?"));
    statement.bind(1, idempotency_key);
    if (!TRY(statement.step())) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(statement.column_int(0));
}

Result<std::optional<std::int64_t>> ticket_id_by_comment_key(Database& db, const std::string& idempotency_key) {
    auto statement = TRY(db.prepare("SELECT ticket_id FROM ticket_comments WHERE idempotency_key = ?"));
    statement.bind(1, idempotency_key);
    if (!TRY(statement.step())) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(statement.column_int(0));
}

Result<std::vector<std::int64_t>> open_ticket_ids(Database& db, std::int64_t customer_id) {
    auto statement = TRY(db.prepare("SELECT id FROM tickets WHERE customer_id = ? AND status <> 'closed' ORDER BY id DESC"));
    statement.bind(1, customer_id);
    std::vector<std::int64_t> out;
    while (TRY(statement.step())) out.push_back(statement.column_int(0));
    return out;
}

Result<std::vector<std::int64_t>> customers_with_open_tickets(Database& db) {
    auto statement = TRY(db.prepare("SELECT DISTINCT customer_id FROM tickets WHERE status IN ('open', 'assigned', 'in_progress') ORDER BY customer_id"));
    std::vector<std::int64_t> out;
    while (TRY(statement.step())) out.push_back(statement.column_int(0));
    return out;
}

Result<void> update_ticket_classification(Database& db, std::int64_t ticket_id, const std::string& category, const std::string& priority,
                                          std::int64_t response_due_at, std::int64_t resolve_due_at, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE tickets SET category = ?, priority = ?, response_due_at = ?, resolve_due_at = ?, updated_at = ? WHERE id = ?"));
    update.bind(1, category).bind(2, priority).bind(3, response_due_at).bind(4, resolve_due_at).bind(5, now).bind(6, ticket_id);
    return update.run();
}

Result<void> set_ticket_status(Database& db, std::int64_t ticket_id, const std::string& status, std::int64_t now) {
    auto update = TRY(db.prepare("UPDATE tickets SET status = ?, updated_at = ? WHERE id = ? AND status <> 'closed'"));
    update.bind(1, status).bind(2, now).bind(3, ticket_id);
    return update.run();
}

Result<void> assign_ticket_to(Database& db, std::int64_t ticket_id, std::int64_t user_id, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE tickets SET assignee_user_id = ?, assigned_at = ?, first_response_at = COALESCE(first_response_at, ?), "
        "status = CASE WHEN status = 'in_progress' THEN status ELSE 'assigned' END, updated_at = ? WHERE id = ? AND status <> 'closed'"));
    update.bind(1, user_id).bind(2, now).bind(3, now).bind(4, now).bind(5, ticket_id);
    return update.run();
}

Result<void> mark_ticket_responded(Database& db, std::int64_t ticket_id, std::int64_t now) {
    auto update = TRY(db.prepare("UPDATE tickets SET first_response_at = COALESCE(first_response_at, ?), updated_at = ? WHERE id = ?"));
    update.bind(1, now).bind(2, now).bind(3, ticket_id);
    return update.run();
}

Result<void> close_ticket_row(Database& db, std::int64_t ticket_id, const std::string& cause, const std::string& note, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE tickets SET status = 'closed', close_cause = ?, close_note = ?, closed_at = ?, updated_at = ? WHERE id = ? AND status <> 'closed'"));
    update.bind(1, cause).bind(2, note).bind(3, now).bind(4, now).bind(5, ticket_id);
    return update.run();
}

Result<std::int64_t> insert_ticket_comment(Database& db, const TicketCommentRow& comment) {
    auto insert = TRY(db.prepare(
        "INSERT INTO ticket_comments(ticket_id, author_type, author_id, author_name, body, internal, idempotency_key, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, comment.ticket_id).bind(2, comment.author_type).bind(3, comment.author_id).bind(4, comment.author_name);
    insert.bind(5, comment.body).bind(6, comment.internal).bind(7, comment.idempotency_key).bind(8, comment.created_at);
    TRY(insert.step());
    const std::int64_t id = insert.column_int(0);
    auto touch = TRY(db.prepare("UPDATE tickets SET updated_at = ? WHERE id = ?"));
    touch.bind(1, comment.created_at).bind(2, comment.ticket_id);
    TRY_VOID(touch.run());
    return id;
}

Result<std::vector<TicketCommentRow>> ticket_comments(Database& db, std::int64_t ticket_id, bool include_internal) {
    auto statement = TRY(db.prepare(std::string("SELECT c.id, c.ticket_id, c.author_type, c.author_id, c.author_name, c.body, c.internal, "
                                                 "c.created_at, COALESCE(u.full_name, '') FROM ticket_comments c "
                                                 "LEFT JOIN users u ON c.author_type = 'user' AND u.id = c.author_id WHERE c.ticket_id = ?") +
                                    (include_internal ? "" : " AND c.internal = 0") + " ORDER BY c.id"));
    statement.bind(1, ticket_id);
    std::vector<TicketCommentRow> out;
    while (TRY(statement.step())) {
        out.push_back({statement.column_int(0), statement.column_int(1), statement.column_text(2), statement.column_optional_int(3),
                       statement.column_text(4), statement.column_text(5), statement.column_int(6) != 0, statement.column_int(7), std::nullopt,
                       statement.column_text(8)});
    }
    return out;
}

Result<std::int64_t> count_comments_since(Database& db, std::int64_t ticket_id, const std::string& author_type, std::int64_t since) {
    auto statement = TRY(db.prepare("SELECT COUNT(*) FROM ticket_comments WHERE ticket_id = ? AND author_type = ? AND created_at >= ?"));
    statement.bind(1, ticket_id).bind(2, author_type).bind(3, since);
    TRY(statement.step());
    return statement.column_int(0);
}

Result<std::vector<std::int64_t>> comment_times_since(Database& db, std::int64_t ticket_id, const std::string& author_type, std::int64_t since) {
    auto statement = TRY(db.prepare("SELECT created_at FROM ticket_comments WHERE ticket_id = ? AND author_type = ? AND created_at >= ? ORDER BY created_at"));
    statement.bind(1, ticket_id).bind(2, author_type).bind(3, since);
    std::vector<std::int64_t> out;
    while (TRY(statement.step())) out.push_back(statement.column_int(0));
    return out;
}

Result<std::vector<TicketAssignee>> ticket_assignees(Database& db) {
    auto statement = TRY(db.prepare(
        "SELECT u.id, u.username, u.full_name FROM users u WHERE u.active = 1 AND EXISTS ("
        "SELECT 1 FROM user_role ur JOIN role_permission rp ON rp.role_id = ur.role_id JOIN permissions p ON p.id = rp.permission_id "
        "WHERE ur.user_id = u.id AND p.name = 'tickets.update') ORDER BY u.username"));
    std::vector<TicketAssignee> out;
    while (TRY(statement.step())) out.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2)});
    return out;
}

}  // namespace kimonet::store
