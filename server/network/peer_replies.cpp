#include "network/peer_replies.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace kimonet::network {

std::size_t collect_bounded(char* data, std::size_t size, std::size_t count, void* bounded_body) {
    auto* bounded = static_cast<BoundedBody*>(bounded_body);
    const std::size_t bytes = size * count;
    if (bounded->body->size() + bytes > bounded->limit) {
        bounded->too_large = true;
        return 0;
    }
    bounded->body->append(data, bytes);
    return bytes;
}

std::size_t count_headers_bounded(char*, std::size_t size, std::size_t count, void* bounded_body) {
    auto* bounded = static_cast<BoundedBody*>(bounded_body);
    bounded->header_bytes += size * count;
    if (bounded->header_bytes > kMaxPeerHeaderBytes) {
        bounded->too_large = true;
        return 0;
    }
    return size * count;
}

namespace {

bool is_c1_control(std::string_view character) {
    return character.size() == 2 && static_cast<unsigned char>(character[0]) == 0xC2 && static_cast<unsigned char>(character[1]) < 0xA0;
}

}  // namespace

std::string peer_words(std::string_view text, std::size_t limit) {
    static constexpr std::string_view kCut = "…";
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(std::min(text.size(), limit));
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = utf8_sequence_length(text.substr(at));
        std::string piece;
        if (length == 0) {
            piece = kReplacement;
        } else {
            const std::string_view character = text.substr(at, length);
            const auto first = static_cast<unsigned char>(character[0]);
            if (first < 0x20 || first == 0x7F) piece = {'\\', 'x', kDigits[first >> 4], kDigits[first & 0xF]};
            else if (is_c1_control(character)) {
                const auto second = static_cast<unsigned char>(character[1]);
                piece = {'\\', 'x', kDigits[second >> 4], kDigits[second & 0xF]};
            } else {
                piece = character;
            }
        }
        if (out.size() + piece.size() > limit) {
            // Room for the mark, taking whole characters off the end.
            while (!out.empty() && out.size() + kCut.size() > limit) {
                std::size_t last = out.size() - 1;
                while (last > 0 && (static_cast<unsigned char>(out[last]) & 0xC0) == 0x80) --last;
                out.resize(last);
            }
            out += kCut;
            return out;
        }
        out += piece;
        at += length == 0 ? 1 : length;
    }
    return out;
}

}  // namespace kimonet::network
