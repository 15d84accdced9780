#include <boost/test/unit_test.hpp>

#include "reports/customer_report.hpp"
#include "shared/reports/report_fixtures.hpp"

using namespace kimonet;
using namespace kimonet::reports;

namespace {

CustomerReport fixture_report() {
    const std::vector<CustomerGroup> customers = {
        {1, 1, "active", {2025, 6, 1}, false, {}, 3},
        {1, 1, "isolated", {2025, 12, 15}, false, {}, 1},
        {2, 0, "inactive", {2025, 5, 1}, true, {2025, 12, 20}, 1},
        {2, 2, "active", {2026, 1, 10}, false, {}, 2},
        {2, 2, "terminated", {2025, 12, 1}, true, {2026, 1, 31}, 1},
    };
    const std::vector<IsolationGroup> isolations = {{{2025, 11}, 5}, {{2025, 12}, 1}, {{2026, 1}, 2}};
    return customer_report(fixtures::kRange, customers, isolations, fixtures::labels());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(customer_report)

BOOST_AUTO_TEST_CASE(active_new_churned_and_isolated_per_month) {
    const auto report = fixture_report();
    BOOST_TEST_REQUIRE(report.months.size() == 2u);
    // December: 3 old + 1 isolated newcomer + the one leaving in January = 5; the one leaving on 20 Dec is gone.
    BOOST_TEST(report.months[0].active == 5);
    BOOST_TEST(report.months[0].new_customers == 2);
    BOOST_TEST(report.months[0].churned == 1);
    BOOST_TEST(report.months[0].isolated == 1);
    // January: 3 + 1 + 2 newcomers; the customer leaving on 31 Jan is no longer active at its end.
    BOOST_TEST(report.months[1].active == 6);
    BOOST_TEST(report.months[1].new_customers == 2);
    BOOST_TEST(report.months[1].churned == 1);
    BOOST_TEST(report.months[1].isolated == 2);
}

BOOST_AUTO_TEST_CASE(growth_is_net_new_against_the_previous_month_end) {
    const auto report = fixture_report();
    BOOST_TEST(report.months[0].net_growth == 1);
    BOOST_TEST(report.months[0].growth_bp == 2500);  // +1 on 4 active at the end of November
    BOOST_TEST(report.months[1].net_growth == 1);
    BOOST_TEST(report.months[1].growth_bp == 2000);  // +1 on 5
}

BOOST_AUTO_TEST_CASE(today_by_package_and_router_by_status) {
    const auto report = fixture_report();
    BOOST_TEST(report.total == 8);
    BOOST_TEST(report.active == 5);
    BOOST_TEST(report.isolated == 1);
    BOOST_TEST(report.inactive == 2);
    BOOST_TEST_REQUIRE(report.by_package.size() == 2u);
    BOOST_TEST(report.by_package[0].label == "Home 10 Mbps");
    BOOST_TEST(report.by_package[0].active == 3);
    BOOST_TEST(report.by_package[0].isolated == 1);
    BOOST_TEST(report.by_package[1].inactive == 2);
    BOOST_TEST_REQUIRE(report.by_router.size() == 3u);
    BOOST_TEST(report.by_router[0].label == "Pusat");
    BOOST_TEST(report.by_router[1].label == "Cabang");
    BOOST_TEST(report.by_router[1].total == 3);
    BOOST_TEST(report.by_router[2].label == "Tanpa router");
}

BOOST_AUTO_TEST_SUITE_END()
