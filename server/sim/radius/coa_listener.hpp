#pragma once
// The NAS side of RADIUS Dynamic Authorization (RFC 5176) on loopback UDP: a MikroTik with
// `/radius incoming set accept=yes`, for tests and benchmarks. It checks each CoA-Request /
// Disconnect-Request against the shared secret as RFC 5176 §2.3 and §3.3 (with RFC 3579 §3.2)
// describe, records what arrived, and answers ACK, NAK with an Error-Cause, or nothing.
// Written from the RFCs with OpenSSL's MD5/HMAC: it shares no code with the product's encoder.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"

namespace kimonet::sim {

enum class CoaReply { Ack, Nak, Silent };

struct CoaReceived {
    int code = 0;                 // 40 Disconnect-Request, 43 CoA-Request, other = as received
    bool authenticator_ok = false;  // Request Authenticator matches the secret
    bool message_authenticator_present = false;
    bool message_authenticator_ok = false;
    std::map<int, std::string> attributes;  // type -> value as text (strings, dotted IPv4, integers)
    std::string mikrotik_rate_limit;        // Vendor-Specific 14988 / 8
    std::size_t size = 0;
};

class CoaListener {
public:
    explicit CoaListener(std::string secret);
    ~CoaListener();
    CoaListener(const CoaListener&) = delete;
    CoaListener& operator=(const CoaListener&) = delete;

    Result<void> start();  // binds 127.0.0.1 on an ephemeral port
    void stop();
    int port() const { return m_port; }

    // How to answer the next requests; a NAK carries `error_cause` (0 = none).
    void set_reply(CoaReply reply, std::uint32_t error_cause = 0);
    // Answer only from the n-th copy of a request on (1 = the first): tests retransmission.
    void answer_from_attempt(int attempt);
    std::vector<CoaReceived> received() const;
    void clear();

private:
    void serve();

    std::string m_secret;
    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_running{false};
    std::thread m_thread;
    mutable std::mutex m_mutex;
    CoaReply m_reply = CoaReply::Ack;
    std::uint32_t m_error_cause = 0;
    int m_answer_from = 1;
    std::map<std::string, int> m_copies;  // request bytes -> how many times seen
    std::vector<CoaReceived> m_received;
};

}  // namespace kimonet::sim
