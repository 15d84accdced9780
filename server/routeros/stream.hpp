#pragma once
// A byte stream over TCP, optionally inside TLS (OpenSSL), with deadlines on connect and
// on every read. Used by the RouterOS client and by the RouterOS simulator.
#include <openssl/ssl.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet::routeros {

using Clock = std::chrono::steady_clock;

// TLS contexts. RouterOS's api-ssl without a certificate uses anonymous Diffie-Hellman
// suites, so the client allows those (at security level 0) and does not verify peers:
// routers carry self-signed certificates, and the credentials are what authenticates.
SSL_CTX* client_tls_context();
// Anonymous-DH server context, like a router with api-ssl and no certificate (simulator).
SSL_CTX* server_tls_context();

class Stream {
public:
    Stream() = default;
    ~Stream();
    Stream(Stream&& other) noexcept;
    Stream& operator=(Stream&& other) noexcept;
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;

    // Connects within `timeout`; errors name the host:port and say refused / timed out / TLS failed.
    static Result<Stream> connect(const std::string& host, int port, bool tls, std::chrono::milliseconds timeout);
    // Wraps an accepted socket (server side); performs the TLS handshake when `tls`.
    static Result<Stream> accept(int fd, bool tls, std::chrono::milliseconds timeout);

    Result<void> write_all(std::string_view bytes);
    // Reads what is available, waiting until `deadline`. Returns 0 bytes on orderly close.
    Result<std::size_t> read_some(char* buffer, std::size_t capacity, Clock::time_point deadline);
    // True when the peer has closed or sent unread bytes (a reused connection that is no longer clean).
    bool stale() const;
    void close();
    // Half-closes so the peer sees EOF right away (used by the simulator to drop mid-sentence).
    void shutdown();
    bool open() const { return m_fd >= 0; }
    const std::string& peer() const { return m_peer; }

private:
    Stream(int fd, SSL* ssl, std::string peer) : m_fd(fd), m_ssl(ssl), m_peer(std::move(peer)) {}
    int m_fd = -1;
    SSL* m_ssl = nullptr;
    std::string m_peer;
};

}  // namespace kimonet::routeros
