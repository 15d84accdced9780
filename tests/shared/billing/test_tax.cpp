#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <limits>

#include "billing/tax.hpp"

using namespace kimonet;
using namespace kimonet::billing;
namespace data = boost::unit_test::data;

namespace {

struct TaxCase {
    Money lines;
    std::int64_t rate;
    TaxMode mode;
    Totals expected;
};

std::ostream& operator<<(std::ostream& out, const TaxCase& c) {
    return out << c.lines << " at " << c.rate << "bp " << to_string(c.mode);
}

const TaxCase kTaxCases[] = {
    {300000, 0, TaxMode::Exclusive, {300000, 0, 300000}},
    {300000, 0, TaxMode::Inclusive, {300000, 0, 300000}},
    {300000, 1100, TaxMode::Exclusive, {300000, 33000, 333000}},
    {333000, 1100, TaxMode::Inclusive, {300000, 33000, 333000}},
    {300000, 1100, TaxMode::Inclusive, {270270, 29730, 300000}},  // 29729.73 → 29730
    {164516, 1100, TaxMode::Exclusive, {164516, 18097, 182613}},  // 18096.76 → 18097
    {164516, 1200, TaxMode::Inclusive, {146889, 17627, 164516}},  // 17626.71 → 17627
    {150000, 1150, TaxMode::Exclusive, {150000, 17250, 167250}},
    {0, 1100, TaxMode::Exclusive, {0, 0, 0}},
};

struct RateCase {
    const char* text;
    std::int64_t basis_points;
};

std::ostream& operator<<(std::ostream& out, const RateCase& c) { return out << c.text; }

const RateCase kRates[] = {{"0", 0}, {"11", 1100}, {"11%", 1100}, {"11.5", 1150}, {"11,5%", 1150},
                           {"11.25", 1125}, {"1100bp", 1100}, {"100", 10000}, {" 12 ", 1200}};
const char* const kBadRates[] = {"", "%", "abc", "101", "11.555", "-1", "11.", "1.5bp", "10001bp"};

}  // namespace

BOOST_AUTO_TEST_SUITE(tax)

BOOST_DATA_TEST_CASE(computes_inclusive_and_exclusive_ppn, data::make(kTaxCases), c) {
    const auto computed = compute_totals(c.lines, TaxRule{c.rate, c.mode});
    BOOST_TEST_REQUIRE(computed.ok());
    const Totals totals = *computed;
    BOOST_TEST(totals.subtotal == c.expected.subtotal);
    BOOST_TEST(totals.tax == c.expected.tax);
    BOOST_TEST(totals.total == c.expected.total);
    BOOST_TEST(totals.subtotal + totals.tax == totals.total);
    BOOST_TEST(totals.tax_base == (totals.tax > 0 ? totals.subtotal : 0));  // legacy: DPP = the price
}

// PKP rules (PMK 131/2024): 12% on a DPP of 11/12 of the price, DPP and PPN rounded down to the rupiah.
struct PkpCase {
    Money lines;
    TaxMode mode;
    Totals expected;  // subtotal, tax, total, DPP
};

std::ostream& operator<<(std::ostream& out, const PkpCase& c) { return out << c.lines << " " << to_string(c.mode); }

const PkpCase kPkpCases[] = {
    {150000, TaxMode::Exclusive, {150000, 16500, 166500, 137500}},  // 150,000 × 11/12 = 137,500; × 12% = 16,500
    {100000, TaxMode::Exclusive, {100000, 11000, 111000, 91666}},   // DPP 91,666.67 (91,666 in whole rupiah); × 12% = 11,000.00
    {164516, TaxMode::Exclusive, {164516, 18096, 182612, 150806}},  // 164,516 × 11% = 18,096.76 → 18,096 (down)
    {166500, TaxMode::Inclusive, {150000, 16500, 166500, 137500}},  // the first case read back
    {111000, TaxMode::Inclusive, {100000, 11000, 111000, 91666}},
    {300000, TaxMode::Inclusive, {270271, 29729, 300000, 247748}},  // 270,271 × 11% = 29,729.81 → 29,729; 270,271 + 29,729
    {0, TaxMode::Exclusive, {0, 0, 0, 0}},
};

BOOST_DATA_TEST_CASE(pkp_rules_tax_a_dpp_of_eleven_twelfths_rounded_down, data::make(kPkpCases), c) {
    TaxRule rule{1200, c.mode, true, 11, 12};
    const auto computed = compute_totals(c.lines, rule);
    BOOST_TEST_REQUIRE(computed.ok());
    BOOST_TEST(computed->subtotal + computed->tax == computed->total);
    BOOST_TEST(computed->total == c.expected.total);
    BOOST_TEST(computed->subtotal == c.expected.subtotal);
    BOOST_TEST(computed->tax == c.expected.tax);
    BOOST_TEST(computed->tax_base == c.expected.tax_base);
    // What DJP recomputes from the faktur: DPP = harga jual × 11/12, PPN = DPP × 12% rounded down.
    BOOST_TEST(computed->tax_base == computed->subtotal * 11 / 12);
    BOOST_TEST(computed->tax == computed->subtotal * 11 / 100);
}

BOOST_AUTO_TEST_CASE(pkp_rules_at_the_money_cap_do_not_overflow) {
    for (auto mode : {TaxMode::Exclusive, TaxMode::Inclusive}) {
        auto totals = compute_totals(kMaxMoney, TaxRule{10000, mode, true, 999, 1000});
        BOOST_TEST_REQUIRE(totals.ok());
        BOOST_TEST(totals->tax > 0);
        BOOST_TEST(totals->subtotal + totals->tax == totals->total);
    }
    auto bad_fraction = compute_totals(1000, TaxRule{1200, TaxMode::Exclusive, true, 13, 12});
    BOOST_TEST(!bad_fraction.ok());
}

BOOST_AUTO_TEST_CASE(tax_on_the_largest_sum_is_exact_and_positive) {
    // 10^12 × 100%: the product 10^16 fits int64; the old code wrapped only far beyond, but the
    // cap now guarantees it never gets there.
    auto full = compute_totals(kMaxMoney, TaxRule{10000, TaxMode::Exclusive});
    BOOST_TEST_REQUIRE(full.ok());
    BOOST_TEST(full->tax == kMaxMoney);
    BOOST_TEST(full->total == 2 * kMaxMoney);
    auto inclusive = compute_totals(kMaxMoney, TaxRule{1100, TaxMode::Inclusive});
    BOOST_TEST_REQUIRE(inclusive.ok());
    BOOST_TEST(inclusive->tax > 0);
    BOOST_TEST(inclusive->subtotal + inclusive->tax == kMaxMoney);
}

BOOST_AUTO_TEST_CASE(a_sum_beyond_the_cap_is_refused_not_wrapped) {
    // 10^15 × 1100 bp = 1.1 × 10^18 fits, but 10^16 × 1100 overflowed into a negative tax before.
    for (Money sum : {kMaxMoney + 1, Money{10'000'000'000'000'000}, std::numeric_limits<Money>::max(), -kMaxMoney - 1}) {
        auto totals = compute_totals(sum, TaxRule{1100, TaxMode::Exclusive});
        BOOST_TEST_REQUIRE(!totals.ok());
        BOOST_TEST((totals.error().code == ErrorCode::ValidationFailed));
        BOOST_TEST(totals.error().fields.contains("lines"));
    }
}

BOOST_DATA_TEST_CASE(parses_rates_in_percent_or_basis_points, data::make(kRates), c) {
    auto rate = parse_tax_rate(c.text);
    BOOST_TEST_REQUIRE(rate.ok());
    BOOST_TEST(*rate == c.basis_points);
}

BOOST_DATA_TEST_CASE(refuses_nonsense_rates, data::make(kBadRates), text) {
    auto rate = parse_tax_rate(text);
    BOOST_TEST_REQUIRE(!rate.ok());
    BOOST_TEST(rate.error().fields.contains("tax_rate"));
}

BOOST_AUTO_TEST_CASE(tax_mode_names) {
    BOOST_TEST((parse_tax_mode("inclusive") == TaxMode::Inclusive));
    BOOST_TEST((parse_tax_mode("exclusive") == TaxMode::Exclusive));
    BOOST_TEST(!parse_tax_mode("gross").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
