// A MikroTik router turned hostile (or broken) on the RouterOS API (TCP 8728): it logs us in like
// a router, then answers with a word whose length prefix says 2^28, endless !re sentences, a
// sentence that never ends, one byte every 100 ms, or a !trap message full of terminal escapes. The
// router is a real listener on loopback speaking the wire format; our client (server/routeros/
// client.cpp) connects to it as it connects to any router. Bounds (docs/SECURITY.md, "Hostile
// peers"): a word at most 16 MiB and a sentence 16 MiB, one call's rows 64 MiB (each field counted
// at its bytes + 96), one call's whole time `call_timeout`, a router's words 300 bytes, printable.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <future>
#include <string>

#include "core/peer_messages.hpp"
#include "hostile_peer.hpp"
#include "network/routeros_codec.hpp"
#include "peak_memory.hpp"
#include "routeros/client.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// What a router may make us hold: the stated bounds (16 MiB for a sentence, 64 MiB of rows counted
// at about their cost in memory) plus the decoder's buffer, the allocator's slack and, in the
// sanitizer tree, ASan's redzones and quarantine. Measured in the g++ tree: 0 and 55-70 MiB.
// Without the bounds: hundreds of MiB (the router stops at 64 and 256 MiB sent).
constexpr std::size_t kSentenceGrowthMib = 48;
constexpr std::size_t kReplyGrowthMib = 128;

// Reads one sentence from the client (decoding what arrives); false when it left.
bool next_sentence(PeerConnection& connection, routeros::SentenceDecoder& decoder, routeros::Sentence& out) {
    while (true) {
        auto sentence = decoder.next();
        if (!sentence) return false;
        if (*sentence) {
            out = std::move(**sentence);
            return true;
        }
        if (connection.stopping() || connection.closed()) return false;
        decoder.feed(connection.receive());
    }
}

std::string tag_of(const routeros::Sentence& sentence) {
    for (const auto& word : sentence)
        if (word.starts_with(".tag=")) return word.substr(5);
    return {};
}

// A router that accepts the login and answers each command with `misbehave(connection, tag)`.
HostilePeer::Script router(std::function<void(PeerConnection&, const std::string&)> misbehave) {
    return [misbehave](PeerConnection& connection) {
        routeros::SentenceDecoder decoder;
        routeros::Sentence sentence;
        if (!next_sentence(connection, decoder, sentence) || !connection.send(routeros::encode_sentence({"!done"}))) return;
        while (next_sentence(connection, decoder, sentence)) misbehave(connection, tag_of(sentence));
    };
}

routeros::Endpoint endpoint_of(const HostilePeer& peer) { return {"127.0.0.1", peer.port(), false, "admin", "secret"}; }

Result<routeros::Response> print_secrets(const HostilePeer& peer, const routeros::ClientOptions& options = {}) {
    auto client = routeros::Client::connect(endpoint_of(peer), options);
    if (!client) return std::move(client).error();
    return (*client)->run(routeros::Command("/ppp/secret/print"));
}

// Runs `call` on its own thread; a client that never gives up fails the test instead of hanging it
// (the peer is then stopped, which ends the call).
template <typename Call>
auto bounded_run(HostilePeer& peer, Call call, std::int64_t& elapsed_ms) {
    const auto start = std::chrono::steady_clock::now();
    auto running = std::async(std::launch::async, call);
    const bool ended = running.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    BOOST_TEST(ended, "the client was still reading after 10 s");
    if (!ended) peer.stop();
    auto result = running.get();
    elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    return result;
}

bool has_control_bytes(const std::string& text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_routers)

BOOST_AUTO_TEST_CASE(a_word_whose_length_says_2_to_the_28_is_refused_before_it_is_read) {
    HostilePeer peer(router([](PeerConnection& connection, const std::string&) {
        std::string lie;
        routeros::append_length(lie, 1u << 28);
        connection.send(lie + std::string(64 << 10, 'x'));
    }));
    const std::size_t baseline = reset_peak_mib();
    auto response = print_secrets(peer);
    const std::size_t growth = growth_since(baseline);
    BOOST_TEST_REQUIRE(!response.ok());
    BOOST_TEST((response.error().code == ErrorCode::BadGateway));
    BOOST_TEST(response.error().message().find(messages::kRouterOsWordTooLong) != std::string::npos, response.error().message());
    BOOST_TEST(growth < 8u, growth);
}

BOOST_AUTO_TEST_CASE(endless_re_sentences_end_the_call_at_the_reply_bound) {
    HostilePeer peer(router([](PeerConnection& connection, const std::string& tag) {
        // 64 rows of 1,000-byte comments per send, 256 MiB in all, then !done.
        std::string rows;
        for (int row = 0; row < 64; ++row) rows += routeros::encode_sentence({"!re", ".tag=" + tag, "=name=x" + std::to_string(row), "=comment=" + std::string(1000, 'c')});
        for (std::size_t sent = 0; sent < (256u << 20); sent += rows.size())
            if (!connection.send(rows)) return;
        connection.send(routeros::encode_sentence({"!done", ".tag=" + tag}));
    }));
    const std::size_t baseline = reset_peak_mib();
    auto response = print_secrets(peer);
    const std::size_t growth = growth_since(baseline);
    BOOST_TEST_MESSAGE("endless !re: peak RSS +" << growth << " MiB");
    BOOST_TEST_REQUIRE(!response.ok());
    BOOST_TEST((response.error().code == ErrorCode::BadGateway));
    BOOST_TEST(response.error().message().find(messages::kRouterReplyTooLarge) == 0u, response.error().message());
    BOOST_TEST(growth < kReplyGrowthMib);
}

BOOST_AUTO_TEST_CASE(a_sentence_that_never_ends_is_refused_at_the_sentence_bound) {
    HostilePeer peer(router([](PeerConnection& connection, const std::string& tag) {
        // Millions of tiny words (each costs a string), no terminating empty word; 64 MiB in all.
        std::string words;
        routeros::append_word(words, "!re");
        routeros::append_word(words, ".tag=" + tag);
        connection.send(words);
        words.clear();
        for (int word = 0; word < 16384; ++word) routeros::append_word(words, "=a=");
        for (std::size_t sent = 0; sent < (64u << 20); sent += words.size())
            if (!connection.send(words)) return;
    }));
    const std::size_t baseline = reset_peak_mib();
    auto response = print_secrets(peer);
    const std::size_t growth = growth_since(baseline);
    BOOST_TEST_MESSAGE("endless sentence: peak RSS +" << growth << " MiB");
    BOOST_TEST_REQUIRE(!response.ok());
    BOOST_TEST(response.error().message().find(messages::kRouterReplyTooLarge) != std::string::npos, response.error().message());
    BOOST_TEST(growth < kSentenceGrowthMib);
}

BOOST_AUTO_TEST_CASE(a_router_trickling_one_byte_at_a_time_is_cut_off_at_the_call_deadline) {
    // Each byte comes well within the per-read timeout; only the call's whole deadline stops it.
    const auto drip = [](PeerConnection& connection, const std::string& sentence) {
        for (std::size_t at = 0; !connection.stopping() && !connection.closed(); at = (at + 1) % sentence.size()) {
            if (!connection.send(sentence.substr(at, 1))) return;
            for (int wait = 0; wait < 10 && !connection.stopping() && !connection.closed(); ++wait) connection.receive(10);
        }
    };
    routeros::ClientOptions options;
    options.reply_timeout = std::chrono::milliseconds(500);
    options.call_timeout = std::chrono::milliseconds(1500);

    HostilePeer in_a_command(router([&](PeerConnection& connection, const std::string& tag) {
        drip(connection, routeros::encode_sentence({"!re", ".tag=" + tag, "=comment=" + std::string(1000, 'c')}));
    }));
    std::int64_t elapsed_ms = 0;
    auto response = bounded_run(in_a_command, [&] { return print_secrets(in_a_command, options); }, elapsed_ms);
    BOOST_TEST_MESSAGE("trickling router (command): gave up after " << elapsed_ms << " ms");
    BOOST_TEST_REQUIRE(!response.ok());
    BOOST_TEST((response.error().code == ErrorCode::Unavailable));
    BOOST_TEST(response.error().message().find(messages::kRouterCallTooLong) == 0u, response.error().message());
    BOOST_TEST(elapsed_ms < 3000);

    HostilePeer in_the_login([&](PeerConnection& connection) { drip(connection, routeros::encode_sentence({"!done", "=ret=" + std::string(1000, 'a')})); });
    auto login = bounded_run(in_the_login, [&] { return print_secrets(in_the_login, options); }, elapsed_ms);
    BOOST_TEST_MESSAGE("trickling router (login): gave up after " << elapsed_ms << " ms");
    BOOST_TEST_REQUIRE(!login.ok());
    BOOST_TEST(login.error().message().find(messages::kRouterCallTooLong) == 0u, login.error().message());
    BOOST_TEST(elapsed_ms < 3000);
}

BOOST_AUTO_TEST_CASE(a_routers_trap_message_is_kept_bounded_and_printable) {
    // RouterOS words are raw bytes: escapes, a forged log line, bytes that are not UTF-8, a megabyte.
    const std::string message = "\x1b[2J\x1b[31mno such item\r\nINFO forged line \xff\xfe" + std::string(1 << 20, 'A');
    HostilePeer peer(router([&](PeerConnection& connection, const std::string& tag) {
        connection.send(routeros::encode_sentence({"!trap", ".tag=" + tag, "=message=" + message}) + routeros::encode_sentence({"!done", ".tag=" + tag}));
    }));
    auto response = print_secrets(peer);
    BOOST_TEST_REQUIRE(!response.ok());
    const std::string said = response.error().message();
    BOOST_TEST(said.find(messages::kRouterCommandRefused) == 0u, said);
    BOOST_TEST(said.size() <= 400u, said.size());
    BOOST_TEST(!has_control_bytes(said));
    BOOST_TEST(said.find("\\x1b[2J") != std::string::npos, said);
    BOOST_TEST(said.find("line \xEF\xBF\xBD\xEF\xBF\xBD" "A") != std::string::npos, said);
}

BOOST_AUTO_TEST_SUITE_END()
