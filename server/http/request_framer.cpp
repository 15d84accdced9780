#include "http/request_framer.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace kimonet::http {

namespace {

bool is_token_char(char c) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte)) return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string_view trim_whitespace(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// A comma-separated header value contains `token` (case-insensitive), e.g. "keep-alive, Upgrade".
bool has_token(std::string_view list, std::string_view token) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (to_lower_ascii(std::string(trim_whitespace(list.substr(0, comma)))) == token) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

std::optional<std::size_t> parse_decimal(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    std::size_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    return value;
}

std::optional<std::size_t> parse_hex(std::string_view text) {
    if (text.empty() || text.size() > 15) return std::nullopt;
    std::size_t value = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (!std::isxdigit(byte)) return std::nullopt;
        value = value * 16 + static_cast<std::size_t>(std::isdigit(byte) ? c - '0' : std::tolower(byte) - 'a' + 10);
    }
    return value;
}

}  // namespace

void RequestFramer::refuse(Error error) {
    m_state = State::Discard;
    m_head = std::string();
    m_request = Request();
    m_hold.reset();
    m_sink.refuse(json_error(error), m_http10);
}

void RequestFramer::complete() {
    Request request = std::move(m_request);
    m_request = Request();
    m_head = std::string();
    m_state = m_keep_alive ? State::Head : State::Discard;
    m_sink.request(std::move(request), m_http10, m_keep_alive, std::move(m_hold));
    m_hold.reset();
}

bool RequestFramer::parse_head() {
    std::string_view head(m_head);
    head.remove_suffix(4);  // the blank line
    auto line_end = head.find("\r\n");
    const std::string_view request_line = head.substr(0, line_end);
    head.remove_prefix(line_end == std::string_view::npos ? head.size() : line_end + 2);

    const auto first_space = request_line.find(' ');
    const auto second_space = request_line.find(' ', first_space == std::string_view::npos ? 0 : first_space + 1);
    if (first_space == std::string_view::npos || second_space == std::string_view::npos ||
        request_line.find(' ', second_space + 1) != std::string_view::npos) {
        refuse(make_error(ErrorCode::BadRequest, messages::kMalformedRequestLine));
        return false;
    }
    const std::string_view method = request_line.substr(0, first_space);
    std::string_view target = request_line.substr(first_space + 1, second_space - first_space - 1);
    const std::string_view version = request_line.substr(second_space + 1);
    const bool method_ok = !method.empty() && std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const bool target_ok = !target.empty() && target.front() == '/' &&
                           std::none_of(target.begin(), target.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
    if (!method_ok || !target_ok || (version != "HTTP/1.1" && version != "HTTP/1.0")) {
        refuse(make_error(ErrorCode::BadRequest, messages::kMalformedRequestLine));
        return false;
    }
    m_http10 = version == "HTTP/1.0";
    m_request.method = std::string(method);
    if (const auto fragment = target.find('#'); fragment != std::string_view::npos) target = target.substr(0, fragment);
    const auto question = target.find('?');
    m_request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos) m_request.query = parse_query_string(target.substr(question + 1));

    std::optional<std::size_t> content_length;
    bool chunked = false;
    while (!head.empty()) {
        line_end = head.find("\r\n");
        const std::string_view line = head.substr(0, line_end);
        head.remove_prefix(line_end == std::string_view::npos ? head.size() : line_end + 2);
        const auto colon = line.find(':');
        // Obsolete folding, whitespace before the colon and empty names are smuggling shapes.
        if (colon == std::string_view::npos || colon == 0 ||
            !std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon), is_token_char)) {
            refuse(make_error(ErrorCode::BadRequest, messages::kMalformedHeaderLine));
            return false;
        }
        const std::string name = to_lower_ascii(std::string(line.substr(0, colon)));
        const std::string_view value = trim_whitespace(line.substr(colon + 1));
        if (std::any_of(value.begin(), value.end(), [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f; })) {
            refuse(make_error(ErrorCode::BadRequest, messages::with_detail(messages::kControlCharacterInHeader, name)));
            return false;
        }
        if (name == "content-length") {
            const auto length = parse_decimal(value);
            if (!length || (content_length && *content_length != *length)) {
                refuse(make_error(ErrorCode::BadRequest, messages::kInvalidContentLength));
                return false;
            }
            content_length = length;
        } else if (name == "transfer-encoding") {
            if (to_lower_ascii(std::string(value)) != "chunked" || chunked) {
                refuse(make_error(ErrorCode::BadRequest, messages::kOnlyChunked));
                return false;
            }
            chunked = true;
        }
        auto [entry, inserted] = m_request.headers.try_emplace(name, value);
        if (!inserted && name != "content-length") entry->second += ", " + std::string(value);
    }
    if (content_length && chunked) {
        refuse(make_error(ErrorCode::BadRequest, messages::kLengthWithEncoding));
        return false;
    }
    const std::string connection = m_request.header("connection");
    m_keep_alive = m_http10 ? has_token(connection, "keep-alive") : !has_token(connection, "close");

    Admission admission = m_sink.admit(m_request);
    if (admission.refusal) {
        m_state = State::Discard;
        m_head = std::string();
        m_request = Request();
        m_sink.refuse(std::move(*admission.refusal), m_http10);
        return false;
    }
    m_max_body = admission.max_body;
    m_hold = std::move(admission.hold);
    const bool has_body = chunked || (content_length && *content_length > 0);
    if (content_length && *content_length > m_max_body) {
        refuse(make_error(ErrorCode::PayloadTooLarge, messages::with_detail(messages::kBodyTooLargeHere, std::to_string(m_max_body))));
        return false;
    }
    m_head = std::string();
    if (has_body && has_token(m_request.header("expect"), "100-continue") && m_sink.send_continue) m_sink.send_continue();
    if (chunked) {
        m_state = State::ChunkSize;
    } else if (has_body) {
        m_request.body.reserve(*content_length);
        m_remaining = *content_length;
        m_state = State::Body;
    } else {
        complete();
    }
    return true;
}

std::size_t RequestFramer::feed_chunked(std::string_view bytes) {
    std::size_t consumed = 0;
    while (consumed < bytes.size()) {
        if (m_state == State::ChunkData) {
            const std::size_t take = std::min(m_remaining, bytes.size() - consumed);
            m_request.body.append(bytes.substr(consumed, take));
            consumed += take;
            m_remaining -= take;
            if (m_remaining == 0) m_state = State::ChunkDataEnd;
            continue;
        }
        if (m_state != State::ChunkSize && m_state != State::ChunkDataEnd && m_state != State::Trailers) return consumed;
        m_head.push_back(bytes[consumed++]);
        if (m_state == State::ChunkDataEnd) {
            if (m_head.size() < 2) continue;
            if (m_head != "\r\n") {
                refuse(make_error(ErrorCode::BadRequest, messages::kMalformedChunk));
                return bytes.size();
            }
            m_head.clear();
            m_state = State::ChunkSize;
        } else if (m_state == State::ChunkSize) {
            if (m_head.size() > kMaxChunkLine) {
                refuse(make_error(ErrorCode::BadRequest, messages::kMalformedChunk));
                return bytes.size();
            }
            if (!m_head.ends_with("\r\n")) continue;
            std::string_view line(m_head);
            line.remove_suffix(2);
            const auto size = parse_hex(line.substr(0, line.find(';')));
            if (!size) {
                refuse(make_error(ErrorCode::BadRequest, messages::kMalformedChunk));
                return bytes.size();
            }
            m_head.clear();
            if (*size == 0) {
                m_state = State::Trailers;
            } else if (*size > m_max_body - std::min(m_max_body, m_request.body.size())) {
                refuse(make_error(ErrorCode::PayloadTooLarge, messages::with_detail(messages::kBodyTooLargeHere, std::to_string(m_max_body))));
                return bytes.size();
            } else {
                m_remaining = *size;
                m_state = State::ChunkData;
            }
        } else {  // trailers: ignored, up to the blank line
            if (m_head.size() > kMaxHeadBytes) {
                refuse(make_error(ErrorCode::BadRequest, messages::kTrailersTooLarge));
                return bytes.size();
            }
            if (m_head == "\r\n" || m_head.ends_with("\r\n\r\n")) {
                complete();
                return consumed;
            }
        }
    }
    return consumed;
}

void RequestFramer::feed(std::string_view bytes) {
    while (!bytes.empty()) {
        switch (m_state) {
        case State::Discard:
            return;
        case State::Head: {
            // Blank lines between requests are tolerated (RFC 9112 2.2).
            if (m_head.empty())
                while (!bytes.empty() && (bytes.front() == '\r' || bytes.front() == '\n')) bytes.remove_prefix(1);
            if (bytes.empty()) return;
            const std::size_t before = m_head.size();
            m_head.append(bytes);
            const auto end = m_head.find("\r\n\r\n", before < 3 ? 0 : before - 3);
            if (end == std::string::npos) {
                if (m_head.size() > kMaxHeadBytes) refuse(make_error(ErrorCode::BadRequest, messages::kHeadersTooLarge));
                return;
            }
            const std::size_t head_size = end + 4;
            if (head_size > kMaxHeadBytes) {
                refuse(make_error(ErrorCode::BadRequest, messages::kHeadersTooLarge));
                return;
            }
            bytes.remove_prefix(head_size - before);
            m_head.resize(head_size);
            if (!parse_head()) return;
            break;
        }
        case State::Body: {
            const std::size_t take = std::min(m_remaining, bytes.size());
            m_request.body.append(bytes.substr(0, take));
            bytes.remove_prefix(take);
            m_remaining -= take;
            if (m_remaining == 0) complete();
            break;
        }
        default:
            bytes.remove_prefix(feed_chunked(bytes));
            break;
        }
    }
}

}  // namespace kimonet::http
