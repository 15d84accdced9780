// Outages that pause billing (docs/outages.md), from the owner's and the customer's side: an
// outage on a network element pauses the dunning run's isolation for the customers below it only,
// credits them on the next invoice by the settings' rule, and sends each of them exactly one start
// and one end WhatsApp (read back from the WhatsApp gateway simulator); the public network status
// shows its title and area and nothing about who is affected.
#include <boost/test/unit_test.hpp>

#include <map>

#include "dunning_fixture.hpp"
#include "jobs/scheduler.hpp"
#include "services/outbox.hpp"
#include "sim/whatsapp/whatsapp_simulator.hpp"
#include "store/inventory_store.hpp"
#include "whatsapp/messenger.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct OutageFixture : DunningFixture {
    sim::WhatsAppSimulator whatsapp;

    OutageFixture() {
        BOOST_TEST_REQUIRE(whatsapp.start().ok());
        const api::Json settings = {{"whatsapp_driver", "fonnte"},       {"whatsapp_api_url", whatsapp.base_url()},
                                    {"whatsapp_sender", whatsapp.options().sender}, {"whatsapp_api_key", whatsapp.options().api_key},
                                    {"whatsapp_rate_limit_seconds", "0"}, {"outage_credit_rule", "prorata"},
                                    {"outage_credit_after_hours", "4"}};
        const auto saved = server.put("/api/settings", settings.dump(), admin);
        BOOST_TEST_REQUIRE(saved.status == 200, saved.body);
    }

    // Sends everything the outbox holds now (no rate limit; outside quiet hours).
    int drain() {
        int sent = 0;
        for (int round = 0; round < 50; ++round) {
            auto lease = server.app().database();
            BOOST_TEST_REQUIRE(lease.ok());
            auto messenger = whatsapp::messenger_from_settings(**lease, server.app().secrets());
            BOOST_TEST_REQUIRE(messenger.ok());
            auto limits = services::outbox_limits(**lease);
            BOOST_TEST_REQUIRE(limits.ok());
            auto report = services::drain_outbox(**lease, server.app().clock(), UtcOffset{420}, **messenger, *limits);
            BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
            sent += report->sent;
            if (report->sent == 0) break;
        }
        return sent;
    }

    // WhatsApp messages the gateway received per phone number whose text contains `needle`.
    std::map<std::string, int> received(const std::string& needle) {
        std::map<std::string, int> out;
        for (const auto& message : whatsapp.messages())
            if (message.message.find(needle) != std::string::npos) out[message.to] += 1;
        return out;
    }

    std::int64_t open_outage(const api::Json& body, const std::string& token) {
        const auto reply = server.post("/api/outages", body.dump(), token);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"].get<std::int64_t>();
    }

    // OLT-1 → PON 1 → ODC-A → ODP-A and ODP-B (8 ports each); `on_a` placed on ODP-A, `on_b` on ODP-B.
    // Returns {ODP-A, ODP-B}.
    std::pair<std::int64_t, std::int64_t> build_odps(const std::vector<std::int64_t>& on_a, const std::vector<std::int64_t>& on_b) {
        auto lease = server.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        store::Database& db = **lease;
        std::pair<std::int64_t, std::int64_t> odps;
        auto built = db.transaction([&]() -> Result<void> {
            const auto olt = TRY(store::insert_olt(db, {0, "OLT-1", 1, "POP Sukajadi", std::nullopt}));
            const auto pon = TRY(store::insert_pon_port(db, {0, olt, "1"}));
            const auto odc = TRY(store::insert_odc(db, {0, "ODC-A", pon, std::nullopt}));
            odps.first = TRY(store::insert_odp(db, {0, "ODP-SKJ-07", odc, 8, std::nullopt, 0}));
            odps.second = TRY(store::insert_odp(db, {0, "ODP-SKJ-08", odc, 8, std::nullopt, 0}));
            int port = 0;
            for (const auto customer : on_a) TRY_VOID(store::place_customer_on_odp_port(db, odps.first, ++port, customer, server.clock().now()));
            port = 0;
            for (const auto customer : on_b) TRY_VOID(store::place_customer_on_odp_port(db, odps.second, ++port, customer, server.clock().now()));
            return {};
        });
        BOOST_TEST_REQUIRE(built.ok(), (built ? "" : built.error().message()));
        return odps;
    }

    void locate(std::int64_t customer_id, double latitude, double longitude) {
        auto lease = server.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        auto set = store::set_customer_location(**lease, customer_id, store::GeoPoint{latitude, longitude});
        BOOST_TEST_REQUIRE((set.ok() && *set));
    }

    std::int64_t price_of(std::int64_t customer_id) {
        return count("SELECT p.price FROM customers c JOIN internet_packages p ON p.id = c.package_id WHERE c.id = " + std::to_string(customer_id));
    }
};

std::string normalised(const std::string& phone) { return phone.rfind("0", 0) == 0 ? "62" + phone.substr(1) : phone; }

}  // namespace

BOOST_AUTO_TEST_SUITE(outages)

BOOST_AUTO_TEST_CASE(an_odp_outage_pauses_isolation_for_its_customers_only_and_credits_them_on_the_next_invoice) {
    OutageFixture fixture;
    // Customer 2 (and 4) hang off ODP-SKJ-07, the outage; customer `other` off ODP-SKJ-08 (one who
    // joined before February, so February bills them too). 2 and `other` owe the same, due 24 January.
    const std::int64_t other =
        fixture.count("SELECT MIN(id) FROM customers WHERE id > 4 AND status = 'active' AND join_date < '2026-01-01'");
    const auto [odp_a, odp_b] = fixture.build_odps({2, 4}, {other});
    fixture.create_invoice(2, "2026-01-24");
    fixture.create_invoice(other, "2026-01-24");
    fixture.set_day({2026, 1, 31}, 8);
    const std::string technician = fixture.server.login("technician");
    const auto outage = fixture.open_outage({{"title", "Kabel drop putus"}, {"cause", "tertimpa pohon"}, {"target_kind", "odp"},
                                             {"target_id", odp_a}, {"started_at", "2026-01-31 07:00"}}, technician);
    // Exactly the customers on that ODP, fixed at the start; its name is the public area.
    BOOST_TEST(fixture.server.joined("SELECT customer_id FROM outage_customers WHERE outage_id = " + std::to_string(outage) + " ORDER BY customer_id") ==
               "2,4");
    BOOST_TEST(fixture.server.scalar("SELECT area_name FROM outages WHERE id = " + std::to_string(outage)) == "ODP-SKJ-07");
    (void)odp_b;

    fixture.set_day({2026, 1, 31}, 9);  // H+7: the isolate step's day for both
    const auto report = fixture.run();
    BOOST_TEST(report["paused_by_outage"] == 1, report.dump());
    BOOST_TEST(fixture.status(other) == "isolated");
    BOOST_TEST(fixture.profile_on_router(static_cast<int>(other)) == "ISOLIR");
    BOOST_TEST(fixture.status(2) == "active");
    BOOST_TEST(fixture.profile_on_router(2) != "ISOLIR");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM dunning_actions WHERE customer_id = 2") == 0);
    // The customer's dunning timeline says so (its API for staff and the portal): which outage, since
    // when; the step due today waits and the isolation date is not known while the outage lasts.
    const std::string started_text =
        fixture.server.get("/api/outages/" + std::to_string(outage), technician).json()["data"]["started_at_text"].get<std::string>();
    const std::string staff = fixture.server.login("superadmin");  // the fixture's session is two weeks old
    const api::Json paused = fixture.server.get("/api/customers/2/dunning", staff).json()["data"];
    BOOST_TEST_REQUIRE(paused["outage_pauses"].size() == 1U, paused.dump());
    BOOST_TEST(paused["outage_pauses"][0]["id"] == outage);
    BOOST_TEST(paused["outage_pauses"][0]["title"] == "Kabel drop putus");
    BOOST_TEST(paused["outage_pauses"][0]["area_name"] == "ODP-SKJ-07");
    BOOST_TEST(paused["outage_pauses"][0]["started_at_text"] == started_text);
    BOOST_TEST(paused["outage_pauses"][0]["ended_at"].is_null());
    BOOST_TEST(paused["isolation_paused"] == true);
    BOOST_TEST(paused["isolation_date"].is_null());
    int paused_steps = 0;
    for (const auto& entry : paused["timeline"]) {
        BOOST_TEST(entry["state"] != "due", entry.dump());
        if (entry["state"] != "paused") continue;
        ++paused_steps;
        BOOST_TEST(entry["reason"] == "ditahan: gangguan Kabel drop putus sejak " + started_text);
    }
    BOOST_TEST(paused_steps >= 1);
    const api::Json elsewhere = fixture.server.get("/api/customers/" + std::to_string(other) + "/dunning", staff).json()["data"];
    BOOST_TEST(elsewhere["outage_pauses"].empty());
    BOOST_TEST(elsewhere["isolation_paused"] == false);
    const api::Json portal = fixture.server.get("/api/portal/dunning", fixture.server.login("CUST002")).json()["data"];
    BOOST_TEST_REQUIRE(portal["outage_pauses"].size() == 1U, portal.dump());
    BOOST_TEST(portal["outage_pauses"][0]["title"] == "Kabel drop putus");
    BOOST_TEST(portal["outage_pauses"][0]["started_at_text"] == started_text);
    BOOST_TEST(!portal["outage_pauses"][0].contains("id"));
    BOOST_TEST(portal["isolation_paused"] == true);

    // Back at 18:00: 11 hours down, the first 4 free, 7 credited pro rata of a 30-day month.
    fixture.set_day({2026, 1, 31}, 18);
    const auto closed = fixture.server.post("/api/outages/" + std::to_string(outage) + "/close", "{}", technician);
    BOOST_TEST_REQUIRE(closed.status == 200, closed.body);
    const std::int64_t credit = fixture.price_of(2) * 7 * 3600 / (30 * 86400);
    BOOST_TEST_REQUIRE(credit > 0);
    BOOST_TEST(fixture.count("SELECT credit_amount FROM outage_customers WHERE customer_id = 2") == credit);
    BOOST_TEST(closed.json()["data"]["credits"] == 2);
    // Later the same day (inside the isolir hours) the pause still holds: until the end of the day it ended on.
    fixture.set_day({2026, 1, 31}, 19);
    BOOST_TEST(fixture.run()["paused_by_outage"] == 1);
    BOOST_TEST(fixture.status(2) == "active");
    // Ended today: the timeline names the end too, and the isolation waits for the day after it.
    const api::Json ended = fixture.server.get("/api/customers/2/dunning", fixture.server.login("superadmin")).json()["data"];
    BOOST_TEST_REQUIRE(ended["outage_pauses"].size() == 1U, ended.dump());
    BOOST_TEST(ended["outage_pauses"][0]["ended_at_text"] != "");
    BOOST_TEST(ended["isolation_paused"] == false);
    BOOST_TEST(ended["isolation_date"] == "2026-02-01");
    // The next working morning (Monday; no isolation on Sundays) the waiting step is decided:
    // customer 2 is isolated like the other was. Due dates did not move.
    fixture.set_day({2026, 2, 2}, 9);
    BOOST_TEST(fixture.run()["paused_by_outage"] == 0);
    BOOST_TEST(fixture.status(2) == "isolated");
    BOOST_TEST(fixture.server.get("/api/customers/2/dunning", fixture.server.login("superadmin")).json()["data"]["outage_pauses"].empty());
    BOOST_TEST(fixture.profile_on_router(2) == "ISOLIR");

    // The next invoice carries the credit as a discount line, once; the other's carries none.
    const std::string admin = fixture.server.login("superadmin");  // days later: a new session
    const auto generated = fixture.server.post("/api/invoices/generate", R"({"period":"2026-02"})", admin);
    BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    const std::string february = "SELECT id FROM invoices WHERE kind = 'monthly' AND period = '2026-02' AND customer_id = ";
    const std::string invoice2 = fixture.server.scalar(february + "2"), invoice3 = fixture.server.scalar(february + std::to_string(other));
    BOOST_TEST(fixture.count("SELECT amount FROM invoice_lines WHERE kind = 'discount' AND invoice_id = " + invoice2) == -credit);
    BOOST_TEST(fixture.server.scalar("SELECT description FROM invoice_lines WHERE kind = 'discount' AND invoice_id = " + invoice2)
                   .find("Kompensasi gangguan: Kabel drop putus (31 Januari 2026, 11 jam)") == 0);
    BOOST_TEST(fixture.count("SELECT total FROM invoices WHERE id = " + invoice2) == fixture.price_of(2) - credit);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM invoice_lines WHERE kind = 'discount' AND invoice_id = " + invoice3) == 0);
    BOOST_TEST(fixture.server.scalar("SELECT credit_invoice_id FROM outage_customers WHERE customer_id = 2") == invoice2);
    // Once per outage per customer: a second run and a March run add nothing.
    fixture.server.post("/api/invoices/generate", R"({"period":"2026-02"})", admin);
    fixture.set_day({2026, 3, 1}, 9);
    const auto march = fixture.server.post("/api/invoices/generate", R"({"period":"2026-03"})", fixture.server.login("superadmin"));
    BOOST_TEST(march.status == 200, march.body);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE l.kind = 'discount' "
                             "AND i.customer_id = 2") == 1);
}

// Issue 21: with billing-run approval the credit used to appear only once approved. The prepared
// draft now shows it (the change list and the run's summary), computed by the same function the
// approval runs, and the issued invoice carries exactly what the approver saw.
BOOST_AUTO_TEST_CASE(an_approver_sees_the_outage_credit_on_the_prepared_draft_before_approving) {
    OutageFixture fixture;
    const auto odps = fixture.build_odps({2}, {});
    fixture.set_day({2026, 1, 31}, 7);
    const std::string technician = fixture.server.login("technician");
    const auto outage = fixture.open_outage({{"title", "ODP basah"}, {"target_kind", "odp"}, {"target_id", odps.first},
                                             {"started_at", "2026-01-31 01:00"}}, technician);
    fixture.set_day({2026, 1, 31}, 17);  // 16 hours down: 12 credited
    BOOST_TEST_REQUIRE(fixture.server.post("/api/outages/" + std::to_string(outage) + "/close", "{}", technician).status == 200);
    const std::int64_t credit = fixture.price_of(2) * 12 * 3600 / (30 * 86400);
    BOOST_TEST_REQUIRE(credit > 0);

    fixture.set_day({2026, 2, 1}, 9);
    const std::string admin = fixture.server.login("superadmin");
    BOOST_TEST_REQUIRE(fixture.server.put("/api/settings", R"({"invoice_run_mode":"approve"})", admin).status == 200);
    const auto prepared = fixture.server.post("/api/invoice-runs", R"({"period":"2026-02"})", admin);
    BOOST_TEST_REQUIRE(prepared.status == 201, prepared.body);
    const std::string run = std::to_string(prepared.json()["data"]["id"].get<std::int64_t>());
    BOOST_TEST(prepared.json()["data"]["outage_credits"] == 1);
    BOOST_TEST(prepared.json()["data"]["outage_credit_amount"] == credit);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.customer_id = 2 "
                             "AND l.kind = 'discount'") == 0);  // nothing issued yet

    // The draft with the credit, found by its own filter: its line, and the total it will have.
    const api::Json rows = fixture.server.get("/api/invoice-runs/" + run + "/changes?reason=outage_credit", admin).json()["data"];
    BOOST_TEST_REQUIRE(rows.size() == 1U, rows.dump());
    BOOST_TEST(rows[0]["customer_id"] == 2);
    BOOST_TEST(rows[0]["outage_credit"] == credit);
    BOOST_TEST(rows[0]["outage_credit_description"].get<std::string>().find("Kompensasi gangguan: ODP basah (31 Januari 2026, 16 jam)") == 0U);
    const std::int64_t shown_total = rows[0]["amount_after_credit"].get<std::int64_t>();
    BOOST_TEST(shown_total == rows[0]["amount"].get<std::int64_t>() - credit);
    // The same row in the unfiltered list carries it too; another customer's draft carries none.
    const api::Json all_rows = fixture.server.get("/api/invoice-runs/" + run + "/changes?per_page=200", admin).json();  // kept: looped over
    BOOST_TEST(all_rows["data"].size() > 1U);
    for (const auto& row : all_rows["data"]) BOOST_TEST(row.contains("outage_credit") == (row["customer_id"] == 2), row.dump());

    const auto approved = fixture.server.post("/api/invoice-runs/" + run + "/approve", "{}", admin);
    BOOST_TEST_REQUIRE(approved.status == 200, approved.body);
    BOOST_TEST(approved.json()["data"]["outage_credits"] == 0);  // applied: nothing waits any more
    const std::string invoice = fixture.server.scalar("SELECT id FROM invoices WHERE kind = 'monthly' AND period = '2026-02' AND customer_id = 2");
    BOOST_TEST(fixture.count("SELECT total FROM invoices WHERE id = " + invoice) == shown_total);
    BOOST_TEST(fixture.count("SELECT amount FROM invoice_lines WHERE kind = 'discount' AND invoice_id = " + invoice) == -credit);
}

BOOST_AUTO_TEST_CASE(each_affected_customer_gets_one_start_and_one_end_whatsapp_and_nothing_more_after_a_rerun) {
    OutageFixture fixture;
    fixture.set_day({2026, 1, 20}, 10);
    fixture.admin = fixture.server.login("superadmin");  // days later: a new session
    const auto outage = fixture.open_outage({{"title", "Kabel fiber putus"}, {"target_kind", "router"}, {"target_id", 2},
                                             {"expected_end_at", "2026-01-20 15:00"}}, fixture.admin);
    fixture.drain();
    // An edit changes the text, never sends again.
    BOOST_TEST(fixture.server.put("/api/outages/" + std::to_string(outage), R"({"title":"Kabel fiber putus di Jl. Sukajadi"})", fixture.admin)
                   .status == 200);
    fixture.drain();
    fixture.set_day({2026, 1, 20}, 14);
    BOOST_TEST(fixture.server.post("/api/outages/" + std::to_string(outage) + "/close", "", fixture.admin).status == 200);
    fixture.drain();
    // A second close is refused and changes nothing; the scheduler's outage job finds nothing to do.
    const std::string before = fixture.server.snapshot();
    const auto again = fixture.server.post("/api/outages/" + std::to_string(outage) + "/close", "", fixture.admin);
    BOOST_TEST(again.status == 409, again.body);
    BOOST_TEST(fixture.server.snapshot() == before);
    std::vector<jobs::Job> selected;
    for (auto& job : jobs::default_jobs(store::Engine::Sqlite))
        if (job.name == "outages") selected.push_back(std::move(job));
    BOOST_TEST_REQUIRE(selected.size() == 1u);
    jobs::Scheduler scheduler(fixture.server.app(), std::move(selected));
    BOOST_TEST(*scheduler.tick() == 1);
    fixture.server.clock().advance(60);
    BOOST_TEST(*scheduler.tick() == 1);
    BOOST_TEST(fixture.drain() == 0);

    const auto phones = column_values(fixture.server, "SELECT phone FROM customers WHERE router_id = 2 AND status IN ('active','isolated')");
    BOOST_TEST_REQUIRE(phones.size() == 24u);
    const auto starts = fixture.received("Gangguan jaringan");
    const auto ends = fixture.received("Gangguan selesai");
    BOOST_TEST(starts.size() == 24u);
    BOOST_TEST(ends.size() == 24u);
    for (const auto& phone : phones) {
        BOOST_TEST(starts.count(normalised(phone)) == 1u, phone);
        BOOST_TEST((starts.count(normalised(phone)) && starts.at(normalised(phone)) == 1), phone);
        BOOST_TEST((ends.count(normalised(phone)) && ends.at(normalised(phone)) == 1), phone);
    }
    BOOST_TEST(fixture.whatsapp.messages().size() == 48u);
    // What the customer reads: the area, the title, when, and (4 hours down, the first 4 free) no credit.
    const std::string start = fixture.whatsapp.messages().front().message;
    BOOST_TEST(start.find("Router Cabang") != std::string::npos, start);
    BOOST_TEST(start.find("Kabel fiber putus") != std::string::npos, start);
    BOOST_TEST(start.find("Perkiraan pulih: 20 Januari 2026 pukul 15.00 WIB") != std::string::npos, start);
    const std::string end = fixture.whatsapp.messages().back().message;
    BOOST_TEST(end.find("4 jam") != std::string::npos, end);
    BOOST_TEST(end.find("kompensasi") == std::string::npos, end);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM outage_customers WHERE credit_amount > 0") == 0);
}

BOOST_AUTO_TEST_CASE(the_public_status_shows_the_outage_title_and_area_and_no_customer_data) {
    OutageFixture fixture;
    const std::string admin = fixture.admin;
    const auto outage = fixture.open_outage({{"title", "Pemeliharaan jaringan"}, {"cause", "ganti OLT, catatan internal"},
                                             {"target_kind", "router"}, {"target_id", 2}, {"area_name", "Perumahan Griya Asri"}}, admin);
    const auto reply = fixture.server.get("/api/network-status");
    BOOST_TEST_REQUIRE(reply.status == 200);
    const api::Json status = reply.json()["data"];
    BOOST_TEST(status["overall"] == "gangguan");
    BOOST_TEST_REQUIRE(status["outages"].size() == 1u);
    BOOST_TEST(status["outages"][0]["title"] == "Pemeliharaan jaringan");
    BOOST_TEST(status["outages"][0]["area_name"] == "Perumahan Griya Asri");
    BOOST_TEST(status["outages"][0]["started_at_text"] == "2026-01-15 09:00");
    // Nothing about the customers, the cause or the counts.
    for (const auto& forbidden : {"catatan internal", "affected", "customer", "CUST0", "0812", "credit", "created_by", "superadmin"})
        BOOST_TEST(reply.body.find(forbidden) == std::string::npos, forbidden);
    fixture.server.post("/api/outages/" + std::to_string(outage) + "/close", "", admin);
    BOOST_TEST(fixture.server.get("/api/network-status").json()["data"]["outages"].empty());
}

BOOST_AUTO_TEST_CASE(an_area_outage_affects_the_customers_inside_it_by_their_coordinates) {
    OutageFixture fixture;
    fixture.locate(6, -6.9175, 107.6191);           // the centre
    fixture.locate(8, -6.9175 + 0.0036, 107.6191);  // about 400 m north
    fixture.locate(10, -6.9175 + 0.0054, 107.6191); // about 600 m north: outside
    fixture.locate(17, -6.9176, 107.6190);          // inside, but inactive
    const auto outage = fixture.open_outage({{"title", "Tiang roboh"}, {"target_kind", "area"}, {"area_name", "Perumahan Griya Asri"},
                                             {"area_shape", "circle:-6.9175,107.6191,500"}}, fixture.admin);
    BOOST_TEST(fixture.server.joined("SELECT customer_id FROM outage_customers WHERE outage_id = " + std::to_string(outage) + " ORDER BY customer_id") ==
               "6,8");
    // A customer placed inside afterwards is not added: the set is what was true at the start.
    fixture.locate(12, -6.9174, 107.6192);
    fixture.server.put("/api/outages/" + std::to_string(outage), R"({"title":"Tiang listrik roboh"})", fixture.admin);
    BOOST_TEST(fixture.count("SELECT affected_count FROM outages WHERE id = " + std::to_string(outage)) == 2);
    const auto status = fixture.server.get("/api/network-status").json()["data"]["outages"];
    BOOST_TEST_REQUIRE(status.size() == 1u);
    BOOST_TEST(status[0]["area_name"] == "Perumahan Griya Asri");
    BOOST_TEST(status[0]["area_shape"] == "circle:-6.9175,107.6191,500");
    BOOST_TEST(status[0]["title"] == "Tiang listrik roboh");
}

BOOST_AUTO_TEST_CASE(who_may_open_and_what_bad_input_gets) {
    OutageFixture fixture;
    const std::string finance = fixture.server.login("finance"), technician = fixture.server.login("technician");
    const std::string before = fixture.server.snapshot();
    const api::Json good = {{"title", "Gangguan"}, {"target_kind", "router"}, {"target_id", 1}};
    BOOST_TEST(fixture.server.post("/api/outages", good.dump()).status == 401);
    BOOST_TEST(fixture.server.get("/api/outages").status == 401);
    BOOST_TEST(fixture.server.post("/api/outages", good.dump(), finance).status == 403);
    BOOST_TEST(fixture.server.get("/api/outages", finance).status == 200);
    struct Bad {
        api::Json body;
        const char* field;
    };
    const Bad bad[] = {
        {{{"title", " "}, {"target_kind", "router"}, {"target_id", 1}}, "title"},
        {{{"title", std::string(201, 'x')}, {"target_kind", "router"}, {"target_id", 1}}, "title"},
        {{{"title", "x"}, {"target_kind", "kabel"}, {"target_id", 1}}, "target_kind"},
        {{{"title", "x"}, {"target_kind", "router"}, {"target_id", 99}}, "target_id"},
        {{{"title", "x"}, {"target_kind", "router"}}, "target_id"},
        {{{"title", "x"}, {"target_kind", "router"}, {"target_id", "1"}}, "target_id"},
        {{{"title", "x"}, {"target_kind", "router"}, {"target_id", 1}, {"started_at", "2026-01-13 08:00"}}, "started_at"},
        {{{"title", "x"}, {"target_kind", "router"}, {"target_id", 1}, {"started_at", "2026-01-15 10:00"}}, "started_at"},
        {{{"title", "x"}, {"target_kind", "router"}, {"target_id", 1}, {"expected_end_at", "2026-01-15 08:00"}}, "expected_end_at"},
        {{{"title", "x"}, {"target_kind", "area"}, {"area_name", "Blok C"}, {"area_shape", "circle:-6.9,107.6"}}, "area_shape"},
        {{{"title", "x"}, {"target_kind", "area"}, {"area_shape", "circle:-6.9,107.6,300"}}, "area_name"},
        {{{"title", "x'); DROP TABLE outages;--"}, {"target_kind", "router"}, {"target_id", 1}, {"area_shape", "circle:1,1,5"}}, "area_shape"},
        // The title and the area go to every affected customer from the ISP's number: a
        // technician (outages.manage, not messages.send) cannot make that a link or dress it up.
        {{{"title", "Kabel putus. Klaim kompensasi di https://kimonet-bayar.example"}, {"target_kind", "router"}, {"target_id", 1}}, "title"},
        {{{"title", "Kabel putus, bayar ulang di bayar-isp.id"}, {"target_kind", "router"}, {"target_id", 1}}, "title"},
        {{{"title", "*PENTING* bayar sekarang"}, {"target_kind", "router"}, {"target_id", 1}}, "title"},
        {{{"title", "Kabel putus"}, {"target_kind", "area"}, {"area_name", "wa.me/628123"}, {"area_shape", "circle:-6.9,107.6,300"}}, "area_name"},
    };
    for (const auto& [body, field] : bad) {
        const auto reply = fixture.server.post("/api/outages", body.dump(), technician);
        BOOST_TEST(reply.status == 422, body.dump() << " " << reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains(field), body.dump() << " " << reply.body);
    }
    BOOST_TEST(fixture.server.post("/api/outages", "[1]", technician).status == 400);
    BOOST_TEST(fixture.server.snapshot() == before);

    // A technician opens one and closes it; nobody can change what it is attached to afterwards.
    const auto outage = fixture.open_outage(good, technician);
    const std::string path = "/api/outages/" + std::to_string(outage);
    // Nor turn its title into a link afterwards (the end message carries it too).
    const auto relinked = fixture.server.put(path, R"({"title":"Selesai, klaim di bit.ly/klaim"})", technician);
    BOOST_TEST(relinked.status == 422, relinked.body);
    BOOST_TEST(relinked.json()["error"]["fields"].contains("title"), relinked.body);
    const auto moved = fixture.server.put(path, R"({"target_id":2})", technician);
    BOOST_TEST(moved.status == 422, moved.body);
    const auto too_early = fixture.server.post(path + "/close", R"({"ended_at":"2026-01-15 08:00"})", technician);
    BOOST_TEST(too_early.status == 422, too_early.body);
    BOOST_TEST(fixture.server.post(path + "/close", "", finance).status == 403);
    BOOST_TEST(fixture.server.get("/api/outages/999", technician).status == 404);
    BOOST_TEST(fixture.server.post(path + "/close", "", technician).status == 200);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action IN ('outage.open','outage.close')") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
