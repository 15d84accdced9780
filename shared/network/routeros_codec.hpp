#pragma once
// The MikroTik RouterOS API wire format, pure: word length prefixes, sentence framing and
// reply parsing. No sockets here; the client and the simulator feed bytes in and out.
// Wire format: shared/specs/INTEGRATIONS.md, "MikroTik RouterOS API".
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet::routeros {

// A sentence is a list of words; on the wire it ends with a zero-length word.
using Sentence = std::vector<std::string>;

// Words longer than this are refused by the decoder (RouterOS never sends them and a
// hostile peer must not make us allocate gigabytes).
inline constexpr std::uint32_t kMaxWordLength = 16u * 1024u * 1024u;
// A sentence being assembled may hold at most this much, each word counted at its length plus 32
// (what keeping it costs): a peer that never ends a sentence, or sends millions of one-byte words,
// is refused instead of growing our memory.
inline constexpr std::size_t kMaxSentenceBytes = 16u * 1024u * 1024u;
// The largest length the five encodings can express.
inline constexpr std::uint32_t kMaxEncodableLength = 0xFFFFFFFFu;

// Appends the length prefix for a word of `length` bytes (1 to 5 bytes).
void append_length(std::string& out, std::uint32_t length);
std::string encode_length(std::uint32_t length);
// How many bytes the prefix of `length` takes.
std::size_t length_prefix_size(std::uint32_t length);

struct DecodedLength {
    enum class Status { Complete, NeedMore, Reserved };
    Status status = Status::NeedMore;
    std::uint32_t length = 0;
    std::size_t consumed = 0;  // prefix bytes, when Complete
};
// Decodes a length prefix at the start of `bytes`. A first byte >= 0xF8 is Reserved.
DecodedLength decode_length(std::string_view bytes);

void append_word(std::string& out, std::string_view word);
std::string encode_sentence(const Sentence& sentence);

// Incremental decoder: feed bytes as they arrive, take complete sentences out.
class SentenceDecoder {
public:
    void feed(std::string_view bytes);
    // A complete sentence, std::nullopt when more bytes are needed, or an error for a
    // reserved length byte / an oversized word or sentence (the stream is then unusable).
    Result<std::optional<Sentence>> next();
    // Bytes received but not yet part of a returned sentence.
    std::size_t buffered() const { return m_buffer.size() - m_position; }
    // True when a sentence has started but not finished (a peer closing now dropped it mid-sentence).
    bool mid_sentence() const { return buffered() > 0 || !m_words.empty(); }

private:
    std::string m_buffer;
    std::size_t m_position = 0;
    Sentence m_words;  // words of the sentence being assembled
    std::size_t m_sentence_bytes = 0;  // their cost, counted as kMaxSentenceBytes says
    bool m_failed = false;
};

enum class ReplyType { Re, Done, Trap, Fatal, Empty };
std::string_view to_string(ReplyType type);

struct Reply {
    ReplyType type = ReplyType::Done;
    std::string tag;  // from ".tag=", empty when untagged
    std::map<std::string, std::string> attributes;  // "=key=value" words (key may be ".id")
    std::string fatal_message;  // !fatal carries its reason as a plain word
};

// Parses a reply sentence; unknown reply words or malformed attributes are errors.
Result<Reply> parse_reply(const Sentence& sentence);

// Splits "=key=value" into key and value; std::nullopt when the word is not an attribute.
std::optional<std::pair<std::string, std::string>> split_attribute(std::string_view word);
std::string attribute_word(std::string_view key, std::string_view value);

}  // namespace kimonet::routeros
