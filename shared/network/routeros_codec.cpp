#include "network/routeros_codec.hpp"

#include "core/peer_messages.hpp"

namespace kimonet::routeros {

std::size_t length_prefix_size(std::uint32_t length) {
    if (length < 0x80) return 1;
    if (length < 0x4000) return 2;
    if (length < 0x200000) return 3;
    if (length < 0x10000000) return 4;
    return 5;
}

void append_length(std::string& out, std::uint32_t length) {
    const auto byte = [&out](std::uint32_t value) { out.push_back(static_cast<char>(value & 0xFF)); };
    switch (length_prefix_size(length)) {
        case 1: byte(length); break;
        case 2: length |= 0x8000; byte(length >> 8); byte(length); break;
        case 3: length |= 0xC00000; byte(length >> 16); byte(length >> 8); byte(length); break;
        case 4: length |= 0xE0000000; byte(length >> 24); byte(length >> 16); byte(length >> 8); byte(length); break;
        default: byte(0xF0); byte(length >> 24); byte(length >> 16); byte(length >> 8); byte(length); break;
    }
}

std::string encode_length(std::uint32_t length) {
    std::string out;
    append_length(out, length);
    return out;
}

DecodedLength decode_length(std::string_view bytes) {
    DecodedLength result;
    if (bytes.empty()) return result;
    const auto at = [&bytes](std::size_t index) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[index])); };
    const std::uint32_t first = at(0);
    std::size_t size = 0;
    std::uint32_t value = 0;
    if (first < 0x80) { size = 1; value = first; }
    else if (first < 0xC0) { size = 2; value = first & 0x3F; }
    else if (first < 0xE0) { size = 3; value = first & 0x1F; }
    else if (first < 0xF0) { size = 4; value = first & 0x0F; }
    else if (first < 0xF8) { size = 5; value = 0; }
    else {
        result.status = DecodedLength::Status::Reserved;
        return result;
    }
    if (bytes.size() < size) return result;
    for (std::size_t index = 1; index < size; ++index) value = (value << 8) | at(index);
    result.status = DecodedLength::Status::Complete;
    result.length = value;
    result.consumed = size;
    return result;
}

void append_word(std::string& out, std::string_view word) {
    append_length(out, static_cast<std::uint32_t>(word.size()));
    out.append(word);
}

std::string encode_sentence(const Sentence& sentence) {
    std::string out;
    for (const auto& word : sentence) append_word(out, word);
    out.push_back('\0');
    return out;
}

void SentenceDecoder::feed(std::string_view bytes) {
    // Compact now and then so a long-lived connection does not grow its buffer forever.
    if (m_position > 0 && m_position >= m_buffer.size() / 2) {
        m_buffer.erase(0, m_position);
        m_position = 0;
    }
    m_buffer.append(bytes);
}

// What holding one word costs beside its bytes (a std::string in the sentence's vector).
constexpr std::size_t kRouterOsWordCost = 32;

Result<std::optional<Sentence>> SentenceDecoder::next() {
    if (m_failed) return make_error(ErrorCode::BadGateway, messages::kRouterOsStreamCorrupt);
    while (true) {
        const std::string_view rest(m_buffer.data() + m_position, m_buffer.size() - m_position);
        const DecodedLength length = decode_length(rest);
        if (length.status == DecodedLength::Status::Reserved) {
            m_failed = true;
            return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterOsReservedLength, "0x" +
                                                         [&] {
                                                             static const char* digits = "0123456789ABCDEF";
                                                             const auto byte = static_cast<unsigned char>(rest[0]);
                                                             return std::string{digits[byte >> 4], digits[byte & 0xF]};
                                                         }()));
        }
        if (length.status == DecodedLength::Status::NeedMore) return std::optional<Sentence>();
        if (length.length > kMaxWordLength) {
            m_failed = true;
            return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterOsWordTooLong, std::to_string(length.length)));
        }
        if (length.length > 0 && m_sentence_bytes + length.length + kRouterOsWordCost > kMaxSentenceBytes) {
            m_failed = true;
            return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterReplyTooLarge, "> " + std::to_string(kMaxSentenceBytes)));
        }
        if (rest.size() - length.consumed < length.length) return std::optional<Sentence>();
        m_sentence_bytes += length.length + kRouterOsWordCost;
        m_position += length.consumed;
        if (length.length == 0) {
            Sentence sentence = std::move(m_words);
            m_words.clear();
            m_sentence_bytes = 0;
            // An empty sentence (a lone zero byte) carries nothing; skip it like RouterOS does.
            if (sentence.empty()) continue;
            return std::optional<Sentence>(std::move(sentence));
        }
        m_words.emplace_back(m_buffer.data() + m_position, length.length);
        m_position += length.length;
    }
}

std::string_view to_string(ReplyType type) {
    switch (type) {
        case ReplyType::Re: return "!re";
        case ReplyType::Done: return "!done";
        case ReplyType::Trap: return "!trap";
        case ReplyType::Fatal: return "!fatal";
        case ReplyType::Empty: return "!empty";
    }
    return "!done";
}

std::optional<std::pair<std::string, std::string>> split_attribute(std::string_view word) {
    if (word.size() < 2 || word[0] != '=') return std::nullopt;
    const auto separator = word.find('=', 1);
    if (separator == std::string_view::npos || separator == 1) return std::nullopt;
    return std::pair{std::string(word.substr(1, separator - 1)), std::string(word.substr(separator + 1))};
}

std::string attribute_word(std::string_view key, std::string_view value) {
    std::string word;
    word.reserve(key.size() + value.size() + 2);
    word.push_back('=');
    word.append(key);
    word.push_back('=');
    word.append(value);
    return word;
}

Result<Reply> parse_reply(const Sentence& sentence) {
    if (sentence.empty()) return make_error(ErrorCode::BadGateway, messages::kRouterOsEmptyReply);
    Reply reply;
    const std::string& head = sentence[0];
    if (head == "!re") reply.type = ReplyType::Re;
    else if (head == "!done") reply.type = ReplyType::Done;
    else if (head == "!trap") reply.type = ReplyType::Trap;
    else if (head == "!fatal") reply.type = ReplyType::Fatal;
    else if (head == "!empty") reply.type = ReplyType::Empty;
    else return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterOsUnknownReply, "'" + head.substr(0, 40) + "'"));
    for (std::size_t index = 1; index < sentence.size(); ++index) {
        const std::string& word = sentence[index];
        if (word.starts_with(".tag=")) {
            reply.tag = word.substr(5);
        } else if (auto attribute = split_attribute(word)) {
            reply.attributes[attribute->first] = std::move(attribute->second);
        } else if (reply.type == ReplyType::Fatal) {
            if (!reply.fatal_message.empty()) reply.fatal_message.push_back(' ');
            reply.fatal_message += word;
        } else {
            return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterOsMalformedWord, "'" + word.substr(0, 40) + "'"));
        }
    }
    return reply;
}

}  // namespace kimonet::routeros
