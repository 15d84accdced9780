#include "http/customer_address.hpp"

#include <cctype>

#include "core/text.hpp"

namespace kimonet::http {

namespace {

// RFC 1035: a whole name of at most 253 characters (255 with a port and brackets is still far
// below anything a browser sends), labels of 1 to 63.
constexpr std::size_t kMaxHostName = 253;
constexpr std::size_t kMaxLabel = 63;

bool is_name_character(char c) {
    // '_' is not allowed in DNS host names but appears in internal names (containers); it never
    // makes a customer address, so accepting it here only avoids refusing such callers.
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
}

// Labels of 1-63 name characters separated by single dots.
bool is_host_name(std::string_view name) {
    if (name.empty() || name.size() > kMaxHostName) return false;
    std::size_t label = 0;
    for (char c : name) {
        if (!is_name_character(c)) return false;
        if (c == '.') {
            if (label == 0) return false;
            label = 0;
        } else if (++label > kMaxLabel) {
            return false;
        }
    }
    return label > 0;
}

bool is_port(std::string_view port) {
    if (port.empty() || port.size() > 5) return false;
    for (char c : port)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return std::stoi(std::string(port)) <= 65535;
}

bool is_ipv6_literal(std::string_view inside) {
    if (inside.empty() || inside.size() > 45) return false;
    for (char c : inside)
        if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
    return true;
}

}  // namespace

HostAddress customer_host(std::string_view host_header, std::string_view base_domain) {
    HostAddress malformed{HostAddress::Kind::Malformed, {}};
    if (host_header.empty()) return {};
    if (host_header.size() > kMaxHostName + 8) return malformed;
    std::string_view name = host_header;
    if (name.front() == '[') {  // [IPv6]:port: never a customer address
        const auto close = name.find(']');
        if (close == std::string_view::npos || !is_ipv6_literal(name.substr(1, close - 1))) return malformed;
        const std::string_view rest = name.substr(close + 1);
        if (!rest.empty() && (rest.front() != ':' || !is_port(rest.substr(1)))) return malformed;
        return {};
    }
    if (const auto colon = name.find(':'); colon != std::string_view::npos) {
        if (!is_port(name.substr(colon + 1))) return malformed;
        name = name.substr(0, colon);
    }
    if (name.size() > 1 && name.back() == '.') name.remove_suffix(1);  // the absolute form "a.example.id."
    if (!is_host_name(name)) return malformed;
    if (base_domain.empty()) return {};
    const std::string lowered = to_lower_ascii(std::string(name));
    const std::string suffix = "." + std::string(base_domain);
    if (lowered.size() <= suffix.size() || !lowered.ends_with(suffix)) return {};
    const std::string label = lowered.substr(0, lowered.size() - suffix.size());
    // One label only: "www.cust001.billing.example.id" is not an address we hand out.
    if (label.find('.') != std::string::npos) return {};
    return {HostAddress::Kind::Customer, label};
}

std::optional<std::string> base_domain_problem(std::string_view value) {
    if (value.empty()) return std::nullopt;
    bool lower = true;
    for (char c : value)
        if (std::isupper(static_cast<unsigned char>(c))) lower = false;
    if (!lower || value.find('_') != std::string_view::npos || !is_host_name(value) || value.front() == '-' || value.back() == '-')
        return std::string("nama domain huruf kecil tanpa http:// dan tanpa port, contoh billing.example.id");
    return std::nullopt;
}

}  // namespace kimonet::http
