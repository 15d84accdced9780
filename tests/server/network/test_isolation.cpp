// Isolate / restore end to end: HTTP API -> services -> RouterOS client -> simulated routers
// on ephemeral loopback ports, with the database and the routers checked after each step.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <thread>

#include "customers/name_mask.hpp"
#include "jobs/network_runner.hpp"
#include "network_fixture.hpp"
#include "services/network_reconcile.hpp"

using namespace kimonet;
using namespace kimonet::testing;

BOOST_AUTO_TEST_SUITE(isolation)

BOOST_AUTO_TEST_CASE(router_test_reports_version_and_uptime) {
    NetworkFixture fixture;
    auto reply = fixture.server.post("/api/routers/1/test", "", fixture.token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    BOOST_TEST(reply.json()["data"]["version"] == "7.16.2 (stable)");
    BOOST_TEST(reply.json()["data"]["board_name"] == "CHR");
    fixture.routers[0]->set_down(true);
    auto down = fixture.server.post("/api/routers/1/test", "", fixture.token);
    BOOST_TEST(down.status == 503, down.body);
    BOOST_TEST(down.json()["error"]["message"].get<std::string>().find("connection refused") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(isolate_then_restore_switches_profile_kicks_verifies_and_logs) {
    NetworkFixture fixture;
    const std::string package = fixture.package_profile(2);
    BOOST_TEST_REQUIRE(fixture.profile_on_router(2) == package);
    BOOST_TEST_REQUIRE(fixture.online(2));

    auto isolated = fixture.server.post("/api/customers/2/isolate", R"({"reason":"telat bayar"})", fixture.token);
    BOOST_TEST_REQUIRE(isolated.status == 200, isolated.body);
    BOOST_TEST(isolated.json()["data"]["result"] == "applied");
    BOOST_TEST(isolated.json()["data"]["kicked"] == 1);
    BOOST_TEST(fixture.profile_on_router(2) == "ISOLIR");
    BOOST_TEST(!fixture.online(2));
    BOOST_TEST(fixture.routers[0]->find("/ppp/profile", "ISOLIR")->at("rate-limit") == "512k/512k");
    BOOST_TEST(fixture.status(2) == "isolated");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM notifications WHERE customer_id = 2 AND body LIKE '%diisolir%'") == "1");

    // Idempotent: a second isolate changes nothing and kicks nobody.
    fixture.routers[0]->connect_session("cust002", "10.10.1.12");
    auto again = fixture.server.post("/api/customers/2/isolate", R"({"reason":"telat bayar"})", fixture.token);
    BOOST_TEST(again.json()["data"]["result"] == "unchanged");
    BOOST_TEST(fixture.online(2));

    auto restored = fixture.server.post("/api/customers/2/restore", "", fixture.token);
    BOOST_TEST_REQUIRE(restored.status == 200, restored.body);
    BOOST_TEST(restored.json()["data"]["result"] == "applied");
    BOOST_TEST(fixture.profile_on_router(2) == package);
    BOOST_TEST(!fixture.online(2));
    BOOST_TEST(fixture.status(2) == "active");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM notifications WHERE customer_id = 2 AND template = 'service_restored'") == "1");

    auto log = fixture.server.get("/api/customers/2/isolation-log", fixture.token);
    BOOST_TEST_REQUIRE(log.status == 200, log.body);
    const auto rows = log.json()["data"];
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0]["action"] == "restore");
    BOOST_TEST(rows[2]["action"] == "isolate");
    BOOST_TEST(rows[2]["reason"] == "telat bayar");
    BOOST_TEST(rows[2]["actor_name"] == "technician");
    BOOST_TEST(rows[2]["router_name"] == "Router Pusat");
    BOOST_TEST(rows[2]["profile_before"] == package);
}

BOOST_AUTO_TEST_CASE(finance_staff_may_not_isolate) {
    NetworkFixture fixture;
    auto reply = fixture.server.post("/api/customers/2/isolate", "{}", fixture.server.login("finance"));
    BOOST_TEST(reply.status == 403);
    BOOST_TEST(fixture.profile_on_router(2) != "ISOLIR");
}

BOOST_AUTO_TEST_CASE(router_down_during_isolation_is_pending_until_the_router_is_back) {
    NetworkFixture fixture;
    fixture.routers[1]->set_down(true);
    auto reply = fixture.server.post("/api/customers/3/isolate", R"({"reason":"telat bayar"})", fixture.token);
    BOOST_TEST_REQUIRE(reply.status == 202, reply.body);
    BOOST_TEST(reply.json()["data"]["result"] == "pending");
    BOOST_TEST(reply.json()["data"]["detail"].get<std::string>().find("connection refused") != std::string::npos, reply.body);
    // The intended state and the pending row were written together.
    BOOST_TEST(fixture.status(3) == "isolated");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM network_actions WHERE customer_id = 3 AND status = 'pending'") == "1");

    // Still down: the retry moves the clock forward, nothing is dropped.
    fixture.server.clock().advance(31);
    BOOST_TEST(fixture.process_pending()->still_pending == 1);
    BOOST_TEST(fixture.server.scalar("SELECT attempts FROM network_actions WHERE customer_id = 3") == "2");

    fixture.routers[1]->set_down(false);
    BOOST_TEST(fixture.process_pending()->due == 0);  // backoff: the next try is 60 s later
    fixture.server.clock().advance(61);
    auto run = fixture.process_pending();
    BOOST_TEST_REQUIRE(run.ok());
    BOOST_TEST(run->applied == 1);
    BOOST_TEST(fixture.profile_on_router(3) == "ISOLIR");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM network_actions WHERE customer_id = 3") == "done");
    BOOST_TEST(fixture.server.scalar("SELECT result FROM isolation_log WHERE customer_id = 3 ORDER BY id DESC LIMIT 1") == "applied");
}

BOOST_AUTO_TEST_CASE(a_restore_recorded_by_billing_is_carried_out_and_supersedes_an_older_isolate) {
    NetworkFixture fixture;
    BOOST_TEST_REQUIRE(fixture.server.post("/api/customers/5/isolate", "{}", fixture.token).status == 200);
    BOOST_TEST_REQUIRE(fixture.profile_on_router(5) == "ISOLIR");
    // What the payment service writes when an invoice of an isolated customer is paid.
    fixture.server.scalar(
        "UPDATE customers SET status = 'active' WHERE id = 5 RETURNING id");
    fixture.server.scalar(
        "INSERT INTO network_actions(customer_id, action, status, reason, created_at) VALUES (5, 'restore', 'pending', 'tagihan lunas', 0) "
        "RETURNING id");
    auto run = fixture.process_pending();
    BOOST_TEST_REQUIRE(run.ok());
    BOOST_TEST(run->applied == 1);
    BOOST_TEST(fixture.profile_on_router(5) == fixture.package_profile(5));
    BOOST_TEST(fixture.status(5) == "active");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM network_actions WHERE status = 'pending'") == "0");
}

BOOST_AUTO_TEST_CASE(drift_injected_on_the_router_is_reported_and_repaired) {
    NetworkFixture fixture;
    const std::string expected = fixture.package_profile(4);
    const std::string wrong = expected == "10M" ? "20M" : "10M";
    fixture.routers[0]->with_state([&](sim::RouterState& state) {
        (*state.menu("/ppp/secret")->find_name("cust004"))["profile"] = wrong;
        return 0;
    });
    auto drift = fixture.server.get("/api/network/drift", fixture.token);
    BOOST_TEST_REQUIRE(drift.status == 200, drift.body);
    BOOST_TEST_REQUIRE(drift.json()["data"]["drift"] == 1, drift.body);
    api::Json item;
    const auto report = drift.json();
    for (const auto& router : report["data"]["routers"])
        if (router["router_id"] == 1) item = router["drift"].at(0);
    BOOST_TEST(item["pppoe_username"] == "cust004");
    BOOST_TEST(item["router_profile"] == wrong);
    BOOST_TEST(item["expected_profile"] == expected);
    BOOST_TEST(fixture.profile_on_router(4) == wrong);  // reporting alone repairs nothing

    auto sync = fixture.server.post("/api/network/sync", "", fixture.token);
    BOOST_TEST_REQUIRE(sync.status == 200, sync.body);
    BOOST_TEST(sync.json()["data"]["repaired"] == 1);
    BOOST_TEST(fixture.profile_on_router(4) == expected);
    BOOST_TEST(fixture.server.get("/api/network/drift", fixture.token).json()["data"]["drift"] == 0);
}

BOOST_AUTO_TEST_CASE(auto_isolir_takes_overdue_customers_and_respects_sundays) {
    NetworkFixture fixture;
    fixture.server.scalar(
        "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, status, created_at) "
        "VALUES ('INV-TEST-1', 6, '2025-12', 'manual', 9001, '2025-12-01', '2026-01-10', 150000, 0, 150000, 'unpaid', 0) RETURNING id");
    auto dry = fixture.server.post("/api/network/isolir/auto", R"({"dry_run":true})", fixture.token);
    BOOST_TEST_REQUIRE(dry.status == 200, dry.body);
    bool listed = false;
    const auto dry_report = dry.json();
    for (const auto& outcome : dry_report["data"]["outcomes"]) listed = listed || outcome["customer_id"] == 6;
    BOOST_TEST(listed, dry.body);
    BOOST_TEST(fixture.profile_on_router(6) != "ISOLIR");

    auto run = fixture.server.post("/api/network/isolir/auto", "{}", fixture.token);
    BOOST_TEST_REQUIRE(run.status == 200, run.body);
    BOOST_TEST(fixture.profile_on_router(6) == "ISOLIR");
    BOOST_TEST(fixture.status(6) == "isolated");

    // Sunday 2026-01-18 09:00 WIB: skipped unless forced.
    fixture.server.clock().set(unix_from_local(LocalDateTime{{2026, 1, 18}, 9, 0, 0}, UtcOffset{420}));
    auto sunday = fixture.server.post("/api/network/isolir/auto", "{}", fixture.server.login("technician"));
    BOOST_TEST(sunday.json()["data"]["skipped"] == "hari Minggu", sunday.body);
}

BOOST_AUTO_TEST_CASE(a_bill_issued_after_its_due_day_isolates_nobody_before_the_grace_period) {
    NetworkFixture fixture;
    // The server starts on 15 January and catches up January's invoices, due on the 10th.
    const std::string finance = fixture.server.login("finance");
    BOOST_TEST_REQUIRE(fixture.server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 200);
    BOOST_TEST_REQUIRE(std::stoi(fixture.server.scalar("SELECT COUNT(*) FROM invoices WHERE due_date < '2026-01-12'")) > 0);
    auto same_day = fixture.server.post("/api/network/isolir/auto", R"({"dry_run":true})", fixture.token);
    BOOST_TEST_REQUIRE(same_day.status == 200, same_day.body);
    BOOST_TEST(same_day.json()["data"]["candidates"] == 0, same_day.body);

    // Past the three-day grace (Monday the 19th: the 18th is a Sunday, when auto-isolir rests),
    // the unpaid ones are due for isolation.
    fixture.server.clock().advance(4 * 86400);
    auto later = fixture.server.post("/api/network/isolir/auto", R"({"dry_run":true})", fixture.server.login("technician"));
    BOOST_TEST_REQUIRE(later.status == 200, later.body);
    BOOST_TEST(later.json()["data"]["candidates"].get<int>() > 0, later.body);
}

BOOST_AUTO_TEST_CASE(isolir_page_names_the_customer_and_promises_automatic_return) {
    NetworkFixture fixture;
    BOOST_TEST_REQUIRE(fixture.server.post("/api/customers/2/isolate", "{}", fixture.token).status == 200);
    const std::string name = fixture.server.scalar("SELECT name FROM customers WHERE id = 2");
    auto page = fixture.server.get("/isolir?u=cust002");
    BOOST_TEST_REQUIRE(page.status == 200);
    BOOST_TEST(page.headers["content-type"].find("text/html") != std::string::npos);
    BOOST_TEST(page.body.find(customers::mask_name(name)) != std::string::npos);  // anyone can ask: masked
    BOOST_TEST(page.body.find(name) == std::string::npos);
    BOOST_TEST(page.body.find("kembali normal secara otomatis") != std::string::npos);
    auto unknown = fixture.server.get("/isolir?u=%3Cscript%3E");
    BOOST_TEST(unknown.status == 200);
    BOOST_TEST(unknown.body.find("<script>") == std::string::npos);
    auto snippets = fixture.server.get("/api/network/snippets", fixture.token);
    BOOST_TEST_REQUIRE(snippets.status == 200);
    BOOST_TEST(snippets.body.find("address-list=ISOLIR") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(import_dry_run_lists_unknown_secrets_without_writing) {
    NetworkFixture fixture;
    fixture.routers[0]->with_state([](sim::RouterState& state) {
        state.menu("/ppp/profile")->add({{"name", "100M"}, {"rate-limit", "100M/100M"}});
        state.menu("/ppp/secret")->add({{"name", "warung-bu-sri"}, {"profile", "100M"}, {"service", "pppoe"}, {"password", "x"},
                                        {"comment", "Bu Sri 081234567890"}, {"disabled", "false"}});
        return 0;
    });
    const std::string before = fixture.server.snapshot();
    auto lease = fixture.server.app().database();
    app::Context context = fixture.server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    auto report = services::import_from_router(context, 1, true);
    BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
    BOOST_TEST((*report)["packages"].size() == 1u);
    BOOST_TEST_REQUIRE((*report)["customers"].size() == 1u);
    BOOST_TEST((*report)["customers"][0]["name"] == "Bu Sri");
    BOOST_TEST((*report)["customers"][0]["phone"] == "081234567890");
    BOOST_TEST(fixture.server.snapshot() == before);
    auto imported = services::import_from_router(context, 1, false);
    BOOST_TEST_REQUIRE(imported.ok(), (imported ? "" : imported.error().message()));
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM customers WHERE pppoe_username = 'warung-bu-sri'") == "1");
}

BOOST_AUTO_TEST_CASE(a_manual_payment_restores_the_customer_on_the_router_through_the_network_worker) {
    NetworkFixture fixture;
    const std::string package = fixture.package_profile(2);
    auto isolated = fixture.server.post("/api/customers/2/isolate", R"({"reason":"tunggakan"})", fixture.token);
    BOOST_TEST_REQUIRE(isolated.status == 200, isolated.body);
    BOOST_TEST_REQUIRE(fixture.profile_on_router(2) == "ISOLIR");

    // The worker `kimonet serve` runs; nothing in this test calls process_pending itself.
    jobs::NetworkRunner worker(fixture.server.app());
    worker.start();
    const std::string finance = fixture.server.login("finance");
    BOOST_TEST_REQUIRE(fixture.server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 200);
    const api::Json invoice = fixture.server.get("/api/invoices?customer_id=2", finance).json()["data"][0];
    const auto paid = fixture.server.post(
        "/api/payments", api::Json{{"invoice_id", invoice["id"]}, {"amount", invoice["total"]}, {"method", "cash"}}.dump(), finance);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const auto start = std::chrono::steady_clock::now();

    // Poll the simulated router until the package profile is back (bounded; the latency is printed).
    while (fixture.profile_on_router(2) != package && std::chrono::steady_clock::now() - start < std::chrono::seconds(10))
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    worker.stop();
    BOOST_TEST_MESSAGE("restored on the router " << elapsed.count() << " ms after the payment was recorded");
    BOOST_TEST(fixture.profile_on_router(2) == package);
    BOOST_TEST(fixture.status(2) == "active");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM network_actions WHERE customer_id = 2 ORDER BY id DESC LIMIT 1") == "done");
}

BOOST_AUTO_TEST_SUITE_END()
