// An SMTP server turned hostile (or broken): a greeting line that never ends, endless "250-"
// continuation lines, one byte every 100 ms. The server is a real listener on loopback; our SMTP
// adapter (server/email/smtp_mailer.cpp, libcurl) connects to it as to any relay. Bounds
// (docs/SECURITY.md, "Hostile peers"): the send's whole timeout, memory flat, the failure kept as
// a bounded, printable, retryable outcome.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

#include "email/mailer.hpp"
#include "hostile_peer.hpp"
#include "network/peer_replies.hpp"
#include "peak_memory.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

constexpr std::size_t kSmtpGrowthMib = 24;

email::MailerSettings relay_at(const HostilePeer& peer, long timeout_ms) {
    email::MailerSettings settings;
    settings.url = "smtp://127.0.0.1:" + std::to_string(peer.port());
    settings.tls = "none";
    settings.from = "billing@isp.example";
    settings.timeout_ms = timeout_ms;
    return settings;
}

const std::string kMessage = "From: billing@isp.example\r\nTo: customer@example.id\r\nSubject: Tagihan\r\n\r\nTagihan Anda.\r\n";

bool has_control_bytes(const std::string& text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

struct Attempt {
    email::SendOutcome outcome;
    std::size_t growth_mib = 0;
    std::int64_t elapsed_ms = 0;
};

Attempt send_through(const HostilePeer& peer, long timeout_ms) {
    Attempt attempt;
    const std::size_t baseline = reset_peak_mib();
    const auto start = std::chrono::steady_clock::now();
    attempt.outcome = email::make_smtp_mailer(relay_at(peer, timeout_ms))->send("customer@example.id", kMessage);
    attempt.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    attempt.growth_mib = growth_since(baseline);
    return attempt;
}

void expect_failed_and_kept_bounded(const Attempt& attempt) {
    BOOST_TEST(!attempt.outcome.delivered);
    BOOST_TEST(attempt.outcome.retryable);
    BOOST_TEST(attempt.outcome.error.size() <= network::kMaxPeerWords);
    BOOST_TEST(!has_control_bytes(attempt.outcome.error), attempt.outcome.error);
    BOOST_TEST(attempt.growth_mib < kSmtpGrowthMib);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_smtp_servers)

BOOST_AUTO_TEST_CASE(a_greeting_line_that_never_ends_fails_the_send_with_flat_memory) {
    HostilePeer peer([](PeerConnection& connection) {
        if (!connection.send("220 ")) return;
        const std::string filler(64 << 10, 'a');
        for (std::size_t sent = 0; sent < (256u << 20); sent += filler.size())
            if (!connection.send(filler)) return;
    });
    const Attempt attempt = send_through(peer, 5000);
    BOOST_TEST_MESSAGE("endless SMTP line: peak RSS +" << attempt.growth_mib << " MiB, " << attempt.elapsed_ms << " ms: " << attempt.outcome.error);
    expect_failed_and_kept_bounded(attempt);
}

BOOST_AUTO_TEST_CASE(endless_continuation_lines_fail_the_send_with_flat_memory) {
    HostilePeer peer([](PeerConnection& connection) {
        if (!connection.send("220 relay ESMTP\r\n") || !connection.receive_until("\r\n")) return;
        std::string lines;
        while (lines.size() < (64u << 10)) lines += "250-\x1b[31mPIPELINING " + std::string(100, 'p') + "\r\n";
        for (std::size_t sent = 0; sent < (256u << 20); sent += lines.size())
            if (!connection.send(lines)) return;
    });
    const Attempt attempt = send_through(peer, 3000);
    BOOST_TEST_MESSAGE("endless 250- lines: peak RSS +" << attempt.growth_mib << " MiB, " << attempt.elapsed_ms << " ms: " << attempt.outcome.error);
    expect_failed_and_kept_bounded(attempt);
    BOOST_TEST(attempt.elapsed_ms < 6000);
}

BOOST_AUTO_TEST_CASE(a_server_trickling_one_byte_at_a_time_is_cut_off_at_the_whole_send_deadline) {
    HostilePeer peer([](PeerConnection& connection) {
        const std::string greeting = "220-" + std::string(1000, 'g') + "\r\n";
        for (std::size_t at = 0; !connection.stopping() && !connection.closed(); at = (at + 1) % greeting.size()) {
            if (!connection.send(greeting.substr(at, 1))) return;
            for (int wait = 0; wait < 10 && !connection.stopping() && !connection.closed(); ++wait) connection.receive(10);
        }
    });
    const Attempt attempt = send_through(peer, 1000);
    BOOST_TEST_MESSAGE("trickling SMTP server: gave up after " << attempt.elapsed_ms << " ms: " << attempt.outcome.error);
    expect_failed_and_kept_bounded(attempt);
    BOOST_TEST(attempt.elapsed_ms < 3000);
}

BOOST_AUTO_TEST_SUITE_END()
