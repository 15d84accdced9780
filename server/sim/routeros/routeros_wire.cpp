#include "sim/routeros/routeros_wire.hpp"

#include "sim/sim_crypto.hpp"

namespace kimonet::sim {

namespace {

constexpr std::uint32_t kLargestWord = 16u * 1024u * 1024u;

void append_big_endian(std::string& out, std::uint32_t value, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

}  // namespace

void append_api_word(std::string& out, std::string_view word) {
    const auto length = static_cast<std::uint32_t>(word.size());
    if (length < 0x80) append_big_endian(out, length, 1);
    else if (length < 0x4000) append_big_endian(out, length | 0x8000u, 2);
    else if (length < 0x200000) append_big_endian(out, length | 0xC00000u, 3);
    else if (length < 0x10000000) append_big_endian(out, length | 0xE0000000u, 4);
    else {
        out.push_back(static_cast<char>(0xF0));
        append_big_endian(out, length, 4);
    }
    out.append(word);
}

std::string encode_api_sentence(const Sentence& sentence) {
    std::string out;
    for (const auto& word : sentence) append_api_word(out, word);
    out.push_back('\0');
    return out;
}

ApiSentenceReader::Outcome ApiSentenceReader::next(Sentence& sentence) {
    while (true) {
        const std::size_t available = m_buffer.size() - m_position;
        if (available == 0) break;
        const auto byte = [&](std::size_t index) { return static_cast<std::uint8_t>(m_buffer[m_position + index]); };
        const std::uint8_t first = byte(0);
        std::size_t prefix = 0;
        std::uint32_t length = 0;
        if ((first & 0x80) == 0x00) {
            prefix = 1;
            length = first;
        } else if ((first & 0xC0) == 0x80) {
            prefix = 2;
        } else if ((first & 0xE0) == 0xC0) {
            prefix = 3;
        } else if ((first & 0xF0) == 0xE0) {
            prefix = 4;
        } else if (first == 0xF0) {
            prefix = 5;
        } else {
            return Outcome::Malformed;
        }
        if (available < prefix) break;
        if (prefix == 2) length = ((first & 0x3Fu) << 8) | byte(1);
        else if (prefix == 3) length = ((first & 0x1Fu) << 16) | (byte(1) << 8) | byte(2);
        else if (prefix == 4) length = ((first & 0x0Fu) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3);
        else if (prefix == 5) length = (static_cast<std::uint32_t>(byte(1)) << 24) | (byte(2) << 16) | (byte(3) << 8) | byte(4);
        if (length > kLargestWord) return Outcome::Malformed;
        if (available < prefix + length) break;
        const std::size_t start = m_position + prefix;
        m_position = start + length;
        if (length == 0) {
            if (m_words.empty()) continue;  // an empty sentence is nothing to answer
            sentence = std::move(m_words);
            m_words.clear();
            m_buffer.erase(0, m_position);
            m_position = 0;
            return Outcome::Complete;
        }
        m_words.emplace_back(m_buffer, start, length);
    }
    m_buffer.erase(0, m_position);
    m_position = 0;
    return Outcome::NeedMore;
}

std::optional<std::pair<std::string, std::string>> api_attribute(std::string_view word) {
    if (word.size() < 2 || word.front() != '=') return std::nullopt;
    const auto equals = word.find('=', 1);
    if (equals == std::string_view::npos || equals == 1) return std::nullopt;
    return std::pair{std::string(word.substr(1, equals - 1)), std::string(word.substr(equals + 1))};
}

std::string api_attribute_word(std::string_view name, std::string_view value) {
    std::string word = "=";
    word.append(name).append("=").append(value);
    return word;
}

std::string legacy_login_response(std::string_view password, std::string_view challenge_hex) {
    std::string challenge;
    for (std::size_t index = 0; index + 1 < challenge_hex.size(); index += 2) {
        const int high = hex_digit_value(challenge_hex[index]), low = hex_digit_value(challenge_hex[index + 1]);
        if (high < 0 || low < 0) return {};
        challenge.push_back(static_cast<char>(high * 16 + low));
    }
    std::string input(1, '\0');
    input.append(password).append(challenge);
    return "00" + to_hex(md5_bytes(input));
}

}  // namespace kimonet::sim
