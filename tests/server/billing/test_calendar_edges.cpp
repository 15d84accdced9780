// The calendar's corners through the HTTP API, as an ISP meets them: due days 29, 30 and 31 in
// February (2027, and the leap February of 2028), customers joining on 31 January or 29 February,
// a package change on either side of the month's run, December into January (numbers restart, the
// year rolls) and a billing run prepared before midnight and approved after it.
#include <boost/test/unit_test.hpp>

#include "billing_test_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

constexpr UtcOffset kWib{7 * 60};

struct Calendar {
    TestServer server;
    std::string admin = server.login("superadmin");

    // Signs in again: a jump of months outlives the token.
    void set_time(const Date& date, int hour, int minute, int second = 0) {
        server.clock().set(unix_from_local(LocalDateTime{date, hour, minute, second}, kWib));
        admin = server.login("superadmin");
    }
    void sql(const std::string& statement) {
        auto db = store::Database::open(server.db_path());
        BOOST_TEST_REQUIRE(db.ok());
        auto done = (*db)->execute(statement);
        BOOST_TEST_REQUIRE(done.ok(), (done ? "" : done.error().message()));
    }
    // The customer's package (by price), join date and due day (0 = none, the default applies).
    void customer(int id, Money price, const std::string& join_date, int due_day = 0) {
        sql("UPDATE customers SET status = 'active', package_id = (SELECT MIN(id) FROM internet_packages WHERE price = " + std::to_string(price) +
            "), join_date = '" + join_date + "', due_day = " + (due_day ? std::to_string(due_day) : std::string("NULL")) +
            " WHERE id = " + std::to_string(id));
    }
    api::Json generate(const std::string& period) {
        const api::Json body = period.empty() ? api::Json{{"notify", false}} : api::Json{{"period", period}, {"notify", false}};
        auto reply = server.post("/api/invoices/generate", body.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return reply.json();
    }
    std::string of(int customer, const std::string& period, const std::string& column) {
        return server.scalar("SELECT " + column + " FROM invoices WHERE kind = 'monthly' AND customer_id = " + std::to_string(customer) +
                             " AND period = '" + period + "'");
    }
    HttpReply pay_in_full(const std::string& invoice_id) {
        const std::string total = server.scalar("SELECT total FROM invoices WHERE id = " + invoice_id);
        return server.post("/api/payments", R"({"invoice_id":)" + invoice_id + R"(,"amount":)" + total + R"(,"method":"cash"})", admin);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar_edges)

BOOST_AUTO_TEST_CASE(due_days_29_30_and_31_fall_on_the_last_day_of_february_in_2027_and_in_leap_2028) {
    Calendar calendar;
    for (int id : {2, 3, 4}) calendar.customer(id, 150000, "2026-06-01", 27 + id);  // due days 29, 30, 31
    calendar.set_time({2027, 2, 1}, 9, 0);
    calendar.generate("2027-02");
    for (int id : {2, 3, 4}) BOOST_TEST(calendar.of(id, "2027-02", "due_date") == "2027-02-28", id);
    calendar.set_time({2027, 3, 1}, 9, 0);
    calendar.generate("2027-03");
    BOOST_TEST(calendar.of(2, "2027-03", "due_date") == "2027-03-29");
    BOOST_TEST(calendar.of(3, "2027-03", "due_date") == "2027-03-30");
    BOOST_TEST(calendar.of(4, "2027-03", "due_date") == "2027-03-31");
    calendar.set_time({2027, 4, 1}, 9, 0);
    calendar.generate("2027-04");
    BOOST_TEST(calendar.of(4, "2027-04", "due_date") == "2027-04-30");
    calendar.set_time({2028, 2, 1}, 9, 0);
    calendar.generate("2028-02");
    BOOST_TEST(calendar.of(2, "2028-02", "due_date") == "2028-02-29");
    BOOST_TEST(calendar.of(3, "2028-02", "due_date") == "2028-02-29");
    BOOST_TEST(calendar.of(4, "2028-02", "due_date") == "2028-02-29");
}

BOOST_AUTO_TEST_CASE(joining_on_31_january_bills_one_day_of_31_due_a_week_later_then_february_in_full) {
    Calendar calendar;
    calendar.customer(2, 300000, "2026-01-31");
    calendar.set_time({2026, 1, 31}, 15, 0);
    calendar.generate("2026-01");
    BOOST_TEST(calendar.of(2, "2026-01", "total") == "9677");  // 300000 / 31 = 9677.41…
    BOOST_TEST(calendar.of(2, "2026-01", "issue_date") == "2026-01-31");
    BOOST_TEST(calendar.of(2, "2026-01", "due_date") == "2026-02-07");  // the 10th had passed: joining + 7 days
    calendar.set_time({2026, 2, 1}, 0, 1);
    calendar.generate("");
    BOOST_TEST(calendar.of(2, "2026-02", "total") == "300000");
    BOOST_TEST(calendar.of(2, "2026-02", "due_date") == "2026-02-10");
}

BOOST_AUTO_TEST_CASE(joining_on_29_february_2028_bills_one_day_of_29) {
    Calendar calendar;
    calendar.customer(2, 300000, "2028-02-29");
    calendar.customer(3, 300000, "2028-02-29", 31);  // due day 31: 29 February, the day they join
    calendar.set_time({2028, 2, 29}, 15, 0);
    calendar.generate("2028-02");
    BOOST_TEST(calendar.of(2, "2028-02", "total") == "10345");  // 300000 / 29 = 10344.83…
    BOOST_TEST(calendar.of(2, "2028-02", "due_date") == "2028-03-07");
    BOOST_TEST(calendar.of(3, "2028-02", "total") == "10345");
    BOOST_TEST(calendar.of(3, "2028-02", "due_date") == "2028-03-07");
    calendar.set_time({2028, 3, 1}, 0, 1);
    calendar.generate("");
    BOOST_TEST(calendar.of(2, "2028-03", "total") == "300000");
    BOOST_TEST(calendar.of(3, "2028-03", "due_date") == "2028-03-31");
}

BOOST_AUTO_TEST_CASE(a_package_change_bills_the_package_the_customer_has_when_the_month_is_billed) {
    Calendar calendar;
    calendar.customer(2, 150000, "2025-06-01");
    calendar.customer(3, 150000, "2025-06-01");
    calendar.set_time({2026, 1, 31}, 23, 30);
    // Customer 2 upgrades half an hour before February is billed, customer 3 half an hour after.
    const std::string faster = calendar.server.scalar("SELECT MIN(id) FROM internet_packages WHERE price = 300000");
    auto before = calendar.server.put("/api/customers/2", R"({"package_id":)" + faster + "}", calendar.admin);
    BOOST_TEST_REQUIRE(before.status == 200, before.body);
    calendar.set_time({2026, 2, 1}, 0, 1);
    calendar.generate("");
    calendar.set_time({2026, 2, 1}, 0, 30);
    auto after = calendar.server.put("/api/customers/3", R"({"package_id":)" + faster + "}", calendar.admin);
    BOOST_TEST_REQUIRE(after.status == 200, after.body);
    BOOST_TEST(calendar.of(2, "2026-02", "total") == "300000");
    BOOST_TEST(calendar.of(3, "2026-02", "total") == "150000");  // February was billed already; no mid-month proration
    calendar.set_time({2026, 3, 1}, 0, 1);
    calendar.generate("");
    BOOST_TEST(calendar.of(3, "2026-03", "total") == "300000");
}

BOOST_AUTO_TEST_CASE(december_into_january_restarts_the_numbers_and_rolls_the_year) {
    Calendar calendar;
    calendar.set_time({2026, 12, 31}, 23, 59, 30);
    const api::Json december = calendar.generate("");
    BOOST_TEST(december["period"] == "2026-12");
    BOOST_TEST(calendar.server.scalar("SELECT MIN(invoice_no) FROM invoices WHERE period = '2026-12'") == "INV-202612-00001");
    const std::string first = calendar.server.scalar("SELECT id FROM invoices WHERE invoice_no = 'INV-202612-00001'");
    auto paid_in_december = calendar.pay_in_full(first);
    BOOST_TEST_REQUIRE(paid_in_december.status == 201, paid_in_december.body);
    BOOST_TEST(paid_in_december.json()["receipt_no"] == "KW-202612-000001");
    // Paying December in full made January's invoice: period 2027-01, numbered in January.
    const api::Json next = paid_in_december.json()["data"]["next_invoice_id"];
    BOOST_TEST_REQUIRE(!next.is_null(), paid_in_december.body);
    BOOST_TEST(calendar.server.scalar("SELECT period FROM invoices WHERE id = " + next.dump()) == "2027-01");
    BOOST_TEST(calendar.server.scalar("SELECT invoice_no FROM invoices WHERE id = " + next.dump()) == "INV-202701-00001");

    calendar.set_time({2027, 1, 1}, 0, 0, 30);
    const api::Json january = calendar.generate("");
    BOOST_TEST(january["period"] == "2027-01");
    check_complete_and_gap_free(calendar.server, "2027-01");
    const std::string second = calendar.server.scalar("SELECT id FROM invoices WHERE invoice_no = 'INV-202612-00002'");
    auto paid_in_january = calendar.pay_in_full(second);
    BOOST_TEST_REQUIRE(paid_in_january.status == 201, paid_in_january.body);
    BOOST_TEST(paid_in_january.json()["receipt_no"] == "KW-202701-000001");
    BOOST_TEST(calendar.server.scalar("SELECT due_date FROM invoices WHERE id = " + second) == "2026-12-10");
}

BOOST_AUTO_TEST_CASE(a_run_prepared_before_midnight_and_approved_after_it_bills_and_numbers_the_month_it_was_prepared_for) {
    Calendar calendar;
    auto mode = calendar.server.put("/api/settings", R"({"invoice_run_mode":"approve"})", calendar.admin);
    BOOST_TEST_REQUIRE(mode.status == 200, mode.body);
    calendar.set_time({2026, 1, 31}, 23, 50);
    const api::Json prepared = calendar.generate("");
    BOOST_TEST_REQUIRE(prepared["prepared"] == true, prepared.dump());
    BOOST_TEST(prepared["period"] == "2026-01");
    calendar.set_time({2026, 2, 1}, 0, 10);
    auto approved = calendar.server.post("/api/invoice-runs/" + prepared["run_id"].dump() + "/approve", "{}", calendar.admin);
    BOOST_TEST_REQUIRE(approved.status == 200, approved.body);
    check_complete_and_gap_free(calendar.server, "2026-01");
    BOOST_TEST(std::stoll(calendar.server.scalar("SELECT COUNT(*) FROM invoices WHERE period <> '2026-01'")) == 0);
    BOOST_TEST(calendar.server.scalar("SELECT MIN(invoice_no) FROM invoices") == "INV-202601-00001");
    BOOST_TEST(std::stoll(calendar.server.scalar("SELECT COUNT(*) FROM invoices WHERE issue_date > '2026-01-31'")) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
