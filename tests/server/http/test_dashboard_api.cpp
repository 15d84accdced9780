// GET /api/dashboard over real HTTP on the demo seed (2026-01-15 09:00 WIB): customers by status,
// billed vs collected this month, overdue, 12 months of revenue, today's jobs and failures, and the
// money figures hidden from a role without invoices.read.
#include <boost/test/unit_test.hpp>

#include "rbac/permissions.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::TestServer;

namespace {

std::int64_t sql_int(TestServer& server, const std::string& sql) { return std::stoll(server.scalar(sql)); }

struct Session {
    TestServer server;
    std::string finance = server.login("finance");

    Json dashboard(const std::string& token) {
        auto reply = server.get("/api/dashboard", token);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return reply.json()["data"];
    }
    // Every invoice of a period, through the API (the figures are checked against these, not SQL).
    Json invoices(const std::string& period) {
        auto reply = server.get("/api/invoices?per_page=500&period=" + period, finance);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return reply.json()["data"];
    }
    std::int64_t pay(const Json& invoice, std::int64_t amount) {
        auto reply = server.post("/api/payments",
                                 Json{{"invoice_id", invoice["id"]}, {"amount", amount}, {"method", "cash"},
                                      {"confirm", amount < invoice["total"].get<std::int64_t>() ? "partial" : "overpayment"}}.dump(),
                                 finance);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return amount;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(dashboard_api, Session)

BOOST_AUTO_TEST_CASE(customers_by_status_on_the_demo_seed) {
    // The demo seed: 50 customers, every 17th inactive (CUST017, CUST034); one isolated by hand.
    BOOST_TEST_REQUIRE(server.put("/api/customers/5", R"({"status":"isolated"})", server.login("admin")).status == 200);
    const Json customers = dashboard(finance)["customers"];
    BOOST_TEST(customers["total"] == 50);
    BOOST_TEST(customers["inactive"] == 2);
    BOOST_TEST(customers["isolated"] == 1);
    BOOST_TEST(customers["active"] == 47);
    BOOST_TEST(customers["active"].get<std::int64_t>() == sql_int(server, "SELECT COUNT(*) FROM customers WHERE status = 'active'"));
}

BOOST_AUTO_TEST_CASE(billed_collected_overdue_and_twelve_months) {
    // Nothing billed yet: zeros, but twelve months ending with this one.
    Json empty = dashboard(finance)["billing"];
    BOOST_TEST(empty["billed"] == 0);
    BOOST_TEST(empty["collected"] == 0);
    BOOST_TEST(empty["months"].size() == 12u);
    BOOST_TEST(empty["months"].front()["period"] == "2025-02");
    BOOST_TEST(empty["months"].back()["period"] == "2026-01");

    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2025-12"})", finance).status == 200);
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 200);
    const Json december = invoices("2025-12"), january = invoices("2026-01");
    BOOST_TEST_REQUIRE(january.size() > 10u);
    std::int64_t billed_january = 0, billed_december = 0;
    for (const auto& invoice : january) billed_january += invoice["total"].get<std::int64_t>();
    for (const auto& invoice : december) billed_december += invoice["total"].get<std::int64_t>();

    // Payments today (January): one January invoice in full, one December invoice in part.
    std::int64_t collected = pay(january[0], january[0]["total"].get<std::int64_t>());
    collected += pay(december[1], 50000);

    // Overdue = what is still open on invoices due before today, from the invoices themselves.
    std::int64_t overdue = 0;
    int overdue_count = 0;
    for (const Json* list : {&december, &january})
        for (const auto& invoice : *list)
            if (invoice["due_date"].get<std::string>() < "2026-01-15") {
                std::int64_t open = invoice["total"].get<std::int64_t>();
                if (invoice["id"] == december[1]["id"]) open -= 50000;
                if (invoice["id"] == january[0]["id"]) open = 0;
                if (open > 0) ++overdue_count;
                overdue += open;
            }

    const Json billing = dashboard(finance)["billing"];
    BOOST_TEST(billing["period"] == "2026-01");
    BOOST_TEST(billing["billed"].get<std::int64_t>() == billed_january);
    BOOST_TEST(billing["invoices"].get<std::size_t>() == january.size());
    BOOST_TEST(billing["collected"].get<std::int64_t>() == collected);
    BOOST_TEST(billing["overdue_total"].get<std::int64_t>() == overdue);
    BOOST_TEST(billing["overdue_count"].get<int>() == overdue_count);
    BOOST_TEST(overdue > 0);  // December's invoices fall due before mid-January

    const Json months = billing["months"];
    BOOST_TEST(months[11]["billed"].get<std::int64_t>() == billed_january);
    BOOST_TEST(months[11]["collected"].get<std::int64_t>() == collected);  // both payments land in January
    BOOST_TEST(months[10]["period"] == "2025-12");
    BOOST_TEST(months[10]["billed"].get<std::int64_t>() == billed_december);
    BOOST_TEST(months[10]["collected"] == 0);
    BOOST_TEST(months[0]["billed"] == 0);

    // A voided invoice is no longer billed.
    auto voided = server.post("/api/invoices/" + std::to_string(january[2]["id"].get<std::int64_t>()) + "/void",
                              R"({"reason":"salah paket"})", finance);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    BOOST_TEST(dashboard(finance)["billing"]["billed"].get<std::int64_t>() == billed_january - january[2]["total"].get<std::int64_t>());
}

BOOST_AUTO_TEST_CASE(todays_jobs_and_failures) {
    const std::int64_t now = server.app().clock().now();
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(db.ok());
    BOOST_TEST_REQUIRE((*db)->execute("INSERT INTO job_runs(job, key, status, started_at, finished_at, duration_ms, result) VALUES "
                                      "('auto_isolir', '2026-01-15T08:00', 'failed', " + std::to_string(now - 3600) + ", " +
                                      std::to_string(now - 3599) + ", 120, '{\"error\":\"router tidak menjawab\"}'), "
                                      "('auto_isolir', '2026-01-14T08:00', 'failed', " + std::to_string(now - 90000) +
                                      ", NULL, NULL, '{\"error\":\"kemarin\"}')").ok());
    const Json jobs = dashboard(finance)["jobs"];
    BOOST_TEST(jobs["date"] == "2026-01-15");
    BOOST_TEST(jobs["failures"] == 1);  // yesterday's failure is not today's
    const Json* isolir = nullptr;
    for (const auto& job : jobs["jobs"])
        if (job["name"] == "auto_isolir") isolir = &job;
    BOOST_TEST_REQUIRE(isolir != nullptr);
    BOOST_TEST((*isolir)["schedule"] == "0 8 * * *");
    BOOST_TEST((*isolir)["slots_today"] == 1);
    BOOST_TEST((*isolir)["next_slot"].is_null());  // 08:00 has passed at 09:00
    BOOST_TEST_REQUIRE((*isolir)["runs"].size() == 1u);
    BOOST_TEST((*isolir)["runs"][0]["status"] == "failed");
    BOOST_TEST((*isolir)["runs"][0]["error"] == "router tidak menjawab");
    for (const auto& job : jobs["jobs"])
        if (job["name"] == "invoice_generation") BOOST_TEST(job["slots_today"] == 0);  // the 1st of the month only
}

BOOST_AUTO_TEST_CASE(money_is_hidden_without_invoices_read_and_customers_are_refused) {
    const std::string superadmin = server.login("superadmin");
    const std::string technician_role = server.scalar("SELECT id FROM roles WHERE name = 'technician'");
    Json permissions = Json::array();
    for (auto permission : rbac::default_permissions("technician"))
        if (permission != "invoices.read") permissions.push_back(permission);
    BOOST_TEST_REQUIRE(server.put("/api/roles/" + technician_role + "/permissions", Json{{"permissions", permissions}}.dump(), superadmin)
                           .status == 200);
    const Json technician = dashboard(server.login("technician"));
    BOOST_TEST(technician["money_visible"] == false);
    BOOST_TEST(!technician.contains("billing"));
    BOOST_TEST(technician["customers"]["total"] == 50);
    BOOST_TEST(dashboard(finance)["money_visible"] == true);

    auto customer = server.get("/api/dashboard", server.login("CUST001"));
    BOOST_TEST(customer.status == 403);
    BOOST_TEST(customer.error_code() == "forbidden");
    BOOST_TEST(server.get("/api/dashboard").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
