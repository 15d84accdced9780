#pragma once
// The Messenger port: how the outbox and the settings page talk to a WhatsApp HTTP gateway.
// One adapter per gateway (MPWA-style, Fonnte, go-whatsapp-web-multidevice), chosen in settings.
#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "security/secret_box.hpp"
#include "store/database.hpp"

namespace kimonet::whatsapp {

// The result of one send attempt. A refused or failed send is data to record, not an error.
struct SendOutcome {
    bool delivered = false;   // the gateway accepted the message
    bool retryable = true;    // worth trying again later (5xx, timeout, device offline, bad token)
    std::string message_id;   // the gateway's id, when it gives one
    std::string response;     // the gateway's answer (truncated), for the delivery log
    std::string error;        // a short human reason when not delivered
};

struct DeviceStatus {
    bool connected = false;
    std::string device;    // the sender number the gateway reports
    std::string state;     // the gateway's own word ("connect", "disconnected", …)
    std::string qr_code;   // a data: URI, URL or raw QR payload when the device must be paired
    std::string detail;
};

// A document (an invoice's PDF) sent as a WhatsApp document message. Providers that take media by
// URL use `url`; those that take an upload use `bytes`. Either may be empty, not both.
struct DocumentMessage {
    std::string filename;   // shown to the recipient ("INV-2026-12-0001.pdf")
    std::string mime_type = "application/pdf";
    std::string bytes;      // the file itself, when the provider accepts an upload
    std::string url;        // a link the provider fetches (the invoice's signed public PDF link)
    std::string caption;    // the text under the document
};

struct MessengerSettings {
    std::string driver = "mpwa";  // mpwa | fonnte | gowa
    std::string api_url;           // base URL of the gateway
    std::string sender;            // device number (mpwa sender, fonnte device)
    std::string api_key;           // mpwa api_key, fonnte token, gowa "user:password"
    long timeout_ms = 10'000;
};

class Messenger {
public:
    virtual ~Messenger() = default;
    // Sends one text message to a normalised number (62…).
    virtual SendOutcome send(const std::string& phone, const std::string& text) = 0;
    // The paired device's connection state and, when unpaired, its QR code.
    virtual Result<DeviceStatus> device_status() = 0;
    // Identifies the gateway for the rate limit and the delivery log ("fonnte:62812…").
    virtual std::string gateway_key() const = 0;
    // Whether send_document can deliver a file; callers without it send the pay link as text.
    virtual bool supports_documents() const { return false; }
    // Sends one document. The default refuses (not retryable): callers check supports_documents().
    virtual SendOutcome send_document(const std::string& phone, const DocumentMessage& document);
};

std::unique_ptr<Messenger> make_mpwa_messenger(MessengerSettings settings);
std::unique_ptr<Messenger> make_fonnte_messenger(MessengerSettings settings);
std::unique_ptr<Messenger> make_gowa_messenger(MessengerSettings settings);

// Validates the driver name and builds its adapter.
Result<std::unique_ptr<Messenger>> make_messenger(MessengerSettings settings);
// Reads whatsapp_* settings (the key decrypted); 503 when no gateway URL is configured.
Result<MessengerSettings> messenger_settings(store::Database& db, const security::SecretBox& secrets);
Result<std::unique_ptr<Messenger>> messenger_from_settings(store::Database& db, const security::SecretBox& secrets);

// Why a whatsapp_* setting value is unacceptable (empty when fine); used by settings validation.
std::optional<std::string> whatsapp_setting_problem(std::string_view key, std::string_view value);

// Shared by the adapters: the outcome of an HTTP answer that is not a clean success.
SendOutcome transport_failure(int status, const std::string& body, const std::string& transport_error, bool timed_out);
// At most 1000 bytes of a gateway answer for the log.
std::string truncate_response(const std::string& body);

}  // namespace kimonet::whatsapp
