// shared/ compiled by em++ and run under node: the browser must compute what the server computes.
// Prints every check; exits non-zero when any result differs from the native expectation.
#include <cstdio>
#include <string>

#include "core/date.hpp"
#include "core/money.hpp"
#include "customers/customer.hpp"

namespace {

int g_failures = 0;

void check(bool passed, const char* what, const std::string& got) {
    std::printf("%s %s -> %s\n", passed ? "ok  " : "FAIL", what, got.c_str());
    if (!passed) ++g_failures;
}

}  // namespace

int main() {
    using namespace kimonet;

    const std::string rupiah = format_rupiah(164516);
    check(rupiah == "Rp 164.516", "format_rupiah(164516) == \"Rp 164.516\"", rupiah);

    const auto parsed = parse_rupiah("Rp 1.234.567");
    check(parsed.ok() && *parsed == 1234567, "parse_rupiah(\"Rp 1.234.567\") == 1234567",
          parsed.ok() ? std::to_string(*parsed) : parsed.error().message());

    const std::string phone = normalize_phone("081234567890");
    check(phone == "6281234567890", "normalize_phone(\"081234567890\") == \"6281234567890\"", phone);

    const Date end_of_february = add_months(Date{2026, 1, 31}, 1);
    check(end_of_february == Date{2026, 2, 28}, "add_months(2026-01-31, +1) == 2026-02-28", to_string(end_of_february));

    const int leap_days = days_in_month(2028, 2);
    check(leap_days == 29, "days_in_month(2028, 2) == 29", std::to_string(leap_days));

    Customer bad;
    bad.service_number = "CUST001";
    bad.name = "   ";
    bad.phone = "12ab";
    bad.package_id = 1;
    bad.join_date = Date{2026, 1, 15};
    const auto validated = validate_customer(bad);
    const bool has_fields = !validated.ok() && validated.error().fields.contains("name") &&
                            validated.error().fields.contains("phone");
    std::string fields;
    if (!validated.ok())
        for (const auto& [field, message] : validated.error().fields) fields += field + ": " + message + "; ";
    check(has_fields, "validate_customer(blank name, bad phone) has field errors for name and phone", fields);

    std::printf("%s: %d check(s) failed\n", g_failures == 0 ? "PASS" : "FAIL", g_failures);
    return g_failures == 0 ? 0 : 1;
}
