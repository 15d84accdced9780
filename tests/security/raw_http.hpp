#pragma once
// A raw TCP HTTP/1.1 client for attacker-view tests: sends exactly the bytes given (curl
// normalises paths such as "/../" and "//", an attacker does not) and reads responses back.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kimonet::testing {

struct RawResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
};

class RawConnection {
public:
    // `receive_buffer` > 0 shrinks this side's receive buffer (a client slow to read).
    // `source`: a loopback address of 127.0.0.0/8 to connect from (another "client"); default the kernel's choice.
    explicit RawConnection(int port, int receive_buffer = 0, const char* source = nullptr) {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (receive_buffer > 0) ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
        if (source) {
            sockaddr_in local{};
            local.sin_family = AF_INET;
            ::inet_pton(AF_INET, source, &local.sin_addr);
            ::bind(m_fd, reinterpret_cast<sockaddr*>(&local), sizeof local);
        }
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~RawConnection() {
        if (m_fd >= 0) ::close(m_fd);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool ok() const { return m_fd >= 0; }
    int fd() const { return m_fd; }

    bool send_all(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t sent = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent <= 0) return false;
            bytes.remove_prefix(static_cast<std::size_t>(sent));
        }
        return true;
    }

    // Reads until one complete response (Content-Length framed) is buffered; nullopt on EOF or
    // after `timeout` without one.
    std::optional<RawResponse> read_response(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (auto response = take_response()) return response;
            if (m_eof) return std::nullopt;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !fill(left)) return std::nullopt;
        }
    }

    // True when the server closes the connection (EOF) within `timeout` with no further bytes.
    bool closed_by_server(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!m_eof) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !fill(left)) return m_eof;
        }
        return m_buffer.empty();
    }

    // Bytes received but not yet taken as a response (everything, when the reply never parsed).
    const std::string& pending() const { return m_buffer; }
    // errno of a failed read (ECONNRESET: the server reset the connection), 0 after a clean end.
    int read_error() const { return m_error; }

    // Waits for readable data or EOF; false on timeout.
    bool fill(std::chrono::milliseconds timeout) {
        pollfd poller{m_fd, POLLIN, 0};
        if (::poll(&poller, 1, static_cast<int>(timeout.count())) <= 0) return false;
        char chunk[65536];
        const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (got <= 0) {
            m_error = got < 0 ? errno : 0;
            m_eof = true;
            return true;
        }
        m_buffer.append(chunk, static_cast<std::size_t>(got));
        return true;
    }

private:
    std::optional<RawResponse> take_response() {
        const auto head_end = m_buffer.find("\r\n\r\n");
        if (head_end == std::string::npos) return std::nullopt;
        RawResponse response;
        const std::string head = m_buffer.substr(0, head_end);
        std::size_t line_start = head.find("\r\n");
        const std::string status_line = head.substr(0, line_start);
        if (status_line.size() < 12) return std::nullopt;
        response.status = std::stoi(status_line.substr(9, 3));
        while (line_start != std::string::npos && line_start + 2 < head.size()) {
            const std::size_t next = head.find("\r\n", line_start + 2);
            const std::string line = head.substr(line_start + 2, next == std::string::npos ? std::string::npos : next - line_start - 2);
            const auto colon = line.find(':');
            if (colon != std::string::npos) {
                std::string name = line.substr(0, colon);
                for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                std::string value = line.substr(colon + 1);
                while (!value.empty() && value.front() == ' ') value.erase(0, 1);
                response.headers[name] = value;
            }
            line_start = next;
        }
        std::size_t length = 0;
        if (auto found = response.headers.find("content-length"); found != response.headers.end()) length = std::stoul(found->second);
        if (m_buffer.size() < head_end + 4 + length) return std::nullopt;
        response.body = m_buffer.substr(head_end + 4, length);
        m_buffer.erase(0, head_end + 4 + length);
        return response;
    }

    int m_fd = -1;
    int m_error = 0;
    bool m_eof = false;
    std::string m_buffer;
};

// One request over a fresh connection: the exact bytes of `request_bytes`.
inline std::optional<RawResponse> raw_exchange(int port, const std::string& request_bytes) {
    RawConnection connection(port);
    if (!connection.ok() || !connection.send_all(request_bytes)) return std::nullopt;
    return connection.read_response();
}

inline std::string raw_get(const std::string& target) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

}  // namespace kimonet::testing
