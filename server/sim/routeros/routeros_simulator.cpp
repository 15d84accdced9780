#include "sim/routeros/routeros_simulator.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <random>

namespace kimonet::sim {

namespace {

// api-ssl on a router without a certificate: anonymous Diffie-Hellman, which exists only up to
// TLS 1.2 and only at OpenSSL security level 0 (MikroTik: "API-SSL … without certificate … ADH").
SSL_CTX* anonymous_tls_context() {
    static SSL_CTX* context = [] {
        SSL_CTX* created = SSL_CTX_new(TLS_server_method());
        SSL_CTX_set_max_proto_version(created, TLS1_2_VERSION);
        SSL_CTX_set_cipher_list(created, "ADH:@SECLEVEL=0");
        SSL_CTX_set_dh_auto(created, 1);
        return created;
    }();
    return context;
}

// One accepted API connection, plain or TLS; the descriptor itself belongs to the simulator.
class Connection {
public:
    Connection(int fd, SSL* ssl) : m_fd(fd), m_ssl(ssl) {}
    ~Connection() {
        if (m_ssl) SSL_free(m_ssl);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    static std::unique_ptr<Connection> accept(int fd, bool tls) {
        // Blocking reads give up after 5 s, so a silent peer cannot hold a handshake or a TLS record forever.
        timeval timeout{5, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        if (!tls) return std::make_unique<Connection>(fd, nullptr);
        SSL* ssl = SSL_new(anonymous_tls_context());
        SSL_set_fd(ssl, fd);
        if (SSL_accept(ssl) != 1) {
            SSL_free(ssl);
            return nullptr;
        }
        return std::make_unique<Connection>(fd, ssl);
    }
    // Bytes read (0: the peer closed or failed), or std::nullopt when nothing came within `wait_ms`.
    std::optional<std::size_t> read_some(char* buffer, std::size_t capacity, int wait_ms) {
        if (!(m_ssl && SSL_pending(m_ssl) > 0)) {
            pollfd poll_fd{m_fd, POLLIN, 0};
            const int ready = ::poll(&poll_fd, 1, wait_ms);
            if (ready == 0 || (ready < 0 && errno == EINTR)) return std::nullopt;
            if (ready < 0) return 0;
        }
        if (m_ssl) {
            const int received = SSL_read(m_ssl, buffer, static_cast<int>(capacity));
            return received > 0 ? static_cast<std::size_t>(received) : 0;
        }
        const ssize_t received = ::recv(m_fd, buffer, capacity, 0);
        return received > 0 ? static_cast<std::size_t>(received) : 0;
    }
    bool write_all(std::string_view bytes) {
        while (!bytes.empty()) {
            const long written = m_ssl ? SSL_write(m_ssl, bytes.data(), static_cast<int>(bytes.size()))
                                       : ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (written <= 0) return false;
            bytes.remove_prefix(static_cast<std::size_t>(written));
        }
        return true;
    }

private:
    int m_fd;
    SSL* m_ssl;
};

}  // namespace

struct RouterOsSimulator::Session {
    bool logged_in = false;
    std::string challenge_hex;
    bool close_after_write = false;
    std::size_t drop_at = 0;  // when > 0, write only this many bytes of `out` and close
};

RouterOsSimulator::RouterOsSimulator(RouterOsSimulatorOptions options) : m_options(std::move(options)) {}

RouterOsSimulator::~RouterOsSimulator() {
    stop();
    if (m_rest_tls_context) SSL_CTX_free(m_rest_tls_context);
}

Result<int> RouterOsSimulator::listen_on(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return make_error(ErrorCode::Internal, std::string("socket: ") + std::strerror(errno));
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, m_options.bind.c_str(), &address.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0 || ::listen(fd, 64) < 0) {
        const std::string message = std::strerror(errno);
        ::close(fd);
        return make_error(ErrorCode::Unavailable, "cannot listen on " + m_options.bind + ":" + std::to_string(port) + ": " + message);
    }
    return fd;
}

static int bound_port(int fd) {
    sockaddr_in address{};
    socklen_t size = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    return ntohs(address.sin_port);
}

Result<void> RouterOsSimulator::start() {
    {
        std::lock_guard lock(m_state_mutex);
        m_state.menu("/user/group")->add({{"name", "kimonet"}, {"policy", m_options.policy}, {"skin", "default"}});
        m_state.menu("/user")->add({{"name", m_options.username}, {"group", "kimonet"}, {"address", ""}, {"disabled", "false"}});
    }
    TRY_VOID(start_rest());
    const int fd = TRY(listen_on(m_options.port));
    m_listen_fd = fd;
    m_port = bound_port(fd);
    if (m_options.tls_port >= 0) {
        const int tls_fd = TRY(listen_on(m_options.tls_port));
        m_tls_listen_fd = tls_fd;
        m_tls_port = bound_port(tls_fd);
    }
    m_running = true;
    m_accept_thread = std::thread([this] { accept_loop(false); });
    if (m_tls_port > 0) m_tls_accept_thread = std::thread([this] { accept_loop(true); });
    return {};
}

void RouterOsSimulator::stop() {
    stop_rest();
    if (!m_running.exchange(false)) return;
    if (m_accept_thread.joinable()) m_accept_thread.join();
    if (m_tls_accept_thread.joinable()) m_tls_accept_thread.join();
    for (auto* fd : {&m_listen_fd, &m_tls_listen_fd}) {
        const int old = fd->exchange(-1);
        if (old >= 0) ::close(old);
    }
    drop_connections();
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(m_connections_mutex);
        threads.swap(m_connection_threads);
    }
    for (auto& thread : threads) thread.join();
}

void RouterOsSimulator::accept_loop(bool tls) {
    std::atomic<int>& listen_fd = tls ? m_tls_listen_fd : m_listen_fd;
    while (m_running) {
        const int fd = listen_fd.load();
        if (fd < 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        pollfd poll_fd{fd, POLLIN, 0};
        if (::poll(&poll_fd, 1, 50) <= 0) continue;
        const int client = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        if (m_down) {
            ::close(client);
            continue;
        }
        if (m_reset) {
            // SO_LINGER 0: close() sends RST, the client reads "connection reset by peer".
            linger hard{1, 0};
            ::setsockopt(client, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
            ::close(client);
            continue;
        }
        std::lock_guard lock(m_connections_mutex);
        m_open_fds.insert(client);
        m_connection_threads.emplace_back([this, client, tls] { serve(client, tls); });
    }
}

void RouterOsSimulator::set_down(bool down) {
    m_down = down;
    if (down) {
        for (auto* fd : {&m_listen_fd, &m_tls_listen_fd}) {
            const int old = fd->exchange(-1);
            // shutdown() unhashes the listening socket at once, so connects are refused even while
            // the accept thread still holds the descriptor inside poll().
            if (old >= 0) ::shutdown(old, SHUT_RDWR);
            if (old >= 0) ::close(old);
        }
        drop_connections();
        stop_rest();
    } else {
        reopen_listeners();
        (void)start_rest();
    }
}

void RouterOsSimulator::reopen_listeners() {
    if (m_listen_fd < 0)
        if (auto fd = listen_on(m_port)) m_listen_fd = *fd;
    if (m_tls_port > 0 && m_tls_listen_fd < 0)
        if (auto fd = listen_on(m_tls_port)) m_tls_listen_fd = *fd;
}

void RouterOsSimulator::drop_connections() {
    std::lock_guard lock(m_connections_mutex);
    for (int fd : m_open_fds) ::shutdown(fd, SHUT_RDWR);
}

void RouterOsSimulator::trap_next(const std::string& prefix, const std::string& message, int count) {
    std::lock_guard lock(m_failures_mutex);
    m_failures.push_back({prefix, message.empty() ? "failure" : message, count});
}

void RouterOsSimulator::drop_next(const std::string& prefix, int count) {
    std::lock_guard lock(m_failures_mutex);
    m_failures.push_back({prefix, "", count});
}

std::optional<Row> RouterOsSimulator::find(const std::string& menu, const std::string& name) {
    std::lock_guard lock(m_state_mutex);
    Menu* target = m_state.menu(menu);
    if (!target) return std::nullopt;
    const Row* row = target->find_name(name);
    return row ? std::optional(*row) : std::nullopt;
}

std::vector<Row> RouterOsSimulator::rows(const std::string& menu) {
    std::lock_guard lock(m_state_mutex);
    std::vector<Row> out;
    if (Menu* target = m_state.menu(menu))
        for (const Row* row : target->rows()) out.push_back(*row);
    return out;
}

void RouterOsSimulator::connect_session(const std::string& name, const std::string& address) {
    std::lock_guard lock(m_state_mutex);
    Menu& active = *m_state.menu("/ppp/active");
    if (Row* existing = active.find_name(name)) active.remove((*existing)[".id"]);
    active.add({{"name", name}, {"service", "pppoe"}, {"caller-id", "AA:BB:CC:00:00:01"}, {"address", address}, {"uptime", "1h2m3s"},
                {"encoding", ""}, {"session-id", "0x81000001"}, {"radius", "false"}});
}

void RouterOsSimulator::hotspot_use(const std::string& user, const std::string& uptime, std::int64_t bytes_in, std::int64_t bytes_out, bool online) {
    std::lock_guard lock(m_state_mutex);
    if (Row* row = m_state.menu("/ip/hotspot/user")->find_name(user)) {
        (*row)["uptime"] = uptime;
        (*row)["bytes-in"] = std::to_string(bytes_in);
        (*row)["bytes-out"] = std::to_string(bytes_out);
    }
    Menu& active = *m_state.menu("/ip/hotspot/active");
    for (const Row* session : active.rows())
        if (session->at("user") == user) {
            active.remove(session->at(".id"));
            break;
        }
    if (online)
        active.add({{"server", "hotspot1"}, {"user", user}, {"address", "10.5.50.10"}, {"mac-address", "AA:BB:CC:00:05:0A"},
                    {"login-by", "http-chap"}, {"uptime", uptime}, {"idle-time", "0s"}, {"bytes-in", std::to_string(bytes_in)},
                    {"bytes-out", std::to_string(bytes_out)}, {"radius", "false"}});
}

static std::string random_challenge_hex() {
    static thread_local std::mt19937 random{std::random_device{}()};
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (int index = 0; index < 32; ++index) out.push_back(digits[random() % 16]);
    return out;
}

// Appends `sentence` + the tag to `out` as wire bytes.
static void write_sentence(std::string& out, const Sentence& sentence, const std::string& tag) {
    for (const auto& word : sentence) append_api_word(out, word);
    if (!tag.empty()) append_api_word(out, ".tag=" + tag);
    out.push_back('\0');
}

bool RouterOsSimulator::handle(Session& session, const Sentence& command, std::string& out) {
    std::string tag;
    std::map<std::string, std::string> attributes;
    for (std::size_t index = 1; index < command.size(); ++index) {
        if (command[index].starts_with(".tag=")) tag = command[index].substr(5);
        else if (auto attribute = api_attribute(command[index])) attributes[attribute->first] = attribute->second;
    }
    const std::string& path = command.front();
    if (path == "/login") {
        const bool name_ok = attributes["name"] == m_options.username;
        if (attributes.contains("response") && !session.challenge_hex.empty()) {
            const bool ok = name_ok && attributes["response"] == legacy_login_response(m_options.password, session.challenge_hex);
            session.logged_in = ok;
            if (ok) ++m_logins;
            write_sentence(out, ok ? Sentence{"!done"} : Sentence{"!trap", "=message=cannot log in"}, tag);
            if (!ok) write_sentence(out, {"!done"}, tag);
            return true;
        }
        if (m_options.legacy_login) {
            session.challenge_hex = random_challenge_hex();
            write_sentence(out, {"!done", "=ret=" + session.challenge_hex}, tag);
            return true;
        }
        const bool ok = name_ok && attributes["password"] == m_options.password;
        if (ok && !has_policy("api")) {
            write_sentence(out, {"!trap", "=message=not enough permissions (9)"}, tag);
            write_sentence(out, {"!done"}, tag);
            return true;
        }
        session.logged_in = ok;
        if (ok) ++m_logins;
        if (ok) write_sentence(out, {"!done"}, tag);
        else {
            write_sentence(out, {"!trap", "=message=invalid user name or password (6)"}, tag);
            write_sentence(out, {"!done"}, tag);
        }
        return true;
    }
    if (!session.logged_in) {
        write_sentence(out, {"!fatal", "not logged in"}, {});
        session.close_after_write = true;
        return false;
    }
    if (path == "/quit") {
        write_sentence(out, {"!fatal", "session terminated on request"}, {});
        session.close_after_write = true;
        return false;
    }
    ++m_commands;
    if (!allowed(path)) {
        write_sentence(out, {"!trap", "=message=not enough permissions (9)"}, tag);
        write_sentence(out, {"!done"}, tag);
        return true;
    }
    {
        std::lock_guard lock(m_failures_mutex);
        for (auto it = m_failures.begin(); it != m_failures.end(); ++it) {
            if (!path.starts_with(it->prefix)) continue;
            const bool drop = it->message.empty();
            const std::string message = it->message;
            if (--it->remaining <= 0) m_failures.erase(it);
            if (drop) {
                std::string reply;
                write_sentence(reply, {"!re", "=.id=*1", "=name=dropped-in-the-middle-of-this-sentence"}, tag);
                session.drop_at = out.size() + reply.size() / 2;
                out += reply;
                return false;
            }
            write_sentence(out, {"!trap", "=message=" + message}, tag);
            write_sentence(out, {"!done"}, tag);
            return true;
        }
    }
    CommandReply reply;
    {
        std::lock_guard lock(m_state_mutex);
        reply = m_state.execute(command);
    }
    for (const auto& sentence : reply.sentences) write_sentence(out, sentence, tag);
    return true;
}

void RouterOsSimulator::serve(int fd, bool tls) {
    auto connection = Connection::accept(fd, tls);
    if (connection) {
        ApiSentenceReader reader;
        Session session;
        char buffer[64 * 1024];
        bool open = true;
        while (open && m_running) {
            const auto received = connection->read_some(buffer, sizeof buffer, 200);
            if (!received) continue;
            if (*received == 0) break;
            reader.feed(std::string_view(buffer, *received));
            std::string out;
            Sentence sentence;
            while (open) {
                const auto outcome = reader.next(sentence);
                if (outcome == ApiSentenceReader::Outcome::NeedMore) break;
                if (outcome == ApiSentenceReader::Outcome::Malformed) {
                    write_sentence(out, {"!fatal", "malformed sentence"}, {});
                    session.close_after_write = true;
                    open = false;
                    break;
                }
                if (const int delay = m_delay_ms.load(); delay > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay));
                if (!handle(session, sentence, out)) open = false;
            }
            if (session.drop_at > 0) {
                (void)connection->write_all(std::string_view(out).substr(0, session.drop_at));
                break;
            }
            if (!out.empty() && !connection->write_all(out)) break;
            if (session.close_after_write) break;
        }
    }
    connection.reset();
    std::lock_guard lock(m_connections_mutex);
    m_open_fds.erase(fd);
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
}

}  // namespace kimonet::sim
