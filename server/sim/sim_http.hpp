#pragma once
// HTTP/1.1 for the simulators, written from RFC 9112 (message syntax) and the WHATWG
// application/x-www-form-urlencoded rules, not from our server's request helpers: the
// simulators stand in for the outside world, so they read requests the way the world writes
// them (request line, header fields, Content-Length or chunked body, Basic credentials per
// RFC 7617) and answer with plain status line + Content-Length responses.
// A small server with one thread per open connection, threads kept for the next connection
// (a connect per request, as our libcurl clients do, must not pay a thread start each time).
#include <openssl/ssl.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace kimonet::sim {

struct HttpRequest {
    std::string method;
    std::string target;  // as on the request line, e.g. /v2/abc/status?x=1
    std::string path;    // the target before '?', still percent-encoded
    std::map<std::string, std::string> query;    // decoded
    std::map<std::string, std::string> headers;  // lower-case names; repeated fields joined with ", "
    std::string body;

    std::string header(const std::string& lower_case_name) const;
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // extra fields (Location, WWW-Authenticate)
    bool reset_connection = false;  // answer nothing: reset the connection (RST) instead
};

class HttpServer {
public:
    using Handler = std::function<void(const HttpRequest&, HttpResponse&)>;
    HttpServer() = default;
    ~HttpServer() { stop(); }
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Listens on bind:port (0 = ephemeral); an empty string on success, else why not. With `tls`
    // (a server context the caller owns and keeps alive), every connection is HTTPS.
    std::string start(const std::string& bind, int port, Handler handler, SSL_CTX* tls = nullptr);
    // Asked for every accepted connection: true resets it at once (RST), before any byte.
    void set_reset_gate(std::function<bool()> reset) { m_reset_gate = std::move(reset); }
    // Stops accepting, ends every connection and waits for the handlers still running.
    void stop();
    int port() const { return m_port; }

private:
    void accept_loop();
    void worker();
    void serve(int fd);
    void serve_requests(int fd, SSL* ssl);
    void forget_and_close(int fd);

    Handler m_handler;
    SSL_CTX* m_tls = nullptr;
    std::function<bool()> m_reset_gate;
    std::atomic<bool> m_running{false};
    int m_listen_fd = -1;
    int m_port = 0;
    std::thread m_accept_thread;
    std::mutex m_mutex;
    std::condition_variable m_work;     // a connection is waiting, or stopping
    std::condition_variable m_finished; // the last worker left
    std::set<int> m_connections;        // open, for stop() to shut down
    std::deque<int> m_pending;          // accepted, not yet taken by a worker
    int m_workers = 0;
    int m_idle_workers = 0;
};

// One outgoing request (callbacks and webhooks to our server), over libcurl.
struct HttpCall {
    std::string method = "POST";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    int timeout_ms = 30'000;
};
struct HttpAnswer {
    int status = 0;  // 0 when nothing came back
    std::string body;
    std::string transport_error;
};
HttpAnswer http_perform(const HttpCall& call);

// Percent-decoding; `plus_is_space` for form bodies and query strings. Invalid escapes stay as they are.
std::string url_decode(std::string_view text, bool plus_is_space = true);
// Percent-encodes everything but unreserved characters (RFC 3986 §2.3).
std::string url_encode(std::string_view text);
// name=value&… (form body or query string), decoded; the last repeat of a name wins.
std::map<std::string, std::string> parse_form(std::string_view text);
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);
// The user-id and password of an `Authorization: Basic …` header (RFC 7617), if it is one.
std::optional<std::pair<std::string, std::string>> basic_credentials(std::string_view authorization);
std::string lower_ascii(std::string text);

}  // namespace kimonet::sim
