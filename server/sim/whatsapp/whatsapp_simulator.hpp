#pragma once
// A simulated WhatsApp HTTP gateway on loopback speaking all three drivers' wire formats
// (MPWA-style /send-message + /generate-qr, Fonnte /send + /device + /qr, go-whatsapp-web-
// multidevice /send/message + /app/devices + /app/login), recording what it accepts, delivering
// inbound messages to our webhooks as each provider does (go-whatsapp signs the body with
// HMAC-SHA256 in X-Hub-Signature-256; Fonnte and MPWA do not sign, so their webhook URL carries
// ?token=<secret>), and
// switchable failure modes. Used in-process by tests and by `kimonet-sim whatsapp`.
//
// Test endpoints: GET/DELETE /_sim/messages, POST /_sim/mode {"mode":"ok|error_500|timeout|
// token_invalid","count":N,"delay_ms":N,"connected":bool,"after":N (the mode, or with "disconnect":true a lost
// session, starts after N more accepted messages)}, POST /_sim/inbound {"driver":"fonnte|gowa|mpwa",
// "from":"0812…","message":"tagihan","id":"…","forge":false,"webhook_url":"…"}.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
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
};

struct SimMessage {
    std::int64_t id = 0;
    std::string driver;   // "mpwa" | "fonnte" | "gowa"
    std::string to;       // normalised 62…
    std::string message;
};

enum class SimMode { Ok, Error500, Timeout, TokenInvalid };

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
    // Breaks the gateway mid-batch: after `accepted` more accepted messages, send endpoints fail in
    // `mode` (until changed), or with `disconnect` the device drops its session instead (sends are
    // refused as each provider refuses them on a disconnected device, and a QR must be scanned).
    void break_after(int accepted, SimMode mode, bool disconnect = false);

    // Posts an inbound message to our webhook the way `driver` does; `forge` signs with a wrong key.
    HttpAnswer deliver_inbound(const std::string& driver, const std::string& from, const std::string& text,
                                         const std::string& id = {}, bool forge = false, const std::string& webhook_url = {});

    struct Exchange;  // one HTTP request and its answer (defined in the .cpp)
    void handle(Exchange& exchange);

private:
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
