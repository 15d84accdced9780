#pragma once
// A simulated mail submission server on loopback, written from the RFCs, not from our client:
// RFC 5321 (EHLO/HELO, MAIL FROM, RCPT TO, DATA with the dot-stuffing of §4.5.2, RSET, NOOP, QUIT,
// reply codes), RFC 3207 (STARTTLS: the session starts over, EHLO again), RFC 8314 (implicit TLS,
// smtps://), RFC 4954 (AUTH; 530 before it, 538 when asked without TLS), RFC 4616 (PLAIN) and the
// LOGIN mechanism (draft-murchison-sasl-login: "Username:"/"Password:" challenges). A TLS
// certificate is made at start (self-signed, like a fresh mail server's; clients connect with
// verification off). Received messages are kept so tests can read the MIME they carried.
//
// Failure modes (fail_next): 451 after DATA (temporary: the sender retries), 550 at RCPT
// (permanent: it must not), and a connection dropped after the DATA's end without an answer.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"

namespace kimonet::sim {

struct SmtpSimulatorOptions {
    std::string bind = "127.0.0.1";
    int port = 0;                         // 0 = ephemeral
    bool implicit_tls = false;            // smtps: TLS from the first byte (RFC 8314)
    std::string username = "kimonet";
    std::string password = "sim-smtp-secret";
    std::string mechanisms = "PLAIN LOGIN";  // what EHLO advertises after TLS
    bool require_auth = true;             // 530 at MAIL FROM before AUTH
    std::string hostname = "mail.sim.kimonet";
};

struct SmtpReceivedMessage {
    std::string mail_from;
    std::vector<std::string> recipients;
    std::string data;            // the message as received, dots unstuffed, CRLF line ends
    bool tls = false;            // the transaction ran inside TLS (STARTTLS or implicit)
    std::string authenticated;   // the user that authenticated, empty when none
    std::string mechanism;       // "PLAIN" or "LOGIN"
    std::string ehlo_domain;
};

enum class SmtpFault { None, TemporaryAtData, PermanentAtRcpt, DropAtData };

class SmtpSimulator {
public:
    explicit SmtpSimulator(SmtpSimulatorOptions options = {});
    ~SmtpSimulator();
    SmtpSimulator(const SmtpSimulator&) = delete;
    SmtpSimulator& operator=(const SmtpSimulator&) = delete;

    Result<void> start();
    void stop();
    int port() const { return m_port; }
    // smtp://127.0.0.1:<port> or smtps://… with implicit TLS.
    std::string url() const;
    const SmtpSimulatorOptions& options() const { return m_options; }

    std::vector<SmtpReceivedMessage> messages() const;
    void clear();
    // The next `count` transactions fail with `fault`.
    void fail_next(SmtpFault fault, int count = 1);
    int sessions() const { return m_sessions.load(); }
    // Every command line the server read, in order (AUTH credentials replaced by "***").
    std::vector<std::string> commands() const;

private:
    struct Session;
    void accept_loop();
    void serve(int fd);
    SmtpFault take_fault();

    SmtpSimulatorOptions m_options;
    int m_listener = -1;
    int m_port = 0;
    void* m_tls_context = nullptr;  // SSL_CTX*
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<int> m_sessions{0};
    mutable std::mutex m_mutex;
    std::vector<SmtpReceivedMessage> m_messages;
    std::vector<std::string> m_commands;
    SmtpFault m_fault = SmtpFault::None;
    int m_fault_count = 0;
};

int run_smtp_simulator(int argc, char** argv);

}  // namespace kimonet::sim
