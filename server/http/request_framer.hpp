#pragma once
// Splits the bytes of one keep-alive connection into requests, before any body is buffered.
//
// Pistache 0.0.5's own parser buffers a whole body up to the transport maximum before our
// route limits apply, and throws away whatever follows the first request in a read (pipelined
// requests were lost). This framer reads the request line and headers, asks `admit` for the
// route's body limit (and whether to take the body at all), then counts the body as it arrives
// -- Content-Length or chunked -- and rejects as soon as the limit is passed, holding no more
// than the limit. Bytes after a complete request start the next one, so pipelined requests are
// answered in order. Everything it does not understand is refused, never guessed at
// (request smuggling shapes: both Content-Length and Transfer-Encoding, differing lengths,
// obsolete line folding, whitespace before the colon).
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace kimonet::http {

struct Admission {
    std::size_t max_body = 0;
    std::optional<Response> refusal;  // answered instead, and the connection is closed
    std::shared_ptr<void> hold;       // kept until the request is answered (a share of a memory budget)
};

class RequestFramer {
public:
    static constexpr std::size_t kMaxHeadBytes = 32 << 10;
    static constexpr std::size_t kMaxChunkLine = 1024;

    struct Sink {
        // The head is complete; `request` has no body yet. Decides the body limit.
        std::function<Admission(const Request& request)> admit;
        // The client asked "Expect: 100-continue" and the request was admitted.
        std::function<void()> send_continue;
        // A complete request; `keep_alive` false means answer and close. `hold` (the admission's)
        // is to be released as soon as the body is no longer held.
        std::function<void(Request request, bool http10, bool keep_alive, std::shared_ptr<void> hold)> request;
        // A refusal (malformed, too large, or from admit); the connection is closed after it.
        std::function<void(Response response, bool http10)> refuse;
    };

    explicit RequestFramer(Sink sink) : m_sink(std::move(sink)) {}

    // Consumes every byte; calls the sink for each complete request or refusal.
    void feed(std::string_view bytes);
    // Reads nothing more on this connection (the caller answers what it has and closes).
    void stop() {
        m_state = State::Discard;
        m_head = std::string();
    }
    // True once the connection is to be closed (after a refusal or a non-keep-alive request):
    // later bytes are ignored and nothing more is held.
    bool closing() const { return m_state == State::Discard; }
    // True when no request is in progress (a keep-alive connection waiting for the next one).
    bool between_requests() const { return m_state == State::Head && m_head.empty(); }
    // Bytes held for the request in progress (for tests and the memory bound).
    std::size_t held_bytes() const { return m_head.capacity() + m_request.body.capacity(); }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Discard };

    bool parse_head();  // false after a refusal
    void refuse(Error error);
    void complete();
    std::size_t feed_chunked(std::string_view bytes);

    Sink m_sink;
    State m_state = State::Head;
    std::string m_head;  // head bytes, then the current chunk-size / trailer line
    Request m_request;
    bool m_http10 = false;
    bool m_keep_alive = true;
    std::size_t m_max_body = 0;
    std::size_t m_remaining = 0;
    std::shared_ptr<void> m_hold;  // Content-Length left, or bytes left in the current chunk
};

}  // namespace kimonet::http
