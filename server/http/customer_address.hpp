#pragma once
// Customer addresses: with the billing_base_domain setting at "billing.example.id", a request for
// "/" whose Host is "cust001.billing.example.id" is CUST001's bill page (routes_payments.cpp). This
// file only reads Host headers and checks the setting; it never touches the database.
#include <optional>
#include <string>
#include <string_view>

namespace kimonet::http {

struct HostAddress {
    enum class Kind {
        Other,      // not under the base domain (the server's own name, an IP address, no Host)
        Customer,   // exactly one label under the base domain: `label`, lower-cased
        Malformed,  // not a host name (bad characters, empty or over-long labels, a bad port)
    };
    Kind kind = Kind::Other;
    std::string label;
};

// `host_header` as sent ("CUST001.Billing.Example.ID:8443", "[::1]:8080", "10.0.0.1"): names compare
// without regard to case, the port and one trailing dot are ignored. `base_domain` is the setting
// (lower case, as base_domain_problem() admits it; empty: every host is Other).
HostAddress customer_host(std::string_view host_header, std::string_view base_domain);

// Why `value` cannot be billing_base_domain (empty is fine: the feature is off), or nothing.
std::optional<std::string> base_domain_problem(std::string_view value);

}  // namespace kimonet::http
