// The servers we call, turned hostile (or just broken): a payment gateway, a WhatsApp provider or a
// router's REST API that answers gigabytes, endless headers, one byte every few hundred
// milliseconds, a redirect to an address inside our network, an error body full of terminal
// escapes, or JSON nested 100,000 deep. Each is a real listener on loopback that our clients reach
// through their ordinary settings; the bounds asserted are the ones docs/SECURITY.md states
// ("Hostile peers"): 4 MiB of body, 64 KiB of headers, the call's whole timeout, no redirect,
// 1,000 bytes of a peer's words kept, printable, and JSON at most 128 deep.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <sstream>
#include <string>

#include "core/peer_messages.hpp"
#include "gateways/payment_gateway.hpp"
#include "hostile_peer.hpp"
#include "loopback_listener.hpp"
#include "network/peer_replies.hpp"
#include "peak_memory.hpp"
#include "routeros/rest_client.hpp"
#include "services/whatsapp_session_health.hpp"
#include "support/whatsapp_fixture.hpp"
#include "whatsapp/http_client.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// The growth of this process's peak memory that a peer may cause with one reply: the 4 MiB bound
// (a string doubling up to it), libcurl's buffers, the allocator's slack and, in the sanitizer
// tree, ASan's quarantine (16 MB). Measured in the g++ tree: at most 12. Without the bounds each
// attack below grows it by hundreds of MiB (the peers stop at kPeerGives).
constexpr std::size_t kPeerGrowthMib = 32;
// What a peer sends at most before giving up (so a test of a broken bound ends, and fails).
constexpr std::size_t kPeerGives = 256u << 20;

const std::string kChunk(64 << 10, 'x');

// Answers `head`, then `chunk` again and again until the client hangs up (or kPeerGives).
HostilePeer::Script endless(std::string head, std::string chunk = kChunk) {
    return [head, chunk](PeerConnection& connection) {
        if (!connection.receive_http_request() || !connection.send(head)) return;
        for (std::size_t sent = 0; sent < kPeerGives; sent += chunk.size())
            if (!connection.send(chunk)) return;
    };
}

// Answers `head`, then one byte of `body` every 100 ms.
HostilePeer::Script trickle(std::string head, std::string body) {
    return [head, body](PeerConnection& connection) {
        if (!connection.receive_http_request() || !connection.send(head)) return;
        for (char byte : body) {
            if (!connection.send(std::string(1, byte))) return;
            for (int wait = 0; wait < 10 && !connection.stopping() && !connection.closed(); ++wait) connection.receive(10);
        }
    };
}

HostilePeer::Script answer(std::string reply) {
    return [reply](PeerConnection& connection) {
        if (connection.receive_http_request()) connection.send(reply);
    };
}

std::string http_reply(int status, const std::string& body, const std::string& extra_headers = {}) {
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n" + extra_headers + "\r\n" + body;
}

gateways::GatewayConfig midtrans_at(const std::string& url) {
    gateways::GatewayConfig config;
    config.name = "midtrans";
    config.enabled = true;
    config.base_url = url;
    config.key = "SB-Mid-server-test";
    config.timeout_ms = 2000;
    return config;
}

whatsapp::HttpCall get_call(const std::string& url, long timeout_ms = 2000) {
    whatsapp::HttpCall call;
    call.method = "GET";
    call.url = url + "/status";
    call.timeout_ms = timeout_ms;
    return call;
}

bool has_control_bytes(const std::string& text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

// A refusal a terminal would obey: clear the screen, paint red, start a new log line.
const std::string kEscapes = "\x1b[2J\x1b[31mPAY AT evil.example\r\nINFO forged line";

std::string deep_json(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::int64_t milliseconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_http_peers)

BOOST_AUTO_TEST_CASE(a_whatsapp_provider_answering_gigabytes_is_cut_off_at_4_mib_and_the_message_retried) {
    WhatsAppFixture fixture;
    HostilePeer peer(endless("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"status\":true,\"id\":[\""));
    fixture.configure("fonnte", {{"whatsapp_api_url", peer.url()}, {"whatsapp_timeout_seconds", "5"}});
    fixture.queue("hostile:body", "081234567890", "Tagihan");
    const std::size_t baseline = reset_peak_mib();
    fixture.drain();
    const std::size_t growth = growth_since(baseline);
    BOOST_TEST_MESSAGE("endless WhatsApp reply: peak RSS +" << growth << " MiB");
    BOOST_TEST(growth < kPeerGrowthMib);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE idempotency_key = 'hostile:body'") == "queued");
    const std::string error = fixture.server.scalar("SELECT last_error FROM notifications WHERE idempotency_key = 'hostile:body'");
    BOOST_TEST(error.find(messages::kPeerReplyTooLarge) != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(a_payment_gateway_sending_or_declaring_gigabytes_is_cut_off_at_4_mib) {
    const std::string kHeads[] = {
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    };
    for (const std::string& head : kHeads) {
        const bool chunked = head.find("chunked") != std::string::npos;
        HostilePeer peer(endless(head, chunked ? "10000\r\n" + kChunk + "\r\n" : kChunk));
        const std::size_t baseline = reset_peak_mib();
        auto status = gateways::make_payment_gateway(midtrans_at(peer.url()))->query_status("INV-1-a", "");
        const std::size_t growth = growth_since(baseline);
        BOOST_TEST_MESSAGE("endless gateway reply: peak RSS +" << growth << " MiB");
        BOOST_TEST(growth < kPeerGrowthMib);
        BOOST_TEST_REQUIRE(!status.ok());
        BOOST_TEST((status.error().code == ErrorCode::BadGateway));
        BOOST_TEST(status.error().message().find(messages::kPeerReplyTooLarge) != std::string::npos, status.error().message());
    }
}

BOOST_AUTO_TEST_CASE(endless_headers_are_cut_off_at_64_kib) {
    const std::string header = "X-Filler: " + std::string(1000, 'a') + "\r\n";
    std::string headers;
    while (headers.size() < (64u << 10)) headers += header;
    HostilePeer peer(endless("HTTP/1.1 200 OK\r\n", headers));
    const std::size_t baseline = reset_peak_mib();
    const whatsapp::HttpAnswer answer = whatsapp::perform(get_call(peer.url(), 5000));
    const std::size_t growth = growth_since(baseline);
    BOOST_TEST_MESSAGE("endless headers: peak RSS +" << growth << " MiB");
    BOOST_TEST(growth < kPeerGrowthMib);
    BOOST_TEST(answer.too_large);
    BOOST_TEST(answer.status == 0);
    BOOST_TEST(!answer.timed_out);

    routeros::RestClient rest({"127.0.0.1", peer.port(), false, "admin", "secret"});
    auto called = rest.call("GET", "/system/resource");
    BOOST_TEST_REQUIRE(!called.ok());
    BOOST_TEST(called.error().message().find(messages::kRouterRestTooLarge) != std::string::npos, called.error().message());
}

BOOST_AUTO_TEST_CASE(a_peer_trickling_one_byte_at_a_time_is_cut_off_at_the_whole_call_deadline) {
    const std::string body(1000, 'x');
    HostilePeer peer(trickle("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", body));
    auto start = std::chrono::steady_clock::now();
    const whatsapp::HttpAnswer answer = whatsapp::perform(get_call(peer.url(), 1000));
    const auto whatsapp_ms = milliseconds_since(start);
    BOOST_TEST(answer.timed_out);
    BOOST_TEST(whatsapp_ms < 3000);

    // The router's REST client: connect timeout + reply timeout is the whole call.
    routeros::RestOptions options;
    options.connect_timeout = std::chrono::milliseconds(500);
    options.reply_timeout = std::chrono::milliseconds(500);
    routeros::RestClient rest({"127.0.0.1", peer.port(), false, "admin", "secret"}, options);
    start = std::chrono::steady_clock::now();
    auto called = rest.call("GET", "/system/resource");
    const auto rest_ms = milliseconds_since(start);
    BOOST_TEST(!called.ok());
    BOOST_TEST(rest_ms < 3000);
    BOOST_TEST_MESSAGE("trickling peer: WhatsApp client gave up after " << whatsapp_ms << " ms, REST after " << rest_ms << " ms");
}

BOOST_AUTO_TEST_CASE(a_redirect_to_an_address_inside_our_network_is_never_followed) {
    LoopbackListener inside;  // stands for 127.0.0.1:8080 or 169.254.169.254: records any visit
    const std::string location = "Location: " + inside.url() + "/latest/meta-data/iam/security-credentials/\r\n";
    HostilePeer peer(answer(http_reply(302, "", location)));

    const whatsapp::HttpAnswer read = whatsapp::perform(get_call(peer.url()));
    BOOST_TEST(read.status == 302);
    whatsapp::HttpCall post = get_call(peer.url());
    post.method = "POST";
    post.body = "token=secret";
    BOOST_TEST(whatsapp::perform(post).status == 302);

    auto status = gateways::make_payment_gateway(midtrans_at(peer.url()))->query_status("INV-1-a", "");
    BOOST_TEST(!status.ok());

    routeros::RestClient rest({"127.0.0.1", peer.port(), false, "admin", "secret"});
    auto called = rest.call("GET", "/system/resource");
    BOOST_TEST_REQUIRE(!called.ok());
    BOOST_TEST(called.error().message().find(messages::kRouterRestRedirect) != std::string::npos);

    BOOST_TEST(peer.connections() == 4);
    BOOST_TEST(inside.connections() == 0);
    BOOST_TEST(inside.received().empty());
}

BOOST_AUTO_TEST_CASE(a_gateways_refusal_reaches_the_caller_bounded_and_printable) {
    // Refused with HTTP 400, or (Midtrans' way) HTTP 200 carrying its own status_code.
    const std::string message = kEscapes + std::string(1 << 20, 'A');
    HostilePeer http_400(answer(http_reply(400, api::Json{{"status_message", message}}.dump())));
    HostilePeer status_406(answer(http_reply(200, api::Json{{"status_code", "406"}, {"status_message", message}}.dump())));
    gateways::ChargeRequest request;
    request.order_id = "INV-1-a";
    request.amount = 150000;
    request.method = payments::find_method("bca_va");
    request.now = 1767000000;
    request.expires_at = request.now + 86400;
    BOOST_TEST_REQUIRE(request.method != nullptr);
    for (const HostilePeer* peer : {&http_400, &status_406}) {
        auto charge = gateways::make_payment_gateway(midtrans_at(peer->url()))->create_charge(request);
        BOOST_TEST_REQUIRE(!charge.ok());
        const std::string said = charge.error().message();
        BOOST_TEST(said.find(messages::kGatewayRejectedRequest) == 0u, said);
        BOOST_TEST(said.size() <= 400u, said.size());
        BOOST_TEST(!has_control_bytes(said));
        BOOST_TEST(said.find("\\x1b[2J") != std::string::npos, said);
    }
}

BOOST_AUTO_TEST_CASE(a_whatsapp_providers_refusal_is_kept_bounded_and_printable) {
    WhatsAppFixture fixture;
    const std::string reason = kEscapes + std::string(1 << 20, 'A');
    HostilePeer peer(answer(http_reply(200, api::Json{{"status", false}, {"reason", reason}}.dump())));
    fixture.configure("fonnte", {{"whatsapp_api_url", peer.url()}});
    fixture.queue("hostile:words", "081234567890", "Tagihan");
    fixture.drain();
    const std::string where = " FROM notifications WHERE idempotency_key = 'hostile:words'";
    const std::string error = fixture.server.scalar("SELECT last_error" + where);
    const std::string response = fixture.server.scalar("SELECT gateway_response" + where);
    BOOST_TEST(fixture.server.scalar("SELECT status" + where) == "queued");
    BOOST_TEST(error.size() <= network::kMaxPeerWords, error.size());
    BOOST_TEST(response.size() <= network::kMaxPeerWords, response.size());
    BOOST_TEST(!has_control_bytes(error));
    BOOST_TEST(!has_control_bytes(response));
    BOOST_TEST(error.find(messages::kGatewayRefusedMessage) == 0u, error);
    const std::string attempt = fixture.server.joined("SELECT detail FROM notification_attempts ORDER BY id");
    BOOST_TEST(!has_control_bytes(attempt));
}

BOOST_AUTO_TEST_CASE(a_providers_device_words_are_kept_with_the_session_incident_bounded_and_printable) {
    WhatsAppFixture fixture;
    const std::string reason = kEscapes + std::string(1 << 20, 'A');
    HostilePeer peer([&](PeerConnection& connection) {
        // Fonnte's /device then /qr on one kept connection or two: both answered the same way.
        while (connection.receive_http_request())
            if (!connection.send(http_reply(200, api::Json{{"status", false}, {"device_status", "disconnect"}, {"reason", reason}}.dump()))) return;
    });
    fixture.configure("fonnte", {{"whatsapp_api_url", peer.url()}});
    fixture.with_context([&](app::Context& context) {
        auto checked = services::check_whatsapp_session(context);
        BOOST_TEST_REQUIRE(checked.ok(), (checked ? "" : checked.error().message()));
        BOOST_TEST((*checked)["outcome"] == "lost");
    });
    const std::string detail = fixture.server.scalar("SELECT detail FROM whatsapp_session_incidents");
    BOOST_TEST(detail.size() <= network::kMaxPeerWords, detail.size());
    BOOST_TEST(!has_control_bytes(detail));
    BOOST_TEST(detail.find("\\x1b[2J") != std::string::npos, detail);
}

BOOST_AUTO_TEST_CASE(a_reply_nested_100000_deep_is_refused_without_recursing) {
    // Fonnte's id array, dumped into the message id before: 100,000 frames of recursion.
    WhatsAppFixture fixture;
    HostilePeer provider(answer(http_reply(200, "{\"status\":true,\"id\":[" + deep_json(100000) + "]}")));
    fixture.configure("fonnte", {{"whatsapp_api_url", provider.url()}});
    fixture.queue("hostile:deep", "081234567890", "Tagihan");
    fixture.drain();
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE idempotency_key = 'hostile:deep'") == "queued");

    HostilePeer gateway(answer(http_reply(200, "{\"transaction_status\":" + deep_json(100000) + "}")));
    auto status = gateways::make_payment_gateway(midtrans_at(gateway.url()))->query_status("INV-1-a", "");
    BOOST_TEST_REQUIRE(!status.ok());
    BOOST_TEST(status.error().message().find(messages::kGatewayUnknownFormat) == 0u, status.error().message());

    routeros::RestClient rest({"127.0.0.1", gateway.port(), false, "admin", "secret"});
    auto called = rest.call("GET", "/system/resource");
    BOOST_TEST_REQUIRE(!called.ok());
    BOOST_TEST(called.error().message().find(messages::kRouterRestNotJson) != std::string::npos, called.error().message());
}

BOOST_AUTO_TEST_CASE(an_anonymous_callback_nested_to_the_body_limit_is_refused_and_the_server_lives) {
    // The callback log redacts credentials by walking the JSON, then writes it back: both recursed
    // once per level of a 64 KB body (32,768 levels) on a server thread, for anyone on the internet.
    TestServer server;
    const auto kept = [&] {
        std::string out;
        std::istringstream lines(server.snapshot());
        for (std::string line; std::getline(lines, line);)
            if (!line.starts_with("gateway_callbacks:") && !line.starts_with("activity_log:")) out += line + "\n";
        return out;
    };
    const std::string before = kept();
    const std::string body = deep_json(32767);
    const auto reply = http_request("POST", server.url("/payment/callback/midtrans"), body, {{"Content-Type", "application/json"}});
    BOOST_TEST(reply.status >= 400);
    BOOST_TEST(reply.status < 500);
    BOOST_TEST(server.get("/api/ready").status == 200);
    BOOST_TEST(kept() == before);
}

BOOST_AUTO_TEST_CASE(peer_words_are_bounded_printable_utf8_whatever_came) {
    const std::string kept = network::peer_words(std::string("ok \x1b[31m red\r\n\x7f\xc2\x9b end \xff\xc0\xaf ") + std::string(5000, 'a'), 100);
    BOOST_TEST(kept.size() <= 100u);
    BOOST_TEST(!has_control_bytes(kept));
    BOOST_TEST(kept.starts_with("ok \\x1b[31m red\\x0d\\x0a\\x7f\\x9b end \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD a"), kept);
    BOOST_TEST(kept.ends_with("…"));
    // Cut on a character boundary: 'é' is two bytes.
    const std::string accents = network::peer_words(std::string(300, '\xc3') + "", 10);
    BOOST_TEST(accents.size() <= 10u);
    std::string e_acute;
    for (int i = 0; i < 100; ++i) e_acute += "\xc3\xa9";
    const std::string cut = network::peer_words(e_acute, 11);
    BOOST_TEST(cut == "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9…");
    BOOST_TEST(network::peer_words("plain words", 100) == "plain words");
}

BOOST_AUTO_TEST_SUITE_END()
