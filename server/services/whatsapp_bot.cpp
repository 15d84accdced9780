#include "services/whatsapp_bot.hpp"

#include <algorithm>

#include "api/public_shapes.hpp"
#include "customers/customer.hpp"
#include "messaging/bot_keywords.hpp"
#include "security/crypto.hpp"
#include "services/notification_service.hpp"
#include "services/payment_promise.hpp"
#include "services/ticket_notices.hpp"
#include "services/tickets.hpp"
#include "services/whatsapp_bot_subscriptions.hpp"
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
        request.variables["petunjuk_layanan"] = "";  // only a number with one subscription reports without naming one
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
    // The subscriptions the message is about (all of the number's, or the ones it names). A STOP
    // from a number whose subscriptions are all terminated is still its owner's consent.
    const BotAudience audience = TRY(bot_audience(context.db, phone, message.text));
    OptOutCommand opt_out = opt_out_command(message.text);
    std::optional<std::int64_t> customer_id;
    if (!audience.subscriptions.empty()) customer_id = audience.subscriptions.front().id;
    else if (opt_out != OptOutCommand::None)
        if (const auto owner = TRY(store::find_customer_by_phone(context.db, phone))) customer_id = owner->id;
    if (!customer_id) opt_out = OptOutCommand::None;
    const messaging::BotIntent intent = messaging::classify_message(message.text);
    reply.intent = customer_id ? std::string(messaging::to_string(intent)) : "unregistered";
    reply.customer_id = customer_id;

    NotificationRequest request(MessageClass::Transactional);
    request.phone = phone;
    request.customer_id = reply.customer_id;
    // A gateway that retries its webhook sends the same id: the answer is queued once. Without an
    // id, the text and the minute stand in for it.
    const std::string inbound_id = !message.message_id.empty()
                                       ? message.message_id
                                       : security::sha256_hex(phone + "|" + message.text + "|" + std::to_string(context.now / 60)).substr(0, 24);
    request.key = "bot:" + message.driver + ":" + inbound_id;
    const bool several = audience.subscriptions.size() > 1;
    if (!customer_id) {
        // One registration hint per number and day, so a chatty stranger cannot make us spam.
        request.key = "bot:unregistered:" + phone + ":" + to_string(context.today());
        request.template_key = "bot_unregistered";
    } else if (opt_out != OptOutCommand::None) {
        // STOP / BERHENTI and START / MULAI (whatsapp_opt_out.hpp): the number's, so every
        // subscription on it; the confirmation names them.
        reply.intent = opt_out == OptOutCommand::Stop ? "opt_out" : "opt_in";
        request.template_key = opt_out == OptOutCommand::Stop ? "bot_berhenti" : "bot_mulai";
        if (!audience.subscriptions.empty()) request.variables["daftar_layanan"] = subscription_lines(audience);
    } else {
        switch (intent) {
            case messaging::BotIntent::Invoices: TRY_VOID(answer_invoices(context.db, audience, links_base, request)); break;
            case messaging::BotIntent::PaymentLink: TRY_VOID(answer_payment_links(audience, links_base, request)); break;
            case messaging::BotIntent::ServiceStatus: answer_statuses(audience, request); break;
            case messaging::BotIntent::Promise:
                if (several) answer_which_subscription(audience, "JANJI BAYAR", request);
                else TRY_VOID(answer_promise(context, *customer_id, request));
                break;
            case messaging::BotIntent::Trouble:
                if (several) answer_which_subscription(audience, "GANGGUAN", request);
                else TRY_VOID(answer_trouble(context, *customer_id, message, inbound_id, request));
                break;
            case messaging::BotIntent::Menu:
            case messaging::BotIntent::Unknown:
                request.template_key = "bot_menu";
                request.variables["petunjuk_layanan"] = several ? menu_subscription_hint(audience) : std::string();
                break;
        }
    }
    if (customer_id) {
        auto variables = TRY(customer_variables(context.db, *customer_id, links_base));
        // A number whose subscriptions are all terminated opts out as the newest of them.
        if (opt_out != OptOutCommand::None && audience.subscriptions.empty())
            request.variables["daftar_layanan"] = "• *" + variables[api::kServiceNumberPlaceholder] + "*";
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
