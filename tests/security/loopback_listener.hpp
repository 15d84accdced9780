#pragma once
// An attacker's listener on loopback: accepts every connection, records every byte it is sent,
// answers each connection with an HTTP 503 once the client pauses, and closes. Used to prove
// that a secret never reaches a place someone pointed it at.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

namespace kimonet::testing {

class LoopbackListener {
public:
    LoopbackListener() {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        ::bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(m_socket, 16);
        socklen_t length = sizeof address;
        ::getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { accept_loop(); });
    }
    ~LoopbackListener() {
        m_stop = true;
        m_thread.join();
        ::close(m_socket);
    }
    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    // Everything received so far, over all connections.
    std::string received() const {
        std::lock_guard lock(m_mutex);
        return m_received;
    }
    int connections() const { return m_connections; }

private:
    void accept_loop() {
        while (!m_stop) {
            pollfd waiting{m_socket, POLLIN, 0};
            if (::poll(&waiting, 1, 50) <= 0) continue;
            const int connection = ::accept(m_socket, nullptr, nullptr);
            if (connection < 0) continue;
            ++m_connections;
            serve(connection);
        }
    }
    // Reads until the client has been quiet for 150 ms (it waits for an answer) or closes, so
    // the whole request is recorded before the client can see any reply.
    void serve(int connection) {
        char buffer[4096];
        for (;;) {
            pollfd readable{connection, POLLIN, 0};
            if (::poll(&readable, 1, 150) <= 0) break;
            const auto count = ::read(connection, buffer, sizeof buffer);
            if (count <= 0) break;
            std::lock_guard lock(m_mutex);
            m_received.append(buffer, static_cast<std::size_t>(count));
        }
        static constexpr char kAnswer[] = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        (void)::send(connection, kAnswer, sizeof kAnswer - 1, MSG_NOSIGNAL);
        ::close(connection);
    }

    int m_socket = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    mutable std::mutex m_mutex;
    std::string m_received;
    std::thread m_thread;
};

}  // namespace kimonet::testing
