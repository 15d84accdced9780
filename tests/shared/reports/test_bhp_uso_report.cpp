// The BHP Telekomunikasi and USO figures (shared/reports/bhp_uso_report.cpp): PPN and credit notes
// out of gross revenue, voucher sales in it at their gross, deductions lowering the base, the rate in force per month, rounding once per line, and
// nothing due on a negative base.
#include <boost/test/unit_test.hpp>

#include <limits>

#include "reports/bhp_uso_report.hpp"

using namespace kimonet;
using namespace kimonet::reports;

namespace {
constexpr Money kMaxMoneyForOverflowTest = std::numeric_limits<Money>::max() / 2 + 1;
}  // namespace

BOOST_AUTO_TEST_SUITE(bhp_uso_report)

BOOST_AUTO_TEST_CASE(a_rate_applies_from_its_month_and_the_defaults_before_any) {
    const std::vector<RegulatoryRate> rates = {{1, {2026, 7, 1}, 60, 150, ""}, {2, {2026, 1, 1}, 50, 125, ""}};
    BOOST_TEST(rate_for(rates, {2025, 12}).bhp_bp == 50);  // before any row: PP 43/2023's defaults
    BOOST_TEST(rate_for(rates, {2026, 6}).uso_bp == 125);
    BOOST_TEST(rate_for(rates, {2026, 7}).bhp_bp == 60);
    BOOST_TEST(rate_for(rates, {2027, 1}).uso_bp == 150);
}

BOOST_AUTO_TEST_CASE(a_quarter_sums_month_bases_times_their_rates_rounded_once) {
    // Jan–Mar 2026, Rp 1.000.001 each without PPN (PPN 110.000 inside the totals); rates change in March.
    const std::vector<MonthlyRevenue> revenue = {{{2026, 1}, 10, 1'110'001, 110'000}, {{2026, 2}, 10, 1'110'001, 110'000},
                                                 {{2026, 3}, 10, 1'110'001, 110'000}};
    const std::vector<RegulatoryRate> rates = {{1, {2026, 3, 1}, 100, 125, ""}};
    auto report = reports::bhp_uso_report({{2026, 1}, {2026, 3}}, Grouping::Quarter, revenue, {{1, {2026, 2}, "bad_debt", 1, "x"}}, rates);
    BOOST_TEST_REQUIRE(report.ok());
    BOOST_TEST_REQUIRE(report->periods.size() == 1u);
    const BhpUsoLine& q1 = report->periods[0];
    BOOST_TEST(q1.key == "2026-Q1");
    BOOST_TEST(q1.gross == 3'000'003);
    BOOST_TEST(q1.base == 3'000'002);
    BOOST_TEST(q1.rates_vary);
    // (1.000.001 × 50 + 1.000.000 × 50 + 1.000.001 × 100) / 10.000 = 20.000,015 → 20.000
    BOOST_TEST(q1.bhp == 20'000);
    // 3.000.002 × 125 / 10.000 = 37.500,025 → 37.500
    BOOST_TEST(q1.uso == 37'500);
    BOOST_TEST(report->total.bhp == q1.bhp);
}

BOOST_AUTO_TEST_CASE(deductions_beyond_revenue_owe_nothing_and_deductions_outside_the_range_are_left_out) {
    auto report = reports::bhp_uso_report({{2026, 1}, {2026, 1}}, Grouping::Month, {{{2026, 1}, 1, 100'000, 0}},
                                 {{1, {2026, 1}, "interconnection", 150'000, "x"}, {2, {2026, 2}, "bad_debt", 5, "y"}}, {});
    BOOST_TEST_REQUIRE(report.ok());
    BOOST_TEST(report->total.base == -50'000);
    BOOST_TEST(report->total.bhp == 0);
    BOOST_TEST(report->total.uso == 0);
    BOOST_TEST(report->deductions.size() == 1u);
    BOOST_TEST(!parse_grouping("week").ok());
    BOOST_TEST((*parse_grouping("") == Grouping::Quarter));
}

BOOST_AUTO_TEST_CASE(credit_notes_issued_in_a_month_lower_its_gross_by_their_base) {
    // January: Rp 1.110.000 billed with Rp 110.000 PPN; a credit note of Rp 111.000 (base 100.000) issued in January.
    MonthlyRevenue january{{2026, 1}, 10, 1'110'000, 110'000};
    january.credited = 100'000;
    auto report = reports::bhp_uso_report({{2026, 1}, {2026, 2}}, Grouping::Quarter, {january}, {}, {});
    BOOST_TEST_REQUIRE(report.ok());
    BOOST_TEST(report->months[0].key == "2026-01");
    BOOST_TEST(report->months[0].credited == 100'000);
    BOOST_TEST(report->months[0].gross == 900'000);
    BOOST_TEST(report->months[1].gross == 0);
    BOOST_TEST(report->total.credited == 100'000);
    BOOST_TEST(report->total.gross == 900'000);
    BOOST_TEST(report->total.bhp == 4'500);  // 900.000 × 0,5%
}

BOOST_AUTO_TEST_CASE(voucher_sales_add_their_gross_to_the_months_gross_on_their_own_line) {
    // January: Rp 111.000 billed with Rp 11.000 PPN and 6 vouchers sold for Rp 30.000; February: vouchers only.
    MonthlyRevenue january{{2026, 1}, 1, 111'000, 11'000};
    january.vouchers = 6;
    january.voucher_sales = 30'000;
    MonthlyRevenue february{{2026, 2}};
    february.vouchers = 3;
    february.voucher_sales = 15'000;
    auto report = reports::bhp_uso_report({{2026, 1}, {2026, 3}}, Grouping::Quarter, {january, february}, {}, {});
    BOOST_TEST_REQUIRE(report.ok());
    BOOST_TEST(report->months[0].voucher_sales == 30'000);
    BOOST_TEST(report->months[0].gross == 130'000);
    BOOST_TEST(report->months[1].vouchers == 3);
    BOOST_TEST(report->months[1].gross == 15'000);
    BOOST_TEST(report->periods[0].vouchers == 9);
    BOOST_TEST(report->periods[0].voucher_sales == 45'000);
    BOOST_TEST(report->total.gross == 145'000);
    BOOST_TEST(report->total.uso == 1'813);  // 1.812,5 rounded half up

    // A sum past int64 is an error, not a wrapped figure.
    MonthlyRevenue huge{{2026, 1}};
    huge.voucher_sales = kMaxMoneyForOverflowTest;
    BOOST_TEST(!reports::bhp_uso_report({{2026, 1}, {2026, 1}}, Grouping::Month, {huge, huge}, {}, {}).ok());
}

BOOST_AUTO_TEST_SUITE_END()
