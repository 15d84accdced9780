#pragma once
// Sends one CoA-Request or Disconnect-Request (RFC 5176) to a NAS over UDP and waits for its
// ACK or NAK. A lost packet is retransmitted unchanged (same Identifier and authenticator, RFC
// 5176 §2.3 / RFC 5080 §2.2.1) until `attempts` are used up; answers that are not signed with the
// shared secret, or answer another request, are ignored like noise.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "radius/radius_packet.hpp"

namespace kimonet::radius {

struct CoaTarget {
    std::string address;  // IPv4 of the NAS
    int port = 3799;
    std::string secret;
    std::chrono::milliseconds timeout{1000};  // per attempt
    int attempts = 3;
};

enum class CoaAnswer { Ack, Nak, Timeout, Error };

struct CoaResult {
    CoaAnswer answer = CoaAnswer::Error;
    std::uint32_t error_cause = 0;  // from a NAK's Error-Cause (RFC 5176 §3.5), 0 when absent
    int attempts = 0;
    std::string detail;  // words for the log: "CoA-NAK Error-Cause 503 (Session-Context-Not-Found)", "no answer after 3 attempts"
};

// `code` is CoaRequest or DisconnectRequest.
CoaResult send_coa(const CoaTarget& target, Code code, const std::vector<Attribute>& attributes);

// "Session-Context-Not-Found" and the other Error-Cause names of RFC 5176 §3.5 (or the number).
std::string error_cause_name(std::uint32_t cause);

}  // namespace kimonet::radius
