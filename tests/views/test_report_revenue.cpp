// The revenue tab of Laporan with hotspot voucher sales (docs/VOUCHERS.md#in-the-books): the owner
// sees the vouchers sold beside the invoice payments, month by month and in the total, and a card
// with the voucher gross and what the month brought in with them; from the server's own serialiser.
#include <boost/test/unit_test.hpp>

#include "api/report_dto.hpp"
#include "customer_world.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;
namespace reports = kimonet::reports;

namespace {

// January 2026: Rp 111.000 collected on invoices and 6 vouchers sold for Rp 30.000 (Rp 3.000 commission).
Json january_report() {
    reports::RevenueReport report;
    report.range = {{2026, 1}, {2026, 1}};
    reports::MonthRevenue january{{2026, 1}};
    january.invoices = 1;
    january.billed = 111'000;
    january.collected = 111'000;
    report.months = {january};
    report.total_billed = 111'000;
    report.total_collected = 111'000;
    BOOST_TEST_REQUIRE(reports::net_credit_notes(report, {}).ok());
    const std::vector<reports::VoucherSalesMonth> sold = {{{2026, 1}, 2, 6, 30'000, 3'000, 27'000}};
    BOOST_TEST_REQUIRE(reports::add_voucher_sales(report, sold).ok());
    return {{"success", true}, {"data", api::to_json(report)}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_revenue)

BOOST_AUTO_TEST_CASE(voucher_sales_show_beside_collected_and_the_total_includes_them) {
    ViewHarness harness("reports");
    kimonet::testing::answer_admin_lists(harness.api());
    harness.api().answer("GET", "/api/reports/revenue", january_report());
    harness.sign_in_staff({"reports.read"}, "finance");
    harness.settle();
    BOOST_TEST(harness.value("reports.stat.vouchers") == "Rp 30.000");
    BOOST_TEST(harness.value("reports.revenue.month.2026-01.collected") == "Rp 111.000");
    BOOST_TEST(harness.value("reports.revenue.month.2026-01.vouchers") == "Rp 30.000");
    BOOST_TEST(harness.value("reports.revenue.month.2026-01.collected_with_vouchers") == "Rp 138.000");
    BOOST_TEST(harness.value("reports.revenue.month.total.vouchers") == "Rp 30.000");
    BOOST_TEST(harness.value("reports.revenue.month.total.collected_with_vouchers") == "Rp 138.000");
}

BOOST_AUTO_TEST_SUITE_END()
