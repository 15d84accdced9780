#pragma once
// "Send this invoice" (issue 22, docs/email.md): one invoice to its customer, or to a number or
// address typed in, by WhatsApp (the PDF as a document when the gateway takes media, else the pay
// link as text, through the outbox) or by email (the PDF attached, through the email outbox).
// Every send is logged on the invoice (invoice_sends: who, when, channel, to, how; its outcome
// is the queued message's status).
//
// Relay bounds, because a typed-in recipient could turn this into a spam relay: per user at most
// kInvoiceSendsPerHour sends an hour and kTypedRecipientsPerDay distinct recipients a day; per
// invoice at most kSendsPerInvoicePerHour sends an hour (429 with Retry-After); one recipient per
// send; no CR/LF anywhere near a header; a customer (portal) sends only their own invoice to their
// own address or number, and since they can change that in their profile, every portal send counts
// towards the distinct recipients. The same idempotency key sends once.
#include <optional>
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

inline constexpr int kInvoiceSendsPerHour = 30;
inline constexpr int kSendsPerInvoicePerHour = 5;
inline constexpr int kTypedRecipientsPerDay = 10;

// {"channel": "whatsapp"|"email", "to"?: number or address, "idempotency_key": text}. `owner`: the
// portal customer (their invoices only, their own recipient only). `fallback_base_url`: the pay
// link's base when public_base_url is not set. Answers the logged send ("replayed": true for a
// key already used).
Result<api::Json> send_invoice(app::Context& context, std::int64_t invoice_id, const api::Json& input, std::optional<std::int64_t> owner,
                               const std::string& fallback_base_url);
// The invoice's send log, newest first.
Result<api::Json> invoice_send_log(app::Context& context, std::int64_t invoice_id, std::optional<std::int64_t> owner);

// The channels a customer's notices go by: their channel_preference, or by default WhatsApp when
// they have a number and email otherwise. `email` only when they have an address.
struct NoticeChannels {
    bool whatsapp = false;
    bool email = false;
};
NoticeChannels notice_channels(const std::string& preference, const std::string& phone, const std::string& email);

}  // namespace kimonet::services
