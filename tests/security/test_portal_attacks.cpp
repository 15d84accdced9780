// What a signed-in customer learns about others through the portal's breadth features. A staff
// login name is half of a staff sign-in (the login limiter lets whoever knows one hold the
// account for strangers; with a password it is the whole of it), so a customer sees the staff who
// handle their ticket by the name the ISP gave them (their full name), or as "our staff", never by
// login name: not as a comment's author, not as the assignee in the portal or on WhatsApp, not as
// a photo's uploader.
#include <boost/test/unit_test.hpp>

#include "core/ticket_messages.hpp"
#include "services/customer_service.hpp"
#include "tickets/ticket_rules.hpp"
#include "support/pdf_text.hpp"
#include "support/test_images.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

HttpReply post_bytes(TestServer& server, const std::string& path, const std::string& body, const std::string& token) {
    return http_request("POST", server.url(path), body, {{"Authorization", "Bearer " + token}, {"Content-Type", "application/octet-stream"}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(portal_attacks)

BOOST_AUTO_TEST_CASE(a_customer_sees_the_staff_on_their_ticket_by_name_never_by_login_name) {
    TestServer server;
    const std::string customer = server.login("CUST002"), admin = server.login("admin"), technician = server.login("technician");
    // The technician has no full name; the admin has one ("Demo admin").
    const std::string technician_id = server.scalar("SELECT id FROM users WHERE username = 'technician'");
    BOOST_TEST_REQUIRE(server.put("/api/users/" + technician_id, R"({"full_name":""})", admin).status == 200);
    auto opened = server.post("/api/portal/tickets", R"({"category":"slow","message":"Internet lambat sejak pagi"})", customer);
    BOOST_TEST_REQUIRE(opened.status == 201, opened.body);
    const std::string ticket = "/api/tickets/" + opened.json()["data"]["id"].dump();
    BOOST_TEST_REQUIRE(server.post(ticket + "/assign", Json{{"user_id", std::stoll(technician_id)}}.dump(), admin).status == 200);
    BOOST_TEST_REQUIRE(server.post(ticket + "/comments", R"({"body":"Teknisi kami menuju lokasi."})", admin).status == 201);
    BOOST_TEST_REQUIRE(server.post(ticket + "/comments", R"({"body":"ODP sudah dicek."})", technician).status == 201);
    BOOST_TEST_REQUIRE(post_bytes(server, ticket + "/photos", test_jpeg(), technician).status == 201);

    const std::string portal = "/api/portal/tickets/" + opened.json()["data"]["id"].dump();
    const Json mine = server.get(portal, customer).json()["data"];
    const Json listed = server.get("/api/portal/tickets", customer).json()["data"][0];
    for (const Json& view : {mine, listed}) {
        BOOST_TEST(view["assignee_name"] == messages::kTicketStaffName, view.dump());
        BOOST_TEST(!view.contains("assignee_id"), "nor the staff account's number: " << view.dump());
    }
    BOOST_TEST_REQUIRE(mine["comments"].size() == 2u, mine.dump());
    BOOST_TEST(mine["comments"][0]["author"] == "Demo admin");
    BOOST_TEST(mine["comments"][1]["author"] == messages::kTicketStaffName);
    BOOST_TEST_REQUIRE(mine["photos"].size() == 1u);
    BOOST_TEST(mine["photos"][0]["uploaded_by"] == messages::kTicketStaffName);
    const std::string everything = mine.dump() + listed.dump();
    for (const char* login : {"\"admin\"", "\"technician\""}) BOOST_TEST(everything.find(login) == std::string::npos, login);
    // The assignment notice goes to the customer's WhatsApp with the same name.
    const std::string notice = server.scalar("SELECT body FROM notifications WHERE template = 'ticket_assigned'");
    BOOST_TEST(notice.find("*technician*") == std::string::npos, notice);
    BOOST_TEST(notice.find(std::string("*") + messages::kTicketStaffName + "*") != std::string::npos, notice);

    // Staff still see who did what.
    const Json staff = server.get(ticket, admin).json()["data"];
    BOOST_TEST(staff["comments"][0]["author"] == "admin");
    BOOST_TEST(staff["comments"][1]["author"] == "technician");
    BOOST_TEST(staff["assignee_name"] == "technician");
}

// A signed-in customer cannot grow a ticket without bound: every comment is a row, and staff read
// a ticket with all its comments at once. At most tickets::kMaxCustomerCommentsPerDay a day per
// ticket, then 429 with Retry-After and nothing stored; a day later they may comment again.
BOOST_AUTO_TEST_CASE(a_customer_cannot_flood_their_ticket_with_comments) {
    TestServer server;
    const std::string customer = server.login("CUST003");
    auto opened = server.post("/api/portal/tickets", R"({"category":"slow","message":"Lambat"})", customer);
    BOOST_TEST_REQUIRE(opened.status == 201, opened.body);
    const std::string comments = "/api/portal/tickets/" + opened.json()["data"]["id"].dump() + "/comments";
    const std::string comment = Json{{"body", std::string(tickets::kMaxCommentLength, 'x')}}.dump();
    for (int sent = 0; sent < tickets::kMaxCustomerCommentsPerDay; ++sent) {
        server.clock().advance(60);
        BOOST_TEST_REQUIRE(server.post(comments, comment, customer).status == 201);
    }
    const std::string before = server.snapshot();
    auto refused = server.post(comments, comment, customer);
    BOOST_TEST_REQUIRE(refused.status == 429, refused.body);
    BOOST_TEST(std::stoi(refused.headers["retry-after"]) >= 1);
    BOOST_TEST(server.snapshot() == before);
    server.clock().advance(86400);
    BOOST_TEST(server.post(comments, comment, server.login("CUST003")).status == 201);  // a new day, a new session
}

// A signed-in customer changes their own phone, email and notice channel: each change is a row of
// the activity log, so they are bounded (services::kMaxCustomerSelfChangesPerDay in any 24 hours, then 429
// with Retry-After and nothing changed). Another customer's phone is accepted like any number:
// households share one, and a refusal would tell the caller whose number is registered.
BOOST_AUTO_TEST_CASE(a_customer_cannot_flood_their_own_record_with_changes) {
    TestServer server;
    const std::string customer = server.login("CUST004");
    const std::string neighbour = server.scalar("SELECT phone FROM customers WHERE service_number = 'CUST005'");
    auto taken = server.put("/api/portal/profile", Json{{"phone", neighbour}}.dump(), customer);
    BOOST_TEST(taken.status == 200, taken.body);
    BOOST_TEST(taken.body.find("CUST005") == std::string::npos);
    for (int change = 1; change < services::kMaxCustomerSelfChangesPerDay; ++change) {
        server.clock().advance(60);
        const Json body = change % 2 ? Json{{"phone", "08129900" + std::to_string(1000 + change)}} : Json{{"channel_preference", change % 4 ? "email" : "both"}};
        BOOST_TEST_REQUIRE(server.put(change % 2 ? "/api/portal/profile" : "/api/portal/channel", body.dump(), customer).status == 200, body.dump());
    }
    const std::string before = server.snapshot();
    for (const auto& [path, body] : {std::pair{"/api/portal/profile", R"({"email":"baru@example.id"})"}, std::pair{"/api/portal/channel", R"({"channel_preference":"whatsapp"})"}}) {
        auto refused = server.put(path, body, customer);
        BOOST_TEST_REQUIRE(refused.status == 429, path << ": " << refused.body);
        BOOST_TEST(std::stoi(refused.headers["retry-after"]) >= 1);
    }
    BOOST_TEST(server.snapshot() == before);
    // Staff are not bounded by it, and a day later the customer may change their record again.
    BOOST_TEST(server.put("/api/customers/" + server.scalar("SELECT id FROM customers WHERE service_number = 'CUST004'"),
                          R"({"email":"kantor@example.id"})", server.login("admin")).status == 200);
    server.clock().advance(86400);
    BOOST_TEST(server.put("/api/portal/profile", R"({"email":"baru@example.id"})", server.login("CUST004")).status == 200);
}

// The same for credit notes: the customer's invoice lists them without who made them, and the
// credit note's PDF names its maker as the ticket does (full name, or "our staff").
BOOST_AUTO_TEST_CASE(a_customer_sees_who_made_their_credit_note_by_name_never_by_login_name) {
    TestServer server;
    const std::string customer = server.login("CUST002"), finance = server.login("finance"), admin = server.login("admin");
    const std::string finance_id = server.scalar("SELECT id FROM users WHERE username = 'finance'");
    BOOST_TEST_REQUIRE(server.put("/api/users/" + finance_id, R"({"full_name":"Sari Kasir"})", admin).status == 200);
    const Json invoice_body = {{"customer_id", std::stoll(server.scalar("SELECT id FROM customers WHERE service_number = 'CUST002'"))},
                               {"due_date", "2026-01-24"},
                               {"lines", {{{"description", "Langganan"}, {"quantity", 1}, {"unit_price", 100000}}}}};
    auto made = server.post("/api/invoices", invoice_body.dump(), admin);
    BOOST_TEST_REQUIRE(made.status == 201, made.body);
    const std::string invoice = made.json()["data"]["id"].dump();
    auto note = server.post("/api/invoices/" + invoice + "/credit-notes", R"({"amount":1000,"reason":"Kompensasi gangguan"})", finance);
    BOOST_TEST_REQUIRE(note.status == 201, note.body);
    auto mine = server.get("/api/portal/invoices/" + invoice, customer);
    BOOST_TEST_REQUIRE(mine.status == 200, mine.body);
    BOOST_TEST_REQUIRE(mine.json()["data"]["credit_notes"].size() == 1u, mine.body);
    BOOST_TEST(mine.body.find("\"finance\"") == std::string::npos, mine.body);
    auto pdf = server.get("/api/portal/credit-notes/" + note.json()["data"]["id"].dump() + "/pdf", customer);
    BOOST_TEST_REQUIRE(pdf.status == 200);
    TempDir dir;
    const std::string text = pdf_text(dir, pdf.body);
    BOOST_TEST(text.find("Sari Kasir") != std::string::npos, text);
    BOOST_TEST(text.find("finance") == std::string::npos, text);
    // Staff still see the login name.
    BOOST_TEST(server.get("/api/credit-notes", finance).json()["data"][0]["created_by"] == "finance");
}

BOOST_AUTO_TEST_SUITE_END()
