#include "http/http_server.hpp"

#include <pistache/endpoint.h>
#include <pistache/http.h>

#include <sstream>

#include "app/app.hpp"
#include "core/text.hpp"
#include "http/client_address.hpp"
#include "http/dispatcher.hpp"
#include "services/settings.hpp"

namespace kimonet::http {

namespace {

// Pistache buffers at most this much; our routes enforce their own (smaller) limits and
// answer 413 with the JSON error shape.
constexpr std::size_t kTransportMaxBody = 64 << 20;

Request convert(const Pistache::Http::Request& in) {
    Request out;
    out.method = Pistache::Http::methodString(in.method());
    out.path = in.resource();
    for (auto it = in.query().parameters_begin(); it != in.query().parameters_end(); ++it)
        out.query[url_decode(it->first)] = url_decode(it->second);
    for (const auto& [name, raw] : in.headers().rawList()) out.headers[to_lower_ascii(name)] = raw.value();
    for (const auto& header : in.headers().list()) {
        std::ostringstream value;
        header->write(value);
        out.headers[to_lower_ascii(header->name())] = value.str();
    }
    out.body = in.body();
    out.client_ip = in.address().host();
    return out;
}

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

class PistacheHandler : public Pistache::Http::Handler {
public:
    HTTP_PROTOTYPE(PistacheHandler)
    explicit PistacheHandler(app::App* app) : m_app(app) {}

    void onRequest(const Pistache::Http::Request& in, Pistache::Http::ResponseWriter writer) override {
        Request request = convert(in);
        resolve_client_ip(*m_app, request);
        Response response = dispatch(*m_app, request);
        for (const auto& [name, value] : response.headers) writer.headers().add(std::make_shared<NamedHeader>(name, value));
        writer.headers().add(std::make_shared<NamedHeader>("X-Content-Type-Options", "nosniff"));
        auto mime = Pistache::Http::Mime::MediaType::fromString(response.content_type);
        writer.send(static_cast<Pistache::Http::Code>(response.status), response.body, mime);
    }

private:
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
        auto options = Pistache::Http::Endpoint::options()
                           .threads(threads)
                           .flags(Pistache::Tcp::Options::ReuseAddr)
                           .maxRequestSize(kTransportMaxBody)
                           .maxResponseSize(kTransportMaxBody);
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
