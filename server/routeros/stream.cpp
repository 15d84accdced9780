#include "routeros/stream.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>

namespace kimonet::routeros {

namespace {

int remaining_ms(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(left);
}

std::string openssl_error() {
    const unsigned long code = ERR_get_error();
    if (code == 0) return "TLS handshake failed";
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return text;
}

void set_blocking(int fd, bool blocking) {
    const int flags = ::fcntl(fd, F_GETFL, 0);
    ::fcntl(fd, F_SETFL, blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK));
}

// Waits for `events` on fd until the deadline: 1 ready, 0 timed out, -1 error.
int wait_for(int fd, short events, Clock::time_point deadline) {
    pollfd poll_fd{fd, events, 0};
    while (true) {
        const int ready = ::poll(&poll_fd, 1, remaining_ms(deadline));
        if (ready < 0 && errno == EINTR) continue;
        return ready < 0 ? -1 : ready;
    }
}

// Runs a TLS handshake step on a non-blocking socket until done or the deadline.
Result<void> handshake(SSL* ssl, int fd, bool client, Clock::time_point deadline, const std::string& peer) {
    set_blocking(fd, false);
    while (true) {
        const int result = client ? SSL_connect(ssl) : SSL_accept(ssl);
        if (result == 1) break;
        const int error = SSL_get_error(ssl, result);
        short events = 0;
        if (error == SSL_ERROR_WANT_READ) events = POLLIN;
        else if (error == SSL_ERROR_WANT_WRITE) events = POLLOUT;
        else {
            set_blocking(fd, true);
            return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kTlsHandshakeFailed, peer + ": " + openssl_error()));
        }
        if (wait_for(fd, events, deadline) <= 0) {
            set_blocking(fd, true);
            return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kTlsHandshakeTimedOut, peer));
        }
    }
    set_blocking(fd, true);
    return {};
}

}  // namespace

// OpenSSL writes with write(2), which raises SIGPIPE on a socket the peer closed; the server
// must get an error instead of dying, so TLS users ignore the signal process-wide.
static void ignore_sigpipe() { std::signal(SIGPIPE, SIG_IGN); }

SSL_CTX* client_tls_context() {
    static SSL_CTX* context = [] {
        ignore_sigpipe();
        SSL_CTX* created = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_verify(created, SSL_VERIFY_NONE, nullptr);
        SSL_CTX_set_cipher_list(created, "ALL:@SECLEVEL=0");
        return created;
    }();
    return context;
}

SSL_CTX* server_tls_context() {
    static SSL_CTX* context = [] {
        ignore_sigpipe();
        SSL_CTX* created = SSL_CTX_new(TLS_server_method());
        // Anonymous DH exists only up to TLS 1.2, as on RouterOS api-ssl without a certificate.
        SSL_CTX_set_max_proto_version(created, TLS1_2_VERSION);
        SSL_CTX_set_cipher_list(created, "ADH:@SECLEVEL=0");
        SSL_CTX_set_dh_auto(created, 1);
        return created;
    }();
    return context;
}

Stream::~Stream() { close(); }

Stream::Stream(Stream&& other) noexcept : m_fd(other.m_fd), m_ssl(other.m_ssl), m_peer(std::move(other.m_peer)) {
    other.m_fd = -1;
    other.m_ssl = nullptr;
}

Stream& Stream::operator=(Stream&& other) noexcept {
    if (this != &other) {
        close();
        m_fd = other.m_fd;
        m_ssl = other.m_ssl;
        m_peer = std::move(other.m_peer);
        other.m_fd = -1;
        other.m_ssl = nullptr;
    }
    return *this;
}

Result<Stream> Stream::connect(const std::string& host, int port, bool tls, std::chrono::milliseconds timeout) {
    const std::string peer = host + ":" + std::to_string(port);
    const auto deadline = Clock::now() + timeout;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* addresses = nullptr;
    const std::string service = std::to_string(port);
    if (const int status = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &addresses); status != 0)
        return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kCannotResolveHost, peer + ": " + gai_strerror(status)));
    std::string last_error = "no address";
    int fd = -1;
    bool timed_out = false;
    for (addrinfo* address = addresses; address && fd < 0; address = address->ai_next) {
        fd = ::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, address->ai_protocol);
        if (fd < 0) continue;
        set_blocking(fd, false);
        int result = ::connect(fd, address->ai_addr, address->ai_addrlen);
        if (result < 0 && errno == EINPROGRESS) {
            const int ready = wait_for(fd, POLLOUT, deadline);
            if (ready == 0) {
                timed_out = true;
                result = -1;
                errno = ETIMEDOUT;
            } else {
                int error = 0;
                socklen_t size = sizeof error;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
                result = error == 0 ? 0 : -1;
                errno = error;
            }
        }
        if (result < 0) {
            last_error = errno == ECONNREFUSED ? "connection refused" : errno == ETIMEDOUT ? "connection timed out" : std::strerror(errno);
            ::close(fd);
            fd = -1;
        }
    }
    ::freeaddrinfo(addresses);
    if (fd < 0)
        return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kCannotConnect, peer + ": " + (timed_out ? "timeout " + std::to_string(timeout.count()) + " ms" : last_error)));
    set_blocking(fd, true);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (!tls) return Stream(fd, nullptr, peer);
    SSL* ssl = SSL_new(client_tls_context());
    SSL_set_fd(ssl, fd);
    Stream stream(fd, ssl, peer);
    TRY_VOID(handshake(ssl, fd, true, deadline, peer));
    return stream;
}

Result<Stream> Stream::accept(int fd, bool tls, std::chrono::milliseconds timeout) {
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (!tls) return Stream(fd, nullptr, "client");
    SSL* ssl = SSL_new(server_tls_context());
    SSL_set_fd(ssl, fd);
    Stream stream(fd, ssl, "client");
    TRY_VOID(handshake(ssl, fd, false, Clock::now() + timeout, "client"));
    return stream;
}

Result<void> Stream::write_all(std::string_view bytes) {
    if (m_fd < 0) return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kConnectionIsClosed, m_peer));
    while (!bytes.empty()) {
        long written = 0;
        if (m_ssl) {
            const int result = SSL_write(m_ssl, bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), 1 << 20)));
            if (result <= 0) return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kConnectionDroppedWhileSending, m_peer + ": " + openssl_error()));
            written = result;
        } else {
            written = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (written < 0 && errno == EINTR) continue;
            if (written < 0) return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kConnectionDroppedWhileSending, messages::with_detail(messages::kConnectionFailed, m_peer + ": " + std::strerror(errno))));
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return {};
}

Result<std::size_t> Stream::read_some(char* buffer, std::size_t capacity, Clock::time_point deadline) {
    if (m_fd < 0) return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kConnectionIsClosed, m_peer));
    while (true) {
        if (!m_ssl || SSL_pending(m_ssl) == 0) {
            const int ready = wait_for(m_fd, POLLIN, deadline);
            if (ready == 0) return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kNoReplyWithinTimeout, m_peer));
            if (ready < 0) return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kConnectionFailed, m_peer + ": " + std::strerror(errno)));
        }
        if (m_ssl) {
            const int result = SSL_read(m_ssl, buffer, static_cast<int>(capacity));
            if (result > 0) return static_cast<std::size_t>(result);
            const int error = SSL_get_error(m_ssl, result);
            if (error == SSL_ERROR_ZERO_RETURN) return std::size_t{0};
            if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) continue;
            if (error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0) return std::size_t{0};
            return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kTlsReadFailed, m_peer + ": " + openssl_error()));
        }
        const long received = ::recv(m_fd, buffer, capacity, 0);
        if (received < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (received < 0 && errno == ECONNRESET) return std::size_t{0};
        if (received < 0) return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kConnectionFailed, m_peer + ": " + std::strerror(errno)));
        return static_cast<std::size_t>(received);
    }
}

bool Stream::stale() const {
    if (m_fd < 0) return true;
    if (m_ssl && SSL_pending(m_ssl) > 0) return true;
    pollfd poll_fd{m_fd, POLLIN, 0};
    return ::poll(&poll_fd, 1, 0) != 0;
}

void Stream::shutdown() {
    if (m_fd >= 0) ::shutdown(m_fd, SHUT_RDWR);
}

void Stream::close() {
    if (m_ssl) {
        SSL_free(m_ssl);
        m_ssl = nullptr;
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

}  // namespace kimonet::routeros
