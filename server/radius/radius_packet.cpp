#include "radius/radius_packet.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>

#include <algorithm>

namespace kimonet::radius {

namespace {

std::string md5(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), digest, &length, EVP_md5(), nullptr);
    return std::string(reinterpret_cast<const char*>(digest), length);
}

std::string hmac_md5(std::string_view key, std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_md5(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest, &length);
    return std::string(reinterpret_cast<const char*>(digest), length);
}

bool same(std::string_view a, std::string_view b) { return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0; }

// Offset of the Message-Authenticator's value in `bytes`, or 0 when there is none.
std::size_t message_authenticator_offset(std::string_view bytes) {
    for (std::size_t at = 20; at + 2 <= bytes.size();) {
        const auto length = static_cast<std::uint8_t>(bytes[at + 1]);
        if (length < 2 || at + length > bytes.size()) return 0;
        if (static_cast<std::uint8_t>(bytes[at]) == kMessageAuthenticator && length == 18) return at + 2;
        at += length;
    }
    return 0;
}

}  // namespace

std::optional<std::string> Packet::find(std::uint8_t type) const {
    for (const auto& attribute : attributes)
        if (attribute.type == type) return attribute.value;
    return std::nullopt;
}

Attribute string_attribute(std::uint8_t type, std::string_view value) { return {type, std::string(value)}; }

Attribute integer_attribute(std::uint8_t type, std::uint32_t value) {
    std::string bytes(4, '\0');
    for (int index = 0; index < 4; ++index) bytes[index] = static_cast<char>((value >> (24 - 8 * index)) & 0xff);
    return {type, bytes};
}

Attribute ipv4_attribute(std::uint8_t type, std::string_view dotted) {
    std::string bytes;
    std::size_t position = 0;
    while (bytes.size() < 4 && position <= dotted.size()) {
        const std::size_t end = std::min(dotted.find('.', position), dotted.size());
        int value = 0;
        if (end == position || end - position > 3) return {type, {}};
        for (std::size_t index = position; index < end; ++index) {
            if (dotted[index] < '0' || dotted[index] > '9') return {type, {}};
            value = value * 10 + (dotted[index] - '0');
        }
        if (value > 255) return {type, {}};
        bytes.push_back(static_cast<char>(value));
        position = end + 1;
    }
    if (bytes.size() != 4 || position <= dotted.size()) return {type, {}};
    return {type, bytes};
}

Attribute vendor_attribute(std::uint32_t vendor, std::uint8_t vendor_type, std::string_view value) {
    std::string bytes = integer_attribute(0, vendor).value;
    bytes.push_back(static_cast<char>(vendor_type));
    bytes.push_back(static_cast<char>(value.size() + 2));
    bytes.append(value);
    return {kVendorSpecific, bytes};
}

std::optional<std::uint32_t> integer_value(std::string_view value) {
    if (value.size() != 4) return std::nullopt;
    std::uint32_t out = 0;
    for (char c : value) out = (out << 8) | static_cast<std::uint8_t>(c);
    return out;
}

std::string encode_request(Code code, std::uint8_t identifier, const std::vector<Attribute>& attributes, std::string_view secret) {
    std::string packet(20, '\0');
    packet[0] = static_cast<char>(code);
    packet[1] = static_cast<char>(identifier);
    for (const auto& attribute : attributes) {
        if (attribute.value.size() > 253) return {};
        packet.push_back(static_cast<char>(attribute.type));
        packet.push_back(static_cast<char>(attribute.value.size() + 2));
        packet.append(attribute.value);
    }
    const std::size_t signature_at = packet.size() + 2;
    packet.push_back(static_cast<char>(kMessageAuthenticator));
    packet.push_back(18);
    packet.append(16, '\0');
    if (packet.size() > kMaxPacket) return {};
    packet[2] = static_cast<char>(packet.size() >> 8);
    packet[3] = static_cast<char>(packet.size() & 0xff);
    // RFC 5176 §3.3: the Message-Authenticator over the packet with a zero authenticator, then the
    // Request Authenticator (§2.3) over the packet holding it.
    packet.replace(signature_at, 16, hmac_md5(secret, packet));
    const std::string authenticator = md5(packet + std::string(secret));
    packet.replace(4, 16, authenticator);
    return packet;
}

std::optional<Packet> decode(std::string_view bytes) {
    if (bytes.size() < 20 || bytes.size() > kMaxPacket) return std::nullopt;
    const std::size_t length = (static_cast<std::uint8_t>(bytes[2]) << 8) | static_cast<std::uint8_t>(bytes[3]);
    if (length < 20 || length > bytes.size()) return std::nullopt;
    Packet packet;
    packet.code = static_cast<Code>(static_cast<std::uint8_t>(bytes[0]));
    packet.identifier = static_cast<std::uint8_t>(bytes[1]);
    for (std::size_t index = 0; index < 16; ++index) packet.authenticator[index] = static_cast<std::uint8_t>(bytes[4 + index]);
    for (std::size_t at = 20; at < length;) {
        if (at + 2 > length) return std::nullopt;
        const auto attribute_length = static_cast<std::uint8_t>(bytes[at + 1]);
        if (attribute_length < 2 || at + attribute_length > length) return std::nullopt;
        packet.attributes.push_back({static_cast<std::uint8_t>(bytes[at]), std::string(bytes.substr(at + 2, attribute_length - 2))});
        at += attribute_length;
    }
    return packet;
}

bool verify_response(std::string_view bytes, std::string_view request, std::string_view secret, bool require_message_authenticator) {
    const auto packet = decode(bytes);
    if (!packet || request.size() < 20 || packet->identifier != static_cast<std::uint8_t>(request[1])) return false;
    const std::size_t length = (static_cast<std::uint8_t>(bytes[2]) << 8) | static_cast<std::uint8_t>(bytes[3]);
    std::string answer(bytes.substr(0, length));
    const std::string request_authenticator(request.substr(4, 16));
    // Response Authenticator = MD5(Code + Identifier + Length + Request Authenticator + Attributes + Secret).
    std::string signed_part = answer;
    signed_part.replace(4, 16, request_authenticator);
    if (!same(md5(signed_part + std::string(secret)), answer.substr(4, 16))) return false;
    const std::size_t signature_at = message_authenticator_offset(answer);
    if (signature_at == 0) return !require_message_authenticator;
    // RFC 3579 §3.2: HMAC-MD5 over the response with the request's authenticator and a zero signature.
    const std::string given = answer.substr(signature_at, 16);
    signed_part.replace(signature_at, 16, std::string(16, '\0'));
    return same(hmac_md5(secret, signed_part), given);
}

}  // namespace kimonet::radius
