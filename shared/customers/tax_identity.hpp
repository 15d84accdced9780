#pragma once
// A customer's tax identity for faktur pajak: NPWP (15 digits, or 16 since 2024: for individuals
// the NIK is the NPWP), NIK (the 16-digit population number), NITKU (22 digits: a 16-digit NPWP and
// a 6-digit place of business, 000000 for the head office) and whether they want a faktur. Checked
// the same way in the browser's form and the server. These are personal data: never logged.
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet::customers {

struct TaxIdentity {
    std::string npwp;    // digits only, 15 or 16; empty = none
    std::string nik;     // 16 digits; empty = none
    std::string nitku;   // 22 digits; empty = none
    bool needs_faktur = false;
    bool operator==(const TaxIdentity&) const = default;
};

// Each takes the number as typed ("01.234.567.8-901.000", spaces, dots, dashes allowed) and gives
// the digits, or the message of what is wrong.
Result<std::string> validate_npwp(std::string_view text);   // field "npwp"
Result<std::string> validate_nik(std::string_view text);    // field "nik": region codes, birth date (+40 women), serial
Result<std::string> validate_nitku(std::string_view text);  // field "nitku"

// The 16-digit form of an NPWP: a 15-digit NPWP gets a leading 0 (DJP's conversion).
std::string npwp16(std::string_view npwp_digits);

// All fields at once; also: a NITKU starts with the customer's NPWP16, and a customer who needs a
// faktur has an NPWP or a NIK. Problems come back in error.fields ("npwp", "nik", "nitku", "needs_faktur").
Result<TaxIdentity> validate_tax_identity(TaxIdentity identity);

}  // namespace kimonet::customers
