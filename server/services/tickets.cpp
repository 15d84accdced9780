#include "services/tickets.hpp"

#include "core/text.hpp"
#include "core/ticket_messages.hpp"
#include "services/activity_log.hpp"
#include "services/idempotency_key.hpp"
#include "services/payment_service.hpp"
#include "services/settings.hpp"
#include "services/ticket_notices.hpp"
#include "store/customer_store.hpp"
#include "tickets/ticket_rules.hpp"

namespace kimonet::services {

namespace {

// A landing-page report for a customer with an open ticket joins it as a comment at most this many
// times a day, so a stranger who knows a service number cannot flood that ticket.
constexpr std::int64_t kLandingCommentsPerDay = 3;

Result<std::pair<std::int64_t, std::int64_t>> sla_due_times(store::Database& db, const std::string& priority, std::int64_t from) {
    const auto response = TRY(tickets::parse_sla_hours(TRY(get_setting(db, "ticket_sla_response_hours"))));
    const auto resolve = TRY(tickets::parse_sla_hours(TRY(get_setting(db, "ticket_sla_resolve_hours"))));
    return std::pair{from + std::int64_t{response.for_priority(priority)} * 3600, from + std::int64_t{resolve.for_priority(priority)} * 3600};
}

// Who opened it, as the ticket records it.
void record_opener(store::TicketRow& ticket, const app::Context& context, const std::string& channel) {
    if (channel == "staff" || channel == "portal") {
        ticket.opened_by_type = context.actor.type;
        if (context.actor.id > 0) ticket.opened_by_id = context.actor.id;
        ticket.opened_by_name = context.actor.name;
    } else if (channel == "whatsapp") {
        ticket.opened_by_type = "customer";
        ticket.opened_by_id = ticket.customer_id;
        ticket.opened_by_name = "WhatsApp";
    } else {
        ticket.opened_by_type = "anonymous";
        ticket.opened_by_name = "Halaman web " + context.actor.ip;
    }
}

// A report from WhatsApp or the landing page while a ticket is open: a comment on the newest one.
Result<void> join_open_ticket(app::Context& context, const TicketOpenRequest& request, std::int64_t ticket_id, TicketOpened& outcome) {
    outcome.ticket_id = ticket_id;
    outcome.joined = true;
    store::TicketCommentRow comment;
    comment.ticket_id = ticket_id;
    comment.author_type = request.channel == "whatsapp" ? "customer" : "anonymous";
    if (request.channel == "whatsapp") comment.author_id = request.customer_id;
    comment.author_name = request.channel == "whatsapp" ? "WhatsApp" : "Halaman web " + context.actor.ip;
    comment.body = trim_copy(request.message);
    // A landing-page report comes from whoever typed the service number: staff read it, the
    // customer's portal does not show it (see ticket_json).
    comment.internal = request.channel == "landing";
    comment.created_at = context.now;
    if (request.channel == "landing" &&
        TRY(store::count_comments_since(context.db, ticket_id, "anonymous", context.now - 86400)) >= kLandingCommentsPerDay)
        return {};
    if (!request.idempotency_key.empty()) comment.idempotency_key = request.idempotency_key;
    TRY(store::insert_ticket_comment(context.db, comment));
    return log_activity(context, "ticket.report_joined", "ticket", ticket_id, api::Json(), {{"channel", request.channel}});
}

}  // namespace

Result<TicketOpenRequest> ticket_request_from_json(const api::Json& body, bool staff) {
    if (!body.is_object()) return validation_error({{"body", messages::kInvalid}});
    api::FieldReader reader(body);
    TicketOpenRequest request;
    request.channel = staff ? "staff" : "portal";
    for (const auto& [key, value] : body.items()) {
        const bool known = key == "category" || key == "subject" || key == "message" || key == "idempotency_key" ||
                           (staff && (key == "customer_id" || key == "priority"));
        if (!known) reader.add_error(key, messages::kUnknownField);
    }
    if (staff) reader.read("customer_id", request.customer_id);
    reader.read("category", request.category);
    if (staff) reader.read("priority", request.priority);
    reader.read("subject", request.subject);
    reader.read("message", request.message);
    reader.read("idempotency_key", request.idempotency_key);
    if (staff && request.customer_id <= 0 && !reader.errors().count("customer_id")) reader.add_error("customer_id", messages::kRequired);
    if (!tickets::is_category(request.category) && !reader.errors().count("category")) reader.add_error("category", messages::kTicketCategoryChoice);
    if (!request.priority.empty() && !tickets::is_priority(request.priority)) reader.add_error("priority", messages::kTicketPriorityChoice);
    if (auto problem = ticket_text_problem(request.subject, tickets::kMaxSubjectLength, false); problem && !reader.errors().count("subject"))
        reader.add_error("subject", *problem);
    if (auto problem = ticket_text_problem(request.message, tickets::kMaxDescriptionLength, true); problem && !reader.errors().count("message"))
        reader.add_error("message", *problem);
    if (body.contains("idempotency_key") && !idempotency_key_well_formed(request.idempotency_key))
        reader.add_error("idempotency_key", messages::kIdempotencyKeyFormat);
    if (!reader.ok()) return validation_error(reader.errors());
    return request;
}

Result<TicketOpened> open_ticket(app::Context& context, const TicketOpenRequest& request) {
    FieldErrors fields;
    if (!tickets::is_category(request.category)) fields["category"] = messages::kTicketCategoryChoice;
    if (!request.priority.empty() && !tickets::is_priority(request.priority)) fields["priority"] = messages::kTicketPriorityChoice;
    if (auto problem = ticket_text_problem(request.subject, tickets::kMaxSubjectLength, false)) fields["subject"] = *problem;
    if (auto problem = ticket_text_problem(request.message, tickets::kMaxDescriptionLength, true)) fields["message"] = *problem;
    if (!fields.empty()) return validation_error(std::move(fields));

    TicketOpened outcome;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (!request.idempotency_key.empty()) {
            if (auto existing = TRY(store::ticket_id_by_key(context.db, request.idempotency_key))) {
                // A key the caller chose (staff, portal) names one report: another customer or other
                // words under it are another request, refused rather than answered with the first
                // ticket. Category and priority are not compared: staff may reclassify the ticket
                // before the retry arrives. (A WhatsApp key is the provider's id of the message itself.)
                const bool chosen_by_caller = request.channel == "staff" || request.channel == "portal";
                std::optional<store::TicketRow> first;
                if (chosen_by_caller) first = TRY(store::find_ticket(context.db, *existing));
                if (first && (first->customer_id != request.customer_id || first->description != trim_copy(request.message)))
                    return key_reused(messages::kTicketKeyReused);
                outcome.ticket_id = *existing;
                outcome.repeated = true;
                return {};
            }
            if (auto commented = TRY(store::ticket_id_by_comment_key(context.db, request.idempotency_key))) {
                outcome.ticket_id = *commented;
                outcome.joined = outcome.repeated = true;
                return {};
            }
        }
        if (!TRY(store::find_customer(context.db, request.customer_id))) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
        const auto open = TRY(store::open_ticket_ids(context.db, request.customer_id));
        if (!open.empty() && (request.channel == "whatsapp" || request.channel == "landing"))
            return join_open_ticket(context, request, open.front(), outcome);
        if (request.channel == "portal" && open.size() >= static_cast<std::size_t>(tickets::kMaxOpenTicketsPerCustomer))
            return make_error(ErrorCode::Conflict, messages::kTicketTooManyOpen);

        store::TicketRow ticket;
        ticket.customer_id = request.customer_id;
        ticket.category = request.category;
        ticket.priority = request.priority.empty() ? std::string(tickets::default_priority(request.category)) : request.priority;
        ticket.channel = request.channel;
        const std::string subject = trim_copy(request.subject);
        ticket.subject = subject.empty() ? std::string(tickets::category_label(request.category)) : subject;
        ticket.description = trim_copy(request.message);
        record_opener(ticket, context, request.channel);
        if (!request.idempotency_key.empty()) ticket.idempotency_key = request.idempotency_key;
        ticket.created_at = context.now;
        std::tie(ticket.response_due_at, ticket.resolve_due_at) = TRY(sla_due_times(context.db, ticket.priority, context.now));
        outcome.ticket_id = TRY(store::insert_ticket(context.db, ticket));
        outcome.created = true;
        TRY_VOID(log_activity(context, "ticket.open", "ticket", outcome.ticket_id, api::Json(),
                              {{"customer_id", ticket.customer_id}, {"category", ticket.category}, {"priority", ticket.priority},
                               {"channel", ticket.channel}}));
        if (request.notify) TRY_VOID(queue_ticket_notice(context, outcome.ticket_id, "ticket_opened", "opened"));
        return {};
    }));
    return outcome;
}

Result<store::TicketRow> viewable_ticket(store::Database& db, std::int64_t ticket_id, const TicketViewer& viewer) {
    auto ticket = TRY(store::find_ticket(db, ticket_id));
    if (!ticket || (viewer.customer_id && ticket->customer_id != *viewer.customer_id)) return make_error(ErrorCode::NotFound, messages::kTicketNotFound);
    return *ticket;
}

Result<void> reclassify_ticket(app::Context& context, const store::TicketRow& ticket, const std::string& category, const std::string& priority) {
    auto [response_due, resolve_due] = std::pair{ticket.response_due_at, ticket.resolve_due_at};
    if (priority != ticket.priority) std::tie(response_due, resolve_due) = TRY(sla_due_times(context.db, priority, ticket.created_at));
    return store::update_ticket_classification(context.db, ticket.id, category, priority, response_due, resolve_due, context.now);
}

std::optional<std::string> ticket_setting_problem(std::string_view key, std::string_view value) {
    if (key == "ticket_sla_response_hours" || key == "ticket_sla_resolve_hours") {
        if (!tickets::parse_sla_hours(value)) return std::string(messages::kTicketSlaHours);
    } else if (key == "ticket_report_rate_per_minute") {
        const int number = std::atoi(std::string(value).c_str());
        if (std::to_string(number) != value || number < 1 || number > 100) return std::string(messages::kTicketRateSetting);
    }
    return std::nullopt;
}

}  // namespace kimonet::services
