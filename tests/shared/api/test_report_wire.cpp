// The reports on the wire: what report_dto's to_json writes, its from_json reads back to the same
// report (the server writes with one, the browser's Laporan screen reads with the other), and a
// missing or mistyped field reads as 0, "" or 1970-01 instead of throwing (a throw aborts in WebAssembly).
#include <boost/test/unit_test.hpp>

#include "api/report_dto.hpp"

using namespace kimonet;
using api::Json;

namespace {

reports::RevenueReport revenue() {
    reports::RevenueReport report;
    report.range = {{2025, 12}, {2026, 1}};
    report.months = {{{2025, 12}, 3, 450000, 300000, 280000, 250000, 30000, 5000},
                     {{2026, 1}, 4, 600000, 150000, 170000, 170000, 0, 0}};
    report.by_package = {{"2", "Paket 20 Mbps", 5, 750000, 400000}};
    report.by_router = {{"0", "Tanpa router", 7, 1050000, 450000}};
    report.by_method = {{"bank_transfer", "bank_transfer", 3, 0, 300000}};
    report.by_gateway = {{"midtrans", "Midtrans", 2, 0, 150000}};
    report.daily = {{{2026, 1, 15}, 2, 170000}};
    report.total_billed = 1050000;
    report.total_collected = 450000;
    report.total_late_fees_collected = 5000;
    report.voided_invoices = 1;
    report.voided_amount = 150000;
    return report;
}

reports::CustomerReport customers() {
    reports::CustomerReport report;
    report.range = {{2025, 12}, {2026, 1}};
    report.months = {{{2025, 12}, 19, 2, 1, 0, 1, 556}, {{2026, 1}, 20, 3, 2, 1, 1, 526}};
    report.by_package = {{"2", "Paket 20 Mbps", 12, 1, 2, 15}};
    report.by_router = {{"1", "Router Pusat", 8, 1, 0, 9}};
    report.total = 24;
    report.active = 20;
    report.isolated = 1;
    report.inactive = 3;
    return report;
}

reports::BillingReport billing() {
    reports::BillingReport report;
    report.range = {{2025, 12}, {2026, 1}};
    report.as_of = {2026, 1, 20};
    report.aging = {{{"current", "Belum jatuh tempo", 2, 300000},
                     {"1_30", "1–30 hari", 1, 150000},
                     {"31_60", "31–60 hari", 0, 0},
                     {"61_90", "61–90 hari", 0, 0},
                     {"over_90", "> 90 hari", 1, 99000}}};
    report.receivable = 549000;
    report.billed = 1050000;
    report.paid_on_billed = 450000;
    report.collection_rate_bp = 4286;
    report.dso_days = 26;
    report.mrr = 3000000;
    report.subscribers = 20;
    report.arpu = 150000;
    report.top_debtors = {{7, "CUST007", "Siti Rahayu", 300000, 2, {2025, 12, 10}}};
    return report;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_wire)

BOOST_AUTO_TEST_CASE(a_revenue_report_reads_back_to_the_same_report) {
    const Json written = api::to_json(revenue());
    const reports::RevenueReport read = api::revenue_report_from_json(written);
    BOOST_TEST(api::to_json(read) == written, api::to_json(read).dump() + " vs " + written.dump());
    BOOST_TEST((read.range.to == Period{2026, 1}));
    BOOST_TEST(read.months[0].cash_received == 250000);
    BOOST_TEST(read.months[0].credit_applied == 30000);
    BOOST_TEST((read.daily[0].day == Date{2026, 1, 15}));
    BOOST_TEST(read.by_gateway[0].collected == 150000);
    BOOST_TEST(read.total_late_fees_collected == 5000);
}

BOOST_AUTO_TEST_CASE(a_customer_report_reads_back_to_the_same_report) {
    const Json written = api::to_json(customers());
    const reports::CustomerReport read = api::customer_report_from_json(written);
    BOOST_TEST(api::to_json(read) == written, api::to_json(read).dump() + " vs " + written.dump());
    BOOST_TEST(read.months[1].new_customers == 3);
    BOOST_TEST(read.months[1].growth_bp == 526);
    BOOST_TEST(read.by_router[0].label == "Router Pusat");
    BOOST_TEST(read.inactive == 3);
}

BOOST_AUTO_TEST_CASE(a_billing_report_reads_back_to_the_same_report) {
    const Json written = api::to_json(billing());
    const reports::BillingReport read = api::billing_report_from_json(written);
    BOOST_TEST(api::to_json(read) == written, api::to_json(read).dump() + " vs " + written.dump());
    BOOST_TEST(read.aging[4].amount == 99000);
    BOOST_TEST_REQUIRE(read.top_debtors.size() == 1u);
    BOOST_TEST(read.top_debtors[0].service_number == "CUST007");
    BOOST_TEST((read.top_debtors[0].oldest_due == Date{2025, 12, 10}));
    BOOST_TEST(read.arpu == 150000);
}

BOOST_AUTO_TEST_CASE(missing_or_mistyped_report_fields_read_as_zero_empty_or_1970) {
    const Json odd{{"range", "2026"},
                   {"totals", {{"billed", "banyak"}, {"collected", 5}}},
                   {"months", Json::array({Json{{"period", 202601}, {"billed", 7}}, Json("x")})},
                   {"by_package", Json::object()},
                   {"daily", Json::array({Json{{"day", "15-01-2026"}, {"payments", 1}}})}};
    const reports::RevenueReport revenue = api::revenue_report_from_json(odd);
    BOOST_TEST((revenue.range.from == Period{}));
    BOOST_TEST(revenue.total_billed == 0);
    BOOST_TEST(revenue.total_collected == 5);
    BOOST_TEST_REQUIRE(revenue.months.size() == 1u, "a month that is not an object is skipped");
    BOOST_TEST((revenue.months[0].period == Period{}));
    BOOST_TEST(revenue.months[0].billed == 7);
    BOOST_TEST(revenue.by_package.empty());
    BOOST_TEST((revenue.daily.at(0).day == Date{}));
    BOOST_TEST(api::customer_report_from_json(Json::array()).months.empty());
    const reports::BillingReport health = api::billing_report_from_json(Json{{"aging", Json::array({Json{{"key", "current"}}})}, {"arpu", 1.5}});
    BOOST_TEST(health.aging[0].key == "current");
    BOOST_TEST(health.aging[1].key == "", "buckets the answer lacks stay empty");
    BOOST_TEST(health.arpu == 0);
    BOOST_TEST(api::billing_report_from_json(Json(nullptr)).top_debtors.empty());
}

BOOST_AUTO_TEST_SUITE_END()
