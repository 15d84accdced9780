#include "http/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

#include "core/text.hpp"

namespace kimonet::http {

namespace {

// An address in its 16-byte form; IPv4-mapped IPv6 (::ffff:a.b.c.d) is treated as IPv4.
std::optional<IpNetwork> parse_address(std::string_view text) {
    std::string address(trim_copy(text));
    if (address.size() > 2 && address.front() == '[' && address.back() == ']') address = address.substr(1, address.size() - 2);
    if (address.starts_with("::ffff:") && address.find('.') != std::string::npos) address = address.substr(7);
    IpNetwork out;
    if (inet_pton(AF_INET, address.c_str(), out.bytes.data()) == 1) {
        out.prefix_bits = 32;
        return out;
    }
    if (inet_pton(AF_INET6, address.c_str(), out.bytes.data()) == 1) {
        out.v6 = true;
        out.prefix_bits = 128;
        return out;
    }
    return std::nullopt;
}

std::optional<IpNetwork> parse_network(std::string_view text) {
    const auto slash = text.find('/');
    auto network = parse_address(text.substr(0, slash));
    if (!network || slash == std::string_view::npos) return network;
    const std::string bits(text.substr(slash + 1));
    const int maximum = network->v6 ? 128 : 32;
    if (bits.empty() || bits.size() > 3 || bits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const int prefix = std::atoi(bits.c_str());
    if (prefix > maximum) return std::nullopt;
    network->prefix_bits = prefix;
    return network;
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text) {
        if (c == ',' || c == ' ' || c == '\t') {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

}  // namespace

Result<std::vector<IpNetwork>> parse_trusted_proxies(std::string_view text) {
    std::vector<IpNetwork> out;
    for (const auto& item : split_list(text)) {
        auto network = parse_network(item);
        if (!network) return validation_error({{"trusted_proxies", messages::with_detail(messages::kTrustedProxy, item)}});
        out.push_back(*network);
    }
    return out;
}

std::optional<std::string> trusted_proxies_problem(std::string_view text) {
    auto parsed = parse_trusted_proxies(text);
    if (parsed) return std::nullopt;
    return parsed.error().fields.begin()->second;
}

bool network_contains(const IpNetwork& network, std::string_view text) {
    const auto address = parse_address(text);
    if (!address || address->v6 != network.v6) return false;
    const int whole_bytes = network.prefix_bits / 8;
    if (std::memcmp(address->bytes.data(), network.bytes.data(), static_cast<std::size_t>(whole_bytes)) != 0) return false;
    const int rest = network.prefix_bits % 8;
    if (rest == 0) return true;
    const auto mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
    return (address->bytes[static_cast<std::size_t>(whole_bytes)] & mask) == (network.bytes[static_cast<std::size_t>(whole_bytes)] & mask);
}

bool is_trusted_proxy(const std::vector<IpNetwork>& proxies, std::string_view address) {
    for (const auto& network : proxies)
        if (network_contains(network, address)) return true;
    return false;
}

std::string limit_source(std::string_view address) {
    auto parsed = parse_address(address);
    if (!parsed) return std::string(address);
    char text[INET6_ADDRSTRLEN] = {};
    if (!parsed->v6) return inet_ntop(AF_INET, parsed->bytes.data(), text, sizeof text) ? std::string(text) : std::string(address);
    std::fill(parsed->bytes.begin() + 8, parsed->bytes.end(), std::uint8_t{0});
    if (!inet_ntop(AF_INET6, parsed->bytes.data(), text, sizeof text)) return std::string(address);
    return std::string(text) + "/64";
}

std::string client_address(std::string_view peer, std::string_view forwarded_for, const std::vector<IpNetwork>& proxies) {
    std::string client(peer);
    if (forwarded_for.empty() || !is_trusted_proxy(proxies, peer)) return client;
    // Right to left: each trusted proxy appended the address it saw; the first one we do not
    // trust is the client. A malformed entry ends the walk (we cannot say who sent it).
    const auto hops = split_list(forwarded_for);
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        auto address = parse_address(*hop);
        if (!address) return client;
        client = trim_copy(*hop);
        if (!is_trusted_proxy(proxies, client)) return client;
    }
    return client;  // every hop was a proxy of ours: the left-most is as far as we can see
}

}  // namespace kimonet::http
