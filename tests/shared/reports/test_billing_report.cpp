#include <boost/test/unit_test.hpp>

#include "reports/billing_report.hpp"
#include "shared/reports/report_fixtures.hpp"

using namespace kimonet;
using namespace kimonet::reports;

namespace {

BillingReport fixture_report() {
    const std::vector<OpenInvoiceGroup> open = {
        {{2026, 1, 20}, 2, 200000},   // not yet due
        {{2026, 1, 15}, 1, 50000},    // due today: current
        {{2026, 1, 14}, 1, 100000},   // 1 day
        {{2025, 12, 16}, 1, 30000},   // 30 days
        {{2025, 12, 15}, 1, 40000},   // 31 days
        {{2025, 10, 17}, 1, 60000},   // 90 days
        {{2025, 10, 16}, 2, 70000},   // 91 days
    };
    const std::vector<SubscriptionGroup> subscriptions = {{150000, 4}, {250000, 3}};
    std::vector<Debtor> debtors;
    for (int i = 1; i <= 12; ++i) debtors.push_back({i, "CUST0" + std::to_string(i), "Debitur " + std::to_string(i), i * 1000, 1, {2025, 12, i}});
    const auto invoices = fixtures::invoices();
    return billing_report(fixtures::kRange, Date{2026, 1, 15}, invoices, open, subscriptions, debtors);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(billing_report)

BOOST_AUTO_TEST_CASE(aging_buckets_split_at_0_30_60_90_days_overdue) {
    const auto report = fixture_report();
    BOOST_TEST(report.aging[0].key == "current");
    BOOST_TEST(report.aging[0].invoices == 3);
    BOOST_TEST(report.aging[0].amount == 250000);
    BOOST_TEST(report.aging[1].amount == 130000);
    BOOST_TEST(report.aging[1].invoices == 2);
    BOOST_TEST(report.aging[2].amount == 40000);
    BOOST_TEST(report.aging[3].amount == 60000);
    BOOST_TEST(report.aging[4].key == "over_90");
    BOOST_TEST(report.aging[4].amount == 70000);
    BOOST_TEST(report.receivable == 550000);
}

BOOST_AUTO_TEST_CASE(collection_rate_and_dso_over_the_range) {
    const auto report = fixture_report();
    BOOST_TEST(report.billed == 950000);  // void and November excluded
    BOOST_TEST(report.paid_on_billed == 500000);
    BOOST_TEST(report.collection_rate_bp == 5263);  // 52.63 %
    // 550,000 open / 950,000 billed × 46 days (1 Dec – 15 Jan) = 26.6 → 27
    BOOST_TEST(report.dso_days == 27);
}

BOOST_AUTO_TEST_CASE(mrr_arpu_and_top_ten_debtors) {
    const auto report = fixture_report();
    BOOST_TEST(report.mrr == 1350000);
    BOOST_TEST(report.subscribers == 7);
    BOOST_TEST(report.arpu == 192857);  // 1,350,000 / 7 = 192,857.14
    BOOST_TEST_REQUIRE(report.top_debtors.size() == 10u);
    BOOST_TEST(report.top_debtors.front().outstanding == 12000);
    BOOST_TEST(report.top_debtors.back().outstanding == 3000);
}

BOOST_AUTO_TEST_CASE(aging_bucket_edges) {
    BOOST_TEST(aging_bucket_index(-3) == 0u);
    BOOST_TEST(aging_bucket_index(0) == 0u);
    BOOST_TEST(aging_bucket_index(1) == 1u);
    BOOST_TEST(aging_bucket_index(30) == 1u);
    BOOST_TEST(aging_bucket_index(31) == 2u);
    BOOST_TEST(aging_bucket_index(61) == 3u);
    BOOST_TEST(aging_bucket_index(90) == 3u);
    BOOST_TEST(aging_bucket_index(91) == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
