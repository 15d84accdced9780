// Idempotency keys from the attacker's side, where payments, cash and voucher sales already refuse
// a key reused for another request: a staff ticket key is the sending user's own (another user's
// key neither hands back their ticket, for another customer, nor stops this user's report), and a
// ticket, an invoice send, a job completion or a credit note under a used key but with another
// body is 409 on `idempotency_key`, changing nothing, instead of answering "done" with the first
// request's outcome. The exact repeat still answers the first outcome.
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

HttpReply keyed_post(TestServer& server, const std::string& path, const Json& body, const std::string& token, const std::string& key) {
    return http_request("POST", server.url(path), body.dump(),
                        {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}, {"Idempotency-Key", key}});
}

Json ticket_body(std::int64_t customer_id, const std::string& message) {
    return {{"customer_id", customer_id}, {"category", "no_connection"}, {"message", message}};
}

void refused_as_reused(const HttpReply& reply) {
    BOOST_TEST(reply.status == 409, reply.body);
    BOOST_TEST(reply.json()["error"]["fields"].contains("idempotency_key"), reply.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(idempotency_keys)

BOOST_AUTO_TEST_CASE(a_staff_ticket_key_is_the_users_own_and_names_one_report) {
    TestServer server;
    const std::string admin = server.login("admin"), technician = server.login("technician");
    auto first = keyed_post(server, "/api/tickets", ticket_body(1, "ONT mati sejak pagi"), admin, "form-1");
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    const std::int64_t first_id = first.json()["data"]["id"];

    // Another user happens on (or copies) the same key: their report for another customer is their own ticket.
    auto other_user = keyed_post(server, "/api/tickets", ticket_body(2, "Internet lambat malam hari"), technician, "form-1");
    BOOST_TEST_REQUIRE(other_user.status == 201, other_user.body);
    BOOST_TEST(other_user.json()["data"]["id"] != first_id);
    BOOST_TEST(other_user.json()["data"]["customer_id"] == 2);

    // The same user, the same key, another report: refused, nothing written.
    const std::string before = server.snapshot();
    refused_as_reused(keyed_post(server, "/api/tickets", ticket_body(2, "ONT mati sejak pagi"), admin, "form-1"));
    refused_as_reused(keyed_post(server, "/api/tickets", ticket_body(1, "Kabel putus di tiang"), admin, "form-1"));
    BOOST_TEST(server.snapshot() == before);

    // The exact repeat (an answer lost on the way) is the first ticket.
    auto repeat = keyed_post(server, "/api/tickets", ticket_body(1, "ONT mati sejak pagi"), admin, "form-1");
    BOOST_TEST(repeat.status == 200, repeat.body);
    BOOST_TEST(repeat.json()["data"]["id"] == first_id);
    BOOST_TEST(server.snapshot() == before);

    // The customer's portal: a key names one report too.
    BOOST_TEST_REQUIRE(server.put("/api/customers/1", R"({"password":"Tiang-Listrik-81"})", admin).status == 200);
    const std::string customer = server.login(server.scalar("SELECT service_number FROM customers WHERE id = 1"), "Tiang-Listrik-81");
    const Json report = {{"category", "slow"}, {"message", "Lambat sekali sejak kemarin"}};
    auto reported = keyed_post(server, "/api/portal/tickets", report, customer, "trouble-1");
    BOOST_TEST_REQUIRE(reported.status == 201, reported.body);
    const std::string after_report = server.snapshot();
    refused_as_reused(keyed_post(server, "/api/portal/tickets", {{"category", "slow"}, {"message", "Sekarang mati total"}}, customer, "trouble-1"));
    BOOST_TEST(server.snapshot() == after_report);
    BOOST_TEST(keyed_post(server, "/api/portal/tickets", report, customer, "trouble-1").status == 200);
}

BOOST_AUTO_TEST_CASE(an_invoice_send_key_names_one_channel_and_recipient) {
    TestServer server;
    const std::string finance = server.login("finance");
    const Json invoice_body = {{"customer_id", 1}, {"lines", {{{"description", "Internet Januari"}, {"quantity", 1}, {"unit_price", 150000}}}}};
    auto created = server.post("/api/invoices", invoice_body.dump(), finance);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string path = "/api/invoices/" + std::to_string(created.json()["data"]["id"].get<std::int64_t>()) + "/send";
    const Json first_send = {{"channel", "whatsapp"}, {"to", "0812-9999-0001"}, {"idempotency_key", "kirim-tagihan-1"}};
    auto sent = server.post(path, first_send.dump(), finance);
    BOOST_TEST_REQUIRE(sent.status == 201, sent.body);
    BOOST_TEST(sent.json()["data"]["replayed"] == false);

    // The key again for another recipient or channel: that message was never sent, so no "sent" for it.
    const std::string before = server.snapshot();
    refused_as_reused(server.post(path, Json{{"channel", "whatsapp"}, {"to", "0812-9999-0002"}, {"idempotency_key", "kirim-tagihan-1"}}.dump(), finance));
    refused_as_reused(server.post(path, Json{{"channel", "email"}, {"to", "budi@example.id"}, {"idempotency_key", "kirim-tagihan-1"}}.dump(), finance));
    BOOST_TEST(server.snapshot() == before);

    auto repeat = server.post(path, first_send.dump(), finance);
    BOOST_TEST(repeat.status == 201, repeat.body);
    BOOST_TEST(repeat.json()["data"]["replayed"] == true);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(a_job_completion_key_names_one_result) {
    TestServer server;
    const std::string admin = server.login("admin"), technician = server.login("technician");
    const std::string technician_id = server.scalar("SELECT id FROM users WHERE username = 'technician'");
    const Json job_body = {{"kind", "repair"}, {"customer_id", 1}, {"scheduled_date", "2026-01-15"}, {"window_start", "13:00"},
                           {"window_end", "15:00"}, {"technician_id", std::stoll(technician_id)}};
    auto job = server.post("/api/technician-jobs", job_body.dump(), admin);
    BOOST_TEST_REQUIRE(job.status == 201, job.body);
    const std::string path = "/api/technician-jobs/" + std::to_string(job.json()["data"]["id"].get<std::int64_t>()) + "/complete";
    const Json failed = {{"result", "failed"}, {"failure_reason", "Rumah kosong"}, {"idempotency_key", "selesai-1"}};
    auto closed = server.post(path, failed.dump(), technician);
    BOOST_TEST_REQUIRE(closed.status == 200, closed.body);
    BOOST_TEST(closed.json()["data"]["status"] == "failed");

    const std::string before = server.snapshot();
    refused_as_reused(server.post(path, Json{{"result", "done"}, {"idempotency_key", "selesai-1"}}.dump(), technician));
    BOOST_TEST(server.snapshot() == before);
    auto repeat = server.post(path, failed.dump(), technician);
    BOOST_TEST(repeat.status == 200, repeat.body);
    BOOST_TEST(repeat.json()["data"]["repeated"] == true, repeat.body);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(a_credit_note_key_names_its_lines_and_reason) {
    TestServer server;
    const std::string admin = server.login("superadmin");
    const Json invoice_body = {{"customer_id", 1},
                               {"lines", {{{"description", "Paket Januari"}, {"quantity", 1}, {"unit_price", 150000}},
                                          {{"description", "Biaya pasang"}, {"quantity", 1}, {"unit_price", 100000}}}}};
    auto created = server.post("/api/invoices", invoice_body.dump(), admin);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string path = "/api/invoices/" + std::to_string(created.json()["data"]["id"].get<std::int64_t>()) + "/credit-notes";
    const Json first_note = {{"lines", {1}}, {"reason", "Biaya pasang digratiskan"}};
    auto first = keyed_post(server, path, first_note, admin, "nk-baris-1");
    BOOST_TEST_REQUIRE(first.status == 201, first.body);

    const std::string before = server.snapshot();
    refused_as_reused(keyed_post(server, path, {{"lines", {0}}, {"reason", "Biaya pasang digratiskan"}}, admin, "nk-baris-1"));
    refused_as_reused(keyed_post(server, path, {{"lines", {1}}, {"reason", "Salah input paket"}}, admin, "nk-baris-1"));
    refused_as_reused(keyed_post(server, path, {{"lines", {7}}, {"reason", "Biaya pasang digratiskan"}}, admin, "nk-baris-1"));
    refused_as_reused(keyed_post(server, path, {{"full", true}, {"reason", "Biaya pasang digratiskan"}}, admin, "nk-baris-1"));
    BOOST_TEST(server.snapshot() == before);
    auto repeat = keyed_post(server, path, first_note, admin, "nk-baris-1");
    BOOST_TEST(repeat.status == 200, repeat.body);
    BOOST_TEST(repeat.json()["data"]["id"] == first.json()["data"]["id"]);
}

BOOST_AUTO_TEST_SUITE_END()
