#include "services/email_outbox.hpp"

#include <algorithm>

#include "core/email_messages.hpp"
#include "core/error_messages.hpp"
#include "core/validation_messages.hpp"
#include "email/mime_message.hpp"
#include "messaging/delivery_policy.hpp"
#include "pdf/invoice_pdf.hpp"
#include "services/invoice_service.hpp"
#include "services/settings.hpp"
#include "store/email_store.hpp"

namespace kimonet::services {

namespace {

Result<std::string> email_pdf_attachment(store::Database& db, std::int64_t invoice_id, const std::string& fallback_base_url,
                                         std::int64_t now, UtcOffset offset, std::string& filename) {
    const auto detail = TRY(services::get_invoice_detail(db, invoice_id));
    filename = detail.invoice.invoice_no + ".pdf";
    return pdf::render_invoice_pdf(db, detail, fallback_base_url, local_from_unix(now, offset).date);
}

// One message handed to the server; the outcome is data (a failure to render is a permanent one).
email::SendOutcome deliver_email(store::Database& db, const store::EmailRow& row, std::int64_t now, UtcOffset offset,
                                 email::Mailer& mailer, const email::MailerSettings& settings, const std::string& fallback_base_url) {
    email::MimeEmail mime;
    mime.from_name = settings.from_name;
    mime.from_address = settings.from;
    mime.to_address = row.to_address;
    mime.subject = row.subject;
    mime.text = row.body_text;
    mime.html = row.body_html;
    mime.date = now;
    mime.offset = offset;
    // Stable across retries, so a receiving server that saw the first attempt can drop a copy.
    mime.message_token = "kimonet-" + std::to_string(row.id) + "-" + std::to_string(row.created_at);
    email::SendOutcome refused;
    refused.retryable = false;
    if (row.attach_invoice_id) {
        std::string filename;
        auto pdf = email_pdf_attachment(db, *row.attach_invoice_id, fallback_base_url, now, offset, filename);
        if (!pdf) {
            refused.error = pdf.error().message();
            return refused;
        }
        mime.attachments.push_back({filename, "application/pdf", std::move(*pdf)});
    }
    auto message = email::build_mime_message(mime);
    if (!message) {
        refused.error = message.error().message();
        return refused;
    }
    email::SendOutcome outcome = mailer.send(row.to_address, *message);
    if (outcome.delivered) outcome.message_id = "<" + std::to_string(now) + "." + mime.message_token + ">";
    return outcome;
}

}  // namespace

Result<email::MailerSettings> mailer_settings(store::Database& db, const security::SecretBox& secrets) {
    email::MailerSettings settings;
    settings.url = TRY(get_setting(db, "smtp_url"));
    settings.from = TRY(get_setting(db, "smtp_from"));
    if (settings.url.empty() || settings.from.empty()) return make_error(ErrorCode::Unavailable, messages::kSmtpNotConfigured);
    settings.username = TRY(get_setting(db, "smtp_username"));
    settings.password = TRY(get_secret_setting(db, secrets, "smtp_password"));
    settings.from_name = TRY(get_setting(db, "smtp_from_name"));
    if (settings.from_name.empty()) settings.from_name = TRY(get_setting(db, "company_name"));
    settings.tls = TRY(get_setting(db, "smtp_tls"));
    settings.verify_certificate = TRY(get_setting(db, "smtp_verify_certificate")) != "0";
    settings.timeout_ms = std::clamp<std::int64_t>(TRY(get_setting_int(db, "smtp_timeout_seconds")), 1, 300) * 1000;
    return settings;
}

Result<bool> email_configured(store::Database& db) {
    return !TRY(get_setting(db, "smtp_url")).empty() && !TRY(get_setting(db, "smtp_from")).empty();
}

std::optional<std::string> email_setting_problem(std::string_view key, std::string_view value) {
    if (key == "smtp_url" && !value.empty()) {
        const bool scheme = value.starts_with("smtp://") || value.starts_with("smtps://");
        const std::string_view rest = value.substr(value.find("://") == std::string_view::npos ? 0 : value.find("://") + 3);
        const bool host = !rest.empty() && rest.front() != ':' && rest.front() != '/' &&
                          rest.find_first_of(std::string_view(" \t\r\n@?#\0", 9)) == std::string_view::npos;
        if (!scheme || !host || value.size() > 300) return std::string(messages::kSmtpUrl);
    } else if ((key == "smtp_from") && !value.empty()) {
        if (!email::normalized_email_address(value)) return std::string(messages::kEmail);
    } else if (key == "smtp_from_name" || key == "smtp_username") {
        if (!email::header_safe(value)) return std::string(messages::kEmailHeaderLineBreak);
        if (value.size() > 100) return std::string(messages::kTooLong100);
    } else if (key == "smtp_tls") {
        if (value != "starttls" && value != "none") return std::string(messages::kSmtpTlsMode);
    } else if (key == "smtp_verify_certificate") {
        if (value != "0" && value != "1") return std::string("0 atau 1");
    } else if (key == "smtp_timeout_seconds" || key == "smtp_max_attempts") {
        const int number = std::atoi(std::string(value).c_str());
        if (std::to_string(number) != value || number < 1 || number > (key == "smtp_max_attempts" ? 20 : 300))
            return std::string(key == "smtp_max_attempts" ? "angka 1-20" : "detik 1-300");
    }
    return std::nullopt;
}

Result<QueuedEmail> queue_email(app::Context& context, const EmailRequest& request) {
    FieldErrors fields;
    const auto address = email::normalized_email_address(request.to);
    if (!address) fields["to"] = messages::kEmail;
    if (!email::header_safe(request.subject)) fields["subject"] = messages::kEmailHeaderLineBreak;
    if (!fields.empty()) return validation_error(std::move(fields));
    store::NewEmail row{request.key,  request.customer_id, request.invoice_id, *address,
                        request.subject, request.text,     request.html,       request.attach_invoice_id,
                        context.actor.type == "system" ? "system" : context.actor.type + ":" + std::to_string(context.actor.id)};
    QueuedEmail queued;
    if (auto id = TRY(store::insert_email(context.db, row, context.now))) {
        queued = {*id, true};
        app::wake_after_commit(context, app::Work::Outbox);
    } else {
        queued = {TRY(store::find_email_id_by_key(context.db, request.key)).value_or(0), false};
    }
    return queued;
}

Result<EmailLimits> email_limits(store::Database& db) {
    EmailLimits limits;
    limits.max_attempts = static_cast<int>(std::max<std::int64_t>(1, TRY(get_setting_int(db, "smtp_max_attempts"))));
    limits.lease_seconds = std::max<std::int64_t>(limits.lease_seconds, TRY(get_setting_int(db, "smtp_timeout_seconds")) * 3);
    return limits;
}

Result<EmailDrainReport> drain_email_outbox(store::Database& db, const app::Clock& clock, UtcOffset offset, email::Mailer& mailer,
                                            const email::MailerSettings& settings, const EmailLimits& limits,
                                            const std::string& fallback_base_url) {
    EmailDrainReport report;
    for (int handled = 0; handled < limits.max_messages; ++handled) {
        const std::int64_t now = clock.now();
        std::optional<store::EmailRow> claimed;
        TRY_VOID(db.transaction([&]() -> Result<void> {
            auto candidate = TRY(store::find_next_email_candidate(db, now));
            if (!candidate) return success();
            if (candidate->expired) {
                ++report.expired_leases;
                if (candidate->attempts >= limits.max_attempts)
                    return store::mark_email_failed(db, candidate->id, -1, "the worker stopped during the last attempt", "", now);
            }
            TRY_VOID(store::mark_email_sending(db, candidate->id, now + limits.lease_seconds, now));
            candidate->attempts += 1;
            claimed = std::move(candidate);
            return success();
        }));
        if (!claimed) {
            // Nothing claimed: either the queue is idle or an interrupted message was just failed.
            if (TRY(store::find_next_email_candidate(db, now))) continue;
            break;
        }
        const email::SendOutcome outcome = deliver_email(db, *claimed, now, offset, mailer, settings, fallback_base_url);
        const std::int64_t finished = clock.now();
        TRY_VOID(db.transaction([&]() -> Result<void> {
            if (outcome.delivered) {
                ++report.sent;
                return store::mark_email_sent(db, claimed->id, claimed->attempts, outcome.message_id, outcome.response, finished);
            }
            if (outcome.retryable && claimed->attempts < limits.max_attempts) {
                ++report.retried;
                const std::int64_t next =
                    finished + messaging::retry_delay_seconds(claimed->attempts, limits.backoff_base_seconds, limits.backoff_cap_seconds);
                return store::requeue_email(db, claimed->id, claimed->attempts, next, outcome.error, outcome.response, finished);
            }
            ++report.failed;
            return store::mark_email_failed(db, claimed->id, claimed->attempts, outcome.error, outcome.response, finished);
        }));
    }
    report.next_due_at = TRY(store::earliest_email_work(db));
    return report;
}

}  // namespace kimonet::services
