#pragma once
// The Mailer port: how the email outbox hands one finished message to a mail server. One adapter
// (SMTP over libcurl, smtp_mailer.cpp), built by app/ports.cpp from the smtp_* settings.
#include <memory>
#include <string>

#include "whatsapp/messenger.hpp"

namespace kimonet::email {

// The result of one attempt, as for WhatsApp: delivered, or why not and whether to try again
// (4xx answers and dropped connections: yes; 5xx answers: no).
using SendOutcome = whatsapp::SendOutcome;

struct MailerSettings {
    std::string url;       // smtp://host[:port] (STARTTLS by tls) or smtps://host[:port] (implicit TLS)
    std::string username;  // empty: no AUTH
    std::string password;
    std::string from;      // the envelope sender and From address
    std::string from_name;
    std::string tls = "starttls";   // starttls (required) | none (plain; only for a relay on loopback)
    bool verify_certificate = true; // false: accept a self-signed certificate (a local relay, the simulator)
    long timeout_ms = 30'000;
};

class Mailer {
public:
    virtual ~Mailer() = default;
    // Sends `message` (a whole RFC 5322 message, CRLF line ends) from `settings.from` to `to`.
    virtual SendOutcome send(const std::string& to, const std::string& message) = 0;
    // Identifies the server for the delivery log ("smtp:mail.example.id:587").
    virtual std::string server_key() const = 0;
};

std::unique_ptr<Mailer> make_smtp_mailer(MailerSettings settings);

}  // namespace kimonet::email
