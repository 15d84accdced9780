#include "http/http_server.hpp"

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/peer.h>
#include <pistache/transport.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdio>

#include "app/app.hpp"
#include "http/dispatcher.hpp"
#include "http/request_admission.hpp"
#include "http/request_framer.hpp"
#include "http/security_headers.hpp"

namespace kimonet::http {

namespace {

// Downloads (exports, PDFs) are built in memory; this bounds one response.
constexpr std::size_t kMaxResponse = 64 << 20;
constexpr const char* kFramerKey = "kimonet.framer";

// Pistache 0.0.5 serialises only typed headers into a response (raw ones are silently dropped),
// so each of our headers travels as a typed header carrying its own name and value.
class NamedHeader final : public Pistache::Http::Header::Header {
public:
    NamedHeader(std::string name, std::string value) : m_name(std::move(name)), m_value(std::move(value)) {}
    const char* name() const override { return m_name.c_str(); }
    void write(std::ostream& stream) const override { stream << m_value; }
    uint64_t hash() const override { return std::hash<std::string>{}(m_name); }

private:
    std::string m_name;
    std::string m_value;
};

// Reads requests off each connection with our own RequestFramer instead of Pistache's parser
// (which buffered whole bodies before any route limit and dropped pipelined requests), then
// answers through Pistache's writer. All of a connection's input arrives on one transport
// thread, and responses are queued on it in order, so pipelined answers keep their order.
class PistacheHandler : public Pistache::Http::Handler {
public:
    HTTP_PROTOTYPE(PistacheHandler)
    explicit PistacheHandler(app::App* app) : m_app(app) {}

    // Not reached: onInput below frames and dispatches every request itself.
    void onRequest(const Pistache::Http::Request&, Pistache::Http::ResponseWriter writer) override {
        writer.send(Pistache::Http::Code::Internal_Server_Error);
    }

private:
    void onInput(const char* buffer, size_t length, const std::shared_ptr<Pistache::Tcp::Peer>& peer) override {
        framer_for(peer)->feed(std::string_view(buffer, length));
    }

    std::shared_ptr<RequestFramer> framer_for(const std::shared_ptr<Pistache::Tcp::Peer>& peer) {
        if (auto existing = peer->tryGetData(kFramerKey)) return std::static_pointer_cast<RequestFramer>(existing);
        std::weak_ptr<Pistache::Tcp::Peer> weak = peer;  // the framer lives in the peer: no cycle
        RequestFramer::Sink sink;
        sink.admit = [this](const Request& head) { return admit_request(*m_app, head); };
        sink.send_continue = [this, weak] {
            if (auto alive = weak.lock()) {
                static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
                transport()->asyncWrite(alive->fd(), Pistache::RawBuffer(kContinue, kContinue.size()));
            }
        };
        sink.request = [this, weak](Request request, bool http10, bool keep_alive) {
            auto alive = weak.lock();
            if (!alive) return;
            request.client_ip = alive->address().host();
            Response response = dispatch(*m_app, request);
            request = Request();  // the body is no longer needed while the answer is written
            respond(alive, std::move(response), http10, keep_alive);
        };
        sink.refuse = [this, weak](Response response, bool http10) {
            if (auto alive = weak.lock()) respond(alive, std::move(response), http10, false);
        };
        auto framer = std::make_shared<RequestFramer>(std::move(sink));
        peer->putData(kFramerKey, framer);
        return framer;
    }

    void respond(const std::shared_ptr<Pistache::Tcp::Peer>& peer, Response response, bool http10, bool keep_alive) {
        add_security_headers(response);
        const auto version = http10 ? Pistache::Http::Version::Http10 : Pistache::Http::Version::Http11;
        Pistache::Http::ResponseWriter writer(version, transport(), this, peer);
        for (const auto& [name, value] : response.headers) writer.headers().add(std::make_shared<NamedHeader>(name, value));
        writer.headers().add(std::make_shared<NamedHeader>("Connection", keep_alive ? "keep-alive" : "close"));
        auto mime = Pistache::Http::Mime::MediaType::fromString(response.content_type);
        auto sent = writer.send(static_cast<Pistache::Http::Code>(response.status), response.body, mime);
        if (keep_alive) return;
        // Close our side once the answer is on the wire; the client sees the end of the stream
        // after the response (a hard close with unread input would reset it and lose the answer).
        std::weak_ptr<Pistache::Tcp::Peer> weak = peer;
        sent.then([weak](ssize_t) {
            if (auto alive = weak.lock()) ::shutdown(alive->fd(), SHUT_WR);
        }, Pistache::Async::IgnoreException);
    }

    app::App* m_app;
};

}  // namespace

struct HttpServer::State {
    std::unique_ptr<Pistache::Http::Endpoint> endpoint;
};

HttpServer::HttpServer(app::App& app) : m_app(app), m_state(std::make_unique<State>()) {}

HttpServer::~HttpServer() { stop(); }

Result<void> HttpServer::start(const std::string& bind, int port, int threads) {
    try {
        Pistache::Address address(bind, Pistache::Port(static_cast<std::uint16_t>(port)));
        m_state->endpoint = std::make_unique<Pistache::Http::Endpoint>(address);
        // Pistache's own request parser is not used (see PistacheHandler); its buffer limit is
        // kept at the largest route limit all the same.
        auto options = Pistache::Http::Endpoint::options()
                           .threads(threads)
                           .flags(Pistache::Tcp::Options::ReuseAddr)
                           .maxRequestSize(largest_body_limit(m_app) + RequestFramer::kMaxHeadBytes)
                           .maxResponseSize(kMaxResponse);
        m_state->endpoint->init(options);
        m_state->endpoint->setHandler(std::make_shared<PistacheHandler>(&m_app));
        m_state->endpoint->serveThreaded();
    } catch (const std::exception& exception) {
        m_state->endpoint.reset();
        return make_error(ErrorCode::Internal, std::string("cannot listen on ") + bind + ":" + std::to_string(port) + ": " + exception.what());
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
