#pragma once
// The RouterOS API client: one TCP (8728) or TLS (8729) connection, logged in, with many
// tagged commands in flight at once. Every failure is a Result error with a precise message:
// Unavailable for refused / timed out / dropped connections, BadGateway for what the router
// said (bad credentials, !trap, !fatal, garbage on the wire).
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "network/routeros_codec.hpp"
#include "routeros/stream.hpp"

namespace kimonet::routeros {

struct Endpoint {
    std::string host;
    int port = 8728;
    bool tls = false;
    std::string username;
    std::string password;
    bool operator==(const Endpoint&) const = default;
};

struct ClientOptions {
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds reply_timeout{5000};  // for every reply, measured from the last byte received
    // The whole of one call, however slowly the router trickles: the login, or a batch of up to
    // `window` commands (a larger batch gets this once per window's worth of commands).
    std::chrono::milliseconds call_timeout{30000};
    // What one call keeps of the replies' rows, each field counted at its key and value plus 96 bytes
    // (what a kept field costs in memory): ~20,000 PPP secrets take about 27 MiB.
    std::size_t max_reply_bytes = 64u * 1024u * 1024u;
    std::size_t window = 512;                       // tagged commands in flight at once
};

// A command sentence under construction: Command("/ppp/secret/set").set(".id", "*1").set("profile", "ISOLIR").
class Command {
public:
    explicit Command(std::string path) { m_words.push_back(std::move(path)); }
    Command& set(std::string_view key, std::string_view value);
    // A query word without its leading '?': where("name=cust01"), where("#|").
    Command& where(std::string_view query);
    Command& proplist(std::string_view names);
    const Sentence& words() const { return m_words; }
    const std::string& path() const { return m_words.front(); }

private:
    Sentence m_words;
};

using Row = std::map<std::string, std::string>;

// A reply row's field, or "" when the router left it out.
inline std::string row_value(const Row& row, const char* key) {
    auto it = row.find(key);
    return it == row.end() ? std::string() : it->second;
}

struct Trap {
    std::string message;
    std::string category;
};

struct Response {
    std::vector<Row> rows;
    Row done;  // attributes of !done (e.g. "ret")
    std::optional<Trap> trap;
    bool empty = false;  // RouterOS >= 7.18 answers an empty print with !empty
};

class Client {
public:
    // Connects and logs in (post-6.43 style, falling back to the MD5 challenge when the router answers with one).
    static Result<std::unique_ptr<Client>> connect(const Endpoint& endpoint, const ClientOptions& options = {});

    // One command; a !trap becomes a BadGateway error naming the command and the router's message.
    Result<Response> run(const Command& command);
    // Many commands pipelined with tags; traps stay in each Response. Fails only when the connection fails.
    Result<std::vector<Response>> run_all(const std::vector<Command>& commands);

    // False once the connection failed or the router closed it; the owner reconnects.
    bool usable() const { return !m_broken && m_stream.open(); }
    // A reused connection that the peer closed (or that holds unexpected bytes) is not clean.
    bool clean() const { return usable() && !m_stream.stale(); }
    const Endpoint& endpoint() const { return m_endpoint; }
    bool used_legacy_login() const { return m_legacy_login; }

private:
    Client(Stream stream, Endpoint endpoint, ClientOptions options)
        : m_stream(std::move(stream)), m_endpoint(std::move(endpoint)), m_options(options) {}
    Result<void> login();
    Clock::time_point call_deadline(std::size_t commands) const;
    Result<void> send(const Sentence& words, const std::string& tag);
    // The next reply, reading until `deadline` at the latest (the end of the call).
    Result<Reply> receive(Clock::time_point deadline);
    Error fail(Error error);
    std::string describe() const;

    Stream m_stream;
    Endpoint m_endpoint;
    ClientOptions m_options;
    SentenceDecoder m_decoder;
    std::string m_out;
    std::uint64_t m_next_tag = 1;
    bool m_broken = false;
    bool m_legacy_login = false;
};

// The router's !trap as an error: "router 127.0.0.1:8728: /ppp/secret/set: no such item".
Error trap_error(const std::string& router, const std::string& path, const Trap& trap);
// "00" + hex(MD5(0x00 + password + challenge)): the pre-6.43 login response.
std::string legacy_login_response(const std::string& password, const std::string& challenge_hex);

}  // namespace kimonet::routeros
