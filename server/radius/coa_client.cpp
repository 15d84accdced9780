#include "radius/coa_client.hpp"

#include <arpa/inet.h>
#include <algorithm>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace kimonet::radius {

namespace {

struct Socket {
    int fd = -1;
    ~Socket() {
        if (fd >= 0) ::close(fd);
    }
};

std::uint8_t fresh_identifier() {
    static thread_local std::mt19937 generator{std::random_device{}()};
    return static_cast<std::uint8_t>(generator() & 0xff);
}

}  // namespace

std::string error_cause_name(std::uint32_t cause) {
    switch (cause) {
        case 201: return "Residual-Session-Context-Removed";
        case 202: return "Invalid-EAP-Packet";
        case 401: return "Unsupported-Attribute";
        case 402: return "Missing-Attribute";
        case 403: return "NAS-Identification-Mismatch";
        case 404: return "Invalid-Request";
        case 405: return "Unsupported-Service";
        case 406: return "Unsupported-Extension";
        case 407: return "Invalid-Attribute-Value";
        case 501: return "Administratively-Prohibited";
        case 502: return "Request-Not-Routable";
        case 503: return "Session-Context-Not-Found";
        case 504: return "Session-Context-Not-Removable";
        case 505: return "Other-Proxy-Processing-Error";
        case 506: return "Resources-Unavailable";
        case 507: return "Request-Initiated";
        case 508: return "Multiple-Session-Selection-Unsupported";
    }
    return std::to_string(cause);
}

CoaResult send_coa(const CoaTarget& target, Code code, const std::vector<Attribute>& attributes) {
    CoaResult result;
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(target.port));
    if (::inet_pton(AF_INET, target.address.c_str(), &to.sin_addr) != 1) {
        result.detail = "NAS address is not an IPv4 address: " + target.address;
        return result;
    }
    const std::string request = encode_request(code, fresh_identifier(), attributes, target.secret);
    if (request.empty()) {
        result.detail = "request too large";
        return result;
    }
    Socket socket{::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)};
    if (socket.fd < 0 || ::connect(socket.fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        result.detail = std::string("socket: ") + std::strerror(errno);
        return result;
    }
    const auto ack = code == Code::DisconnectRequest ? Code::DisconnectAck : Code::CoaAck;
    const auto nak = code == Code::DisconnectRequest ? Code::DisconnectNak : Code::CoaNak;
    char buffer[kMaxPacket + 1];
    for (result.attempts = 1; result.attempts <= std::max(1, target.attempts); ++result.attempts) {
        // A refused port (ICMP) shows up as ECONNREFUSED on a connected socket: counted as a lost try.
        (void)::send(socket.fd, request.data(), request.size(), 0);
        const auto deadline = std::chrono::steady_clock::now() + target.timeout;
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) break;
            pollfd watch{socket.fd, POLLIN, 0};
            if (::poll(&watch, 1, static_cast<int>(left.count())) <= 0) break;
            const ssize_t received = ::recv(socket.fd, buffer, sizeof buffer, 0);
            if (received <= 0 || static_cast<std::size_t>(received) > kMaxPacket) continue;
            const std::string_view answer(buffer, static_cast<std::size_t>(received));
            if (!verify_response(answer, request, target.secret, false)) continue;
            const auto packet = decode(answer);
            if (packet->code == ack) {
                result.answer = CoaAnswer::Ack;
                result.detail = code == Code::DisconnectRequest ? "Disconnect-ACK" : "CoA-ACK";
                return result;
            }
            if (packet->code == nak) {
                result.answer = CoaAnswer::Nak;
                result.error_cause = integer_value(packet->find(kErrorCause).value_or("")).value_or(0);
                result.detail = std::string(code == Code::DisconnectRequest ? "Disconnect-NAK" : "CoA-NAK") +
                                (result.error_cause ? " Error-Cause " + std::to_string(result.error_cause) + " (" + error_cause_name(result.error_cause) + ")" : "");
                return result;
            }
        }
    }
    result.attempts = std::max(1, target.attempts);
    result.answer = CoaAnswer::Timeout;
    result.detail = "no answer from " + target.address + ":" + std::to_string(target.port) + " after " + std::to_string(result.attempts) + " attempts";
    return result;
}

}  // namespace kimonet::radius
