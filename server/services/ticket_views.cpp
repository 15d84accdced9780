// Tickets as the API shows them: the list with its filters, one ticket with its comments and
// photos, the SLA state at the moment asked. A customer's view leaves out internal comments and
// the staff's closing note.
#include "core/ticket_messages.hpp"
#include "core/validation_messages.hpp"
#include "services/attachments.hpp"
#include "services/staff_names.hpp"
#include "services/tickets.hpp"
#include "store/account_store.hpp"
#include "tickets/ticket_rules.hpp"

namespace kimonet::services {

namespace {

api::Json optional_time(const std::optional<std::int64_t>& value) { return value ? api::Json(*value) : api::Json(); }

std::optional<std::int64_t> positive_query_id(const std::string& text) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const std::int64_t value = std::stoll(text);
    return value > 0 ? std::optional<std::int64_t>(value) : std::nullopt;
}

// A photo's uploader for a customer: themselves, or staff by name (attachments keep the login name).
Result<std::string> uploader_for_customers(store::Database& db, const store::AttachmentRow& attachment) {
    if (attachment.uploaded_by_type != "user") return attachment.uploaded_by_name;
    if (!attachment.uploaded_by_id) return staff_name_for_customers({});
    const auto user = TRY(store::find_user(db, *attachment.uploaded_by_id));
    return staff_name_for_customers(user ? user->full_name : std::string());
}

}  // namespace

api::Json ticket_json(const store::TicketRow& ticket, const TicketViewer& viewer, std::int64_t now) {
    const tickets::SlaState sla = tickets::sla_state({ticket.response_due_at, ticket.resolve_due_at, ticket.first_response_at, ticket.closed_at}, now);
    api::Json out = {{"id", ticket.id},
                     {"number", tickets::ticket_number(ticket.id)},
                     {"customer_id", ticket.customer_id},
                     {"customer_name", ticket.customer_name},
                     {"service_number", ticket.service_number},
                     {"category", ticket.category},
                     {"priority", ticket.priority},
                     {"status", ticket.status},
                     {"channel", ticket.channel},
                     {"subject", ticket.subject},
                     {"message", ticket.description},
                     {"assignee_id", optional_time(ticket.assignee_user_id)},
                     {"assignee_name", ticket.assignee_name},
                     {"created_at", ticket.created_at},
                     {"response_due_at", ticket.response_due_at},
                     {"resolve_due_at", ticket.resolve_due_at},
                     {"first_response_at", optional_time(ticket.first_response_at)},
                     {"closed_at", optional_time(ticket.closed_at)},
                     {"close_cause", ticket.close_cause},
                     {"sla", {{"breached", sla.breached()}, {"breach", sla.breach()}, {"seconds_left", optional_time(sla.seconds_left)}}}};
    // A report from the landing page names a service number, not who typed it: anybody may have.
    // Its customer sees that there is one, never its text (a stranger's words, links included, on
    // the customer's own portal page); the staff read it.
    if (!viewer.staff() && ticket.channel == "landing") out["message"] = messages::kTicketWebReportText;
    if (viewer.staff()) {
        out["opened_by"] = ticket.opened_by_name;
        out["close_note"] = ticket.close_note;
    } else {
        out.erase("assignee_id");  // a staff account's number is nothing a customer needs
        if (ticket.assignee_user_id) out["assignee_name"] = staff_name_for_customers(ticket.assignee_full_name);
    }
    return out;
}

Result<store::TicketFilter> ticket_filter_from_query(const std::map<std::string, std::string>& query, std::int64_t now) {
    store::TicketFilter filter;
    filter.now = now;
    FieldErrors fields;
    auto value_of = [&](const char* key) {
        const auto found = query.find(key);
        return found == query.end() ? std::string() : found->second;
    };
    filter.status = value_of("status");
    if (!filter.status.empty() && filter.status != "active" && !tickets::is_status(filter.status)) fields["status"] = messages::kTicketStatusChoice;
    filter.category = value_of("category");
    if (!filter.category.empty() && !tickets::is_category(filter.category)) fields["category"] = messages::kTicketCategoryChoice;
    filter.priority = value_of("priority");
    if (!filter.priority.empty() && !tickets::is_priority(filter.priority)) fields["priority"] = messages::kTicketPriorityChoice;
    if (const std::string assignee = value_of("assignee"); assignee == "none") {
        filter.unassigned = true;
    } else if (!assignee.empty()) {
        filter.assignee_user_id = positive_query_id(assignee);
        if (!filter.assignee_user_id) fields["assignee"] = messages::kInvalid;
    }
    if (const std::string customer = value_of("customer_id"); !customer.empty()) {
        filter.customer_id = positive_query_id(customer);
        if (!filter.customer_id) fields["customer_id"] = messages::kInvalid;
    }
    const std::string breach = value_of("breach");
    if (breach != "" && breach != "0" && breach != "1") fields["breach"] = messages::kInvalid;
    filter.breached_only = breach == "1";
    if (!fields.empty()) return validation_error(std::move(fields));
    return filter;
}

Result<api::Json> list_tickets_json(store::Database& db, const store::TicketFilter& filter, const TicketViewer& viewer, std::int64_t now) {
    store::TicketFilter scoped = filter;
    if (viewer.customer_id) scoped.customer_id = viewer.customer_id;
    const store::TicketPage page = TRY(store::list_tickets(db, scoped));
    api::Json rows = api::Json::array();
    for (const auto& ticket : page.rows) rows.push_back(ticket_json(ticket, viewer, now));
    return api::Json{{"data", std::move(rows)}, {"total", page.total}, {"page", filter.page}, {"per_page", filter.per_page}, {"now", now}};
}

Result<api::Json> ticket_detail_json(store::Database& db, std::int64_t ticket_id, const TicketViewer& viewer, std::int64_t now) {
    const store::TicketRow ticket = TRY(viewable_ticket(db, ticket_id, viewer));
    api::Json out = ticket_json(ticket, viewer, now);
    api::Json comments = api::Json::array();
    for (const auto& comment : TRY(store::ticket_comments(db, ticket.id, viewer.staff()))) {
        const bool staff_author = comment.author_type == "user" && !viewer.staff();
        comments.push_back({{"id", comment.id},
                            {"author", staff_author ? staff_name_for_customers(comment.author_full_name) : comment.author_name},
                            {"author_type", comment.author_type},
                            {"body", comment.body},
                            {"internal", comment.internal},
                            {"created_at", comment.created_at}});
    }
    out["comments"] = std::move(comments);
    api::Json photos = api::Json::array();
    for (const auto& attachment : TRY(list_attachments(db, AttachmentOwner{"ticket", ticket.id}))) {
        api::Json photo = attachment_json(attachment);
        if (!viewer.staff()) photo["uploaded_by"] = TRY(uploader_for_customers(db, attachment));
        photos.push_back(std::move(photo));
    }
    out["photos"] = std::move(photos);
    return out;
}

Result<api::Json> ticket_assignees_json(store::Database& db) {
    api::Json rows = api::Json::array();
    for (const auto& assignee : TRY(store::ticket_assignees(db)))
        rows.push_back({{"id", assignee.id}, {"username", assignee.username}, {"full_name", assignee.full_name}});
    return rows;
}

}  // namespace kimonet::services
