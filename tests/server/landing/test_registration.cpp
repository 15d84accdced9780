// POST /api/register over real HTTP: validation with Indonesian field messages, the honeypot,
// the per-IP rate limit, one lead per good submission and its WhatsApp confirmation in the outbox.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>

#include "services/lead_service.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::TestServer;

namespace {

Json good_registration(const std::string& phone = "0812-3456-7890") {
    return Json{{"name", "Siti Rahma"},   {"phone", phone}, {"email", "Siti@Example.id"}, {"address", "Jl. Melati No. 7, RT 02/RW 05, Bandung"},
                {"package_id", 2},        {"latitude", -6.9147}, {"longitude", 107.6098}, {"website", ""}};
}

std::string count(TestServer& server, const std::string& table) { return server.scalar("SELECT COUNT(*) FROM " + table); }

}  // namespace

BOOST_AUTO_TEST_SUITE(registration)

BOOST_AUTO_TEST_CASE(good_input_creates_exactly_one_lead_and_queues_the_whatsapp_confirmation) {
    TestServer server;
    auto reply = server.post("/api/register", good_registration().dump());
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    const std::string id = server.scalar("SELECT id FROM leads");
    // The registration number goes to the number's WhatsApp only (security.public_disclosure).
    BOOST_TEST(!reply.json()["data"].contains("registration_number"), reply.body);
    BOOST_TEST(count(server, "leads") == "1");
    BOOST_TEST(server.scalar("SELECT phone || '|' || email || '|' || status || '|' || package_id FROM leads") ==
               "6281234567890|siti@example.id|new|2");
    // Rounded in C++: PostgreSQL's round() takes numeric, not double precision.
    char latitude[32];
    std::snprintf(latitude, sizeof latitude, "%.4f", std::stod(server.scalar("SELECT latitude FROM leads")));
    BOOST_TEST(std::string(latitude) == "-6.9147");
    BOOST_TEST(server.scalar("SELECT template || '|' || phone || '|' || status FROM notifications WHERE idempotency_key = 'lead:" + id +
                             ":received'") == "registration_received|6281234567890|queued");
    const std::string body = server.scalar("SELECT body FROM notifications WHERE idempotency_key = 'lead:" + id + ":received'");
    BOOST_TEST(body.find("Siti Rahma") != std::string::npos, body);
    BOOST_TEST(body.find("REG-" + id) != std::string::npos, body);
    BOOST_TEST(body.find("{") == std::string::npos, body);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'lead.create'") == "1");
}

// The confirmation goes from the ISP's WhatsApp number to a number anybody can type: a stranger
// must not be able to write the ISP's message ("Tagihan Rp750rb nunggak, bayar di bit.ly/x") nor
// send it without end.
BOOST_AUTO_TEST_CASE(a_stranger_cannot_write_or_multiply_the_isps_whatsapp_confirmation) {
    TestServer server;
    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"register_rate_per_minute":"1000"})", server.login("superadmin")).status == 200);
    Json spam = good_registration("081299990000");
    spam["name"] = "Tagihan Rp750rb nunggak, bayar di bit.ly/x";
    auto reply = server.post("/api/register", spam.dump());
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    BOOST_TEST(server.scalar("SELECT name FROM leads") == spam["name"].get<std::string>());  // the staff see what was typed
    const std::string body = server.scalar("SELECT body FROM notifications WHERE idempotency_key LIKE 'lead:%:received'");
    BOOST_TEST(body.find("bit.ly") == std::string::npos, body);
    BOOST_TEST(body.find("Rp750") == std::string::npos, body);
    BOOST_TEST(body.find("Bapak/Ibu") != std::string::npos, body);

    // At most kMaxRegistrationConfirmationsPerDay confirmations in 24 hours; the leads are still taken.
    const std::int64_t cap = services::kMaxRegistrationConfirmationsPerDay;
    for (std::int64_t i = 1; i <= cap + 5; ++i) {
        char phone[16];
        std::snprintf(phone, sizeof phone, "0812%08lld", static_cast<long long>(20000000 + i));
        BOOST_TEST_REQUIRE(server.post("/api/register", good_registration(phone).dump()).status == 201);
    }
    BOOST_TEST(count(server, "leads") == std::to_string(cap + 6));
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM notifications WHERE idempotency_key LIKE 'lead:%:received'") == std::to_string(cap));
    // A day later they go out again.
    server.clock().advance(86400);
    BOOST_TEST_REQUIRE(server.post("/api/register", good_registration("081277778888").dump()).status == 201);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM notifications WHERE idempotency_key LIKE 'lead:%:received'") == std::to_string(cap + 1));
}

BOOST_AUTO_TEST_CASE(a_name_and_a_whatsapp_number_are_enough_unless_the_operator_wants_an_email) {
    TestServer server;
    // Off by default: the form says so, and a registration without email is taken.
    BOOST_TEST(server.get("/api/register").json()["data"]["email_required"] == false);
    Json without = good_registration("+62 812-3456-7001");
    without.erase("email");
    auto taken = server.post("/api/register", without.dump());
    BOOST_TEST_REQUIRE(taken.status == 201, taken.body);
    BOOST_TEST(server.scalar("SELECT phone || '|' || email || '|' || name FROM leads") == "6281234567001||Siti Rahma");
    // A given email is still checked.
    Json bad_email = good_registration("081234567002");
    bad_email["email"] = "bukan-email";
    BOOST_TEST(server.call("POST", "/api/register", bad_email.dump(), "", "127.0.0.4").json()["error"]["fields"]["email"] ==
               "alamat email tidak valid");

    // The operator wants an email: the form asks for it and the server requires it.
    const std::string token = server.login("admin");
    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"register_email_required":"1"})", token).status == 200);
    BOOST_TEST(server.get("/api/register").json()["data"]["email_required"] == true);
    const std::string before = server.snapshot();
    Json missing = good_registration("081234567003");
    missing["email"] = "  ";
    auto refused = server.call("POST", "/api/register", missing.dump(), "", "127.0.0.5");
    BOOST_TEST(refused.status == 422);
    BOOST_TEST(refused.error_code() == "validation_failed");
    BOOST_TEST(refused.json()["error"]["fields"]["email"] == "wajib diisi");
    BOOST_TEST(refused.json()["error"]["fields"].size() == 1u);
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(server.put("/api/settings", R"({"register_email_required":"yes"})", token).status == 422);
}

BOOST_AUTO_TEST_CASE(bad_input_gets_indonesian_field_messages_and_stores_nothing) {
    TestServer server;
    const std::string before = server.snapshot();
    auto reply = server.post("/api/register",
                             R"({"name":"","phone":"12345","email":"bukan-email","address":"","package_id":0,"latitude":123,"longitude":"x"})");
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.error_code() == "validation_failed");
    const Json fields = reply.json()["error"]["fields"];
    BOOST_TEST(fields["name"] == "wajib diisi");
    BOOST_TEST(fields["phone"] == "nomor telepon tidak valid (contoh 081234567890)");
    BOOST_TEST(fields["email"] == "alamat email tidak valid");
    BOOST_TEST(fields["address"] == "alamat pemasangan wajib diisi");
    BOOST_TEST(fields["package_id"] == "pilih paket internet");
    BOOST_TEST(fields["latitude"] == "garis lintang harus -90 sampai 90");
    BOOST_TEST(fields["longitude"] == "garis bujur harus -180 sampai 180");
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(an_inactive_or_unknown_package_and_half_a_location_are_refused) {
    TestServer server;
    const std::string token = server.login("admin");
    BOOST_TEST_REQUIRE(server.del("/api/packages/3", token).status == 200);
    const std::string before = server.snapshot();
    for (int package : {3, 999}) {
        Json input = good_registration();
        input["package_id"] = package;
        auto reply = server.post("/api/register", input.dump());
        BOOST_TEST(reply.status == 422);
        BOOST_TEST(reply.json()["error"]["fields"]["package_id"] == "paket tidak tersedia");
    }
    Json half = good_registration();
    half.erase("longitude");
    auto reply = server.post("/api/register", half.dump());
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.json()["error"]["fields"]["longitude"] == "isi garis lintang dan garis bujur bersama-sama");
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(the_honeypot_field_refuses_bots_without_storing) {
    TestServer server;
    const std::string before = server.snapshot();
    Json bot = good_registration();
    bot["website"] = "http://spam.example";
    auto reply = server.post("/api/register", bot.dump());
    BOOST_TEST(reply.status == 400);
    BOOST_TEST(reply.is_error_envelope());
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(count(server, "leads") == "0");
    BOOST_TEST(count(server, "notifications") == "0");
}

BOOST_AUTO_TEST_CASE(a_second_open_registration_for_the_same_phone_is_received_and_stores_nothing) {
    TestServer server;
    BOOST_TEST_REQUIRE(server.post("/api/register", good_registration("081234567890").dump()).status == 201);
    Json again = good_registration("+62 812 3456 7890");
    again["name"] = "Siti lagi";
    auto reply = server.call("POST", "/api/register", again.dump(), "", "127.0.0.3");
    BOOST_TEST(reply.status == 201, reply.body);
    BOOST_TEST(count(server, "leads") == "1");
    BOOST_TEST(server.scalar("SELECT name FROM leads") == "Siti Rahma");
    BOOST_TEST(count(server, "notifications") == "1", "one confirmation, for the first registration");
}

BOOST_AUTO_TEST_CASE(the_per_ip_rate_limit_answers_429_and_leaves_other_clients_alone) {
    TestServer server;
    const std::string token = server.login("admin");
    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"register_rate_per_minute":"2"})", token).status == 200);
    // Two tokens for 127.0.0.7, then refused, whatever the body (bad bodies are counted too).
    BOOST_TEST(server.call("POST", "/api/register", good_registration("081200000701").dump(), "", "127.0.0.7").status == 201);
    BOOST_TEST(server.call("POST", "/api/register", "{}", "", "127.0.0.7").status == 422);
    const std::string before = server.snapshot();
    auto refused = server.call("POST", "/api/register", good_registration("081200000703").dump(), "", "127.0.0.7");
    BOOST_TEST(refused.status == 429);
    BOOST_TEST(refused.error_code() == "rate_limited");
    BOOST_TEST(server.snapshot() == before);
    // Another address still gets through.
    BOOST_TEST(server.call("POST", "/api/register", good_registration("081200000801").dump(), "", "127.0.0.8").status == 201);
    BOOST_TEST(count(server, "leads") == "2");
}

BOOST_AUTO_TEST_SUITE_END()
