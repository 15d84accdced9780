#include "services/ticket_notices.hpp"

#include "core/date_time_text.hpp"
#include "core/text.hpp"
#include "core/ticket_messages.hpp"
#include "services/staff_names.hpp"
#include "services/tickets.hpp"
#include "tickets/ticket_rules.hpp"

namespace kimonet::services {

Result<NotificationRequest> ticket_notice(const app::Context& context, const store::TicketRow& ticket, const std::string& template_key,
                                          const std::string& event) {
    NotificationRequest request(MessageClass::Transactional);
    request.key = "ticket:" + std::to_string(ticket.id) + ":" + event;
    request.customer_id = ticket.customer_id;
    request.template_key = template_key;
    request.variables["nomor_tiket"] = tickets::ticket_number(ticket.id);
    request.variables["kategori"] = std::string(tickets::category_label(ticket.category));
    request.variables["target_selesai"] = format_moment_indonesian(ticket.resolve_due_at, context.offset);
    request.variables["teknisi"] = ticket.assignee_user_id ? staff_name_for_customers(ticket.assignee_full_name) : std::string("-");
    request.variables["penyebab"] = ticket.close_cause.empty() ? std::string("-") : std::string(tickets::close_cause_label(ticket.close_cause));
    return request;
}

Result<void> queue_ticket_notice(app::Context& context, std::int64_t ticket_id, const std::string& template_key, const std::string& event) {
    const auto ticket = TRY(store::find_ticket(context.db, ticket_id));
    if (!ticket) return make_error(ErrorCode::NotFound, messages::kTicketNotFound);
    const NotificationRequest request = TRY(ticket_notice(context, *ticket, template_key, event));
    auto queued = queue_notification(context, request);
    // A customer without a usable WhatsApp number still has their ticket; the notice is what is left out.
    if (!queued && queued.error().code == ErrorCode::ValidationFailed && queued.error().fields.count("phone")) return {};
    if (!queued) return std::move(queued).error();
    return {};
}

std::optional<std::string> ticket_text_problem(const std::string& text, std::size_t max_length, bool required) {
    const std::string trimmed = trim_copy(text);
    const std::string limit = std::to_string(max_length);
    if (required && trimmed.empty()) return messages::with_detail(messages::kTicketTextRequired, limit);
    if (!is_valid_utf8(text) || has_control_characters(text, true)) return std::string(messages::kControlCharacters);
    if (utf8_length(trimmed) > max_length) return messages::with_detail(messages::kTicketTextTooLong, limit);
    return std::nullopt;
}

}  // namespace kimonet::services
