// Two staff pressing the same button at the same instant (issue: repeats and races). Each request
// goes over its own socket from its own thread, all released together by a latch, so every one of
// them can pass its check before any writes. What may happen once happens once: a payment is
// voided once (and a correction racing a void makes at most one replacement), a remittance is
// confirmed once, a lead becomes one customer, a billing run issues each draft once. Both engines.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>
#include <latch>
#include <thread>

#include "server/payments/cash_field.hpp"
#include "services/settings.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

// Sends every request at once: each thread waits at the latch until all are ready to send.
std::vector<HttpReply> at_once(const std::vector<std::function<HttpReply()>>& requests) {
    std::latch ready(static_cast<std::ptrdiff_t>(requests.size()));
    std::vector<HttpReply> replies(requests.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < requests.size(); ++i)
        threads.emplace_back([&, i] {
            ready.arrive_and_wait();
            replies[i] = requests[i]();
        });
    for (auto& thread : threads) thread.join();
    return replies;
}

// `count` copies of the same request from each of the tokens in turn.
std::vector<HttpReply> same_request_at_once(TestServer& server, const std::string& path, const std::string& body,
                                            const std::vector<std::string>& tokens, std::size_t count) {
    std::vector<std::function<HttpReply()>> requests;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string token = tokens[i % tokens.size()];
        requests.push_back([&server, path, body, token] { return server.post(path, body, token); });
    }
    return at_once(requests);
}

std::int64_t count_of(TestServer& server, const std::string& sql) { return std::stoll(server.scalar(sql)); }

std::size_t with_status(const std::vector<HttpReply>& replies, int status) {
    return static_cast<std::size_t>(std::count_if(replies.begin(), replies.end(), [status](const HttpReply& reply) { return reply.status == status; }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(double_spend_races)

BOOST_AUTO_TEST_CASE(a_payment_voided_by_two_staff_at_once_is_voided_once) {
    CashField desk;
    const auto invoice = desk.invoice(1, 150000);
    const Json payment_body = {{"invoice_id", invoice}, {"amount", 150000}, {"method", "cash"}};
    auto paid = desk.server.post("/api/payments", payment_body.dump(), desk.finance);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string payment = std::to_string(paid.json()["data"]["id"].get<std::int64_t>());

    // The cashier who recorded it and an administrator void it at the same instant.
    const auto replies = same_request_at_once(desk.server, "/api/payments/" + payment + "/void", R"({"reason":"salah input"})",
                                              {desk.finance, desk.admin}, 6);
    BOOST_TEST(with_status(replies, 200) == replies.size());
    BOOST_TEST(count_of(desk.server, "SELECT COUNT(*) FROM activity_log WHERE action = 'payment.void'") == 1);
    BOOST_TEST(count_of(desk.server, "SELECT paid_amount FROM invoices WHERE id = " + std::to_string(invoice)) == 0);

    // A correction racing a void on another payment: one of them happens, never both.
    auto again = desk.server.post("/api/payments", payment_body.dump(), desk.finance);
    BOOST_TEST_REQUIRE(again.status == 201, again.body);
    const std::string second = std::to_string(again.json()["data"]["id"].get<std::int64_t>());
    const std::string base = "/api/payments/" + second;
    at_once({[&] { return desk.server.post(base + "/correct", R"({"amount":100000,"confirm":"partial","reason":"kurang"})", desk.finance); },
             [&] { return desk.server.post(base + "/void", R"({"reason":"batal"})", desk.admin); },
             [&] { return desk.server.post(base + "/correct", R"({"amount":100000,"confirm":"partial","reason":"kurang"})", desk.finance); },
             [&] { return desk.server.post(base + "/void", R"({"reason":"batal"})", desk.admin); }});
    BOOST_TEST(count_of(desk.server, "SELECT COUNT(*) FROM activity_log WHERE action = 'payment.void' AND subject_id = " + second) == 1);
    BOOST_TEST(count_of(desk.server, "SELECT COUNT(*) FROM payments WHERE replaces_payment_id = " + second) <= 1);
    const std::int64_t live = count_of(desk.server, "SELECT COALESCE(SUM(amount), 0) FROM payments WHERE voided_at IS NULL AND invoice_id = " +
                                                        std::to_string(invoice));
    BOOST_TEST((live == 0 || live == 100000), live);
    BOOST_TEST(count_of(desk.server, "SELECT paid_amount FROM invoices WHERE id = " + std::to_string(invoice)) == live);
}

BOOST_AUTO_TEST_CASE(a_remittance_confirmed_by_two_cashiers_at_once_is_confirmed_once) {
    CashField field;
    const auto invoice = field.invoice(1, 150000);
    BOOST_TEST_REQUIRE(field.collect(invoice, field.total_of(invoice), field.west).status == 201);
    auto declared = field.keyed("/api/cash/remittances", Json::object(), field.west, "");
    BOOST_TEST_REQUIRE(declared.status == 201, declared.body);
    const std::string seq = std::to_string(declared.json()["data"]["seq"].get<std::int64_t>());
    const std::string amount = std::to_string(field.total_of(invoice));
    const auto replies = same_request_at_once(field.server, "/api/cash/remittances/" + seq + "/confirm", R"({"received_amount":)" + amount + "}",
                                              {field.finance, field.admin}, 6);
    BOOST_TEST(with_status(replies, 409) == 0u);
    BOOST_TEST(count_of(field.server, "SELECT COUNT(*) FROM cash_ledger WHERE kind = 'confirmation' AND refers_to = " + seq) == 1);
    BOOST_TEST(field.verify()["ok"] == true);
}

BOOST_AUTO_TEST_CASE(a_lead_converted_twice_at_once_becomes_one_customer) {
    TestServer server;
    const Json lead = {{"name", "Citra Lestari"}, {"phone", "081211110003"}, {"email", "citra@example.id"}, {"address", "Jl. Kenanga 3"}, {"package_id", 1}};
    BOOST_TEST_REQUIRE(server.post("/api/register", lead.dump()).status == 201);
    const std::string id = server.scalar("SELECT MAX(id) FROM leads");
    const std::int64_t customers = count_of(server, "SELECT COUNT(*) FROM customers");
    const auto replies = same_request_at_once(server, "/api/leads/" + id + "/convert", R"({"router_id":1,"pppoe_username":"citra"})",
                                              {server.login("admin"), server.login("superadmin")}, 4);
    BOOST_TEST(with_status(replies, 201) == 1u);
    BOOST_TEST(with_status(replies, 409) == replies.size() - 1);
    BOOST_TEST(count_of(server, "SELECT COUNT(*) FROM customers") == customers + 1);
}

BOOST_AUTO_TEST_CASE(an_invoice_send_pressed_four_times_at_once_sends_once) {
    TestServer server;
    const std::string finance = server.login("finance");
    const Json invoice_body = {{"customer_id", 1}, {"lines", {{{"description", "Internet Januari"}, {"quantity", 1}, {"unit_price", 150000}}}}};
    auto created = server.post("/api/invoices", invoice_body.dump(), finance);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string invoice = std::to_string(created.json()["data"]["id"].get<std::int64_t>());
    const std::int64_t messages = count_of(server, "SELECT COUNT(*) FROM notifications");
    const Json send = {{"channel", "whatsapp"}, {"to", "0812-9999-0001"}, {"idempotency_key", "kirim-serentak-1"}};
    const auto replies = same_request_at_once(server, "/api/invoices/" + invoice + "/send", send.dump(), {finance}, 4);
    // One is the send; the others answer it (201 replayed) or lost the race to its unique key (409).
    BOOST_TEST(with_status(replies, 201) + with_status(replies, 409) == replies.size());
    BOOST_TEST(count_of(server, "SELECT COUNT(*) FROM invoice_sends WHERE invoice_id = " + invoice) == 1);
    BOOST_TEST(count_of(server, "SELECT COUNT(*) FROM notifications") == messages + 1);
}

BOOST_AUTO_TEST_CASE(a_billing_run_approved_twice_at_once_issues_each_draft_once) {
    TestServer server;
    {
        auto lease = server.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"invoice_run_mode", "approve"}}).ok());
    }
    const std::string finance = server.login("finance"), admin = server.login("superadmin");
    auto prepared = server.post("/api/invoice-runs", R"({"period":"2026-01"})", admin);
    BOOST_TEST_REQUIRE(prepared.status == 201, prepared.body);
    const std::string run = std::to_string(prepared.json()["data"]["id"].get<std::int64_t>());
    const std::int64_t drafts = count_of(server, "SELECT COUNT(*) FROM invoice_run_items WHERE run_id = " + run);
    BOOST_TEST_REQUIRE(drafts > 1);
    const auto replies = same_request_at_once(server, "/api/invoice-runs/" + run + "/approve", "{}", {finance, admin}, 4);
    BOOST_TEST(with_status(replies, 200) == replies.size());
    BOOST_TEST(count_of(server, "SELECT COUNT(*) FROM invoices WHERE period = '2026-01' AND kind = 'monthly'") == drafts);
    BOOST_TEST(count_of(server, "SELECT COUNT(DISTINCT customer_id) FROM invoices WHERE period = '2026-01' AND kind = 'monthly'") == drafts);
    BOOST_TEST(count_of(server, "SELECT COUNT(*) FROM activity_log WHERE action = 'invoice_run.approve'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
