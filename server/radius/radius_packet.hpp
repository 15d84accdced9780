#pragma once
// RADIUS packets (RFC 2865 §3, §5) as Kimonet sends and receives them: Change-of-Authorization and
// Disconnect (RFC 5176) to a NAS, with the Request/Response Authenticators of RFC 5176 §2.3 and
// the Message-Authenticator of RFC 3579 §3.2 (HMAC-MD5, computed before the authenticator on a
// request, with the request's authenticator on a response). Pure bytes in, bytes out.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kimonet::radius {

enum class Code : std::uint8_t {
    AccessRequest = 1, AccessAccept = 2, AccessReject = 3, AccountingRequest = 4, AccountingResponse = 5,
    DisconnectRequest = 40, DisconnectAck = 41, DisconnectNak = 42, CoaRequest = 43, CoaAck = 44, CoaNak = 45,
};

// Attribute types used here (RFC 2865 §5, RFC 2866 §5, RFC 3579, RFC 5176 §3.5).
inline constexpr std::uint8_t kUserName = 1;
inline constexpr std::uint8_t kNasIpAddress = 4;
inline constexpr std::uint8_t kFramedIpAddress = 8;
inline constexpr std::uint8_t kVendorSpecific = 26;
inline constexpr std::uint8_t kAcctSessionId = 44;
inline constexpr std::uint8_t kEventTimestamp = 55;
inline constexpr std::uint8_t kFramedPool = 88;
inline constexpr std::uint8_t kMessageAuthenticator = 80;
inline constexpr std::uint8_t kErrorCause = 101;
inline constexpr std::uint32_t kMikrotikVendor = 14988;
inline constexpr std::uint8_t kMikrotikRateLimit = 8;

// The largest packet RFC 2865 §3 allows.
inline constexpr std::size_t kMaxPacket = 4096;

struct Attribute {
    std::uint8_t type = 0;
    std::string value;  // raw octets
};

struct Packet {
    Code code = Code::CoaRequest;
    std::uint8_t identifier = 0;
    std::array<std::uint8_t, 16> authenticator{};
    std::vector<Attribute> attributes;
    // The first value of `type`, if any.
    std::optional<std::string> find(std::uint8_t type) const;
};

Attribute string_attribute(std::uint8_t type, std::string_view value);
Attribute integer_attribute(std::uint8_t type, std::uint32_t value);
Attribute ipv4_attribute(std::uint8_t type, std::string_view dotted);  // empty value when not an IPv4
Attribute vendor_attribute(std::uint32_t vendor, std::uint8_t vendor_type, std::string_view value);
std::optional<std::uint32_t> integer_value(std::string_view value);

// A CoA-Request or Disconnect-Request ready to send: Message-Authenticator added and signed,
// then the Request Authenticator computed (RFC 5176 §2.3, §3.3). Empty when the attributes do not fit.
std::string encode_request(Code code, std::uint8_t identifier, const std::vector<Attribute>& attributes, std::string_view secret);

// Parses the header and attributes; nullopt when the length fields disagree or exceed kMaxPacket.
std::optional<Packet> decode(std::string_view bytes);

// Whether `bytes` is the answer to `request` (same identifier) signed with `secret`: its Response
// Authenticator and, when present, its Message-Authenticator. A response without a
// Message-Authenticator is accepted only when `require_message_authenticator` is false.
bool verify_response(std::string_view bytes, std::string_view request, std::string_view secret, bool require_message_authenticator);

}  // namespace kimonet::radius
