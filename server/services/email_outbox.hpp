#pragma once
// Email as a channel (issue 22, docs/email.md): the smtp_* settings, the email outbox's front door
// and its worker's one step. Like the WhatsApp outbox (outbox.hpp): one idempotency key = one
// message; a claim leases the row (crash: due again after the lease; N servers: never two at
// once); 4xx answers and dropped connections are retried with exponential backoff up to
// max_attempts, 5xx answers fail the message at once. An invoice's PDF is rendered when the
// message is sent and attached (application/pdf).
#include <cstdint>
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/context.hpp"
#include "email/mailer.hpp"

namespace kimonet::services {

// The smtp_* settings (the password opened); 503 when smtp_url or smtp_from is empty.
Result<email::MailerSettings> mailer_settings(store::Database& db, const security::SecretBox& secrets);
// Why an smtp_* setting value is unacceptable (empty when fine); used by settings validation.
std::optional<std::string> email_setting_problem(std::string_view key, std::string_view value);
// True when smtp_url and smtp_from are set.
Result<bool> email_configured(store::Database& db);

struct EmailRequest {
    std::string key;  // idempotency key, e.g. "invoice-email:INV-202612-00001"
    std::optional<std::int64_t> customer_id;
    std::optional<std::int64_t> invoice_id;
    std::string to;   // checked: one plain address
    std::string subject;
    std::string text;
    std::string html;
    std::optional<std::int64_t> attach_invoice_id;  // this invoice's PDF goes along
};

struct QueuedEmail {
    std::int64_t id = 0;
    bool created = false;  // false: the key was already queued (nothing changed)
};

// 422 for an address that is not one or a subject with a line break.
Result<QueuedEmail> queue_email(app::Context& context, const EmailRequest& request);

struct EmailLimits {
    int max_attempts = 8;
    std::int64_t lease_seconds = 300;
    std::int64_t backoff_base_seconds = 60;
    std::int64_t backoff_cap_seconds = 3600;
    int max_messages = 200;  // per drain call
};
Result<EmailLimits> email_limits(store::Database& db);

struct EmailDrainReport {
    int sent = 0;
    int retried = 0;
    int failed = 0;
    int expired_leases = 0;
    std::optional<std::int64_t> next_due_at;
};

// Sends the due messages through `mailer`. `fallback_base_url` is the invoice PDF's pay link base
// when public_base_url is not set.
Result<EmailDrainReport> drain_email_outbox(store::Database& db, const app::Clock& clock, UtcOffset offset, email::Mailer& mailer,
                                            const email::MailerSettings& settings, const EmailLimits& limits,
                                            const std::string& fallback_base_url);

}  // namespace kimonet::services
