#include <boost/test/unit_test.hpp>

#include <limits>

#include "reports/revenue_report.hpp"
#include "shared/reports/report_fixtures.hpp"

using namespace kimonet;
using namespace kimonet::reports;

namespace {

RevenueReport fixture_report() {
    const auto invoice_rows = fixtures::invoices();
    const auto payment_rows = fixtures::payments();
    const auto gateway_rows = fixtures::gateways();
    const auto late_fee_rows = fixtures::late_fees();
    auto report = revenue_report(fixtures::kRange, invoice_rows, payment_rows, gateway_rows, late_fee_rows, fixtures::labels());
    BOOST_TEST_REQUIRE(report.ok());
    return std::move(report).value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(revenue_report)

BOOST_AUTO_TEST_CASE(billed_per_month_excludes_voids_and_months_outside_the_range) {
    const auto report = fixture_report();
    BOOST_TEST_REQUIRE(report.months.size() == 2u);
    BOOST_TEST(to_string(report.months[0].period) == "2025-12");
    BOOST_TEST(report.months[0].billed == 500000);  // 200,000 + 300,000; the void is out
    BOOST_TEST(report.months[0].invoices == 3);
    BOOST_TEST(report.months[0].paid_on_billed == 150000);
    BOOST_TEST(report.months[1].billed == 450000);
    BOOST_TEST(report.months[1].paid_on_billed == 350000);
    BOOST_TEST(report.total_billed == 950000);
    BOOST_TEST(report.voided_invoices == 1);
    BOOST_TEST(report.voided_amount == 300000);
}

BOOST_AUTO_TEST_CASE(collected_counts_applied_amounts_and_splits_cash_from_credit) {
    const auto report = fixture_report();
    BOOST_TEST(report.months[0].collected == 150000);      // the overpayment's excess is not revenue
    BOOST_TEST(report.months[0].cash_received == 160000);  // but it was handed over
    BOOST_TEST(report.months[0].credit_applied == 0);
    BOOST_TEST(report.months[1].collected == 350000);  // 10,000 credit + 250,000 gateway + 90,000 transfer
    BOOST_TEST(report.months[1].cash_received == 340000);
    BOOST_TEST(report.months[1].credit_applied == 10000);
    BOOST_TEST(report.total_collected == 500000);
}

BOOST_AUTO_TEST_CASE(breakdowns_by_package_router_method_and_gateway_are_sorted_largest_first) {
    const auto report = fixture_report();
    BOOST_TEST_REQUIRE(report.by_package.size() == 2u);
    BOOST_TEST(report.by_package[0].label == "Home 20 Mbps");
    BOOST_TEST(report.by_package[0].billed == 550000);
    BOOST_TEST(report.by_package[0].collected == 250000);
    BOOST_TEST(report.by_package[1].billed == 400000);
    BOOST_TEST(report.by_package[1].count == 4);
    BOOST_TEST_REQUIRE(report.by_router.size() == 3u);
    BOOST_TEST(report.by_router[0].label == "Pusat");
    BOOST_TEST(report.by_router[1].label == "Tanpa router");
    BOOST_TEST(report.by_router[1].billed == 300000);
    BOOST_TEST(report.by_router[2].label == "Cabang");
    BOOST_TEST_REQUIRE(report.by_method.size() == 4u);
    BOOST_TEST(report.by_method[0].key == "gateway");
    BOOST_TEST(report.by_method[1].key == "cash");
    BOOST_TEST(report.by_method[1].collected == 150000);
    BOOST_TEST(report.by_method[1].count == 2);
    BOOST_TEST(report.by_method[3].key == "credit");
    BOOST_TEST_REQUIRE(report.by_gateway.size() == 1u);
    BOOST_TEST(report.by_gateway[0].key == "midtrans");
    BOOST_TEST(report.by_gateway[0].collected == 250000);
}

BOOST_AUTO_TEST_CASE(daily_collections_and_late_fees_fall_in_their_days) {
    const auto report = fixture_report();
    BOOST_TEST_REQUIRE(report.daily.size() == 3u);
    BOOST_TEST(to_string(report.daily[0].day) == "2025-12-10");
    BOOST_TEST(report.daily[0].payments == 2);
    BOOST_TEST(report.daily[1].collected == 260000);
    BOOST_TEST(report.daily[2].collected == 90000);
    BOOST_TEST(report.months[1].late_fees_collected == 10000);
    BOOST_TEST(report.total_late_fees_collected == 10000);  // March is outside the range
}

BOOST_AUTO_TEST_CASE(month_range_parsing_defaults_and_rejects_nonsense) {
    auto range = parse_month_range("", "", Period{2026, 1});
    BOOST_TEST_REQUIRE(range.ok());
    BOOST_TEST(to_string(range->from) == "2025-02");
    BOOST_TEST(months_in(*range).size() == 12u);
    auto reversed = parse_month_range("2026-02", "2026-01", Period{2026, 1});
    BOOST_TEST_REQUIRE(!reversed.ok());
    BOOST_TEST(reversed.error().fields.contains("from"));
    auto garbage = parse_month_range("2026-13", "x", Period{2026, 1});
    BOOST_TEST_REQUIRE(!garbage.ok());
    BOOST_TEST(garbage.error().fields.contains("to"));
    BOOST_TEST(!parse_month_range("2020-01", "2026-01", Period{2026, 1}).ok());  // 73 months
}

BOOST_AUTO_TEST_CASE(voucher_sales_sit_beside_payments_and_the_totals_include_them) {
    auto report = fixture_report();
    BOOST_TEST_REQUIRE(net_credit_notes(report, {}).ok());
    // Days fold into months by the local day: 31 December and 1 January are different months.
    auto months = voucher_sales_by_month({{{2025, 12, 31}, 1, 2, 10'000, 1'000, 9'000},
                                          {{2026, 1, 1}, 1, 3, 15'000, 1'500, 13'500},
                                          {{2026, 1, 20}, 2, 1, 5'000, 500, 4'500},
                                          {{2026, 2, 1}, 1, 1, 5'000, 500, 4'500}});
    BOOST_TEST_REQUIRE(months.ok());
    BOOST_TEST_REQUIRE(months->size() == 3u);
    BOOST_TEST((*months)[1].sales == 3);
    BOOST_TEST((*months)[1].gross == 20'000);
    BOOST_TEST_REQUIRE(add_voucher_sales(report, *months).ok());
    BOOST_TEST(report.months[0].voucher_gross == 10'000);
    BOOST_TEST(report.months[0].collected_with_vouchers == report.months[0].collected + 9'000);
    BOOST_TEST(report.months[1].vouchers == 4);
    BOOST_TEST(report.months[1].voucher_commission == 2'000);
    BOOST_TEST(report.months[1].revenue == report.months[1].net_billed + 20'000);
    BOOST_TEST(report.total_voucher_gross == 30'000);  // February is outside the range
    BOOST_TEST(report.total_voucher_net == 27'000);
    BOOST_TEST(report.total_collected_with_vouchers == report.total_collected + 27'000);
    BOOST_TEST(report.total_revenue == report.total_net_billed + 30'000);

    const Money half = std::numeric_limits<Money>::max() / 2 + 1;
    BOOST_TEST(!voucher_sales_by_month({{{2026, 1, 1}, 1, 1, half, 0, half}, {{2026, 1, 2}, 1, 1, half, 0, half}}).ok());
}

// Money is checked everywhere: a sum past int64 is an error, never a wrapped (negative) total.
BOOST_AUTO_TEST_CASE(a_sum_past_int64_is_an_error_not_a_wrapped_total) {
    const Money half = std::numeric_limits<Money>::max() / 2 + 1;
    const std::vector<InvoiceGroup> invoices = {{{2026, 1}, 1, 0, false, 1, half, 0}, {{2026, 1}, 2, 0, false, 1, half, 0}};
    const auto wrapped = kimonet::reports::revenue_report(fixtures::kRange, invoices, {}, {}, {}, fixtures::labels());
    BOOST_TEST(!wrapped.ok());
    auto report = fixture_report();
    const std::vector<CreditNoteGroup> credits = {{{2026, 1}, 1, half, 0}, {{2026, 1}, 1, half, 0}};
    BOOST_TEST(!net_credit_notes(report, credits).ok());
    const std::vector<RefundGroup> refunds = {{{2026, 1, 5}, 1, half}, {{2026, 1, 6}, 1, half}};
    BOOST_TEST(!add_refunds(report, refunds).ok());
}

BOOST_AUTO_TEST_SUITE_END()
