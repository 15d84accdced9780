// Trouble tickets from the customer's and the dispatcher's side, over the real HTTP API and the
// WhatsApp gateway simulator: a "gangguan" message becomes a ticket, a webhook delivered twice opens
// one, a second report joins the open ticket; the customer receives the open, assign and close
// messages (read back from what the simulator recorded); the portal opens a ticket with a photo,
// staff comment internally and the customer never sees it; a technician cannot reassign; the SLA
// breach follows the moved Clock; the landing page's report says the same for any number and its
// limit is per source. Both engines.
#include <boost/test/unit_test.hpp>

#include "core/attachment_messages.hpp"
#include "core/text.hpp"
#include "core/ticket_messages.hpp"
#include "support/test_images.hpp"
#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using kimonet::testing::HttpReply;
using kimonet::testing::WhatsAppFixture;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Delivers an inbound message through the simulator, drains the outbox and gives every message the
// simulator recorded since.
std::vector<std::string> deliver(WhatsAppFixture& fixture, const std::string& phone, const std::string& text, const std::string& id) {
    const auto before = fixture.simulator.messages().size();
    const auto answer = fixture.simulator.deliver_inbound("fonnte", phone, text, id);
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    return [&] {
        fixture.drain();
        fixture.server.clock().advance(2);
        std::vector<std::string> out;
        const auto messages = fixture.simulator.messages();
        for (std::size_t i = before; i < messages.size(); ++i) out.push_back(messages[i].message);
        return out;
    }();
}

std::vector<std::string> drained(WhatsAppFixture& fixture) {
    const auto before = fixture.simulator.messages().size();
    fixture.drain();
    fixture.server.clock().advance(2);
    std::vector<std::string> out;
    const auto messages = fixture.simulator.messages();
    for (std::size_t i = before; i < messages.size(); ++i) out.push_back(messages[i].message);
    return out;
}

HttpReply raw_post(testing::TestServer& server, const std::string& path, const std::string& body, const std::string& token,
                   std::map<std::string, std::string> headers = {}) {
    headers["Authorization"] = "Bearer " + token;
    return testing::http_request("POST", server.url(path), body, headers);
}

std::string technician_id(WhatsAppFixture& fixture) { return fixture.server.scalar("SELECT id FROM users WHERE username = 'technician'"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(tickets)

BOOST_AUTO_TEST_CASE(a_bot_report_becomes_one_ticket_and_the_customer_is_told_at_open_assign_and_close) {
    WhatsAppFixture fixture;
    const std::string phone = fixture.phone_of("CUST001");
    const auto opened = deliver(fixture, phone, "Gangguan, internet mati dari pagi lampu LOS merah", "wa-1");
    BOOST_TEST_REQUIRE(opened.size() == 1u);
    BOOST_TEST(contains(opened[0], "TKT-000001"), opened[0]);
    BOOST_TEST(contains(opened[0], "Internet mati"), opened[0]);
    BOOST_TEST(contains(opened[0], "Target selesai: 15 Januari 2026 pukul 17.00 WIB"), opened[0]);  // high: 8 hours from 09:00
    // The gateway delivers the same webhook again: no second ticket, no second message.
    BOOST_TEST(deliver(fixture, phone, "Gangguan, internet mati dari pagi lampu LOS merah", "wa-1").empty());
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM tickets") == 1);
    // A second report while it is open joins it.
    const auto joined = deliver(fixture, phone, "lapor, masih mati", "wa-2");
    BOOST_TEST_REQUIRE(joined.size() == 1u);
    BOOST_TEST(contains(joined[0], "sudah kami tambahkan ke tiket *TKT-000001*"), joined[0]);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM tickets") == 1);
    BOOST_TEST(fixture.server.scalar("SELECT body FROM ticket_comments") == "lapor, masih mati");

    // The dispatcher sees it, gives it to the technician; the technician closes it.
    const std::string admin = fixture.server.login("admin");
    const auto list = fixture.server.get("/api/tickets?status=open", admin).json();
    BOOST_TEST_REQUIRE(list["data"].size() == 1u);
    BOOST_TEST(list["data"][0]["channel"] == "whatsapp");
    BOOST_TEST(list["data"][0]["category"] == "no_connection");
    BOOST_TEST(list["data"][0]["priority"] == "high");
    const auto assigned = fixture.server.post("/api/tickets/1/assign", R"({"user_id":)" + technician_id(fixture) + "}", admin);
    BOOST_TEST_REQUIRE(assigned.status == 200, assigned.body);
    const auto assign_messages = drained(fixture);
    BOOST_TEST_REQUIRE(assign_messages.size() == 1u);
    BOOST_TEST(contains(assign_messages[0], "sedang ditangani oleh teknisi kami, *Demo technician*"), assign_messages[0]);
    // Giving it to the same person again tells nobody anything.
    BOOST_TEST(fixture.server.post("/api/tickets/1/assign", R"({"user_id":)" + technician_id(fixture) + "}", admin).status == 200);
    BOOST_TEST(drained(fixture).empty());

    const std::string technician = fixture.server.login("technician");
    const auto closed = fixture.server.post("/api/tickets/1/close", R"({"cause":"fiber_cut","note":"sambung ulang di ODP-07"})", technician);
    BOOST_TEST_REQUIRE(closed.status == 200, closed.body);
    BOOST_TEST(closed.json()["data"]["status"] == "closed");
    const auto close_messages = drained(fixture);
    BOOST_TEST_REQUIRE(close_messages.size() == 1u);
    BOOST_TEST(contains(close_messages[0], "sudah selesai"), close_messages[0]);
    BOOST_TEST(contains(close_messages[0], "Penyebab: Kabel FO putus"), close_messages[0]);
    BOOST_TEST(!contains(close_messages[0], "ODP-07"), close_messages[0]);  // the staff's note stays inside
    // Closed twice: refused, nothing sent.
    BOOST_TEST(fixture.server.post("/api/tickets/1/close", R"({"cause":"fiber_cut"})", technician).status == 409);
    // After closing, a new report opens a new ticket; a huge message is kept up to the limit, cut between characters.
    std::string long_report = "gangguan lagi ";
    for (int i = 0; i < 3000; ++i) long_report += "\xc3\xa9";  // é
    const auto reopened = deliver(fixture, phone, long_report, "wa-3");
    BOOST_TEST_REQUIRE(reopened.size() == 1u);
    BOOST_TEST(contains(reopened[0], "TKT-000002"), reopened[0]);
    const std::string kept = fixture.server.scalar("SELECT description FROM tickets WHERE id = 2");
    BOOST_TEST(kept.size() <= 2000u);
    BOOST_TEST(kept.size() >= 1998u);
    BOOST_TEST(is_valid_utf8(kept));
}

BOOST_AUTO_TEST_CASE(the_portal_opens_a_ticket_with_a_photo_and_never_shows_the_internal_comment) {
    WhatsAppFixture fixture;
    auto& server = fixture.server;
    const std::string customer = server.login("CUST002");
    const std::string report = R"({"category":"slow","subject":"Lemot malam hari","message":"Setiap malam jam 8\nkecepatan turun"})";
    const auto created = raw_post(server, "/api/portal/tickets", report, customer, {{"Idempotency-Key", "form-1"}, {"Content-Type", "application/json"}});
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string id = std::to_string(created.json()["data"]["id"].get<std::int64_t>());
    // The form sent twice: the same ticket.
    const auto again = raw_post(server, "/api/portal/tickets", report, customer, {{"Idempotency-Key", "form-1"}, {"Content-Type", "application/json"}});
    BOOST_TEST(again.status == 200);
    BOOST_TEST(again.json()["data"]["id"] == created.json()["data"]["id"]);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM tickets") == 1);
    BOOST_TEST(drained(fixture).size() == 1u);  // the opening message, once

    const std::string photo = testing::test_jpeg(4000);
    const auto uploaded = raw_post(server, "/api/portal/tickets/" + id + "/photos", photo, customer, {{"Content-Type", "image/png"}});
    BOOST_TEST_REQUIRE(uploaded.status == 201, uploaded.body);
    BOOST_TEST(uploaded.json()["data"]["content_type"] == "image/jpeg");  // the bytes decide, not the header
    const std::string photo_id = std::to_string(uploaded.json()["data"]["id"].get<std::int64_t>());
    const std::string before_refusals = server.snapshot();
    const auto script = raw_post(server, "/api/portal/tickets/" + id + "/photos", "<svg onload=alert(1)>", customer, {{"Content-Type", "image/jpeg"}});
    BOOST_TEST(script.status == 422);
    BOOST_TEST(script.json()["error"]["fields"]["file"] == messages::kAttachmentNotImage);
    BOOST_TEST(raw_post(server, "/api/portal/tickets/" + id + "/photos", "", customer).status == 422);
    BOOST_TEST(server.snapshot() == before_refusals);

    const std::string admin = server.login("admin");
    BOOST_TEST(server.post("/api/tickets/" + id + "/comments", R"({"body":"redaman ODP-12 port 3 -29 dBm","internal":true})", admin).status == 201);
    BOOST_TEST(server.post("/api/tickets/" + id + "/comments", R"({"body":"Teknisi kami cek besok pagi"})", admin).status == 201);
    const auto staff_view = server.get("/api/tickets/" + id, admin).json()["data"];
    BOOST_TEST(staff_view["comments"].size() == 2u);
    BOOST_TEST(staff_view["first_response_at"].is_number());  // the public comment answered the customer

    const auto mine = server.get("/api/portal/tickets/" + id, customer);
    BOOST_TEST_REQUIRE(mine.status == 200);
    BOOST_TEST(!contains(mine.body, "redaman"), mine.body);
    BOOST_TEST(!contains(mine.body, "close_note"));
    BOOST_TEST(mine.json()["data"]["comments"].size() == 1u);
    BOOST_TEST(mine.json()["data"]["photos"].size() == 1u);
    const auto image = server.get("/api/portal/tickets/" + id + "/photos/" + photo_id, customer);
    BOOST_TEST(image.status == 200);
    BOOST_TEST((image.body == photo));
    BOOST_TEST(image.headers.at("content-type") == "image/jpeg");
    BOOST_TEST(contains(image.headers.at("content-security-policy"), "sandbox"));
    BOOST_TEST(server.get("/api/tickets/" + id + "/photos/" + photo_id, admin).status == 200);

    // Another customer: the ticket, its photo and its comments do not exist for them.
    const std::string other = server.login("CUST003");
    BOOST_TEST(server.get("/api/portal/tickets/" + id, other).status == 404);
    BOOST_TEST(server.get("/api/portal/tickets/" + id + "/photos/" + photo_id, other).status == 404);
    BOOST_TEST(server.post("/api/portal/tickets/" + id + "/comments", R"({"body":"bukan tiket saya"})", other).status == 404);
    BOOST_TEST(server.get("/api/portal/tickets", other).json()["data"].size() == 0u);
    // A customer cannot mark a comment internal, nor reach the staff routes.
    BOOST_TEST(server.post("/api/portal/tickets/" + id + "/comments", R"({"body":"x","internal":true})", customer).status == 422);
    BOOST_TEST(server.get("/api/tickets", customer).status == 403);
    BOOST_TEST(server.get("/api/tickets/" + id + "/photos/" + photo_id, customer).status == 403);
}

BOOST_AUTO_TEST_CASE(a_technician_cannot_reassign_and_bad_input_changes_nothing) {
    WhatsAppFixture fixture;
    auto& server = fixture.server;
    const std::string admin = server.login("admin"), technician = server.login("technician"), finance = server.login("finance");
    const auto opened = server.post("/api/tickets", R"({"customer_id":5,"category":"device","priority":"normal","message":"ONT mati total"})", technician);
    BOOST_TEST_REQUIRE(opened.status == 201, opened.body);
    BOOST_TEST(server.post("/api/tickets/1/assign", R"({"user_id":)" + technician_id(fixture) + "}", admin).status == 200);
    const std::string before = server.snapshot();
    const std::string admin_id = server.scalar("SELECT id FROM users WHERE username = 'admin'");
    BOOST_TEST(server.post("/api/tickets/1/assign", R"({"user_id":)" + admin_id + "}", technician).status == 403);
    BOOST_TEST(server.post("/api/tickets/1/close", R"({"cause":"device_fault"})", finance).status == 403);
    BOOST_TEST(server.get("/api/ticket-assignees", technician).status == 403);
    const std::pair<std::string, std::string> bad[] = {
        {R"({"customer_id":5,"category":"ufo","message":"x"})", "category"},
        {R"({"customer_id":5,"category":"slow","priority":"asap","message":"x"})", "priority"},
        {R"({"customer_id":5,"category":"slow","message":""})", "message"},
        {R"({"customer_id":5,"category":"slow","message":")" + std::string(2001, 'a') + R"("})", "message"},
        {R"({"customer_id":"5","category":"slow","message":"x"})", "customer_id"},
        {R"({"category":"slow","message":"x"})", "customer_id"},
        {R"({"customer_id":5,"category":"slow","message":"x","status":"closed"})", "status"},
        {R"({"customer_id":5,"category":"slow","message":"x\u0000y"})", "message"},
    };
    for (const auto& [body, field] : bad) {
        const auto reply = server.post("/api/tickets", body, admin);
        BOOST_TEST(reply.status == 422, body);
        BOOST_TEST(reply.json()["error"]["fields"].contains(field), reply.body);
    }
    BOOST_TEST(server.post("/api/tickets/1/assign", R"({"user_id":999})", admin).json()["error"]["fields"]["user_id"] == messages::kTicketAssigneeInvalid);
    BOOST_TEST(server.post("/api/tickets/1/close", R"({"cause":"aliens"})", admin).status == 422);
    BOOST_TEST(server.call("PUT", "/api/tickets/1", R"({"status":"closed"})", admin).status == 422);
    BOOST_TEST(server.get("/api/tickets?status=lost", admin).status == 422);
    BOOST_TEST(server.get("/api/tickets/99", admin).status == 404);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(the_sla_breach_follows_the_moved_clock_and_a_priority_change_moves_the_targets) {
    WhatsAppFixture fixture;
    auto& server = fixture.server;
    const std::string admin = server.login("admin");
    BOOST_TEST(server.put("/api/settings", R"({"ticket_sla_response_hours":"urgent=1,high=2,normal=4"})", admin).status == 422);
    BOOST_TEST_REQUIRE(server.post("/api/tickets", R"({"customer_id":7,"category":"no_connection","priority":"urgent","message":"mati"})", admin).status == 201);
    BOOST_TEST_REQUIRE(server.post("/api/tickets", R"({"customer_id":8,"category":"other","priority":"low","message":"tanya"})", admin).status == 201);
    auto breached = [&] { return server.get("/api/tickets?breach=1", admin).json(); };
    BOOST_TEST(breached()["total"] == 0);
    server.clock().advance(3600 + 1);  // urgent: answered within 1 hour
    auto late = breached();
    BOOST_TEST_REQUIRE(late["total"] == 1);
    BOOST_TEST(late["data"][0]["customer_id"] == 7);
    BOOST_TEST(late["data"][0]["sla"]["breach"] == "response");
    // The other one is urgent now: its targets count from its opening, so it is late at once.
    BOOST_TEST(server.call("PUT", "/api/tickets/2", R"({"priority":"urgent"})", admin).status == 200);
    BOOST_TEST(breached()["total"] == 2);
    BOOST_TEST(server.post("/api/tickets/1/assign", R"({"user_id":)" + technician_id(fixture) + "}", admin).status == 200);
    server.clock().advance(3 * 3600);  // urgent: solved within 4 hours
    const auto ticket = server.get("/api/tickets/1", admin).json()["data"];
    BOOST_TEST(ticket["sla"]["breach"] == "resolve");
    BOOST_TEST(server.get("/api/tickets?breach=1&assignee=" + technician_id(fixture), admin).json()["total"] == 1);
    BOOST_TEST(server.get("/api/tickets?breach=1&assignee=none", admin).json()["total"] == 1);
    // The list puts tickets past their SLA first, even before one whose resolution target is nearer.
    BOOST_TEST_REQUIRE(server.post("/api/tickets", R"({"customer_id":9,"category":"other","priority":"low","message":"tanya"})", admin).status == 201);
    server.clock().advance(8 * 3600 + 1);
    const std::string dispatcher = server.login("admin");  // the morning's session has expired by now
    BOOST_TEST_REQUIRE(server.post("/api/tickets", R"({"customer_id":10,"category":"no_connection","priority":"urgent","message":"mati"})", dispatcher).status == 201);
    const auto active = server.get("/api/tickets?status=active", dispatcher).json()["data"];
    BOOST_TEST_REQUIRE(active.size() == 4u);
    BOOST_TEST(active[2]["customer_id"] == 9);
    BOOST_TEST(active[2]["sla"]["breached"] == true);
    BOOST_TEST(active[3]["customer_id"] == 10);
    BOOST_TEST(active[3]["sla"]["breached"] == false);
}

BOOST_AUTO_TEST_CASE(the_landing_report_says_the_same_for_any_number_and_is_limited_per_source_only) {
    WhatsAppFixture fixture;
    auto& server = fixture.server;
    auto report = [&](const std::string& number, const std::string& source, const std::string& message = "internet mati") {
        return testing::http_request("POST", server.url("/api/trouble-reports"),
                                     api::Json{{"nomor_layanan", number}, {"message", message}}.dump(), {{"Content-Type", "application/json"}}, source);
    };
    const auto known = report("cust004", "127.0.0.1");
    const auto unknown = report("CUST999", "127.0.0.1");
    BOOST_TEST(known.status == 202);
    BOOST_TEST(unknown.status == 202);
    BOOST_TEST(known.body == unknown.body);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM tickets WHERE channel = 'landing'") == 1);
    BOOST_TEST(drained(fixture).size() == 1u);  // the customer's registered WhatsApp hears of it, not the visitor
    // Bounded text, refused alike for a known and an unknown number.
    const std::string before = server.snapshot();
    BOOST_TEST(report("CUST004", "127.0.0.3", std::string(2001, 'x')).status == 422);
    BOOST_TEST(report("CUST998", "127.0.0.3", std::string(2001, 'x')).status == 422);
    BOOST_TEST(server.snapshot() == before);
    // The third report from one address this minute is the last; another address is not affected.
    BOOST_TEST(report("CUST004", "127.0.0.1").status == 202);  // joins the open ticket as a comment
    BOOST_TEST(report("CUST004", "127.0.0.1").status == 429);
    BOOST_TEST(report("CUST004", "127.0.0.2").status == 202);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM tickets") == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM ticket_comments") == 2);
}

// Anybody can type a customer's service number into the landing page's report form. What they
// write must not appear on that customer's own portal page as if it were the ISP's ("tagihan gagal,
// bayar ulang di …"): the customer sees that a web report exists, the staff read its text.
BOOST_AUTO_TEST_CASE(a_strangers_words_from_the_landing_page_never_show_on_the_customers_portal) {
    WhatsAppFixture fixture;
    auto& server = fixture.server;
    const std::string lure = "Tim kami: tagihan Anda gagal, bayar ulang di rekening baru";
    auto report = [&](const std::string& message, const std::string& source) {
        return testing::http_request("POST", server.url("/api/trouble-reports"), api::Json{{"nomor_layanan", "CUST004"}, {"message", message}}.dump(),
                                     {{"Content-Type", "application/json"}}, source);
    };
    BOOST_TEST_REQUIRE(report(lure, "127.0.0.41").status == 202);
    BOOST_TEST_REQUIRE(report(lure + " (lagi)", "127.0.0.42").status == 202);  // joins the open ticket
    const std::string customer = server.login("CUST004");
    const api::Json mine = server.get("/api/portal/tickets", customer).json()["data"];
    BOOST_TEST_REQUIRE(mine.size() == 1u);
    const std::string id = std::to_string(mine[0]["id"].get<std::int64_t>());
    const std::string detail = server.get("/api/portal/tickets/" + id, customer).body;
    BOOST_TEST(detail.find("rekening baru") == std::string::npos, detail);
    BOOST_TEST(server.get("/api/portal/tickets", customer).body.find("rekening baru") == std::string::npos);
    BOOST_TEST(mine[0]["message"] == messages::kTicketWebReportText);
    // The staff read both.
    const std::string staff = server.get("/api/tickets/" + id, server.login("admin")).body;
    BOOST_TEST(staff.find(lure) != std::string::npos);
    BOOST_TEST(staff.find(lure + " (lagi)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
