#pragma once
// A hostile peer on loopback: a TCP listener that plays a script on every connection it accepts
// (a gateway answering gigabytes, a router trickling one byte at a time, an SMTP server whose line
// never ends). Our clients connect to it through their ordinary settings; nothing of ours is mocked.
// Each connection runs on its own thread until its script returns or the peer is destroyed
// (stopping() turns true and the sockets are shut down, so a blocked send returns at once).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kimonet::testing {

class HostilePeer;

// One accepted connection, as the script sees it.
class PeerConnection {
public:
    PeerConnection(int fd, const std::atomic<bool>& stop) : m_fd(fd), m_stop(stop) {}
    // False once the client has gone or the peer is stopping.
    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            if (m_stop) return false;
            pollfd writable{m_fd, POLLOUT, 0};
            if (::poll(&writable, 1, 50) <= 0) continue;
            const auto sent = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent <= 0) return false;
            bytes.remove_prefix(static_cast<std::size_t>(sent));
        }
        return true;
    }
    // Reads what has arrived, waiting up to `wait_ms`; "" when nothing came (or the client left).
    std::string receive(int wait_ms = 50) {
        pollfd readable{m_fd, POLLIN, 0};
        if (::poll(&readable, 1, wait_ms) <= 0) return {};
        char buffer[65536];
        const auto count = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (count <= 0) {
            m_closed = true;
            return {};
        }
        m_received.append(buffer, static_cast<std::size_t>(count));
        return std::string(buffer, static_cast<std::size_t>(count));
    }
    // Reads until `marker` has arrived (an HTTP request's blank line, an SMTP command's CRLF).
    bool receive_until(std::string_view marker, std::size_t from = 0) {
        while (m_received.find(marker, from) == std::string::npos) {
            if (m_stop || m_closed) return false;
            receive();
        }
        return true;
    }
    // Reads an HTTP request's head and its Content-Length body.
    bool receive_http_request() {
        const std::size_t start = m_consumed;
        if (!receive_until("\r\n\r\n", start)) return false;
        const std::size_t head_end = m_received.find("\r\n\r\n", start) + 4;
        std::size_t length = 0;
        const std::string head = m_received.substr(start, head_end - start);
        for (const char* name : {"Content-Length: ", "content-length: "})
            if (const auto at = head.find(name); at != std::string::npos) length = std::stoul(head.substr(at + std::string_view(name).size()));
        while (m_received.size() < head_end + length) {
            if (m_stop || m_closed) return false;
            receive();
        }
        m_consumed = head_end + length;
        return true;
    }
    bool stopping() const { return m_stop; }
    bool closed() const { return m_closed; }
    const std::string& received() const { return m_received; }
    int fd() const { return m_fd; }

private:
    int m_fd;
    const std::atomic<bool>& m_stop;
    std::string m_received;
    std::size_t m_consumed = 0;
    bool m_closed = false;
};

class HostilePeer {
public:
    using Script = std::function<void(PeerConnection&)>;

    explicit HostilePeer(Script script) : m_script(std::move(script)) {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(m_socket, 16);
        socklen_t length = sizeof address;
        ::getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_acceptor = std::thread([this] { accept_loop(); });
    }
    ~HostilePeer() { stop(); }
    HostilePeer(const HostilePeer&) = delete;
    HostilePeer& operator=(const HostilePeer&) = delete;

    // Ends every script (each sees stopping()) and closes every socket.
    void stop() {
        if (m_stop.exchange(true)) return;
        m_acceptor.join();
        {
            std::lock_guard lock(m_mutex);
            for (int fd : m_fds) ::shutdown(fd, SHUT_RDWR);
        }
        for (auto& thread : m_threads) thread.join();
        for (int fd : m_fds) ::close(fd);
        ::close(m_socket);
    }
    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    int connections() const { return m_connections; }

private:
    void accept_loop() {
        while (!m_stop) {
            pollfd waiting{m_socket, POLLIN, 0};
            if (::poll(&waiting, 1, 20) <= 0) continue;
            const int fd = ::accept(m_socket, nullptr, nullptr);
            if (fd < 0) continue;
            ++m_connections;
            std::lock_guard lock(m_mutex);
            m_fds.push_back(fd);
            m_threads.emplace_back([this, fd] {
                PeerConnection connection(fd, m_stop);
                m_script(connection);
                ::shutdown(fd, SHUT_WR);
            });
        }
    }

    Script m_script;
    int m_socket = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    std::mutex m_mutex;
    std::vector<int> m_fds;
    std::vector<std::thread> m_threads;
    std::thread m_acceptor;
};

}  // namespace kimonet::testing
