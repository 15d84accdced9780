#pragma once
// A simulated WhatsApp HTTP gateway on loopback speaking all three drivers' wire formats
// (MPWA-style /send-message + /generate-qr, Fonnte /send + /device + /qr, go-whatsapp-web-
// multidevice /send/message + /app/devices + /app/login), recording what it accepts, delivering
// inbound messages to our webhooks as each provider does (go-whatsapp signs the body with
// HMAC-SHA256 in X-Hub-Signature-256; Fonnte and MPWA do not sign, so their webhook URL carries
// ?token=<secret>), and
// switchable failure modes. Used in-process by tests and by `kimonet-sim whatsapp`.
//
// Also Wablas (/api/send-message, /api/send-document, /api/device/info), WAHA (/api/sendText,
// /api/sendFile, /api/sessions/{session}, /api/{session}/auth/qr; webhooks signed X-Webhook-Hmac
// HMAC-SHA512) and Meta's WhatsApp Cloud API (/v{N}/{phone_number_id}/messages and the number's
// node; webhooks signed X-Hub-Signature-256 with the app secret), each in its own file.
//
// Test endpoints: GET/DELETE /_sim/messages, POST /_sim/mode {"mode":"ok|error_500|timeout|
// token_invalid|rate_limited","count":N,"delay_ms":N,"connected":bool,"after":N (the mode, or with "disconnect":true a lost
// session, starts after N more accepted messages)}, POST /_sim/inbound {"driver":"fonnte|gowa|mpwa|wablas|waha|meta",
// "from":"0812…","message":"tagihan","id":"…","forge":false,"webhook_url":"…"}.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "sim/sim_http.hpp"

namespace kimonet::sim {

struct WhatsAppSimulatorOptions {
    std::string bind = "127.0.0.1";
    int port = 0;                                  // 0 = ephemeral
    std::string api_key = "sim-api-key";           // mpwa api_key and fonnte token
    std::string sender = "6281200000000";          // the paired device's number
    std::string basic_auth = "kimonet:sim-secret"; // gowa Basic auth "user:password"
    std::string webhook_base;                      // our server, e.g. http://127.0.0.1:8080
    std::string webhook_secret;                    // gowa HMAC key; fonnte and mpwa ?token=
    // Wablas: Authorization "<api_key>" or, with a secret key, "<api_key>.<secret key>".
    std::string wablas_secret_key;
    std::string waha_session = "default";          // WAHA: the one session (X-Api-Key = api_key; webhook hmac.key = webhook_secret)
    std::string meta_phone_number_id = "106540352242922";  // Meta: Bearer api_key
    std::string meta_app_secret = "sim-app-secret";        // Meta: signs webhooks (X-Hub-Signature-256)
    std::string meta_language = "id";
    // Meta: approved templates, name -> number of body parameters; empty = every name is approved.
    std::map<std::string, int> meta_templates;
};

struct SimMessage {
    std::int64_t id = 0;
    std::string driver;   // "mpwa" | "fonnte" | "gowa" | "wablas" | "waha" | "meta"
    std::string to;       // normalised 62…
    std::string message;  // the text, a document's caption, a template's parameters joined with " | "
    std::string type = "text";  // text | document | template
    std::string document;       // a document's link (or "data:" + its size when uploaded)
    std::string filename;
    std::string template_name;
    std::vector<std::string> parameters;  // a template's body parameters, in order
    bool outside_window = false;  // Meta free text to a number that has not written in the last 24 hours
    std::string message_id;       // the id the gateway answered
};

enum class SimMode { Ok, Error500, Timeout, TokenInvalid, RateLimited };

class WhatsAppSimulator {
public:
    explicit WhatsAppSimulator(WhatsAppSimulatorOptions options = {});
    ~WhatsAppSimulator();
    WhatsAppSimulator(const WhatsAppSimulator&) = delete;
    WhatsAppSimulator& operator=(const WhatsAppSimulator&) = delete;

    Result<void> start();
    void stop();
    int port() const;
    std::string base_url() const;
    const WhatsAppSimulatorOptions& options() const { return m_options; }
    void set_webhook_base(std::string base);

    // Accepted messages, in order.
    std::vector<SimMessage> messages() const;
    // Every send request that reached a send endpoint, accepted or not.
    std::int64_t send_requests() const { return m_send_requests.load(); }
    void clear();

    // Send endpoints fail in `mode` for the next `count` requests (-1: until changed).
    void set_mode(SimMode mode, int count = -1);
    // Every answer waits this long (the timeout mode waits 30 s unless set).
    void set_delay_ms(int milliseconds) { m_delay_ms = milliseconds; }
    void set_connected(bool connected) { m_connected = connected; }
    // Meta: `name` is an approved template with `parameters` body parameters (once one is, unknown names are refused).
    void approve_meta_template(const std::string& name, int parameters);
    // Breaks the gateway mid-batch: after `accepted` more accepted messages, send endpoints fail in
    // `mode` (until changed), or with `disconnect` the device drops its session instead (sends are
    // refused as each provider refuses them on a disconnected device, and a QR must be scanned).
    void break_after(int accepted, SimMode mode, bool disconnect = false);

    // Posts an inbound message to our webhook the way `driver` does; `forge` signs with a wrong key.
    HttpAnswer deliver_inbound(const std::string& driver, const std::string& from, const std::string& text,
                                         const std::string& id = {}, bool forge = false, const std::string& webhook_url = {});

    // WAHA posts a session.status event (STOPPED, STARTING, SCAN_QR_CODE, WORKING, FAILED), signed
    // as every WAHA webhook; `forge` signs with a wrong key.
    HttpAnswer deliver_waha_session_status(const std::string& status, bool forge = false);
    // Meta posts a status webhook (sent, delivered, read, failed with `error_code`) for a message id.
    HttpAnswer deliver_meta_status(const std::string& message_id, const std::string& status, long error_code = 0,
                                   const std::string& error_title = {}, bool forge = false);

    struct Exchange;  // one HTTP request and its answer (simulator_exchange.hpp)
    void handle(Exchange& exchange);

private:
    // The Wablas, WAHA and Meta endpoints (wablas_simulator.cpp, waha_simulator.cpp,
    // meta_simulator.cpp); each returns false when the path is not its provider's.
    bool handle_wablas(Exchange& exchange);
    bool handle_waha(Exchange& exchange);
    bool handle_meta(Exchange& exchange);
    HttpAnswer deliver_wablas_inbound(const std::string& phone, const std::string& text, const std::string& id, bool forge, const std::string& webhook_url);
    HttpAnswer deliver_waha_inbound(const std::string& phone, const std::string& text, const std::string& id, bool forge, const std::string& webhook_url);
    HttpAnswer deliver_meta_inbound(const std::string& phone, const std::string& text, const std::string& id, bool forge, const std::string& webhook_url);
    bool record_message(SimMessage message);  // false when the number is not a WhatsApp account
    HttpAnswer post_webhook(const std::string& path, std::string body, const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::string& webhook_url = {});
    // Meta's 24-hour customer service window: numbers that wrote to the business, and when (sim clock: steady time).
    std::map<std::string, std::int64_t> m_meta_window_opened;

    bool consume_failure(SimMode& mode);
    void wait_ms(int milliseconds);
    bool record(const std::string& driver, const std::string& to, const std::string& message, std::int64_t& id);

    WhatsAppSimulatorOptions m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_stop_signal;
    std::vector<SimMessage> m_messages;
    SimMode m_mode = SimMode::Ok;
    int m_mode_count = -1;
    std::atomic<int> m_delay_ms{0};
    std::atomic<bool> m_connected{true};
    std::atomic<bool> m_stopping{false};
    std::atomic<std::int64_t> m_send_requests{0};
    std::int64_t m_next_id = 1;
    int m_break_after = -1;  // accepted messages left before break_after's breakage; -1 = none
    SimMode m_break_mode = SimMode::Ok;
    bool m_break_disconnects = false;

    struct Server;
    std::unique_ptr<Server> m_server;
};

// `kimonet-sim whatsapp [--port N] [--api-key K] [--sender 62…] [--basic-auth u:p]
//  [--webhook-base URL] [--webhook-secret S]`: serves until SIGINT/SIGTERM.
int run_whatsapp_simulator(int argc, char** argv);

}  // namespace kimonet::sim
