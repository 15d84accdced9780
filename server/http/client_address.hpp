#pragma once
// Who is really calling. The TCP peer is the client unless it is one of our own reverse proxies
// (the `trusted_proxies` setting); only then is X-Forwarded-For read, right to left, and the
// first address that is not a trusted proxy is the client. A client can write anything into
// X-Forwarded-For, so the left part of the header (and the whole header from an untrusted
// peer) is never believed: every per-source limit and the activity log rely on this.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet::http {

struct IpNetwork {
    bool v6 = false;
    std::array<std::uint8_t, 16> bytes{};
    int prefix_bits = 0;
};

// "10.0.0.1, 192.168.0.0/16, ::1, fd00::/8" (commas or spaces); empty text = no proxies.
Result<std::vector<IpNetwork>> parse_trusted_proxies(std::string_view text);
// Why the text is not a valid list (for the settings form), or nothing.
std::optional<std::string> trusted_proxies_problem(std::string_view text);
bool network_contains(const IpNetwork& network, std::string_view address);
bool is_trusted_proxy(const std::vector<IpNetwork>& proxies, std::string_view address);

// The key a per-source limit counts a client address under: an IPv4 address as it is (an
// IPv4-mapped IPv6 address as its IPv4), an IPv6 address as its /64 ("2001:db8:1:2::/64"), since
// one subscriber is given a whole /64 and could take a new address for every request. Text that
// is no address is returned as it is.
std::string limit_source(std::string_view address);

// The client address for a request from `peer` carrying `forwarded_for` (may be empty).
std::string client_address(std::string_view peer, std::string_view forwarded_for, const std::vector<IpNetwork>& proxies);

}  // namespace kimonet::http
