#pragma once
// The bounds on the server's keep-alive connections, and the book of open connections that
// enforces the cap on them (shared by every transport thread of one HttpServer).
//
// A keep-alive connection costs the server a file descriptor and a little memory while it waits,
// so an outsider could otherwise hold them open until nothing is left for anyone else. At the cap a
// new connection makes room by closing the connection that has been quiet the longest (an idle
// keep-alive connection, or one that connected and has sent nothing yet). When every open
// connection is in the middle of a request (a slowloris holds them all, dripping a header byte at a
// time), the address holding the most connections gives up the one that has been in its request
// the longest; only a newcomer from that very address is refused (503, closed). So one address
// holding every place keeps out nobody but itself.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace kimonet::http {

struct ConnectionLimits {
    // A keep-alive connection with no request in progress is closed after this long.
    std::chrono::milliseconds idle_timeout = std::chrono::seconds(15);
    // After this many answers on one connection the last says "Connection: close".
    std::size_t max_requests = 1000;
    // Connections open at once (the quietest is closed to make room, see above).
    std::size_t max_connections = 1024;
    // Pipelined answers the client has not read yet: past either bound the answer just queued is
    // the last (it says "Connection: close"); the requests after it are not read.
    std::size_t max_unsent_answers = 64;
    std::size_t max_unsent_bytes = 8u << 20;
};

// The bounds HttpServer::start gives the server it starts: the defaults above unless replaced (tests
// replace them around the start of one server of their own, and put the defaults back).
ConnectionLimits connection_limits();
void set_connection_limits(const ConnectionLimits& limits);

class ConnectionBook {
public:
    explicit ConnectionBook(std::size_t max_connections) : m_max_connections(max_connections) {}

    // Registers connection `id` from `address` (the TCP peer); `close` shuts its socket (called under
    // the book's lock, so the socket is still open). At the cap, first closes and forgets the
    // connection quiet the longest, or else the longest-running request of the address holding the
    // most connections; false when that address is `address` itself (the caller refuses `id`,
    // which is then not registered).
    bool open(std::uint64_t id, const std::string& address, std::function<void()> close);
    // The connection waits for its next request (true) or is in one (false).
    void set_quiet(std::uint64_t id, bool quiet);
    // The connection is gone (also called for connections `open` refused or closed: no effect).
    void closed(std::uint64_t id);
    std::size_t open_count() const;

private:
    struct Entry {
        bool quiet = true;
        std::chrono::steady_clock::time_point since;  // quiet since, or in its request since
        std::string address;
        std::function<void()> close;
    };
    mutable std::mutex m_mutex;
    std::size_t m_max_connections;
    std::map<std::uint64_t, Entry> m_entries;
};

}  // namespace kimonet::http
