#include "sim/sim_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <chrono>
#include <cstring>


namespace kimonet::sim {

namespace {

constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
constexpr std::size_t kMaxBodyBytes = 8 * 1024 * 1024;
constexpr auto kIdleTimeout = std::chrono::seconds(60);

const char* reason_phrase(int status) {
    switch (status) {
        case 100: return "Continue";
        case 200: return "OK";
        case 201: return "Created";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 406: return "Not Acceptable";
        case 409: return "Conflict";
        case 411: return "Length Required";
        case 413: return "Content Too Large";
        case 422: return "Unprocessable Content";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        default: return "Status";
    }
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

bool send_all(int fd, SSL* ssl, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t sent = ssl ? SSL_write(ssl, bytes.data(), static_cast<int>(bytes.size())) : ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR) continue;
        if (sent <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

// A connection's unread bytes, refilled from the socket until `running` turns false or the peer goes quiet.
class Reader {
public:
    Reader(int fd, SSL* ssl, const std::atomic<bool>& running) : m_fd(fd), m_ssl(ssl), m_running(running) {}
    std::string buffer;

    bool fill() {
        const auto deadline = std::chrono::steady_clock::now() + kIdleTimeout;
        while (m_running && std::chrono::steady_clock::now() < deadline) {
            if (!(m_ssl && SSL_pending(m_ssl) > 0)) {
                pollfd poll_fd{m_fd, POLLIN, 0};
                const int ready = ::poll(&poll_fd, 1, 200);
                if (ready < 0 && errno != EINTR) return false;
                if (ready <= 0) continue;
            }
            char chunk[16 * 1024];
            const ssize_t received = m_ssl ? SSL_read(m_ssl, chunk, sizeof chunk) : ::recv(m_fd, chunk, sizeof chunk, 0);
            if (received < 0 && errno == EINTR) continue;
            if (received <= 0) return false;
            buffer.append(chunk, static_cast<std::size_t>(received));
            return true;
        }
        return false;
    }
    // Takes exactly `size` bytes off the front, reading more as needed.
    std::optional<std::string> take(std::size_t size) {
        while (buffer.size() < size)
            if (!fill()) return std::nullopt;
        std::string out = buffer.substr(0, size);
        buffer.erase(0, size);
        return out;
    }
    // Takes one CRLF-terminated line (without the CRLF).
    std::optional<std::string> line() {
        std::size_t end;
        while ((end = buffer.find("\r\n")) == std::string::npos) {
            if (buffer.size() > kMaxHeaderBytes || !fill()) return std::nullopt;
        }
        std::string out = buffer.substr(0, end);
        buffer.erase(0, end + 2);
        return out;
    }

private:
    int m_fd;
    SSL* m_ssl;
    const std::atomic<bool>& m_running;
};

// RFC 9112 §7.1: chunk-size [; extensions] CRLF data CRLF … 0 CRLF [trailers] CRLF.
std::optional<std::string> read_chunked(Reader& reader) {
    std::string body;
    while (true) {
        const auto size_line = reader.line();
        if (!size_line) return std::nullopt;
        const std::string size_text = trim(size_line->substr(0, size_line->find(';')));
        if (size_text.empty() || size_text.size() > 8 || size_text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return std::nullopt;
        const std::size_t size = std::stoul(size_text, nullptr, 16);
        if (size == 0) break;
        if (body.size() + size > kMaxBodyBytes) return std::nullopt;
        const auto data = reader.take(size + 2);
        if (!data || !data->ends_with("\r\n")) return std::nullopt;
        body.append(*data, 0, size);
    }
    while (true) {  // trailer fields, ignored
        const auto trailer = reader.line();
        if (!trailer) return std::nullopt;
        if (trailer->empty()) return body;
    }
}

struct Parsed {
    HttpRequest request;
    bool keep_alive = true;
    int refuse = 0;  // when non-zero: answer this status and close
};

std::optional<Parsed> read_request(Reader& reader, int fd, SSL* ssl) {
    Parsed parsed;
    // RFC 9112 §3: a request line starts with a method, a token. Anything else (a TLS ClientHello
    // starts with 0x16) is refused at once rather than waited on until a CRLF that never comes.
    while (reader.buffer.empty())
        if (!reader.fill()) return std::nullopt;
    const unsigned char first = static_cast<unsigned char>(reader.buffer.front());
    if (first != '\r' && first != '\n' && (first < 0x21 || first > 0x7E)) {
        parsed.refuse = 400;
        return parsed;
    }
    std::optional<std::string> request_line;
    do {  // RFC 9112 §2.2: a server SHOULD ignore empty lines before the request line.
        request_line = reader.line();
        if (!request_line) return std::nullopt;
    } while (request_line->empty());
    const auto first_space = request_line->find(' ');
    const auto second_space = first_space == std::string::npos ? std::string::npos : request_line->find(' ', first_space + 1);
    if (second_space == std::string::npos) {
        parsed.refuse = 400;
        return parsed;
    }
    HttpRequest& request = parsed.request;
    request.method = request_line->substr(0, first_space);
    request.target = request_line->substr(first_space + 1, second_space - first_space - 1);
    const std::string version = request_line->substr(second_space + 1);
    if (!version.starts_with("HTTP/1.") || request.target.empty()) {
        parsed.refuse = 400;
        return parsed;
    }
    std::size_t header_bytes = request_line->size();
    while (true) {
        const auto field = reader.line();
        if (!field) return std::nullopt;
        if (field->empty()) break;
        header_bytes += field->size();
        const auto colon = field->find(':');
        // RFC 9112 §5.1: no whitespace between the field name and the colon.
        if (colon == std::string::npos || colon == 0 || header_bytes > kMaxHeaderBytes || (*field)[colon - 1] == ' ' || (*field)[colon - 1] == '\t') {
            parsed.refuse = 400;
            return parsed;
        }
        const std::string name = lower_ascii(field->substr(0, colon));
        const std::string value = trim(std::string_view(*field).substr(colon + 1));
        auto [place, inserted] = request.headers.emplace(name, value);
        if (!inserted) place->second += ", " + value;
    }
    const std::string connection = lower_ascii(request.header("connection"));
    parsed.keep_alive = version == "HTTP/1.1" ? connection.find("close") == std::string::npos : connection.find("keep-alive") != std::string::npos;

    const auto question = request.target.find('?');
    request.path = request.target.substr(0, question);
    if (question != std::string::npos) request.query = parse_form(std::string_view(request.target).substr(question + 1));

    if (lower_ascii(request.header("expect")) == "100-continue") send_all(fd, ssl, "HTTP/1.1 100 Continue\r\n\r\n");
    const std::string transfer_encoding = lower_ascii(request.header("transfer-encoding"));
    if (!transfer_encoding.empty()) {
        if (transfer_encoding != "chunked") {
            parsed.refuse = 400;
            return parsed;
        }
        auto body = read_chunked(reader);
        if (!body) return std::nullopt;
        request.body = std::move(*body);
        return parsed;
    }
    const std::string length_text = request.header("content-length");
    if (length_text.empty()) return parsed;
    if (length_text.size() > 10 || length_text.find_first_not_of("0123456789") != std::string::npos) {
        parsed.refuse = 400;
        return parsed;
    }
    const std::size_t length = std::stoul(length_text);
    if (length > kMaxBodyBytes) {
        parsed.refuse = 413;
        return parsed;
    }
    auto body = reader.take(length);
    if (!body) return std::nullopt;
    request.body = std::move(*body);
    return parsed;
}

std::string response_bytes(const HttpResponse& response, bool head, bool keep_alive) {
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + reason_phrase(response.status) + "\r\n";
    if (!response.content_type.empty()) out += "Content-Type: " + response.content_type + "\r\n";
    for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    out += keep_alive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!head) out += response.body;
    return out;
}


}  // namespace

// SO_LINGER with a zero timeout makes close() send RST instead of FIN: the peer reads ECONNRESET.
static void reset_and_close(int fd) {
    linger hard{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(fd);
}

std::string HttpRequest::header(const std::string& lower_case_name) const {
    auto found = headers.find(lower_case_name);
    return found == headers.end() ? std::string() : found->second;
}

std::string HttpServer::start(const std::string& bind, int port, Handler handler, SSL_CTX* tls) {
    m_handler = std::move(handler);
    m_tls = tls;
    // OpenSSL writes with write(2), which raises SIGPIPE when the client has gone (a client that
    // aborts a huge answer): the simulator must see an error instead of dying.
    if (tls) std::signal(SIGPIPE, SIG_IGN);
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return std::string("socket: ") + std::strerror(errno);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::inet_pton(AF_INET, bind.c_str(), &address.sin_addr) != 1) {
        ::close(fd);
        return "not an IPv4 address: " + bind;
    }
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0 || ::listen(fd, 128) < 0) {
        const std::string message = std::strerror(errno);
        ::close(fd);
        return "cannot listen on " + bind + ":" + std::to_string(port) + ": " + message;
    }
    socklen_t size = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    m_port = ntohs(address.sin_port);
    m_listen_fd = fd;
    m_running = true;
    m_accept_thread = std::thread([this] { accept_loop(); });
    return {};
}

void HttpServer::stop() {
    if (!m_running.exchange(false)) return;
    if (m_accept_thread.joinable()) m_accept_thread.join();
    ::close(m_listen_fd);
    m_listen_fd = -1;
    std::unique_lock lock(m_mutex);
    for (int fd : m_connections) ::shutdown(fd, SHUT_RDWR);
    m_work.notify_all();
    m_finished.wait(lock, [this] { return m_workers == 0; });
    for (int fd : m_pending) ::close(fd);
    m_pending.clear();
    m_connections.clear();
}

void HttpServer::accept_loop() {
    while (m_running) {
        pollfd poll_fd{m_listen_fd, POLLIN, 0};
        if (::poll(&poll_fd, 1, 100) <= 0) continue;
        const int client = ::accept4(m_listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        const int one = 1;
        ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (m_reset_gate && m_reset_gate()) {
            reset_and_close(client);
            continue;
        }
        std::lock_guard lock(m_mutex);
        m_connections.insert(client);
        m_pending.push_back(client);
        // Every waiting connection gets a thread of its own: an idle one, or a new one.
        if (static_cast<int>(m_pending.size()) > m_idle_workers) {
            ++m_workers;
            std::thread([this] { worker(); }).detach();
        }
        m_work.notify_one();
    }
}

void HttpServer::worker() {
    std::unique_lock lock(m_mutex);
    while (true) {
        ++m_idle_workers;
        const bool woken = m_work.wait_for(lock, std::chrono::seconds(30), [this] { return !m_pending.empty() || !m_running; });
        --m_idle_workers;
        if (!woken || !m_running || m_pending.empty()) break;
        const int fd = m_pending.front();
        m_pending.pop_front();
        lock.unlock();
        serve(fd);
        lock.lock();
    }
    if (--m_workers == 0) m_finished.notify_all();
}

void HttpServer::serve(int fd) {
    SSL* ssl = nullptr;
    if (m_tls) {
        // A silent peer cannot hold the handshake (or a TLS record) for longer than 5 s.
        timeval timeout{5, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ssl = SSL_new(m_tls);
        SSL_set_fd(ssl, fd);
        if (SSL_accept(ssl) != 1) {
            SSL_free(ssl);
            ssl = nullptr;
            forget_and_close(fd);
            return;
        }
    }
    serve_requests(fd, ssl);
    if (ssl) SSL_free(ssl);
}

void HttpServer::forget_and_close(int fd) {
    {
        std::lock_guard lock(m_mutex);
        m_connections.erase(fd);
    }
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
}

void HttpServer::serve_requests(int fd, SSL* ssl) {
    Reader reader(fd, ssl, m_running);
    while (m_running) {
        auto parsed = read_request(reader, fd, ssl);
        if (!parsed) break;
        HttpResponse response;
        if (parsed->refuse != 0) {
            response.status = parsed->refuse;
            response.body = R"({"error":"malformed HTTP request"})";
            send_all(fd, ssl, response_bytes(response, false, false));
            break;
        }
        m_handler(parsed->request, response);
        if (response.reset_connection) {
            {
                std::lock_guard lock(m_mutex);
                m_connections.erase(fd);
            }
            reset_and_close(fd);
            return;
        }
        if (!send_all(fd, ssl, response_bytes(response, parsed->request.method == "HEAD", parsed->keep_alive)) || !parsed->keep_alive) break;
    }
    {
        // Forgotten before it is closed, so stop() never shuts down a number the kernel gave to someone else.
        std::lock_guard lock(m_mutex);
        m_connections.erase(fd);
    }
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
}

}  // namespace kimonet::sim
