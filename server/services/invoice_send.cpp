#include "services/invoice_send.hpp"

#include <algorithm>

#include "app/ports.hpp"
#include "core/email_messages.hpp"
#include "core/error_messages.hpp"
#include "core/money.hpp"
#include "core/validation_messages.hpp"
#include "customers/customer.hpp"
#include "email/mime_message.hpp"
#include "http/html.hpp"
#include "pdf/invoice_pdf.hpp"
#include "services/email_outbox.hpp"
#include "services/idempotency_key.hpp"
#include "services/invoice_pdf_link.hpp"
#include "services/invoice_service.hpp"
#include "services/notification_service.hpp"
#include "services/settings.hpp"
#include "store/email_store.hpp"

namespace kimonet::services {

namespace {

struct SendInput {
    std::string channel;
    std::string to;
    std::string key;
};

bool idempotency_key_ok(const std::string& key) {
    if (key.size() < 8 || key.size() > 100) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
    });
}

Result<SendInput> read_send_input(const api::Json& input) {
    api::FieldReader reader(input);
    SendInput out;
    reader.read("channel", out.channel);
    reader.read("to", out.to);
    reader.read("idempotency_key", out.key);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    FieldErrors fields;
    if (out.channel != "whatsapp" && out.channel != "email") fields["channel"] = messages::kSendChannelChoice;
    if (!idempotency_key_ok(out.key)) fields["idempotency_key"] = messages::kSendIdempotencyKey;
    // One recipient, no line breaks: anything else is refused before it is looked at further.
    if (!email::header_safe(out.to)) fields["to"] = messages::kEmailHeaderLineBreak;
    else if (out.to.size() > 254) fields["to"] = messages::kInvalid;
    else if (!out.to.empty() && out.channel == "email") {
        if (auto address = email::normalized_email_address(out.to)) out.to = *address;
        else fields["to"] = messages::kEmail;
    } else if (!out.to.empty() && out.channel == "whatsapp") {
        const std::string phone = normalize_phone(out.to);
        if (phone.empty()) fields["to"] = messages::kPhone;
        else out.to = phone;
    }
    if (!fields.empty()) return validation_error(std::move(fields));
    return out;
}

api::Json send_json(const store::InvoiceSendRow& row) {
    return {{"id", row.id},           {"invoice_id", row.invoice_id}, {"by", row.actor_name},     {"by_type", row.actor_type},
            {"channel", row.channel}, {"to", row.recipient},          {"sent_as", row.sent_as},   {"outcome", row.outcome},
            {"error", row.last_error}, {"at", row.created_at}};
}

// The relay bounds (see the header), counted inside the send's transaction.
Result<void> check_send_bounds(app::Context& context, std::int64_t invoice_id, bool typed_in) {
    const std::int64_t hour_ago = context.now - 3600;
    const std::int64_t by_actor = TRY(store::count_invoice_sends_by_actor(context.db, context.actor.type, context.actor.id, hour_ago));
    if (by_actor >= kInvoiceSendsPerHour) {
        const auto oldest = TRY(store::oldest_invoice_send_by_actor(context.db, context.actor.type, context.actor.id, hour_ago));
        const std::int64_t wait = std::max<std::int64_t>(1, oldest.value_or(context.now) + 3600 - context.now);
        return rate_limited(messages::with_detail(messages::kSendTooMany, std::to_string(wait)), wait);
    }
    if (TRY(store::count_invoice_sends_of_invoice(context.db, invoice_id, hour_ago)) >= kSendsPerInvoicePerHour)
        return rate_limited(messages::with_detail(messages::kSendTooMany, "3600"), 3600);
    if (typed_in) {
        const std::int64_t day_ago = context.now - 86400;
        const std::int64_t distinct = TRY(store::count_distinct_recipients_by_actor(context.db, context.actor.type, context.actor.id, day_ago));
        if (distinct >= kTypedRecipientsPerDay) return rate_limited(messages::with_detail(messages::kSendTooMany, "86400"), 86400);
    }
    return success();
}

std::string invoice_email_text(const InvoiceDetail& detail, const std::string& company, const std::string& link) {
    return "Yth. " + detail.customer_name + ",\r\n\r\nTerlampir tagihan " + detail.invoice.invoice_no + " sebesar " +
           format_rupiah(detail.invoice.outstanding()) + ", jatuh tempo " + to_string(detail.invoice.due_date) +
           ".\r\nBayar atau lihat tagihan: " + link + "\r\n\r\nTerima kasih,\r\n" + company + "\r\n";
}

std::string invoice_email_html(const InvoiceDetail& detail, const std::string& company, const std::string& link) {
    const std::string escaped_link = http::html_escape(link);
    return "<!doctype html><html><body><p>Yth. " + http::html_escape(detail.customer_name) + ",</p><p>Terlampir tagihan <b>" +
           http::html_escape(detail.invoice.invoice_no) + "</b> sebesar <b>" + http::html_escape(format_rupiah(detail.invoice.outstanding())) +
           "</b>, jatuh tempo " + to_string(detail.invoice.due_date) + ".</p><p><a href=\"" + escaped_link + "\">" + escaped_link +
           "</a></p><p>Terima kasih,<br>" + http::html_escape(company) + "</p></body></html>";
}

struct InvoiceDelivery {
    std::string sent_as;
    std::optional<std::int64_t> email_id;
    std::optional<std::int64_t> notification_id;
    std::string direct_outcome;
};

std::string whatsapp_invoice_text(const InvoiceDetail& detail, const std::string& link, const std::string& company) {
    return "Tagihan " + detail.invoice.invoice_no + " dari " + company + " sebesar " + format_rupiah(detail.invoice.outstanding()) +
           ", jatuh tempo " + to_string(detail.invoice.due_date) + ". Bayar/lihat: " + link;
}

// WhatsApp without documents: the pay link as text through the outbox (durable, retried).
Result<InvoiceDelivery> deliver_pay_link(app::Context& context, const InvoiceDetail& detail, const std::string& recipient, const std::string& key,
                                  const std::string& text) {
    NotificationRequest request(MessageClass::Transactional);
    request.invoice_id = detail.invoice.id;
    request.key = "invoice-send:" + key;
    request.customer_id = detail.invoice.customer_id;
    request.phone = recipient;
    request.body = text;
    InvoiceDelivery delivery;
    delivery.sent_as = "pay_link";
    delivery.notification_id = TRY(queue_notification(context, request)).id;
    return delivery;
}

// WhatsApp with a gateway that takes documents: the PDF goes at once, outside any transaction (a
// slow gateway must not hold the database's write lock); the logged send says how it went. The
// gateways that take a document only by a link they fetch (Fonnte, Wablas, Meta) get the invoice's
// signed link (invoice_pdf_link.hpp) when the public_base_url setting says where the internet
// reaches this server; without it they cannot fetch anything, and they refuse the document. A
// document the gateway did not take (down now, or no link) still reaches the customer as the pay
// link, through the outbox and its retries.
Result<void> deliver_document(app::Context& context, whatsapp::Messenger& messenger, const InvoiceDetail& detail, std::int64_t send_id,
                              const std::string& recipient, const std::string& key, const std::string& text,
                              const std::string& fallback_base_url) {
    whatsapp::DocumentMessage document;
    document.filename = detail.invoice.invoice_no + ".pdf";
    document.bytes = TRY(pdf::render_invoice_pdf(context.db, detail, fallback_base_url, context.today()));
    document.caption = text;
    if (const std::string reachable_at = TRY(get_setting(context.db, "public_base_url")); !reachable_at.empty())
        document.url = TRY(invoice_pdf_link(context, reachable_at, detail.invoice.id));
    const whatsapp::SendOutcome outcome = messenger.send_document(recipient, document);
    return context.db.transaction([&]() -> Result<void> {
        if (outcome.delivered) return store::update_invoice_send_delivery(context.db, send_id, "document", std::nullopt, "sent");
        const InvoiceDelivery fallback = TRY(deliver_pay_link(context, detail, recipient, key, text));
        return store::update_invoice_send_delivery(context.db, send_id, "pay_link", fallback.notification_id, "");
    });
}

Result<InvoiceDelivery> deliver_by_email(app::Context& context, const InvoiceDetail& detail, const std::string& recipient, const std::string& key,
                                  const std::string& link, const std::string& company) {
    if (!TRY(email_configured(context.db))) return make_error(ErrorCode::Unavailable, messages::kSmtpNotConfigured);
    EmailRequest request;
    request.key = "invoice-send:" + key;
    request.customer_id = detail.invoice.customer_id;
    request.invoice_id = detail.invoice.id;
    request.to = recipient;
    // The em dash makes the subject non-ASCII: it travels as an RFC 2047 word like any Indonesian text would.
    request.subject = "Tagihan " + detail.invoice.invoice_no + " \xE2\x80\x94 " + company;
    request.text = invoice_email_text(detail, company, link);
    request.html = invoice_email_html(detail, company, link);
    request.attach_invoice_id = detail.invoice.id;
    InvoiceDelivery delivery;
    delivery.sent_as = "pdf_attachment";
    delivery.email_id = TRY(queue_email(context, request)).id;
    return delivery;
}

}  // namespace

NoticeChannels notice_channels(const std::string& preference, const std::string& phone, const std::string& email) {
    const bool has_phone = !normalize_phone(phone).empty();
    const bool has_email = email::normalized_email_address(email).has_value();
    NoticeChannels channels;
    if (preference == "email") channels.email = has_email;
    else if (preference == "both") channels = {has_phone, has_email};
    else if (preference == "whatsapp") channels.whatsapp = has_phone;
    else channels = {has_phone, !has_phone && has_email};
    // A preference that cannot be met falls back to what can.
    if (!channels.whatsapp && !channels.email) channels = {has_phone, !has_phone && has_email};
    return channels;
}

Result<api::Json> send_invoice(app::Context& context, std::int64_t invoice_id, const api::Json& input, std::optional<std::int64_t> owner,
                               const std::string& fallback_base_url) {
    const SendInput send = TRY(read_send_input(input));
    const InvoiceDetail detail = TRY(get_invoice_detail(context.db, invoice_id, owner));
    const auto contact = TRY(store::find_customer_contact(context.db, detail.invoice.customer_id));
    if (!contact) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
    const std::string own = send.channel == "email" ? email::normalized_email_address(contact->email).value_or("") : normalize_phone(contact->phone);
    const std::string recipient = send.to.empty() ? own : send.to;
    if (auto replay = TRY(store::find_invoice_send_by_key(context.db, send.key))) {
        if (replay->invoice_id != invoice_id || replay->actor_type != context.actor.type || replay->actor_id != context.actor.id)
            return make_error(ErrorCode::Conflict, messages::kConflict);
        // The key names one send: another channel or recipient under it is another request, refused
        // rather than answered "sent" for a message that was never sent there.
        if (replay->channel != send.channel || replay->recipient != recipient) return key_reused(messages::kSendKeyReused);
        api::Json answer = send_json(*replay);
        answer["replayed"] = true;
        return answer;
    }
    if (detail.invoice.status == billing::InvoiceStatus::Void) return validation_error({{"invoice", messages::kSendVoidInvoice}});
    if (recipient.empty()) return validation_error({{"to", messages::kSendNoRecipient}});
    if (owner && recipient != own) return make_error(ErrorCode::Forbidden, messages::kSendPortalOwnAddress);

    const std::string company = TRY(get_setting(context.db, "company_name"));
    const std::string link = payment_link(TRY(public_base_url(context.db, fallback_base_url)), detail.service_number);
    const std::string text = whatsapp_invoice_text(detail, link, company);
    std::unique_ptr<whatsapp::Messenger> documents;
    if (send.channel == "whatsapp")
        if (auto messenger = context.ports.configured_messenger(context.db, context.secrets); messenger && (*messenger)->supports_documents())
            documents = std::move(*messenger);
    std::int64_t send_id = 0;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        // A customer's "own" address is whatever they last put in their profile: changing it before
        // every send would relay to anyone, so the portal's sends always count as typed in.
        TRY_VOID(check_send_bounds(context, invoice_id, owner.has_value() || recipient != own));
        InvoiceDelivery delivery;
        if (documents) delivery = InvoiceDelivery{"document", std::nullopt, std::nullopt, "sending"};
        else if (send.channel == "email") delivery = TRY(deliver_by_email(context, detail, recipient, send.key, link, company));
        else delivery = TRY(deliver_pay_link(context, detail, recipient, send.key, text));
        store::NewInvoiceSend row{invoice_id,      context.actor.type, context.actor.id, context.actor.name, send.channel, recipient,
                                  delivery.sent_as, send.key,          delivery.email_id, delivery.notification_id, delivery.direct_outcome};
        send_id = TRY(store::insert_invoice_send(context.db, row, context.now));
        return success();
    }));
    if (documents) TRY_VOID(deliver_document(context, *documents, detail, send_id, recipient, send.key, text, fallback_base_url));
    const store::InvoiceSendRow logged = TRY(store::find_invoice_send_by_key(context.db, send.key)).value_or(store::InvoiceSendRow{});
    api::Json answer = send_json(logged);
    answer["replayed"] = false;
    return answer;
}

Result<api::Json> invoice_send_log(app::Context& context, std::int64_t invoice_id, std::optional<std::int64_t> owner) {
    TRY(get_invoice_detail(context.db, invoice_id, owner));
    api::Json rows = api::Json::array();
    for (const auto& row : TRY(store::list_invoice_sends(context.db, invoice_id))) rows.push_back(send_json(row));
    return rows;
}

}  // namespace kimonet::services
