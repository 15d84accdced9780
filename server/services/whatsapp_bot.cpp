#include "services/whatsapp_bot.hpp"

#include <algorithm>

#include "core/money.hpp"
#include "customers/customer.hpp"
#include "messaging/bot_keywords.hpp"
#include "security/crypto.hpp"
#include "services/notification_service.hpp"
#include "services/payment_promise.hpp"
#include "services/ticket_notices.hpp"
#include "services/tickets.hpp"
#include "services/whatsapp_opt_out.hpp"
#include "store/messaging_lookups.hpp"
#include "store/notification_store.hpp"
#include "store/whatsapp_bot_store.hpp"
#include "tickets/ticket_rules.hpp"

namespace kimonet::services {

namespace {

// "62812…@s.whatsapp.net", "62812…:12@s.whatsapp.net" and "0812…" all become "62812…".
std::string sender_phone(std::string from) {
    if (auto at = from.find('@'); at != std::string::npos) from.resize(at);
    if (auto colon = from.find(':'); colon != std::string::npos) from.resize(colon);
    return normalize_phone(from);
}

std::string status_text(const std::string& status) {
    if (status == "active") return "Aktif ✅";
    if (status == "isolated") return "Diisolir ⛔ (segera lakukan pembayaran agar layanan aktif kembali)";
    if (status == "inactive") return "Tidak aktif";
    if (status == "terminated") return "Berhenti berlangganan";
    return status;
}

// Unpaid invoices as bullet lines plus their outstanding total; empty lines when there are none.
Result<std::pair<std::string, Money>> unpaid_invoices(store::Database& db, std::int64_t customer_id) {
    std::pair<std::string, Money> result{"", 0};
    for (const auto& invoice : TRY(store::list_outstanding_invoices(db, customer_id))) {
        std::string period = invoice.period, due = invoice.due_date;
        if (auto parsed = parse_period(period)) period = format_period_indonesian(*parsed);
        if (auto parsed = parse_date(due)) due = format_date_indonesian(*parsed);
        if (!result.first.empty()) result.first += "\n";
        result.first += "• " + invoice.invoice_no + " (" + period + "): " + format_rupiah(invoice.outstanding) + ", jatuh tempo " + due;
        result.second += invoice.outstanding;
    }
    return result;
}

Result<void> log_conversation(app::Context& context, const char* direction, const InboundMessage& message, const std::string& phone,
                              std::optional<std::int64_t> customer_id, const std::string& text, const std::string& intent,
                              std::optional<std::int64_t> notification_id) {
    store::ConversationEntry entry{context.now, direction,       message.driver, phone,
                                   customer_id, text,      intent,         std::string(direction) == "in" ? message.message_id : std::string(),
                                   notification_id};
    return store::insert_conversation(context.db, entry);
}

// "janji bayar" from the customer's registered number: the promise service (the one the portal
// and the isolir page use), answered with the promise's date, the same date again when one holds,
// or why not. The reply is the promise's notice, so the service queues none of its own.
Result<void> answer_promise(app::Context& context, std::int64_t customer_id, NotificationRequest& request) {
    PromiseRequest promise;
    promise.customer_id = customer_id;
    promise.channel = dunning::PromiseChannel::WhatsApp;
    promise.notify = false;
    auto outcome = make_promise(context, promise);
    if (!outcome) {
        const ErrorCode code = outcome.error().code;
        if (code != ErrorCode::Conflict && code != ErrorCode::Forbidden && code != ErrorCode::NotFound) return std::move(outcome).error();
        request.template_key = "bot_janji_bayar_ditolak";
        request.variables["alasan"] = outcome.error().message();
        return success();
    }
    request.template_key = "janji_bayar_diterima";
    request.variables = TRY(promise_notice_variables(context, outcome->promise));
    return success();
}

// "gangguan …" / "lapor …" from the customer's registered number: the ticket service (the one the
// portal, the landing page and staff use) opens a ticket, or adds the message to the ticket still
// open. The reply is the ticket's opening notice (same key, so it is sent once) or "added to your
// ticket". The inbound message's id is the report's key: a webhook delivered twice opens one ticket.
Result<void> answer_trouble(app::Context& context, std::int64_t customer_id, const InboundMessage& message, const std::string& inbound_id,
                            NotificationRequest& request) {
    TicketOpenRequest report;
    report.customer_id = customer_id;
    report.channel = "whatsapp";
    report.category = std::string(tickets::category_from_text(message.text));
    // A very long message is kept up to the limit, cut between characters (never inside one).
    std::size_t cut = std::min(message.text.size(), tickets::kMaxDescriptionLength);
    while (cut > 0 && cut < message.text.size() && (static_cast<unsigned char>(message.text[cut]) & 0xC0) == 0x80) --cut;
    report.message = message.text.substr(0, cut);
    report.idempotency_key = "whatsapp:" + message.driver + ":" + inbound_id;
    report.notify = false;
    auto opened = open_ticket(context, report);
    if (!opened && opened.error().code == ErrorCode::ValidationFailed) {  // control characters, nothing to report: the menu
        request.template_key = "bot_menu";
        return success();
    }
    if (!opened) return std::move(opened).error();
    const auto ticket = TRY(store::find_ticket(context.db, opened->ticket_id));
    if (!ticket) return make_error(ErrorCode::NotFound, messages::kNotFound);
    const bool joined = opened->joined;
    const NotificationRequest notice = TRY(ticket_notice(context, *ticket, joined ? "bot_tiket_terbuka" : "ticket_opened", "opened"));
    request.template_key = notice.template_key;
    request.variables.insert(notice.variables.begin(), notice.variables.end());
    if (!joined) request.key = notice.key;  // the ticket's one opening notice, however often the report arrives
    return success();
}

}  // namespace

Result<BotReply> handle_inbound_message(app::Context& context, const InboundMessage& message, const std::string& base_url) {
    BotReply reply;
    const std::string phone = sender_phone(message.from);
    if (phone.empty() || message.text.empty()) {
        // Groups, status broadcasts and empty events are not conversations with a customer.
        reply.intent = "ignored";
        return reply;
    }
    const std::string links_base = TRY(public_base_url(context.db, base_url));
    const auto customer = TRY(store::find_customer_by_phone(context.db, phone));
    const messaging::BotIntent intent = messaging::classify_message(message.text);
    reply.intent = customer ? std::string(messaging::to_string(intent)) : "unregistered";
    if (customer) reply.customer_id = customer->id;

    NotificationRequest request(MessageClass::Transactional);
    request.phone = phone;
    request.customer_id = reply.customer_id;
    // A gateway that retries its webhook sends the same id: the answer is queued once. Without an
    // id, the text and the minute stand in for it.
    const std::string inbound_id = !message.message_id.empty()
                                       ? message.message_id
                                       : security::sha256_hex(phone + "|" + message.text + "|" + std::to_string(context.now / 60)).substr(0, 24);
    request.key = "bot:" + message.driver + ":" + inbound_id;
    // STOP / BERHENTI and START / MULAI from a customer's number (whatsapp_opt_out.hpp).
    const OptOutCommand opt_out = customer ? opt_out_command(message.text) : OptOutCommand::None;
    if (!customer) {
        // One registration hint per number and day, so a chatty stranger cannot make us spam.
        request.key = "bot:unregistered:" + phone + ":" + to_string(context.today());
        request.template_key = "bot_unregistered";
    } else if (opt_out != OptOutCommand::None) {
        reply.intent = opt_out == OptOutCommand::Stop ? "opt_out" : "opt_in";
        request.template_key = opt_out == OptOutCommand::Stop ? "bot_berhenti" : "bot_mulai";
        auto variables = TRY(customer_variables(context.db, customer->id, links_base));
        request.variables.insert(variables.begin(), variables.end());
        request.variables.erase("__phone");
    } else {
        switch (intent) {
            case messaging::BotIntent::Invoices: {
                const auto [lines, total] = TRY(unpaid_invoices(context.db, customer->id));
                if (lines.empty()) {
                    request.template_key = "bot_no_invoices";
                } else {
                    request.template_key = "bot_invoices";
                    request.variables["daftar_tagihan"] = lines;
                    request.variables["total"] = format_rupiah(total);
                }
                break;
            }
            case messaging::BotIntent::PaymentLink: request.template_key = "bot_payment_link"; break;
            case messaging::BotIntent::ServiceStatus:
                request.template_key = "bot_status";
                request.variables["status_layanan"] = status_text(customer->status);
                break;
            case messaging::BotIntent::Promise: TRY_VOID(answer_promise(context, customer->id, request)); break;
            case messaging::BotIntent::Trouble: TRY_VOID(answer_trouble(context, customer->id, message, inbound_id, request)); break;
            case messaging::BotIntent::Menu:
            case messaging::BotIntent::Unknown: request.template_key = "bot_menu"; break;
        }
        auto variables = TRY(customer_variables(context.db, customer->id, links_base));
        request.variables.insert(variables.begin(), variables.end());
        request.variables.erase("__phone");
    }
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(log_conversation(context, "in", message, phone, reply.customer_id, message.text, reply.intent, std::nullopt));
        if (opt_out == OptOutCommand::Stop) TRY(opt_out_of_whatsapp(context, phone, reply.customer_id, message.text));
        if (opt_out == OptOutCommand::Start) TRY(opt_back_in_to_whatsapp(context, phone, reply.customer_id));
        const auto queued = TRY(queue_notification(context, request));
        reply.notification_id = queued.id;
        reply.queued = queued.created;
        if (!queued.created) return success();
        const auto body = TRY(store::find_notification_body(context.db, queued.id));
        return log_conversation(context, "out", message, phone, reply.customer_id, body.value_or(std::string()), reply.intent, queued.id);
    }));
    return reply;
}

}  // namespace kimonet::services
