#include "http/http_server.hpp"

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/peer.h>
#include <pistache/transport.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <cerrno>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <optional>
#include <string_view>

#include "app/app.hpp"
#include "core/text.hpp"
#include "http/client_address.hpp"
#include "http/connection_book.hpp"
#include "http/cors.hpp"
#include "http/dispatcher.hpp"
#include "http/prepared_answers.hpp"
#include "http/request_admission.hpp"
#include "http/request_framer.hpp"
#include "http/security_headers.hpp"
#include "services/settings.hpp"

namespace kimonet::http {

namespace {

// Downloads (exports, PDFs) are built in memory; this bounds one response.
constexpr std::size_t kMaxResponse = 64 << 20;
constexpr const char* kFramerKey = "kimonet.framer";

std::atomic<std::uint64_t> g_next_connection_id{1};

// Per connection: the framer, how many answers it has had, and how many of our answers (and
// bytes) Pistache is still writing.
struct Connection {
    std::uint64_t id = g_next_connection_id++;
    std::shared_ptr<RequestFramer> framer;
    std::size_t answered = 0;
    std::size_t queued_writes = 0;
    std::size_t queued_bytes = 0;
    bool close_when_written = false;
};

// X-Forwarded-For counts only when the peer is one of our proxies; the setting is read only for
// requests that carry the header (a server not behind a proxy pays nothing). If the setting
// cannot be read the peer address stands, which is the safe side.
void resolve_client_ip(app::App& app, Request& request) {
    const std::string forwarded_for = request.header("x-forwarded-for");
    if (forwarded_for.empty()) return;
    auto lease = app.database();
    if (!lease) return;
    auto setting = services::get_setting(**lease, "trusted_proxies");
    if (!setting || setting->empty()) return;
    auto proxies = parse_trusted_proxies(*setting);
    if (!proxies) return;
    request.client_ip = client_address(request.client_ip, forwarded_for, *proxies);
}

}  // namespace

// `head`: the answer to a HEAD request, whose Content-Length is that of the body a GET would get
// but whose body is not sent (bytes after it would be read as the next response by a keep-alive
// client). A 304 has no body and no Content-Length (RFC 9110 section 8.6: it would have to be the
// full representation's length).
static std::string serialize(const Response& response, bool http10, bool keep_alive, bool head = false) {
    const bool bodiless = response.status == 304;
    std::string out;
    out.reserve(512 + (head || bodiless ? 0 : response.body.size()));  // one allocation, the body copied once
    out += http10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    out.append(std::to_string(response.status)).append(" ").append(Pistache::Http::codeString(static_cast<Pistache::Http::Code>(response.status))).append("\r\n");
    for (const auto& [name, value] : response.headers) {
        // A header value never ends the header block early.
        if (name.find_first_of("\r\n:") != std::string::npos || value.find_first_of("\r\n") != std::string::npos) continue;
        out.append(name).append(": ").append(value).append("\r\n");
    }
    if (!response.content_type.empty()) out.append("Content-Type: ").append(response.content_type).append("\r\n");
    if (!bodiless) out.append("Content-Length: ").append(std::to_string(response.body.size())).append("\r\n");
    out += keep_alive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!head && !bodiless) out += response.body;
    return out;
}

std::string keep_alive_answer(app::App& app, const Request& request, Response response) {
    if (is_cors_path(request.path)) add_cors_headers(app, request, response);  // as dispatch() does
    add_security_headers(response);                                            // as the sink below does
    return serialize(response, false, true);
}

namespace {

// The prepared routes (prepared_answers.hpp) that the router sends their own method and path to,
// taken once when the server starts (the table does not change after the App is open).
std::vector<std::shared_ptr<const PreparedRoute>> prepared_routes_of(app::App& app) {
    std::vector<std::shared_ptr<const PreparedRoute>> usable;
    for (auto& route : prepared_routes(app.router())) {
        Request probe;
        probe.method = route->method;
        probe.path = route->path;
        const RouteMatch match = app.router().match(probe);
        if (match.route && match.route->pattern == route->path && match.route->method == route->method && match.route->access == Access::Public)
            usable.push_back(std::move(route));
    }
    return usable;
}

// Reads requests off each connection with our own RequestFramer instead of Pistache's parser
// (which buffered whole bodies before any route limit and dropped pipelined requests) and
// writes answers straight to the socket from the connection's transport thread, in order.
// Pistache 0.0.5's write queue is used only for what the socket does not take at once: it
// writes only on an epoll event that is writable and not readable, so an answer queued while
// the client is still sending (a refused upload) would wait for ever.
class PistacheHandler : public Pistache::Http::Handler {
public:
    HTTP_PROTOTYPE(PistacheHandler)
    // Pistache clones the handler for each transport thread: the book is shared by the clones.
    PistacheHandler(app::App* app, ConnectionLimits limits)
        : m_app(app), m_limits(limits), m_book(std::make_shared<ConnectionBook>(limits.max_connections)), m_prepared(prepared_routes_of(*app)) {}

    // Not reached: onInput below frames and dispatches every request itself.
    void onRequest(const Pistache::Http::Request&, Pistache::Http::ResponseWriter writer) override {
        writer.send(Pistache::Http::Code::Internal_Server_Error);
    }

private:
    // Replaces Http::Handler's own (private) one, which only gives the peer Pistache's parser; the
    // idle checker reads that parser's clock. The connection is counted in the book here, before
    // it has sent anything, so connections that never send count against the cap too.
    void onConnection(const std::shared_ptr<Pistache::Tcp::Peer>& peer) override {
        peer->putData(ParserData, std::make_shared<Pistache::Http::RequestParser>(getMaxRequestSize()));
        auto connection = connection_for(peer);
        std::weak_ptr<Pistache::Tcp::Peer> weak_peer = peer;
        // Under the book's lock, and before Pistache's onDisconnection: the socket is still open.
        auto close = [weak_peer] {
            if (auto alive = weak_peer.lock()) ::shutdown(alive->fd(), SHUT_RDWR);
        };
        if (m_book->open(connection->id, limit_source(peer->address().host()), std::move(close))) return;  // an IPv6 peer by its /64
        // Every open connection is in the middle of a request: this one is answered 503 at once
        // and closed (what it may already have sent is read and dropped first, so the close
        // does not reset the connection before the answer is read).
        connection->framer->stop();
        char discard[4096];
        while (::recv(peer->fd(), discard, sizeof discard, MSG_DONTWAIT) > 0) {}
        Response busy = error_response(make_error(ErrorCode::Unavailable, messages::with_detail(messages::kTooManyRequests, "5")));
        busy.headers["Retry-After"] = "5";
        add_security_headers(busy);
        const std::string bytes = serialize(busy, false, false);
        (void)::send(peer->fd(), bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::shutdown(peer->fd(), SHUT_RDWR);
    }

    void onDisconnection(const std::shared_ptr<Pistache::Tcp::Peer>& peer) override {
        if (auto data = peer->tryGetData(kFramerKey)) m_book->closed(std::static_pointer_cast<Connection>(data)->id);
    }

    void onInput(const char* buffer, size_t length, const std::shared_ptr<Pistache::Tcp::Peer>& peer) override {
        auto connection = connection_for(peer);
        auto framer = connection->framer;  // kept alive while it calls back
        // Pistache's idle checker (every 500 ms on this thread) reads its own parser's start time
        // and the peer's idle flag: a request must arrive whole within the header/body timeout
        // (60 s) of its first byte, an idle keep-alive connection is closed after the idle timeout
        // (ConnectionLimits), and a refused connection still being sent to is closed after 60 s.
        if (framer->between_requests()) {
            getParser(peer)->reset();
            peer->setIdle(false);
            m_book->set_quiet(connection->id, false);
        }
        framer->feed(std::string_view(buffer, length));
        if (framer->between_requests()) {
            getParser(peer)->reset();
            peer->setIdle(true);
            m_book->set_quiet(connection->id, true);
        }
    }

    std::shared_ptr<Connection> connection_for(const std::shared_ptr<Pistache::Tcp::Peer>& peer) {
        if (auto existing = peer->tryGetData(kFramerKey)) return std::static_pointer_cast<Connection>(existing);
        auto connection = std::make_shared<Connection>();
        // Weak references only: the connection state lives in the peer, no cycle.
        std::weak_ptr<Pistache::Tcp::Peer> weak_peer = peer;
        std::weak_ptr<Connection> weak_connection = connection;
        RequestFramer::Sink sink;
        sink.admit = [this](const Request& head) { return admit_request(*m_app, head); };
        sink.send_continue = [this, weak_peer, weak_connection] {
            auto alive = weak_peer.lock();
            auto state = weak_connection.lock();
            if (alive && state) write(alive, *state, "HTTP/1.1 100 Continue\r\n\r\n", true);
        };
        sink.request = [this, weak_peer, weak_connection](Request request, bool http10, bool keep_alive, std::shared_ptr<void> hold) {
            auto alive = weak_peer.lock();
            auto state = weak_connection.lock();
            if (!alive || !state) return;
            request.client_ip = alive->address().host();
            resolve_client_ip(*m_app, request);
            // The bounds of one keep-alive connection: this answer is its last after
            // max_requests, or when the client has left too many pipelined answers unread (the
            // requests after it are then not read; a pipelining client sends them again).
            ++state->answered;
            if (keep_alive && (state->answered >= m_limits.max_requests || state->queued_writes + 1 >= m_limits.max_unsent_answers ||
                               state->queued_bytes >= m_limits.max_unsent_bytes)) {
                keep_alive = false;
                state->framer->stop();
            }
            if (!http10 && keep_alive) {
                if (auto bytes = prepared_answer(request)) {
                    request = Request();
                    hold.reset();
                    send_prepared(alive, *state, *bytes);
                    return;
                }
            }
            Response response = dispatch(*m_app, request);
            const bool head = request.method == "HEAD";
            request = Request();  // the body is no longer needed while the answer is written
            hold.reset();         // nor its share of the large-body budget
            add_security_headers(response);
            write(alive, *state, serialize(response, http10, keep_alive, head), keep_alive);
        };
        sink.refuse = [this, weak_peer, weak_connection](Response response, bool http10) {
            auto alive = weak_peer.lock();
            auto state = weak_connection.lock();
            if (!alive || !state) return;
            add_security_headers(response);
            write(alive, *state, serialize(response, http10, false), false);
        };
        connection->framer = std::make_shared<RequestFramer>(std::move(sink));
        peer->putData(kFramerKey, connection);
        return connection;
    }

    // A prepared route's whole answer to this request (an HTTP/1.1 keep-alive one), or null.
    std::shared_ptr<const std::string> prepared_answer(const Request& request) const {
        for (const auto& route : m_prepared) {
            if (request.path != route->path || request.method != route->method || request.headers.contains("origin")) continue;
            try {
                return route->answer(request);
            } catch (const std::exception&) {
                return nullptr;  // the full way answers (and reports) whatever went wrong
            }
        }
        return nullptr;
    }

    // What the socket takes of `bytes` at once (0 while earlier answers are still queued: they go
    // first); nullopt when the client is gone.
    static std::optional<std::size_t> send_at_once(int fd, const Connection& state, std::string_view bytes) {
        if (state.queued_writes != 0) return std::size_t{0};
        const ssize_t sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return std::nullopt;
        return sent < 0 ? 0 : static_cast<std::size_t>(sent);
    }

    // Kept bytes written as they are: copied only if the socket does not take them all at once.
    void send_prepared(const std::shared_ptr<Pistache::Tcp::Peer>& peer, Connection& state, const std::string& bytes) {
        const auto sent = send_at_once(peer->fd(), state, bytes);
        if (sent && *sent < bytes.size()) write(peer, state, bytes.substr(*sent), true);
    }

    void write(const std::shared_ptr<Pistache::Tcp::Peer>& peer, Connection& state, std::string bytes, bool keep_open) {
        const int fd = peer->fd();
        const auto sent = send_at_once(fd, state, bytes);
        if (!sent) return;  // the client is gone
        bytes.erase(0, *sent);
        if (!keep_open) state.close_when_written = true;
        if (bytes.empty()) {
            if (state.close_when_written && state.queued_writes == 0) ::shutdown(fd, SHUT_WR);
            return;
        }
        const std::size_t size = bytes.size();
        ++state.queued_writes;
        state.queued_bytes += size;
        std::weak_ptr<Pistache::Tcp::Peer> weak_peer = peer;
        auto finished = [weak_peer, size] {
            auto alive = weak_peer.lock();
            if (!alive) return;
            auto data = alive->tryGetData(kFramerKey);
            if (!data) return;
            auto& connection = *std::static_pointer_cast<Connection>(data);
            connection.queued_bytes -= size;
            if (--connection.queued_writes == 0 && connection.close_when_written) ::shutdown(alive->fd(), SHUT_WR);
        };
        transport()->asyncWrite(fd, Pistache::RawBuffer(std::move(bytes), size))
            .then([finished](ssize_t) { finished(); }, [finished](std::exception_ptr&) { finished(); });
    }

    app::App* m_app;
    ConnectionLimits m_limits;
    std::shared_ptr<ConnectionBook> m_book;
    std::vector<std::shared_ptr<const PreparedRoute>> m_prepared;
};

}  // namespace

struct HttpServer::State {
    std::unique_ptr<Pistache::Http::Endpoint> endpoint;
};

HttpServer::HttpServer(app::App& app) : m_app(app), m_state(std::make_unique<State>()) {}

HttpServer::~HttpServer() { stop(); }

Result<void> HttpServer::start(const std::string& bind, int port, int threads) {
    ConnectionLimits limits = connection_limits();
    // Half of the process's descriptors at most: the rest are for the database, the outbox's and
    // the workers' sockets (past the limit accept() fails before the book could make room).
    if (rlimit files{}; ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
        limits.max_connections = std::max<std::size_t>(1, std::min<std::size_t>(limits.max_connections, files.rlim_cur / 2));
    try {
        Pistache::Address address(bind, Pistache::Port(static_cast<std::uint16_t>(port)));
        m_state->endpoint = std::make_unique<Pistache::Http::Endpoint>(address);
        // Pistache's own request parser is not used (see PistacheHandler); its buffer limit is
        // kept at the largest route limit all the same.
        auto options = Pistache::Http::Endpoint::options()
                           .threads(threads)
                           .flags(Pistache::Tcp::Options::ReuseAddr)
                           .maxRequestSize(largest_body_limit(m_app) + RequestFramer::kMaxHeadBytes)
                           .maxResponseSize(kMaxResponse)
                           .keepaliveTimeout(limits.idle_timeout);
        m_state->endpoint->init(options);
        m_state->endpoint->setHandler(std::make_shared<PistacheHandler>(&m_app, limits));
        m_state->endpoint->serveThreaded();
    } catch (const std::exception& exception) {
        m_state->endpoint.reset();
        return make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotListen, bind + ":" + std::to_string(port) + ": " + exception.what()));
    }
    return {};
}

int HttpServer::port() const { return m_state->endpoint ? static_cast<int>(static_cast<std::uint16_t>(m_state->endpoint->getPort())) : 0; }

void HttpServer::stop() {
    if (m_state && m_state->endpoint) {
        m_state->endpoint->shutdown();
        m_state->endpoint.reset();
    }
}

}  // namespace kimonet::http
