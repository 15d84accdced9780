// An ISP in Makassar (WITA, +08:00) or Jayapura (WIT, +09:00) sets its zone once on the settings
// screen (the `timezone` setting) and every date the product works out follows it, through the
// HTTP API: "today" of the cash day and the dashboard, the default period of an invoice run, the
// month in receipt and invoice numbers, dunning's day and isolation hours, report months, the
// scheduler's slots, and the times (with WITA/WIT) in WhatsApp messages and on the receipt PDF.
// The clock is set around local midnight, where Jakarta's day is still (or already) another one.
#include <boost/test/unit_test.hpp>

#include "billing_test_support.hpp"
#include "../dunning/dunning_fixture.hpp"
#include "../payments/cash_field.hpp"
#include "jobs/scheduler.hpp"
#include "support/pdf_text.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

constexpr UtcOffset kWita{8 * 60}, kWit{9 * 60};

std::int64_t at(const Date& date, int hour, int minute, UtcOffset offset) { return unix_from_local(LocalDateTime{date, hour, minute, 0}, offset); }

void use_zone(TestServer& server, const std::string& admin, const std::string& zone, api::Json more = api::Json::object()) {
    more["timezone"] = zone;
    auto saved = server.put("/api/settings", more.dump(), admin);
    BOOST_TEST_REQUIRE(saved.status == 200, saved.body);
}

// Moves the clock and signs in again (a jump of days outlives the token).
std::string set_time_and_sign_in(TestServer& server, std::int64_t unix_seconds, const std::string& user = "superadmin") {
    server.clock().set(unix_seconds);
    // The cash field's collectors chose their own password (payments/cash_field.hpp).
    return user.starts_with("kolektor.") ? server.login(user, "Jalan-Keliling-77") : server.login(user);
}

std::int64_t number(TestServer& server, const std::string& sql) { return std::stoll(server.scalar(sql)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(time_zones)

BOOST_AUTO_TEST_CASE(half_past_midnight_in_makassar_is_already_the_next_day_for_cash_and_the_dashboard) {
    CashField field;
    use_zone(field.server, field.admin, "WITA");
    const auto invoice = field.invoice(1, 150000);
    // 16 January 00:30 WITA = 15 January 23:30 in Jakarta.
    const std::string late = set_time_and_sign_in(field.server, at({2026, 1, 16}, 0, 30, kWita));
    auto dashboard = field.server.get("/api/dashboard", late);
    BOOST_TEST_REQUIRE(dashboard.status == 200, dashboard.body);
    BOOST_TEST(dashboard.json()["data"]["today"] == "2026-01-16", dashboard.body.substr(0, 200));
    // The browser app is told the zone too, to show its dates and times in it.
    BOOST_TEST(field.server.get("/api/me", late).json()["user"]["time_zone"] == "+08:00");

    // A collector's cash taken at 00:30 belongs to the 16th's cash day.
    const std::string collector = set_time_and_sign_in(field.server, at({2026, 1, 16}, 0, 30, kWita), "kolektor.barat");
    auto paid = field.collect(invoice, field.total_of(invoice), collector, "hp-barat-0030");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    auto day = field.server.get("/api/cash/day", collector);
    BOOST_TEST_REQUIRE(day.status == 200, day.body);
    BOOST_TEST(day.json()["data"]["date"] == "2026-01-16");
    BOOST_TEST(day.json()["data"]["collections"] == 1, day.body);
    BOOST_TEST(field.server.scalar("SELECT business_date FROM cash_ledger") == "2026-01-16");
}

BOOST_AUTO_TEST_CASE(an_invoice_run_and_a_payment_just_after_midnight_on_the_first_belong_to_the_new_local_month) {
    TestServer server;
    const std::string admin = server.login("superadmin");
    use_zone(server, admin, "Asia/Jayapura");
    // 1 February 00:30 WIT = 31 January 22:30 in Jakarta.
    const std::string night = set_time_and_sign_in(server, at({2026, 2, 1}, 0, 30, kWit));
    auto generated = server.post("/api/invoices/generate", R"({"notify":false})", night);
    BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    BOOST_TEST(generated.json()["period"] == "2026-02", generated.body);
    BOOST_TEST(server.scalar("SELECT MIN(invoice_no) FROM invoices WHERE period = '2026-02'") == "INV-202602-00001");
    BOOST_TEST(number(server, "SELECT COUNT(*) FROM invoices WHERE period = '2026-01'") == 0);

    const std::string invoice = server.scalar("SELECT MIN(id) FROM invoices");
    const std::string total = server.scalar("SELECT total FROM invoices WHERE id = " + invoice);
    auto paid = server.post("/api/payments", R"({"invoice_id":)" + invoice + R"(,"amount":)" + total + R"(,"method":"cash"})", night);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(paid.json()["receipt_no"].get<std::string>().starts_with("KW-202602-"), paid.body);

    // The revenue report counts it in February (the local month), on 1 February.
    auto report = server.get("/api/reports/revenue?from=2026-01&to=2026-02", night);
    BOOST_TEST_REQUIRE(report.status == 200, report.body);
    const api::Json data = report.json()["data"];
    BOOST_TEST(data["months"][0]["collected"] == 0, data["months"].dump());
    BOOST_TEST(data["months"][1]["collected"] == std::stoll(total), data["months"].dump());
    BOOST_TEST_REQUIRE(data["daily"].size() == 1u, data["daily"].dump());
    BOOST_TEST(data["daily"][0]["day"] == "2026-02-01");
}

BOOST_AUTO_TEST_CASE(a_payment_time_typed_by_a_makassar_cashier_is_read_in_wita) {
    TestServer server;
    const std::string admin = server.login("superadmin");
    use_zone(server, admin, "WITA");
    const std::string cashier = set_time_and_sign_in(server, at({2026, 2, 1}, 10, 0, kWita));
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false})", cashier).status == 200);
    const std::string invoice = server.scalar("SELECT MIN(id) FROM invoices");
    const std::string total = server.scalar("SELECT total FROM invoices WHERE id = " + invoice);
    // Cash taken at 00:15 on 1 February in Makassar (31 January 23:15 in Jakarta).
    auto paid = server.post("/api/payments",
                            R"({"invoice_id":)" + invoice + R"(,"amount":)" + total + R"(,"method":"cash","paid_at":"2026-02-01 00:15"})", cashier);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(number(server, "SELECT paid_at FROM payments") == at({2026, 2, 1}, 0, 15, kWita));
    BOOST_TEST(paid.json()["receipt_no"].get<std::string>().starts_with("KW-202602-"), paid.body);
}

BOOST_AUTO_TEST_CASE(whatsapp_receipts_and_the_receipt_pdf_show_local_time_with_the_zone_name) {
    TestServer server;
    const std::string admin = server.login("superadmin");
    use_zone(server, admin, "WITA");
    server.clock().set(at({2026, 1, 15}, 10, 5, kWita));
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false})", admin).status == 200);
    const std::string invoice = server.scalar("SELECT MIN(id) FROM invoices");
    const std::string total = server.scalar("SELECT total FROM invoices WHERE id = " + invoice);
    auto paid = server.post("/api/payments", R"({"invoice_id":)" + invoice + R"(,"amount":)" + total + R"(,"method":"cash"})", admin);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);

    const std::string message = server.scalar("SELECT body FROM notifications WHERE template = 'payment_confirmation'");
    BOOST_TEST(message.find("15 Januari 2026 pukul 10.05 WITA") != std::string::npos, message);

    TempDir dir;
    auto pdf = server.get("/api/payments/" + paid.json()["data"]["id"].dump() + "/pdf", admin);
    BOOST_TEST_REQUIRE(pdf.status == 200, pdf.body.substr(0, 300));
    const std::string text = pdf_text(dir, pdf.body);
    BOOST_TEST(text.find("15 Januari 2026 pukul 10.05 WITA") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(a_zone_the_product_cannot_read_is_refused_and_changes_nothing) {
    TestServer server;
    const std::string admin = server.login("superadmin");
    const std::string before = server.snapshot();
    for (const char* zone : {"Makassar", "+25:00", "GMT+8", "WITA "}) {
        auto refused = server.put("/api/settings", api::Json{{"timezone", zone}}.dump(), admin);
        BOOST_TEST(refused.status == 422, zone << ": " << refused.body);
        BOOST_TEST(refused.json()["error"]["fields"]["timezone"].is_string(), refused.body);
    }
    BOOST_TEST(server.snapshot() == before);
    use_zone(server, admin, "+08:00");
    use_zone(server, admin, "");  // back to the server's KIMONET_TZ (WIB here)
    const std::string late = set_time_and_sign_in(server, at({2026, 1, 16}, 0, 30, kWita));
    BOOST_TEST(server.get("/api/dashboard", late).json()["data"]["today"] == "2026-01-15");
}

BOOST_AUTO_TEST_CASE(the_monthly_invoice_job_at_00_01_wita_bills_the_new_month) {
    TestServer server;
    const std::string admin = server.login("superadmin");
    use_zone(server, admin, "WITA");
    std::vector<jobs::Job> invoice_job;
    for (auto& job : jobs::default_jobs(store::Engine::Sqlite))
        if (job.name == "invoice_generation") invoice_job.push_back(std::move(job));
    BOOST_TEST_REQUIRE(invoice_job.size() == 1u);
    server.clock().set(at({2026, 1, 31}, 12, 0, kWita));
    jobs::Scheduler scheduler(server.app(), invoice_job);
    BOOST_TEST_REQUIRE(scheduler.tick().ok());  // January's missed slot
    BOOST_TEST(number(server, "SELECT COUNT(*) FROM invoices WHERE period = '2026-01'") == billable_count(server, "2026-01"));

    server.clock().set(at({2026, 2, 1}, 0, 0, kWita) + 59);
    BOOST_TEST(*scheduler.tick() == 0);
    // 00:01 WITA is 23:01 on 31 January in Jakarta: February is what Makassar bills now.
    server.clock().set(at({2026, 2, 1}, 0, 1, kWita));
    BOOST_TEST(*scheduler.tick() == 1);
    check_complete_and_gap_free(server, "2026-02");
    BOOST_TEST(server.scalar("SELECT MAX(key) FROM job_runs WHERE job = 'invoice_generation'") == "2026-02-01T00:01");
}

BOOST_AUTO_TEST_CASE(dunning_isolates_on_the_makassar_day_not_the_jakarta_one) {
    DunningFixture fixture;
    use_zone(fixture.server, fixture.admin, "WITA", {{"isolir_hours", "off"}});
    fixture.server.clock().set(at({2026, 1, 15}, 10, 0, kWita));  // 09:00 in Jakarta, when the fixture signed in
    fixture.create_invoice(2, "2026-01-24");  // isolation (H+7) on 31 January
    auto run = [&](const Date& date, int hour, int minute) {
        const std::string admin = set_time_and_sign_in(fixture.server, at(date, hour, minute, kWita));
        auto reply = fixture.server.post("/api/dunning/run", "{}", admin);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    };
    run({2026, 1, 30}, 23, 30);
    BOOST_TEST(fixture.status(2) == "active");
    // 00:30 WITA on 31 January; still 30 January in Jakarta.
    run({2026, 1, 31}, 0, 30);
    BOOST_TEST(fixture.status(2) == "isolated");
    BOOST_TEST(fixture.server.scalar("SELECT step_date FROM dunning_actions WHERE action = 'isolate'") == "2026-01-31");
    BOOST_TEST(fixture.profile_on_router(2) == "ISOLIR");
}

BOOST_AUTO_TEST_CASE(isolation_keeps_to_the_local_isolir_hours_in_jayapura) {
    DunningFixture fixture;
    use_zone(fixture.server, fixture.admin, "WIT");  // isolir_hours 08:00-20:00 (default), local
    fixture.server.clock().set(at({2026, 1, 15}, 11, 0, kWit));  // 09:00 in Jakarta, when the fixture signed in
    fixture.create_invoice(2, "2026-01-24");
    auto run = [&](const Date& date, int hour, int minute) {
        const std::string admin = set_time_and_sign_in(fixture.server, at(date, hour, minute, kWit));
        auto reply = fixture.server.post("/api/dunning/run", "{}", admin);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    };
    run({2026, 1, 31}, 21, 30);  // 19:30 in Jakarta, 21:30 in Jayapura: too late to cut anyone off
    BOOST_TEST(fixture.status(2) == "active");
    run({2026, 2, 2}, 7, 30);  // Monday 05:30 in Jakarta: before the local hours still
    BOOST_TEST(fixture.status(2) == "active");
    run({2026, 2, 2}, 8, 30);  // 06:30 in Jakarta, 08:30 in Jayapura
    BOOST_TEST(fixture.status(2) == "isolated");
}

BOOST_AUTO_TEST_CASE(a_promise_made_after_midnight_in_makassar_runs_from_the_makassar_day) {
    DunningFixture fixture;
    use_zone(fixture.server, fixture.admin, "WITA", {{"dunning_promise_enabled", "1"}, {"dunning_promise_days", "3"}});
    fixture.server.clock().set(at({2026, 1, 15}, 10, 0, kWita));  // 09:00 in Jakarta, when the fixture signed in
    const auto invoice = fixture.create_invoice(2, "2026-01-15");
    // 20 January 00:30 WITA = 19 January 23:30 in Jakarta.
    const std::string customer =
        set_time_and_sign_in(fixture.server, at({2026, 1, 20}, 0, 30, kWita), fixture.server.scalar("SELECT service_number FROM customers WHERE id = 2"));
    auto made = fixture.server.post("/api/portal/invoices/" + std::to_string(invoice) + "/promise", "", customer);
    BOOST_TEST_REQUIRE(made.status == 201, made.body);
    BOOST_TEST(made.json()["data"]["promised_until"] == "2026-01-23");
}

BOOST_AUTO_TEST_SUITE_END()
