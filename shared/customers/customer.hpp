#pragma once
// A subscriber: identified by their nomor layanan (service number).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"
#include "customers/tax_identity.hpp"

namespace kimonet {

enum class CustomerStatus { Active, Isolated, Inactive, Terminated };

std::string_view to_string(CustomerStatus status);  // "active", "isolated", "inactive", "terminated"
std::optional<CustomerStatus> parse_customer_status(std::string_view text);

// How the router lets a customer in, and so how isolation works: a PPPoE secret (profile switch),
// a static IP or a DHCP lease bound to a MAC (the IP on the `isolir` address list), or RADIUS
// (FreeRADIUS asks Kimonet; isolation changes the RADIUS answer and a CoA / Disconnect-Request
// reaches the NAS at once, see docs/integrations/radius.md). Hotspot customers come later: the
// enum grows, "pppoe" stays the default.
enum class ConnectionMethod { Pppoe, Static, Dhcp, Radius };
std::string_view to_string(ConnectionMethod method);  // "pppoe", "static", "dhcp", "radius"
std::optional<ConnectionMethod> parse_connection_method(std::string_view text);
// Dotted-quad IPv4 without leading zeros ("10.0.0.5"), no prefix length.
bool is_valid_ipv4(std::string_view text);
// "aa-bb-cc-dd-ee-ff", "aa:bb:…", "aabb.ccdd.eeff" -> "AA:BB:CC:DD:EE:FF" (RouterOS's form); empty when not a MAC.
std::string normalize_mac(std::string_view text);

struct Customer {
    std::int64_t id = 0;
    std::string service_number;  // nomor layanan, e.g. "CUST001"
    std::string name;
    std::string phone;  // normalised 62…
    std::string email;
    std::string address;
    std::int64_t package_id = 0;
    std::optional<std::int64_t> router_id;
    std::string pppoe_username;
    CustomerStatus status = CustomerStatus::Active;
    Date join_date;
    std::optional<int> due_day;  // 1..31; empty = the global default
    // The PPPoE password itself is write-only (sealed in the database, never in the API);
    // reads only say whether one is stored.
    bool has_pppoe_password = false;
    ConnectionMethod connection_method = ConnectionMethod::Pppoe;
    std::string ip_address;   // static / dhcp: the customer's IPv4 (unique per router)
    std::string mac_address;  // dhcp: the lease's MAC (required); static: optional
    customers::TaxIdentity tax;  // NPWP, NIK, NITKU, "needs faktur" (personal data: never logged)
    bool operator==(const Customer&) const = default;
};

// "081234567890", "+62 812-3456-7890", "812345678" -> "6281234567890". Empty result = not a phone number.
std::string normalize_phone(std::string_view text);
bool is_valid_service_number(std::string_view text);
// prefix + number padded to at least 3 digits: ("CUST", 7) -> "CUST007".
std::string format_service_number(std::string_view prefix, std::int64_t number);

// Why a PPPoE password cannot be pushed to a router as it is (nullopt when it can): 1-64
// printable ASCII characters.
std::optional<std::string> pppoe_password_problem(std::string_view password);

// Normalises (trims, upper-cases the service number, normalises the phone, lower-cases the email)
// and validates every field; all problems come back at once in error.fields.
Result<Customer> validate_customer(Customer customer);

}  // namespace kimonet
