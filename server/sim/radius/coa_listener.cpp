#include "sim/radius/coa_listener.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <algorithm>

#include "sim/sim_crypto.hpp"

namespace kimonet::sim {

namespace {

std::string hmac_md5(const std::string& key, const std::string& data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_md5(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &length);
    return std::string(reinterpret_cast<char*>(out), length);
}

std::uint32_t big_endian(const std::string& bytes) {
    std::uint32_t value = 0;
    for (unsigned char c : bytes) value = (value << 8) | c;
    return value;
}

std::string as_text(int type, const std::string& value) {
    // RFC 2865 §5: 4 (NAS-IP-Address) and 8 (Framed-IP-Address) are addresses; 55 (Event-Timestamp)
    // and 101 (Error-Cause) are integers; the rest used here are text.
    if ((type == 4 || type == 8) && value.size() == 4)
        return std::to_string(static_cast<unsigned char>(value[0])) + "." + std::to_string(static_cast<unsigned char>(value[1])) + "." +
               std::to_string(static_cast<unsigned char>(value[2])) + "." + std::to_string(static_cast<unsigned char>(value[3]));
    if ((type == 55 || type == 101) && value.size() == 4) return std::to_string(big_endian(value));
    return value;
}

}  // namespace

CoaListener::CoaListener(std::string secret) : m_secret(std::move(secret)) {}

CoaListener::~CoaListener() { stop(); }

Result<void> CoaListener::start() {
    m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) return make_error(ErrorCode::Unavailable, std::string("socket"));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        return make_error(ErrorCode::Unavailable, std::string("bind"));
    m_port = ntohs(address.sin_port);
    m_running = true;
    m_thread = std::thread([this] { serve(); });
    return {};
}

void CoaListener::stop() {
    if (!m_running.exchange(false)) return;
    if (m_thread.joinable()) m_thread.join();
    ::close(m_fd);
    m_fd = -1;
}

void CoaListener::set_reply(CoaReply reply, std::uint32_t error_cause) {
    std::lock_guard lock(m_mutex);
    m_reply = reply;
    m_error_cause = error_cause;
}

void CoaListener::answer_from_attempt(int attempt) {
    std::lock_guard lock(m_mutex);
    m_answer_from = attempt;
}

std::vector<CoaReceived> CoaListener::received() const {
    std::lock_guard lock(m_mutex);
    return m_received;
}

void CoaListener::clear() {
    std::lock_guard lock(m_mutex);
    m_received.clear();
    m_copies.clear();
}

void CoaListener::serve() {
    char buffer[65536];
    while (m_running) {
        pollfd watch{m_fd, POLLIN, 0};
        if (::poll(&watch, 1, 50) <= 0) continue;
        sockaddr_in from{};
        socklen_t from_length = sizeof from;
        const ssize_t got = ::recvfrom(m_fd, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&from), &from_length);
        if (got <= 0) continue;
        const std::string packet(buffer, static_cast<std::size_t>(got));
        CoaReceived record;
        record.size = packet.size();
        // RFC 2865 §3: at least 20 octets, at most 4096; octets past Length are padding and ignored.
        if (packet.size() < 20 || packet.size() > 4096) {
            std::lock_guard lock(m_mutex);
            m_received.push_back(record);
            continue;
        }
        const std::size_t length = (static_cast<unsigned char>(packet[2]) << 8) | static_cast<unsigned char>(packet[3]);
        record.code = static_cast<unsigned char>(packet[0]);
        bool well_formed = length >= 20 && length <= packet.size();
        const std::string body = well_formed ? packet.substr(0, length) : std::string();
        std::size_t signature_at = 0;
        for (std::size_t at = 20; well_formed && at < body.size();) {
            const std::size_t attribute_length = at + 1 < body.size() ? static_cast<unsigned char>(body[at + 1]) : 0;
            if (attribute_length < 2 || at + attribute_length > body.size()) {
                well_formed = false;
                break;
            }
            const int type = static_cast<unsigned char>(body[at]);
            const std::string value = body.substr(at + 2, attribute_length - 2);
            if (type == 80 && attribute_length == 18) signature_at = at + 2;
            if (type == 26 && value.size() >= 6 && big_endian(value.substr(0, 4)) == 14988 && static_cast<unsigned char>(value[4]) == 8)
                record.mikrotik_rate_limit = value.substr(6, static_cast<unsigned char>(value[5]) - 2);
            else if (type != 80) record.attributes[type] = as_text(type, value);
            at += attribute_length;
        }
        if (well_formed) {
            // RFC 5176 §2.3: Request Authenticator = MD5(Code + Identifier + Length + 16 zero octets + Attributes + Secret).
            std::string zeroed = body;
            std::fill(zeroed.begin() + 4, zeroed.begin() + 20, '\0');
            record.authenticator_ok = sim::same_secret(md5_bytes(zeroed + m_secret), body.substr(4, 16));
            record.message_authenticator_present = signature_at != 0;
            if (signature_at) {
                // RFC 5176 §3.3 / RFC 3579 §3.2: HMAC-MD5 over the packet with a zero authenticator and a zero signature.
                std::fill(zeroed.begin() + static_cast<long>(signature_at), zeroed.begin() + static_cast<long>(signature_at) + 16, '\0');
                record.message_authenticator_ok = sim::same_secret(hmac_md5(m_secret, zeroed), body.substr(signature_at, 16));
            }
        }
        CoaReply reply;
        std::uint32_t cause;
        bool answer;
        {
            std::lock_guard lock(m_mutex);
            m_received.push_back(record);
            reply = m_reply;
            cause = m_error_cause;
            answer = ++m_copies[packet] >= m_answer_from;
        }
        // A NAS silently discards a request it cannot authenticate (RFC 5176 §3.4 / RFC 2865 §3).
        const bool trusted = record.authenticator_ok && (!record.message_authenticator_present || record.message_authenticator_ok);
        if (!trusted || reply == CoaReply::Silent || !answer || (record.code != 40 && record.code != 43)) continue;
        const int answer_code = record.code + (reply == CoaReply::Ack ? 1 : 2);
        std::string response(20, '\0');
        response[0] = static_cast<char>(answer_code);
        response[1] = body[1];
        if (reply == CoaReply::Nak && cause) {
            response += std::string{static_cast<char>(101), 6};
            for (int shift = 24; shift >= 0; shift -= 8) response.push_back(static_cast<char>((cause >> shift) & 0xff));
        }
        // Message-Authenticator on the answer: HMAC-MD5 with the request's authenticator in place.
        const std::size_t answer_signature = response.size() + 2;
        response += std::string{static_cast<char>(80), 18};
        response += std::string(16, '\0');
        response[2] = static_cast<char>(response.size() >> 8);
        response[3] = static_cast<char>(response.size() & 0xff);
        std::string with_request = response;
        with_request.replace(4, 16, body.substr(4, 16));
        response.replace(answer_signature, 16, hmac_md5(m_secret, with_request));
        with_request.replace(answer_signature, 16, response.substr(answer_signature, 16));
        // Response Authenticator = MD5(Code + Identifier + Length + Request Authenticator + Attributes + Secret).
        response.replace(4, 16, md5_bytes(with_request + m_secret));
        ::sendto(m_fd, response.data(), response.size(), 0, reinterpret_cast<sockaddr*>(&from), from_length);
    }
}

}  // namespace kimonet::sim
