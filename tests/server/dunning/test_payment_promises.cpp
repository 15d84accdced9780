// Promise to pay (janji bayar) end to end: the portal's promise postpones isolation on the timeline
// and the dunning run, a broken one isolates on the first run after its date; an isolated
// customer promises on the isolir page and is restored on the simulated router; staff grant beyond
// the settings; and what the attacker tries (another customer's invoice, another address, another
// site, a technician, replays, a huge `days`) changes nothing.
#include "core/promise_messages.hpp"
#include "dunning_fixture.hpp"
#include "services/network_service.hpp"
#include "services/settings.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

void enable_promises(DunningFixture& fixture, std::map<std::string, std::string> extra = {}) {
    auto lease = fixture.server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = fixture.server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    std::map<std::string, std::string> values = {{"dunning_promise_enabled", "1"}, {"dunning_promise_days", "3"}};
    for (auto& [key, value] : extra) values[key] = value;
    auto updated = services::update_settings(context, values);
    BOOST_TEST_REQUIRE(updated.ok(), (updated ? "" : updated.error().message()));
}

std::string customer_login(DunningFixture& fixture, int customer) {
    return fixture.server.login(fixture.server.scalar("SELECT service_number FROM customers WHERE id = " + std::to_string(customer)));
}

bool on_isolir_list(sim::RouterOsSimulator& router, const std::string& address) {
    for (const auto& row : router.rows("/ip/firewall/address-list"))
        if (row.at("list") == "ISOLIR" && row.at("address") == address) return true;
    return false;
}

std::string token_in(const std::string& page) {
    const std::string marker = "name=\"token\" value=\"";
    const auto start = page.find(marker);
    if (start == std::string::npos) return {};
    return page.substr(start + marker.size(), page.find('"', start + marker.size()) - start - marker.size());
}

HttpReply promise_from(DunningFixture& fixture, const std::string& source, const std::string& token, std::map<std::string, std::string> headers = {}) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Accept"] = "text/html,application/xhtml+xml";  // a browser's form post
    return http_request("POST", fixture.server.url("/isolir/janji"), "token=" + token, headers, source);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(payment_promises)

BOOST_AUTO_TEST_CASE(a_portal_promise_postpones_isolation_and_a_broken_one_isolates_on_the_first_run_after_its_date) {
    DunningFixture fixture;
    enable_promises(fixture);
    const auto invoice = fixture.create_invoice(2, "2026-01-15");  // isolation (H+7) on 22 January
    fixture.run_days({2026, 1, 15}, {2026, 1, 20});
    const std::string customer = customer_login(fixture, 2);
    const std::string path = "/api/portal/invoices/" + std::to_string(invoice) + "/promise";

    auto offer = fixture.server.get("/api/portal/dunning", customer).json()["data"]["promise"];
    BOOST_TEST(offer["available"] == true, offer.dump());
    BOOST_TEST(offer["until"] == "2026-01-23");
    auto made = fixture.server.post(path, "", customer);
    BOOST_TEST_REQUIRE(made.status == 201, made.body);
    BOOST_TEST(made.json()["data"]["promised_until"] == "2026-01-23");
    BOOST_TEST(made.json()["data"]["channel"] == "portal");
    // A replay (a double tap, a retried request) is the same promise, not a second or a longer one.
    fixture.server.clock().advance(3600);
    auto again = fixture.server.post(path, "{}", customer);
    BOOST_TEST(again.status == 200, again.body);
    BOOST_TEST(again.json()["created"] == false);
    BOOST_TEST(again.json()["data"]["id"] == made.json()["data"]["id"]);
    BOOST_TEST(again.json()["data"]["promised_until"] == "2026-01-23");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_promises") == 1);
    const std::string notice = fixture.server.scalar("SELECT body FROM notifications WHERE template = 'janji_bayar_diterima'");
    BOOST_TEST(notice.find("23 Januari 2026") != std::string::npos, notice);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'dunning.promise'") == 1);

    // The timeline: the isolation waits for the day after the promise, the step says why.
    auto timeline = fixture.server.get("/api/customers/2/dunning", fixture.server.login("superadmin")).json()["data"];
    BOOST_TEST(timeline["promise"]["promised_until"] == "2026-01-23", timeline.dump());
    BOOST_TEST(timeline["promise"]["by_type"] == "customer");
    BOOST_TEST(timeline["isolation_date"] == "2026-01-24");
    int postponed = 0;
    for (const auto& entry : timeline["timeline"]) postponed += entry["state"] == "postponed";
    BOOST_TEST(postponed == 1);  // H+7 isolate (the H+1 warning went out before the promise)

    fixture.run_days({2026, 1, 21}, {2026, 1, 23});  // past the isolation date, within the promise
    BOOST_TEST(fixture.status(2) == "active");
    BOOST_TEST(fixture.profile_on_router(2) != "ISOLIR");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM payment_promises") == "active");

    fixture.run_days({2026, 1, 24}, {2026, 1, 24});  // the first run after the promise's date, unpaid
    BOOST_TEST(fixture.status(2) == "isolated");
    BOOST_TEST(fixture.profile_on_router(2) == "ISOLIR");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM payment_promises") == "broken");
    BOOST_TEST(fixture.server.get("/api/customers/2/dunning", fixture.server.login("superadmin")).json()["data"]["promises"][0]["status"] == "broken");

    // A second promise for the same invoice: refused with the reason, nothing written.
    const std::string later = customer_login(fixture, 2);  // a new day, a new session
    const std::string before = fixture.server.snapshot();
    auto second = fixture.server.post(path, "", later);
    BOOST_TEST(second.status == 409, second.body);
    BOOST_TEST(second.json()["error"]["message"] == messages::kPromiseUsedForInvoice);
    BOOST_TEST(fixture.server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(paying_the_promised_invoice_keeps_that_promise_and_no_other) {
    DunningFixture fixture;
    enable_promises(fixture);
    const auto second = fixture.create_invoice(2, "2026-01-15");
    const auto third = fixture.create_invoice(3, "2026-01-15");
    fixture.run_days({2026, 1, 15}, {2026, 1, 20});
    for (const auto& [customer, invoice] : {std::pair{2, second}, std::pair{3, third}}) {
        auto made = fixture.server.post("/api/portal/invoices/" + std::to_string(invoice) + "/promise", "", customer_login(fixture, customer));
        BOOST_TEST_REQUIRE(made.status == 201, made.body);
    }
    auto paid = fixture.server.post("/api/payments", api::Json{{"invoice_id", second}, {"amount", 150000}, {"method", "cash"}}.dump(),
                                    fixture.server.login("superadmin"));
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM payment_promises WHERE invoice_id = " + std::to_string(second)) == "kept");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM payment_promises WHERE invoice_id = " + std::to_string(third)) == "active");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'dunning.promise_kept' AND subject_id = 2") == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'dunning.promise_kept'") == 1);
}

BOOST_AUTO_TEST_CASE(an_isolated_customer_promises_on_the_isolir_page_and_only_from_their_own_address) {
    DunningFixture fixture;
    enable_promises(fixture);
    auto changed = fixture.server.put("/api/customers/2", R"({"connection_method":"static","ip_address":"127.0.5.2"})", fixture.admin);
    BOOST_TEST_REQUIRE(changed.status == 200, changed.body);
    fixture.create_invoice(2, "2026-01-15");
    fixture.run_days({2026, 1, 22}, {2026, 1, 22});
    BOOST_TEST_REQUIRE(fixture.status(2) == "isolated");
    BOOST_TEST_REQUIRE(on_isolir_list(*fixture.routers[0], "127.0.5.2"));

    const std::string page = http_request("GET", fixture.server.url("/isolir"), {}, {}, "127.0.5.2").body;
    const std::string token = token_in(page);
    BOOST_TEST_REQUIRE(!token.empty(), page);
    BOOST_TEST(page.find("25 Januari 2026") != std::string::npos);
    // Named by ?u= (anyone can type it), the page offers no promise.
    const std::string named = http_request("GET", fixture.server.url("/isolir?u=cust002"), {}, {}, "127.0.5.8").body;
    BOOST_TEST(named.find("/isolir/janji") == std::string::npos);

    const std::string before = fixture.server.snapshot();
    BOOST_TEST(promise_from(fixture, "127.0.5.8", token).status == 403);  // the token from another address
    // Not a browser: the API's error envelope, with the reason.
    auto anonymous = http_request("POST", fixture.server.url("/isolir/janji"), "token=" + token,
                                  {{"Content-Type", "application/x-www-form-urlencoded"}}, "127.0.5.8");
    BOOST_TEST(anonymous.status == 403);
    BOOST_TEST(anonymous.json()["error"]["message"] == messages::kPromiseVisitorUnknown);
    BOOST_TEST(promise_from(fixture, "127.0.5.2", token, {{"Sec-Fetch-Site", "cross-site"}}).status == 403);
    std::string edited = token;
    edited.back() = edited.back() == '0' ? '1' : '0';
    BOOST_TEST(promise_from(fixture, "127.0.5.2", edited).status == 403);
    BOOST_TEST(promise_from(fixture, "127.0.5.2", "").status == 403);
    fixture.server.clock().advance(16 * 60);  // the form is older than 15 minutes
    BOOST_TEST(promise_from(fixture, "127.0.5.2", token).status == 403);
    BOOST_TEST(fixture.server.snapshot() == before);

    const std::string fresh = token_in(http_request("GET", fixture.server.url("/isolir"), {}, {}, "127.0.5.2").body);
    auto made = promise_from(fixture, "127.0.5.2", fresh, {{"Sec-Fetch-Site", "same-origin"}});
    BOOST_TEST_REQUIRE(made.status == 201, made.body);
    BOOST_TEST(made.body.find("tidak diisolir sampai 25 Januari 2026") != std::string::npos, made.body);
    BOOST_TEST(fixture.status(2) == "active");
    BOOST_TEST(promise_from(fixture, "127.0.5.2", fresh).status == 200);  // replayed: the same promise
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_promises WHERE channel = 'isolir_page' AND restored = 1") == 1);

    // The restore path of a payment: a pending restore the network worker carries out on the router.
    auto lease = fixture.server.app().database();
    app::Context context = fixture.server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    BOOST_TEST_REQUIRE(services::process_pending_network_actions(context).ok());
    BOOST_TEST(!on_isolir_list(*fixture.routers[0], "127.0.5.2"));
    BOOST_TEST(http_request("GET", fixture.server.url("/isolir"), {}, {}, "127.0.5.2").body.find("berlaku sampai") != std::string::npos);

    // Unpaid after the date: isolated again on the first run after it.
    fixture.run_days({2026, 1, 25}, {2026, 1, 25});
    BOOST_TEST(fixture.status(2) == "active");
    fixture.run_days({2026, 1, 26}, {2026, 1, 26});
    BOOST_TEST(fixture.status(2) == "isolated");
    BOOST_TEST(on_isolir_list(*fixture.routers[0], "127.0.5.2"));
}

BOOST_AUTO_TEST_CASE(staff_grant_beyond_the_settings_and_nobody_else_can) {
    DunningFixture fixture;
    enable_promises(fixture);
    const auto invoice = fixture.create_invoice(2, "2026-01-15");
    fixture.create_invoice(3, "2026-01-15");
    fixture.set_day({2026, 1, 20});
    const std::string other = customer_login(fixture, 3);
    const std::string owner = customer_login(fixture, 2);
    const std::string finance = fixture.server.login("finance");
    const std::string technician = fixture.server.login("technician");
    const std::string before = fixture.server.snapshot();
    const std::string path = "/api/portal/invoices/" + std::to_string(invoice) + "/promise";
    BOOST_TEST(fixture.server.post(path, "", other).status == 404);                       // another customer's invoice
    BOOST_TEST(fixture.server.post(path, R"({"days":99999})", owner).status == 422);  // days are not the customer's
    BOOST_TEST(fixture.server.post(path, "").status == 401);
    const std::string grant = "/api/customers/2/promises";
    BOOST_TEST(fixture.server.post(grant, R"({"days":5,"reason":"x"})", technician).status == 403);
    BOOST_TEST(fixture.server.post(grant, R"({"days":5,"reason":"x"})", other).status == 403);
    BOOST_TEST(fixture.server.post(grant, R"({"days":99999999999999,"reason":"gaji telat"})", finance).status == 422);
    BOOST_TEST(fixture.server.post(grant, R"({"days":31,"reason":"gaji telat"})", finance).status == 422);
    BOOST_TEST(fixture.server.post(grant, R"({"days":10,"reason":"   "})", finance).status == 422);
    BOOST_TEST(fixture.server.post(grant, R"({"days":10,"reason":"gaji telat","customer_id":3})", finance).status == 422);
    BOOST_TEST(fixture.server.post("/api/customers/999/promises", R"({"days":10,"reason":"gaji telat"})", finance).status == 404);
    BOOST_TEST(fixture.server.snapshot() == before);

    BOOST_TEST_REQUIRE(fixture.server.post(path, "", owner).status == 201);
    auto granted = fixture.server.post(grant, R"({"days":10,"reason":"gaji telat"})", finance);
    BOOST_TEST_REQUIRE(granted.status == 201, granted.body);
    BOOST_TEST(granted.json()["data"]["promised_until"] == "2026-01-30");
    BOOST_TEST(granted.json()["data"]["by"] == "finance");
    BOOST_TEST(fixture.server.post(grant, R"({"days":10,"reason":"gaji telat"})", finance).json()["created"] == false);  // replayed
    BOOST_TEST(fixture.server.joined("SELECT status FROM payment_promises ORDER BY id") == "replaced,active");
    BOOST_TEST(fixture.server.get("/api/customers/2/dunning", fixture.server.login("superadmin")).json()["data"]["isolation_date"] == "2026-01-31");

    // staff_only: customers cannot promise at all; a settings value out of bounds is refused.
    enable_promises(fixture, {{"dunning_promise_customers", "staff_only"}});
    auto refused = fixture.server.post("/api/portal/invoices/" + fixture.server.scalar("SELECT id FROM invoices WHERE customer_id = 3") + "/promise", "", other);
    BOOST_TEST(refused.status == 409, refused.body);
    BOOST_TEST(refused.json()["error"]["message"] == messages::kPromiseDisabled);
    BOOST_TEST(fixture.server.put("/api/settings", R"({"dunning_promise_days":"15"})", fixture.server.login("superadmin")).status == 422);
}

BOOST_AUTO_TEST_SUITE_END()
