// The SMTP adapter over libcurl (curl.se/libcurl/c/smtp-mail.html, smtp-tls.html): the envelope
// with CURLOPT_MAIL_FROM / CURLOPT_MAIL_RCPT, the message through a read callback (libcurl does
// the dot-stuffing of RFC 5321 §4.5.2), STARTTLS required with CURLOPT_USE_SSL = CURLUSESSL_ALL,
// implicit TLS with an smtps:// URL, AUTH with CURLOPT_USERNAME / CURLOPT_PASSWORD (libcurl picks
// PLAIN or LOGIN from the server's EHLO).
#include <curl/curl.h>

#include <algorithm>
#include <cstring>

#include "email/mailer.hpp"

namespace kimonet::email {

namespace {

struct SmtpUpload {
    const std::string* message = nullptr;
    std::size_t offset = 0;
};

std::size_t smtp_read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<SmtpUpload*>(user);
    const std::size_t room = size * count;
    const std::size_t left = upload->message->size() - upload->offset;
    const std::size_t taken = std::min(room, left);
    std::memcpy(buffer, upload->message->data() + upload->offset, taken);
    upload->offset += taken;
    return taken;
}

class SmtpMailer final : public Mailer {
public:
    explicit SmtpMailer(MailerSettings settings) : m_settings(std::move(settings)) {}

    SendOutcome send(const std::string& to, const std::string& message) override {
        SendOutcome outcome;
        CURL* curl = curl_easy_init();
        if (!curl) {
            outcome.error = "curl_easy_init failed";
            return outcome;
        }
        SmtpUpload upload{&message, 0};
        curl_slist* recipients = curl_slist_append(nullptr, ("<" + to + ">").c_str());
        char error_buffer[CURL_ERROR_SIZE] = {0};
        curl_easy_setopt(curl, CURLOPT_URL, m_settings.url.c_str());
        curl_easy_setopt(curl, CURLOPT_MAIL_FROM, ("<" + m_settings.from + ">").c_str());
        curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, smtp_read_message);
        curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, m_settings.timeout_ms);
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, std::min(m_settings.timeout_ms, 10'000L));
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
        if (m_settings.url.starts_with("smtp://") && m_settings.tls != "none") curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
        if (!m_settings.verify_certificate) {
            curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
        }
        if (!m_settings.username.empty()) {
            curl_easy_setopt(curl, CURLOPT_USERNAME, m_settings.username.c_str());
            curl_easy_setopt(curl, CURLOPT_PASSWORD, m_settings.password.c_str());
        }
        const CURLcode code = curl_easy_perform(curl);
        long reply = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
        curl_slist_free_all(recipients);
        curl_easy_cleanup(curl);

        outcome.response = "SMTP " + std::to_string(reply);
        if (code == CURLE_OK) {
            outcome.delivered = true;
            outcome.retryable = false;
            return outcome;
        }
        // The server's reply code first (what an operator looks up), then curl's words.
        outcome.error = (reply > 0 ? "SMTP " + std::to_string(reply) + ": " : std::string()) + curl_easy_strerror(code) +
                        (error_buffer[0] ? std::string(": ") + error_buffer : "");
        outcome.error = whatsapp::truncate_response(outcome.error);
        // RFC 5321 §4.2.1: 5yz is a permanent failure (the same message will fail again); 4yz is
        // transient. Login refusals (535) are the operator's settings, so they are retried: the
        // message goes once the password is fixed. No reply (connection refused, dropped, TLS
        // failure, timeout) is retried too.
        outcome.retryable = !(reply >= 500 && reply < 600 && code != CURLE_LOGIN_DENIED);
        return outcome;
    }

    std::string server_key() const override { return "smtp:" + m_settings.url.substr(m_settings.url.find("://") + 3); }

private:
    MailerSettings m_settings;
};

}  // namespace

std::unique_ptr<Mailer> make_smtp_mailer(MailerSettings settings) { return std::make_unique<SmtpMailer>(std::move(settings)); }

}  // namespace kimonet::email
