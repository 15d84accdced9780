#include "customers/customer.hpp"

#include <algorithm>
#include <array>

#include "core/date_window.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"

namespace kimonet {

static constexpr std::array<std::string_view, 4> kStatusNames{"active", "isolated", "inactive", "terminated"};

std::string_view to_string(CustomerStatus status) { return kStatusNames[static_cast<std::size_t>(status)]; }

std::optional<CustomerStatus> parse_customer_status(std::string_view text) {
    for (std::size_t i = 0; i < kStatusNames.size(); ++i)
        if (kStatusNames[i] == text) return static_cast<CustomerStatus>(i);
    return std::nullopt;
}

std::string normalize_phone(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') digits.push_back(c);
        else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')' && c != '.') return {};
    }
    if (digits.starts_with("0")) digits = "62" + digits.substr(1);
    else if (digits.starts_with("8")) digits = "62" + digits;
    if (!digits.starts_with("628") || digits.size() < 10 || digits.size() > 15) return {};
    return digits;
}

bool is_valid_service_number(std::string_view text) {
    if (text.size() < 3 || text.size() > 20) return false;
    for (char c : text)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return text.front() != '-' && text.back() != '-';
}

std::string format_service_number(std::string_view prefix, std::int64_t number) {
    std::string digits = std::to_string(number);
    if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
    return std::string(prefix) + digits;
}

static bool is_valid_email(std::string_view email) {
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view domain = email.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
    for (char c : email)
        if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == ',' || c == ';') return false;
    return email.size() <= 254;
}

static bool is_valid_pppoe_username(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-' || c == '@'))
            return false;
    return true;
}

std::optional<std::string> pppoe_password_problem(std::string_view password) {
    if (password.empty() || password.size() > 64) return std::string(messages::kPppoePassword);
    for (char c : password)
        if (c < 0x21 || c > 0x7e) return std::string(messages::kPppoePassword);
    return std::nullopt;
}

std::string_view to_string(ConnectionMethod method) {
    switch (method) {
        case ConnectionMethod::Pppoe: return "pppoe";
        case ConnectionMethod::Static: return "static";
        case ConnectionMethod::Dhcp: return "dhcp";
        case ConnectionMethod::Radius: return "radius";
    }
    return "pppoe";
}

std::optional<ConnectionMethod> parse_connection_method(std::string_view text) {
    if (text == "pppoe") return ConnectionMethod::Pppoe;
    if (text == "static") return ConnectionMethod::Static;
    if (text == "dhcp") return ConnectionMethod::Dhcp;
    if (text == "radius") return ConnectionMethod::Radius;
    return std::nullopt;
}

bool is_valid_ipv4(std::string_view text) {
    int parts = 0;
    std::size_t position = 0;
    while (position <= text.size()) {
        const std::size_t end = std::min(text.find('.', position), text.size());
        const std::string_view part = text.substr(position, end - position);
        if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return false;
        int value = 0;
        for (char c : part) {
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        if (value > 255) return false;
        ++parts;
        position = end + 1;
    }
    return parts == 4;
}

std::string normalize_mac(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (c == ':' || c == '-' || c == '.') continue;
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return {};
        digits.push_back(static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c));
    }
    if (digits.size() != 12) return {};
    // Separators must be consistent with one of the usual forms: 6 groups of 2, or 3 groups of 4 (Cisco).
    const std::string trimmed(text);
    const bool grouped_by_two = trimmed.size() == 17 && (trimmed[2] == ':' || trimmed[2] == '-');
    const bool grouped_by_four = trimmed.size() == 14 && trimmed[4] == '.' && trimmed[9] == '.';
    if (!(grouped_by_two || grouped_by_four || trimmed.size() == 12)) return {};
    if (grouped_by_two)
        for (std::size_t index = 2; index < 17; index += 3)
            if (trimmed[index] != trimmed[2]) return {};
    std::string out;
    for (std::size_t index = 0; index < 12; index += 2) {
        if (!out.empty()) out.push_back(':');
        out.append(digits, index, 2);
    }
    return out;
}

Result<Customer> validate_customer(Customer customer) {
    FieldErrors fields;
    customer.service_number = to_upper_ascii(trim_copy(customer.service_number));
    customer.name = trim_copy(customer.name);
    customer.email = to_lower_ascii(trim_copy(customer.email));
    customer.address = trim_copy(customer.address);
    customer.pppoe_username = trim_copy(customer.pppoe_username);

    if (!is_valid_service_number(customer.service_number)) fields["service_number"] = messages::kServiceNumber;
    if (customer.name.empty()) fields["name"] = messages::kRequired;
    else if (has_control_characters(customer.name, false)) fields["name"] = messages::kControlCharacters;
    else if (utf8_length(customer.name) > 100 || !is_valid_utf8(customer.name)) fields["name"] = messages::kTooLong100;
    const std::string phone = normalize_phone(customer.phone);
    if (customer.phone.empty()) fields["phone"] = messages::kRequired;
    else if (phone.empty()) fields["phone"] = messages::kPhone;
    else customer.phone = phone;
    if (!customer.email.empty() && !is_valid_email(customer.email)) fields["email"] = messages::kEmail;
    // Imports (CSV, XLSX) do not pass the JSON field reader, so the control-character rule is repeated here.
    if (has_control_characters(customer.address, true)) fields["address"] = messages::kControlCharacters;
    else if (utf8_length(customer.address) > 500 || !is_valid_utf8(customer.address)) fields["address"] = messages::kTooLong500;
    if (customer.package_id <= 0) fields["package_id"] = messages::kRequired;
    if (customer.router_id && *customer.router_id <= 0) fields["router_id"] = messages::kInvalid;
    if (!customer.pppoe_username.empty() && !is_valid_pppoe_username(customer.pppoe_username))
        fields["pppoe_username"] = messages::kPppoeUsername;
    if (!is_valid_date(customer.join_date.year, customer.join_date.month, customer.join_date.day))
        fields["join_date"] = messages::kDate;
    else if (!within_date_window(customer.join_date))
        fields["join_date"] = messages::kJoinDateRange;
    if (customer.due_day && (*customer.due_day < 1 || *customer.due_day > 31)) fields["due_day"] = messages::kDueDay;
    customer.ip_address = trim_copy(customer.ip_address);
    // A RADIUS customer logs in with the PPPoE user name (and may have a fixed Framed-IP-Address).
    const bool needs_address = customer.connection_method == ConnectionMethod::Static || customer.connection_method == ConnectionMethod::Dhcp;
    if (customer.connection_method == ConnectionMethod::Radius && customer.pppoe_username.empty() && !fields.contains("pppoe_username"))
        fields["pppoe_username"] = messages::kRequired;
    if (customer.ip_address.empty() ? needs_address : !is_valid_ipv4(customer.ip_address))
        fields["ip_address"] = customer.ip_address.empty() ? messages::kRequired : messages::kIpv4Address;
    const std::string mac = normalize_mac(trim_copy(customer.mac_address));
    if (trim_copy(customer.mac_address).empty()) {
        customer.mac_address.clear();
        if (customer.connection_method == ConnectionMethod::Dhcp) fields["mac_address"] = messages::kRequired;
    } else if (mac.empty()) {
        fields["mac_address"] = messages::kMacAddress;
    } else {
        customer.mac_address = mac;
    }

    if (auto tax = customers::validate_tax_identity(customer.tax)) customer.tax = *tax;
    else fields.insert(tax.error().fields.begin(), tax.error().fields.end());

    if (!fields.empty()) return validation_error(std::move(fields));
    return customer;
}

}  // namespace kimonet
