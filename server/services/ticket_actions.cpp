// What happens to a ticket after it is opened: classification, assignment, comments, photos, closing.
#include <algorithm>

#include "core/ticket_messages.hpp"
#include "core/text.hpp"
#include "services/activity_log.hpp"
#include "services/attachments.hpp"
#include "services/ticket_notices.hpp"
#include "services/tickets.hpp"
#include "tickets/ticket_rules.hpp"

namespace kimonet::services {

namespace {

// The window of tickets::kMaxCustomerCommentsPerDay.
constexpr std::int64_t kCustomerCommentWindowSeconds = 86400;

Result<store::TicketRow> open_ticket_for_change(store::Database& db, std::int64_t ticket_id, const TicketViewer& viewer) {
    store::TicketRow ticket = TRY(viewable_ticket(db, ticket_id, viewer));
    if (ticket.status == "closed") return make_error(ErrorCode::Conflict, messages::kTicketAlreadyClosed);
    return ticket;
}

}  // namespace

Result<void> update_ticket(app::Context& context, std::int64_t ticket_id, const api::Json& changes) {
    if (!changes.is_object()) return validation_error({{"body", messages::kInvalid}});
    api::FieldReader reader(changes);
    std::string category, priority, status;
    for (const auto& [key, value] : changes.items())
        if (key != "category" && key != "priority" && key != "status") reader.add_error(key, messages::kUnknownField);
    reader.read("category", category);
    reader.read("priority", priority);
    reader.read("status", status);
    if (changes.contains("category") && !tickets::is_category(category) && !reader.errors().count("category"))
        reader.add_error("category", messages::kTicketCategoryChoice);
    if (changes.contains("priority") && !tickets::is_priority(priority) && !reader.errors().count("priority"))
        reader.add_error("priority", messages::kTicketPriorityChoice);
    if (changes.contains("status") && status != "in_progress" && !reader.errors().count("status"))
        reader.add_error("status", messages::kTicketStatusChangeInvalid);
    if (!reader.ok()) return validation_error(reader.errors());
    return context.db.transaction([&]() -> Result<void> {
        const store::TicketRow ticket = TRY(open_ticket_for_change(context.db, ticket_id, TicketViewer{}));
        const std::string new_category = category.empty() ? ticket.category : category;
        const std::string new_priority = priority.empty() ? ticket.priority : priority;
        TRY_VOID(reclassify_ticket(context, ticket, new_category, new_priority));
        if (!status.empty()) TRY_VOID(store::set_ticket_status(context.db, ticket.id, status, context.now));
        return log_activity(context, "ticket.update", "ticket", ticket.id,
                            {{"category", ticket.category}, {"priority", ticket.priority}, {"status", ticket.status}},
                            {{"category", new_category}, {"priority", new_priority}, {"status", status.empty() ? ticket.status : status}});
    });
}

Result<void> assign_ticket(app::Context& context, std::int64_t ticket_id, std::int64_t user_id) {
    return context.db.transaction([&]() -> Result<void> {
        const store::TicketRow ticket = TRY(open_ticket_for_change(context.db, ticket_id, TicketViewer{}));
        bool assignable = false;
        for (const auto& assignee : TRY(store::ticket_assignees(context.db))) assignable = assignable || assignee.id == user_id;
        if (!assignable) return validation_error({{"user_id", messages::kTicketAssigneeInvalid}});
        if (ticket.assignee_user_id == user_id) return {};  // already theirs: nothing to tell anyone
        TRY_VOID(store::assign_ticket_to(context.db, ticket.id, user_id, context.now));
        TRY_VOID(log_activity(context, "ticket.assign", "ticket", ticket.id, {{"assignee_user_id", ticket.assignee_user_id ? api::Json(*ticket.assignee_user_id) : api::Json()}},
                              {{"assignee_user_id", user_id}}));
        return queue_ticket_notice(context, ticket.id, "ticket_assigned", "assigned:" + std::to_string(user_id));
    });
}

Result<void> close_ticket(app::Context& context, std::int64_t ticket_id, const std::string& cause, const std::string& note) {
    FieldErrors fields;
    if (!tickets::is_close_cause(cause)) fields["cause"] = messages::kTicketCauseChoice;
    if (auto problem = ticket_text_problem(note, tickets::kMaxCommentLength, false)) fields["note"] = *problem;
    if (!fields.empty()) return validation_error(std::move(fields));
    return context.db.transaction([&]() -> Result<void> {
        const store::TicketRow ticket = TRY(open_ticket_for_change(context.db, ticket_id, TicketViewer{}));
        TRY_VOID(store::close_ticket_row(context.db, ticket.id, cause, trim_copy(note), context.now));
        TRY_VOID(log_activity(context, "ticket.close", "ticket", ticket.id, {{"status", ticket.status}},
                              {{"status", "closed"}, {"cause", cause}}));
        return queue_ticket_notice(context, ticket.id, "ticket_closed", "closed");
    });
}

Result<std::int64_t> add_ticket_comment(app::Context& context, std::int64_t ticket_id, const TicketViewer& viewer, const api::Json& body) {
    if (!body.is_object()) return validation_error({{"body", messages::kInvalid}});
    api::FieldReader reader(body);
    std::string text;
    bool internal = false;
    for (const auto& [key, value] : body.items())
        if (key != "body" && !(key == "internal" && viewer.staff())) reader.add_error(key, messages::kUnknownField);
    reader.read("body", text);
    if (viewer.staff()) reader.read("internal", internal);
    if (auto problem = ticket_text_problem(text, tickets::kMaxCommentLength, true); problem && !reader.errors().count("body"))
        reader.add_error("body", *problem);
    if (!reader.ok()) return validation_error(reader.errors());
    std::int64_t comment_id = 0;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const store::TicketRow ticket = TRY(open_ticket_for_change(context.db, ticket_id, viewer));
        if (!viewer.staff()) {
            // Counted in the write transaction, so parallel posts cannot pass the bound together.
            const auto recent = TRY(store::comment_times_since(context.db, ticket.id, "customer", context.now - kCustomerCommentWindowSeconds + 1));
            if (recent.size() >= static_cast<std::size_t>(tickets::kMaxCustomerCommentsPerDay))
                return rate_limited(messages::kTooManyTicketComments, std::max<std::int64_t>(1, recent.front() + kCustomerCommentWindowSeconds - context.now));
        }
        store::TicketCommentRow comment;
        comment.ticket_id = ticket.id;
        comment.author_type = context.actor.type;
        if (context.actor.id > 0) comment.author_id = context.actor.id;
        comment.author_name = context.actor.name;
        comment.body = trim_copy(text);
        comment.internal = internal;
        comment.created_at = context.now;
        comment_id = TRY(store::insert_ticket_comment(context.db, comment));
        if (viewer.staff() && !internal) TRY_VOID(store::mark_ticket_responded(context.db, ticket.id, context.now));
        return log_activity(context, "ticket.comment", "ticket", ticket.id, api::Json(), {{"comment_id", comment_id}, {"internal", internal}});
    }));
    return comment_id;
}

Result<store::AttachmentRow> add_ticket_photo(app::Context& context, const std::filesystem::path& directory, std::int64_t ticket_id,
                                              const TicketViewer& viewer, std::string_view bytes) {
    const store::TicketRow ticket = TRY(open_ticket_for_change(context.db, ticket_id, viewer));
    return add_attachment(context, directory, AttachmentOwner{"ticket", ticket.id}, "photo", bytes);
}

}  // namespace kimonet::services
