#pragma once
// The RouterOS API wire format as MikroTik documents it (https://help.mikrotik.com/docs/spaces/ROS/pages/47579160/API,
// "API words" and "API sentences"; the older https://wiki.mikrotik.com/wiki/Manual:API): a sentence is
// a list of words ending with a zero-length word, and each word is its length prefix (1 to 5 bytes)
// followed by that many bytes. Written for the simulator on its own, so the product's codec
// (shared/network/routeros_codec.*) meets an independent peer in every test.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kimonet::sim {

using Sentence = std::vector<std::string>;

// Appends the length prefix and the bytes of `word`:
//   0x00–0x7F          1 byte   len
//   0x80–0x3FFF        2 bytes  len | 0x8000
//   0x4000–0x1FFFFF    3 bytes  len | 0xC00000
//   0x200000–0xFFFFFFF 4 bytes  len | 0xE0000000
//   larger             5 bytes  0xF0, then len as four bytes
void append_api_word(std::string& out, std::string_view word);
// The words of `sentence` and the terminating zero-length word.
std::string encode_api_sentence(const Sentence& sentence);

// Cuts sentences out of received bytes.
class ApiSentenceReader {
public:
    enum class Outcome { Complete, NeedMore, Malformed };
    void feed(std::string_view bytes) { m_buffer.append(bytes); }
    // Complete: `sentence` holds the next sentence. Malformed: a reserved control byte (0xF8…0xFF
    // and the unassigned 0xF1…0xF7) or a word larger than the simulator accepts (16 MiB).
    Outcome next(Sentence& sentence);

private:
    std::string m_buffer;
    std::size_t m_position = 0;
    Sentence m_words;
};

// "=name=value" → (name, value); the value may hold '=' itself. std::nullopt for other words.
std::optional<std::pair<std::string, std::string>> api_attribute(std::string_view word);
std::string api_attribute_word(std::string_view name, std::string_view value);

// RouterOS before 6.43 (the MD5 challenge login, documented in the same API page, "Initial login"):
// /login answers =ret=<challenge hex>; the client sends =response=00<hex MD5(0x00 + password + challenge bytes)>.
std::string legacy_login_response(std::string_view password, std::string_view challenge_hex);

}  // namespace kimonet::sim
