// The owner's first screen reconciles with the revenue report: a month with credit notes shows
// them beside what was billed, the collection rate is of what is still owed after them, and money
// paid back to customers (refunds) is a figure of its own; a month without them shows neither.
#include <boost/test/unit_test.hpp>

#include "view_harness.hpp"

using kimonet::testing::ViewHarness;

namespace {

const std::vector<std::string> kOwner = {"customers.read", "invoices.read", "payments.read"};

kimonet::api::Json dashboard(std::int64_t credited, std::int64_t refunded) {
    const kimonet::api::Json billing = {{"period", "2026-12"},
                                        {"billed", 10'000'000},
                                        {"credited", credited},
                                        {"net_billed", 10'000'000 - credited},
                                        {"collected", 4'750'000},
                                        {"refunded", refunded},
                                        {"invoices", 50},
                                        {"overdue_total", 0},
                                        {"overdue_count", 0},
                                        {"outstanding_total", 0},
                                        {"gateway_review", {{"count", 0}, {"total", 0}}},
                                        {"months", kimonet::api::Json::array()}};
    const kimonet::api::Json data = {{"customers", {{"active", 50}, {"isolated", 0}, {"inactive", 0}, {"total", 50}}},
                                     {"money_visible", true},
                                     {"billing", billing},
                                     {"jobs", {{"failures", 0}, {"jobs", kimonet::api::Json::array()}}}};
    return {{"success", true}, {"data", data}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dashboard_money)

BOOST_AUTO_TEST_CASE(credit_notes_and_refunds_of_the_month_are_on_the_owners_first_screen) {
    ViewHarness harness("dashboard");
    harness.api().answer("GET", "/api/dashboard", dashboard(500'000, 250'000));
    harness.sign_in_staff(kOwner, "admin");
    harness.settle();
    BOOST_TEST(harness.value("dashboard.stat.billed") == "Rp 10.000.000");
    BOOST_TEST(harness.value("dashboard.note.billed") == "50 tagihan; nota kredit Rp 500.000, bersih Rp 9.500.000");
    // 4.750.000 of the 9.500.000 still owed after the credit notes: 50 %, not 47 %.
    BOOST_TEST(harness.value("dashboard.note.collected") == "50% dari yang ditagih bersih");
    BOOST_TEST(harness.value("dashboard.label.refunded") == "Dikembalikan bulan ini");
    BOOST_TEST(harness.value("dashboard.stat.refunded") == "Rp 250.000");
}

BOOST_AUTO_TEST_CASE(a_month_without_credit_notes_or_refunds_reads_as_before) {
    ViewHarness harness("dashboard");
    harness.api().answer("GET", "/api/dashboard", dashboard(0, 0));
    harness.sign_in_staff(kOwner, "admin");
    harness.settle();
    BOOST_TEST(harness.value("dashboard.note.billed") == "50 tagihan");
    BOOST_TEST(harness.value("dashboard.note.collected") == "47% dari yang ditagih");
    BOOST_TEST(!harness.find("dashboard.stat.refunded").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
