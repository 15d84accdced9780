#include "services/whatsapp_bot.hpp"

#include "core/money.hpp"
#include "customers/customer.hpp"
#include "messaging/bot_keywords.hpp"
#include "security/crypto.hpp"
#include "services/notification_service.hpp"

namespace kimonet::services {

namespace {

struct BotCustomer {
    std::int64_t id = 0;
    std::string status;
};

// "62812…@s.whatsapp.net", "62812…:12@s.whatsapp.net" and "0812…" all become "62812…".
std::string sender_phone(std::string from) {
    if (auto at = from.find('@'); at != std::string::npos) from.resize(at);
    if (auto colon = from.find(':'); colon != std::string::npos) from.resize(colon);
    return normalize_phone(from);
}

Result<bool> table_exists(store::Database& db, const char* name) {
    auto query = TRY(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    query.bind(1, name);
    return TRY(query.step());
}

Result<std::optional<BotCustomer>> customer_by_phone(store::Database& db, const std::string& phone) {
    // Several subscriptions may share one number; the active one (then the newest) answers.
    auto query = TRY(db.prepare(
        "SELECT id, status FROM customers WHERE phone = ? ORDER BY status = 'terminated', status = 'inactive', id DESC LIMIT 1"));
    query.bind(1, phone);
    if (!TRY(query.step())) return std::optional<BotCustomer>();
    return std::optional<BotCustomer>(BotCustomer{query.column_int(0), query.column_text(1)});
}

std::string status_text(const std::string& status) {
    if (status == "active") return "Aktif ✅";
    if (status == "isolated") return "Diisolir ⛔ (segera lakukan pembayaran agar layanan aktif kembali)";
    if (status == "inactive") return "Tidak aktif";
    if (status == "terminated") return "Berhenti berlangganan";
    return status;
}

// Unpaid invoices as bullet lines plus their outstanding total; empty lines when there are none
// (or the billing tables do not exist yet).
Result<std::pair<std::string, Money>> unpaid_invoices(store::Database& db, std::int64_t customer_id) {
    std::pair<std::string, Money> result{"", 0};
    if (!TRY(table_exists(db, "invoices"))) return result;
    auto query = TRY(db.prepare(
        "SELECT invoice_no, period, total - paid_amount, due_date FROM invoices WHERE customer_id = ? "
        "AND status IN ('unpaid','partial') AND total > paid_amount ORDER BY due_date, id"));
    query.bind(1, customer_id);
    while (TRY(query.step())) {
        const Money outstanding = query.column_int(2);
        std::string period = query.column_text(1), due = query.column_text(3);
        if (auto parsed = parse_period(period)) period = format_period_indonesian(*parsed);
        if (auto parsed = parse_date(due)) due = format_date_indonesian(*parsed);
        if (!result.first.empty()) result.first += "\n";
        result.first += "• " + query.column_text(0) + " (" + period + "): " + format_rupiah(outstanding) + ", jatuh tempo " + due;
        result.second += outstanding;
    }
    return result;
}

Result<void> log_conversation(app::Context& context, const char* direction, const InboundMessage& message, const std::string& phone,
                              std::optional<std::int64_t> customer_id, const std::string& text, const std::string& intent,
                              std::optional<std::int64_t> notification_id) {
    auto insert = TRY(context.db.prepare(
        "INSERT INTO whatsapp_conversations(at, direction, driver, phone, customer_id, message, intent, gateway_message_id, notification_id) "
        "VALUES (?,?,?,?,?,?,?,?,?)"));
    insert.bind(1, context.now).bind(2, direction).bind(3, message.driver).bind(4, phone).bind(5, customer_id).bind(6, text)
        .bind(7, intent).bind(8, std::string(direction) == "in" ? message.message_id : std::string()).bind(9, notification_id);
    return insert.run();
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
    const auto customer = TRY(customer_by_phone(context.db, phone));
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
    if (!customer) {
        // One registration hint per number and day, so a chatty stranger cannot make us spam.
        request.key = "bot:unregistered:" + phone + ":" + to_string(context.today());
        request.template_key = "bot_unregistered";
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
            case messaging::BotIntent::Menu:
            case messaging::BotIntent::Unknown: request.template_key = "bot_menu"; break;
        }
        auto variables = TRY(customer_variables(context.db, customer->id, links_base));
        request.variables.insert(variables.begin(), variables.end());
        request.variables.erase("__phone");
    }
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(log_conversation(context, "in", message, phone, reply.customer_id, message.text, reply.intent, std::nullopt));
        const auto queued = TRY(queue_notification(context, request));
        reply.notification_id = queued.id;
        reply.queued = queued.created;
        if (!queued.created) return success();
        auto body = TRY(context.db.prepare("SELECT body FROM notifications WHERE id = ?"));
        body.bind(1, queued.id);
        TRY(body.step());
        return log_conversation(context, "out", message, phone, reply.customer_id, body.column_text(0), reply.intent, queued.id);
    }));
    return reply;
}

}  // namespace kimonet::services
