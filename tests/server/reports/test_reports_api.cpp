#include <boost/test/unit_test.hpp>

#include "server/reports/report_fixture.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

api::Json report(TestServer& server, const std::string& name, const std::string& token) {
    auto reply = server.get("/api/reports/" + name + "?from=2025-12&to=2026-01", token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    return reply.json()["data"];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_api)

BOOST_AUTO_TEST_CASE(revenue_matches_the_hand_computed_ledger) {
    TestServer server;
    load_report_fixture(server);
    const auto data = report(server, "revenue", server.login("finance"));
    const auto& months = data["months"];
    BOOST_TEST_REQUIRE(months.size() == 2u);
    BOOST_TEST(months[0]["billed"].get<std::int64_t>() == 200000);  // the void of 200,000 is out
    BOOST_TEST(months[0]["paid_on_billed"].get<std::int64_t>() == 140000);
    BOOST_TEST(months[0]["collected"].get<std::int64_t>() == 140000);
    BOOST_TEST(months[0]["cash_received"].get<std::int64_t>() == 150000);  // 10,000 overpaid into credit
    BOOST_TEST(months[1]["billed"].get<std::int64_t>() == 210000);
    BOOST_TEST(months[1]["collected"].get<std::int64_t>() == 110000);
    BOOST_TEST(months[1]["credit_applied"].get<std::int64_t>() == 10000);
    BOOST_TEST(months[1]["late_fees_collected"].get<std::int64_t>() == 10000);
    BOOST_TEST(data["totals"]["voided_amount"].get<std::int64_t>() == 200000);
    BOOST_TEST(data["totals"]["collected"].get<std::int64_t>() == 250000);
    BOOST_TEST_REQUIRE(data["by_package"].size() == 1u);
    BOOST_TEST(data["by_package"][0]["label"].get<std::string>() == "Rep A");
    BOOST_TEST(data["by_package"][0]["billed"].get<std::int64_t>() == 410000);
    BOOST_TEST(data["by_router"][0]["label"].get<std::string>() == "Rep Pusat");
    BOOST_TEST_REQUIRE(data["by_method"].size() == 4u);
    BOOST_TEST(data["by_method"][2]["key"].get<std::string>() == "bank_transfer");
    BOOST_TEST(data["by_method"][2]["collected"].get<std::int64_t>() == 40000);
    BOOST_TEST_REQUIRE(data["by_gateway"].size() == 1u);
    BOOST_TEST(data["by_gateway"][0]["key"].get<std::string>() == "midtrans");
    BOOST_TEST(data["by_gateway"][0]["collected"].get<std::int64_t>() == 100000);
    BOOST_TEST_REQUIRE(data["daily"].size() == 3u);
    BOOST_TEST(data["daily"][2]["day"].get<std::string>() == "2026-01-12");
    BOOST_TEST(data["daily"][2]["collected"].get<std::int64_t>() == 110000);
    BOOST_TEST(data["series"]["collected"][0].get<std::int64_t>() == 140000);
}

BOOST_AUTO_TEST_CASE(customers_report_counts_joins_leavers_and_isolations) {
    TestServer server;
    load_report_fixture(server);
    const auto data = report(server, "customers", server.login("finance"));
    const auto& months = data["months"];
    BOOST_TEST_REQUIRE(months.size() == 2u);
    BOOST_TEST(months[0]["active"].get<std::int64_t>() == 2);
    BOOST_TEST(months[0]["new"].get<std::int64_t>() == 1);
    BOOST_TEST(months[0]["churned"].get<std::int64_t>() == 1);
    BOOST_TEST(months[0]["growth_bp"].get<std::int64_t>() == 0);
    BOOST_TEST(months[1]["active"].get<std::int64_t>() == 3);
    BOOST_TEST(months[1]["new"].get<std::int64_t>() == 1);
    BOOST_TEST(months[1]["isolated"].get<std::int64_t>() == 1);
    BOOST_TEST(months[1]["growth_bp"].get<std::int64_t>() == 5000);  // +1 on 2
    BOOST_TEST(data["totals"]["total"].get<std::int64_t>() == 4);
    BOOST_TEST(data["totals"]["isolated"].get<std::int64_t>() == 1);
    BOOST_TEST(data["totals"]["inactive"].get<std::int64_t>() == 1);
}

BOOST_AUTO_TEST_CASE(billing_report_ages_receivables_as_of_today) {
    TestServer server;
    load_report_fixture(server);
    const auto data = report(server, "billing", server.login("finance"));
    BOOST_TEST(data["as_of"].get<std::string>() == "2026-01-15");
    BOOST_TEST(data["aging"][0]["amount"].get<std::int64_t>() == 100000);  // due 20 Jan
    BOOST_TEST(data["aging"][1]["amount"].get<std::int64_t>() == 60000);   // 26 days
    BOOST_TEST(data["aging"][2]["amount"].get<std::int64_t>() == 0);
    BOOST_TEST(data["aging"][4]["amount"].get<std::int64_t>() == 200000);  // 97 days
    BOOST_TEST(data["receivable"].get<std::int64_t>() == 360000);
    BOOST_TEST(data["collection_rate_bp"].get<std::int64_t>() == 6098);  // 250,000 / 410,000
    BOOST_TEST(data["dso_days"].get<std::int64_t>() == 40);             // 360,000 / 410,000 × 46
    BOOST_TEST(data["mrr"].get<std::int64_t>() == 400000);
    BOOST_TEST(data["arpu"].get<std::int64_t>() == 133333);
    BOOST_TEST_REQUIRE(data["top_debtors"].size() == 2u);
    BOOST_TEST(data["top_debtors"][0]["service_number"].get<std::string>() == "REP003");
    BOOST_TEST(data["top_debtors"][1]["outstanding"].get<std::int64_t>() == 160000);
    BOOST_TEST(data["top_debtors"][1]["oldest_due"].get<std::string>() == "2025-12-20");
}

BOOST_AUTO_TEST_CASE(bad_ranges_are_422_with_field_messages_and_technicians_are_refused) {
    TestServer server;
    const std::string token = server.login("finance");
    auto reversed = server.get("/api/reports/revenue?from=2026-02&to=2026-01", token);
    BOOST_TEST(reversed.status == 422);
    BOOST_TEST(reversed.json()["error"]["fields"].contains("from"));
    auto garbage = server.get("/api/reports/billing?to=januari", token);
    BOOST_TEST(garbage.status == 422);
    BOOST_TEST(garbage.json()["error"]["fields"].contains("to"));
    BOOST_TEST(server.get("/api/reports/customers", server.login("technician")).status == 403);
}

BOOST_AUTO_TEST_SUITE_END()
