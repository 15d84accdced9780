#include "customers/tax_identity.hpp"

#include <algorithm>

#include "core/date.hpp"
#include "core/tax_messages.hpp"

namespace kimonet::customers {

namespace {

// Digits of a number typed with the usual separators; nullopt when anything else is in it.
std::optional<std::string> digits_of(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') digits.push_back(c);
        else if (c != '.' && c != '-' && c != ' ') return std::nullopt;
        if (digits.size() > 32) return std::nullopt;
    }
    return digits;
}

bool all_zeros(std::string_view digits) { return digits.find_first_not_of('0') == std::string_view::npos; }

int two_digits(std::string_view digits, std::size_t at) { return (digits[at] - '0') * 10 + (digits[at + 1] - '0'); }

// Province codes of Kemendagri (the first two digits of a NIK), including the Papua provinces of 2022.
bool is_province_code(int code) {
    return (code >= 11 && code <= 19) || code == 21 || (code >= 31 && code <= 36) || (code >= 51 && code <= 53) ||
           (code >= 61 && code <= 65) || (code >= 71 && code <= 76) || code == 81 || code == 82 || (code >= 91 && code <= 96);
}

Error field_error(const char* field, const char* message) { return validation_error({{field, message}}); }

}  // namespace

std::string npwp16(std::string_view npwp_digits) {
    return npwp_digits.size() == 15 ? "0" + std::string(npwp_digits) : std::string(npwp_digits);
}

Result<std::string> validate_npwp(std::string_view text) {
    const auto digits = digits_of(text);
    if (!digits || (digits->size() != 15 && digits->size() != 16)) return field_error("npwp", messages::kNpwpFormat);
    if (all_zeros(*digits)) return field_error("npwp", messages::kNpwpZeros);
    return *digits;
}

Result<std::string> validate_nik(std::string_view text) {
    const auto digits = digits_of(text);
    if (!digits || digits->size() != 16) return field_error("nik", messages::kNikFormat);
    const std::string& nik = *digits;
    if (!is_province_code(two_digits(nik, 0)) || two_digits(nik, 2) == 0 || two_digits(nik, 4) == 0)
        return field_error("nik", messages::kNikRegion);
    int day = two_digits(nik, 6);
    if (day > 40) day -= 40;  // women: day of birth + 40
    const int month = two_digits(nik, 8);
    // The year has two digits; 2000 is a leap year, so 29 February is accepted as the card would be.
    if (!is_valid_date(2000, month, day)) return field_error("nik", messages::kNikBirthDate);
    if (nik.compare(12, 4, "0000") == 0) return field_error("nik", messages::kNikSerial);
    return nik;
}

Result<std::string> validate_nitku(std::string_view text) {
    const auto digits = digits_of(text);
    if (!digits || digits->size() != 22 || all_zeros(std::string_view(*digits).substr(0, 16)))
        return field_error("nitku", messages::kNitkuFormat);
    return *digits;
}

Result<TaxIdentity> validate_tax_identity(TaxIdentity identity) {
    FieldErrors fields;
    auto check = [&](std::string& value, Result<std::string> (*validate)(std::string_view), const char* field) {
        if (std::all_of(value.begin(), value.end(), [](char c) { return c == ' '; })) {
            value.clear();
            return;
        }
        auto checked = validate(value);
        if (checked) value = *checked;
        else fields[field] = checked.error().fields.begin()->second;
    };
    check(identity.npwp, validate_npwp, "npwp");
    check(identity.nik, validate_nik, "nik");
    check(identity.nitku, validate_nitku, "nitku");
    if (!fields.contains("npwp") && !fields.contains("nitku") && !identity.nitku.empty() && !identity.npwp.empty() &&
        identity.nitku.compare(0, 16, npwp16(identity.npwp)) != 0)
        fields["nitku"] = messages::kNitkuNpwpMismatch;
    if (identity.needs_faktur && identity.npwp.empty() && identity.nik.empty() && !fields.contains("npwp") && !fields.contains("nik"))
        fields["needs_faktur"] = messages::kFakturNeedsTaxId;
    if (!fields.empty()) return validation_error(std::move(fields));
    return identity;
}

}  // namespace kimonet::customers
