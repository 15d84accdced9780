#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "billing/invoice.hpp"
#include "billing/tax_rules.hpp"

using namespace kimonet;
using namespace kimonet::billing;
namespace data = boost::unit_test::data;

namespace {

Date day(int year, int month, int d) { return Date{year, month, d}; }

TaxSettings pkp_on(std::string_view rules) {
    TaxSettings settings;
    settings.pkp = PkpStatus::On;
    settings.rules = *parse_ppn_rules(rules);
    return settings;
}

const char* const kBadRules[] = {
    "2025-01-01",                            // no rate
    "2025-01-01,1200",                       // no fraction
    "2025-13-01,1200,11/12",                 // no such month
    "2025-01-01,10001,11/12",                // over 100%
    "2025-01-01,1200,13/12",                 // DPP above the price
    "2025-01-01,1200,0/12",                  // zero DPP
    "2025-01-01,1200,11/1001",               // denominator too large
    "2025-01-01,-1,11/12",                   // negative
    "2025-01-01,1200,11/12;2024-01-01,1100,1/1",  // not ascending
    "2025-01-01,1200,11/12;2025-01-01,1100,1/1",  // same date twice
    "2025-01-01,12%,11/12",                  // basis points only
    "2025-01-01,1200,11/12;",                // an empty row
};

}  // namespace

BOOST_AUTO_TEST_SUITE(tax_rules)

BOOST_AUTO_TEST_CASE(the_default_rules_are_pmk_131_of_2024) {
    auto rules = parse_ppn_rules(kDefaultPpnRules);
    BOOST_TEST_REQUIRE(rules.ok());
    BOOST_TEST_REQUIRE(rules->size() == 1u);
    BOOST_TEST(((*rules)[0] == DatedTaxRule{day(2025, 1, 1), 1200, 11, 12}));
    BOOST_TEST(format_ppn_rules(*rules) == kDefaultPpnRules);
}

BOOST_AUTO_TEST_CASE(rules_round_trip_with_spaces_around_fields) {
    auto rules = parse_ppn_rules(" 2022-04-01, 1100 ,1/1 ;2025-01-01,1200, 11/12");
    BOOST_TEST_REQUIRE(rules.ok());
    BOOST_TEST(format_ppn_rules(*rules) == "2022-04-01,1100,1/1;2025-01-01,1200,11/12");
    BOOST_TEST(parse_ppn_rules("")->empty());
}

BOOST_DATA_TEST_CASE(refuses_rules_that_do_not_read, data::make(kBadRules), text) {
    auto rules = parse_ppn_rules(text);
    BOOST_TEST_REQUIRE(!rules.ok());
    BOOST_TEST(rules.error().fields.contains("ppn_rules"));
}

BOOST_AUTO_TEST_CASE(at_most_fifty_rules) {
    std::string text;
    for (int year = 2000; year < 2051; ++year) text += (text.empty() ? "" : ";") + std::to_string(year) + "-01-01,1100,1/1";
    BOOST_TEST(!parse_ppn_rules(text).ok());
}

BOOST_AUTO_TEST_CASE(an_invoice_takes_the_rule_in_force_on_its_date) {
    const TaxSettings settings = pkp_on("2022-04-01,1100,1/1;2025-01-01,1200,11/12;2026-02-01,1200,1/1");
    BOOST_TEST(tax_rule_on(settings, day(2022, 3, 31)).rate_basis_points == 0);  // before any rule: none
    BOOST_TEST(tax_rule_on(settings, day(2022, 3, 31)).pkp);
    const TaxRule april_2022 = tax_rule_on(settings, day(2022, 4, 1));
    BOOST_TEST(april_2022.rate_basis_points == 1100);
    BOOST_TEST(april_2022.dpp_numerator == 1);
    const TaxRule january = tax_rule_on(settings, day(2026, 1, 31));
    BOOST_TEST(january.rate_basis_points == 1200);
    BOOST_TEST(january.dpp_numerator == 11);
    BOOST_TEST(january.dpp_denominator == 12);
    BOOST_TEST(tax_rule_on(settings, day(2026, 2, 1)).dpp_numerator == 1);  // the rule dated next month
}

BOOST_AUTO_TEST_CASE(pkp_off_taxes_nothing_and_legacy_keeps_the_flat_rate) {
    TaxSettings settings = pkp_on(kDefaultPpnRules);
    settings.legacy = TaxRule{1100, TaxMode::Inclusive};
    settings.pkp = PkpStatus::Off;
    const TaxRule off = tax_rule_on(settings, day(2026, 1, 1));
    BOOST_TEST(off.rate_basis_points == 0);
    BOOST_TEST(compute_totals(150000, off)->tax == 0);
    settings.pkp = PkpStatus::Legacy;
    BOOST_TEST((tax_rule_on(settings, day(2026, 1, 1)) == TaxRule{1100, TaxMode::Inclusive}));
    BOOST_TEST((parse_pkp_status("on").value() == PkpStatus::On));
    BOOST_TEST(!parse_pkp_status("yes").has_value());
}

BOOST_AUTO_TEST_CASE(a_monthly_invoice_keeps_the_rule_of_its_issue_date) {
    BillingRules rules;
    rules.tax = pkp_on("2025-01-01,1200,11/12;2026-02-01,1200,1/1");
    MonthlyBillingInput input{Period{2026, 1}, day(2025, 6, 1), 10, "Home 30 Mbps", 150000};
    const auto january = monthly_invoice(input, rules);
    BOOST_TEST_REQUIRE(january.has_value());
    BOOST_TEST(january->totals.tax_base == 137500);
    BOOST_TEST(january->totals.tax == 16500);
    BOOST_TEST(january->totals.total == 166500);
    BOOST_TEST(january->tax.dpp_denominator == 12);
    input.period = Period{2026, 2};
    const auto february = monthly_invoice(input, rules);
    BOOST_TEST(february->totals.tax == 18000);  // 12% of the full price from the new rule's date
}

BOOST_AUTO_TEST_SUITE_END()
