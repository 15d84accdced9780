// A cashier's payment sent twice (issue 18): the answer was lost on a phone line and the app, a
// script or the cashier sends the same request again with its Idempotency-Key. The first payment is
// the answer; nothing is recorded twice, even when the repeats race; the same key on another
// request is refused and changes nothing; keys are per user; a malformed key is a clear 422.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <thread>
#include <vector>

#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

struct Desk {
    TestServer server;
    std::string admin = server.login("superadmin");
    std::string finance = server.login("finance");

    std::int64_t invoice(Money amount) {
        const Json body = {{"customer_id", 2}, {"due_date", "2026-01-24"},
                           {"lines", {{{"description", "Langganan internet"}, {"quantity", 1}, {"unit_price", amount}}}}};
        auto reply = server.post("/api/invoices", body.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"];
    }
    // A partial cash payment (confirmed) with `key` in the Idempotency-Key header.
    HttpReply pay(std::int64_t invoice_id, Money amount, const std::string& key, const std::string& token, const Json& extra = Json::object()) {
        Json body = {{"invoice_id", invoice_id}, {"amount", amount}, {"method", "cash"}, {"confirm", "partial"}};
        body.update(extra);
        return http_request("POST", server.url("/api/payments"), body.dump(),
                            {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}, {"Idempotency-Key", key}});
    }
    std::int64_t payments_of(std::int64_t invoice_id) {
        return std::stoll(server.scalar("SELECT COUNT(*) FROM payments WHERE invoice_id = " + std::to_string(invoice_id)));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(payment_idempotency)

BOOST_AUTO_TEST_CASE(the_same_request_again_answers_with_the_first_payment_and_records_nothing) {
    Desk desk;
    const auto invoice = desk.invoice(750000);
    auto first = desk.pay(invoice, 300000, "kasir-7f3a-0001", desk.finance);
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    BOOST_TEST(first.json()["data"]["repeated"] == false);
    const std::string after_first = desk.server.snapshot();
    auto again = desk.pay(invoice, 300000, "kasir-7f3a-0001", desk.finance);
    BOOST_TEST_REQUIRE(again.status == 200, again.body);
    BOOST_TEST(again.json()["data"]["repeated"] == true);
    BOOST_TEST(again.json()["data"]["id"] == first.json()["data"]["id"]);
    BOOST_TEST(again.json()["receipt_no"] == first.json()["receipt_no"]);
    BOOST_TEST(again.json()["data"]["invoice"]["paid_amount"] == 300000);
    BOOST_TEST(desk.server.snapshot() == after_first, "no payment, message or activity was added");
    BOOST_TEST(desk.payments_of(invoice) == 1);
}

BOOST_AUTO_TEST_CASE(racing_repeats_record_one_payment) {
    Desk desk;
    const auto invoice = desk.invoice(750000);
    std::vector<int> statuses(8);
    std::vector<std::thread> threads;
    for (std::size_t index = 0; index < statuses.size(); ++index)
        threads.emplace_back([&, index] { statuses[index] = desk.pay(invoice, 100000, "race-key", desk.finance).status; });
    for (auto& thread : threads) thread.join();
    BOOST_TEST(std::count(statuses.begin(), statuses.end(), 201) == 1);
    BOOST_TEST(std::count(statuses.begin(), statuses.end(), 200) == 7);
    BOOST_TEST(desk.payments_of(invoice) == 1);
}

BOOST_AUTO_TEST_CASE(a_used_key_on_another_request_is_refused_and_changes_nothing) {
    Desk desk;
    const auto invoice = desk.invoice(750000);
    const auto second = desk.invoice(500000);
    BOOST_TEST_REQUIRE(desk.pay(invoice, 300000, "key-1", desk.finance).status == 201);
    const std::string before = desk.server.snapshot();
    auto other_amount = desk.pay(invoice, 200000, "key-1", desk.finance);
    BOOST_TEST(other_amount.status == 409, other_amount.body);
    BOOST_TEST(other_amount.json()["error"]["fields"].contains("idempotency_key"));
    auto other_invoice = desk.pay(second, 300000, "key-1", desk.finance);
    BOOST_TEST(other_invoice.status == 409, other_invoice.body);
    BOOST_TEST(desk.server.snapshot() == before);
}

// Same invoice and amount but another method, note or date is another payment, not a replay: the
// first record's cash would otherwise stand for a transfer the cashier never saw recorded.
BOOST_AUTO_TEST_CASE(a_used_key_with_another_method_note_or_date_is_refused) {
    Desk desk;
    const auto invoice = desk.invoice(750000);
    const Json first = {{"note", "titip tetangga"}, {"paid_at", "2026-01-10T09:15"}};
    auto recorded = desk.pay(invoice, 300000, "key-2", desk.finance, first);
    BOOST_TEST_REQUIRE(recorded.status == 201, recorded.body);
    const std::string before = desk.server.snapshot();
    const Json others[] = {
        {{"note", "titip tetangga"}, {"paid_at", "2026-01-10T09:15"}, {"method", "bank_transfer"}},
        {{"note", "transfer BCA"}, {"paid_at", "2026-01-10T09:15"}},
        {{"paid_at", "2026-01-10T09:15"}},
        {{"note", "titip tetangga"}, {"paid_at", "2026-01-11T09:15"}},
    };
    for (const Json& other : others) {
        auto reply = desk.pay(invoice, 300000, "key-2", desk.finance, other);
        BOOST_TEST(reply.status == 409, other.dump() << " " << reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains("idempotency_key"), reply.body);
    }
    BOOST_TEST(desk.server.snapshot() == before);
    auto exact = desk.pay(invoice, 300000, "key-2", desk.finance, first);
    BOOST_TEST(exact.status == 200, exact.body);
    BOOST_TEST(exact.json()["data"]["id"] == recorded.json()["data"]["id"]);
}

BOOST_AUTO_TEST_CASE(keys_belong_to_the_user_who_sends_them) {
    Desk desk;
    const auto invoice = desk.invoice(750000);
    BOOST_TEST(desk.pay(invoice, 100000, "shared-key", desk.finance).status == 201);
    BOOST_TEST(desk.pay(invoice, 100000, "shared-key", desk.admin).status == 201, "another cashier's key is not this one's");
    BOOST_TEST(desk.payments_of(invoice) == 2);
}

BOOST_AUTO_TEST_CASE(a_malformed_key_is_a_clear_error_and_changes_nothing) {
    Desk desk;
    const auto invoice = desk.invoice(750000);
    const std::string before = desk.server.snapshot();
    for (const std::string& key : {std::string(129, 'a'), std::string("spasi di dalam"), std::string("kunci/../1")}) {
        auto reply = desk.pay(invoice, 100000, key, desk.finance);
        BOOST_TEST(reply.status == 422, reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains("idempotency_key"), reply.body);
    }
    // A control character never reaches the route: the HTTP layer refuses the header itself.
    BOOST_TEST(desk.pay(invoice, 100000, "kunci\x01", desk.finance).status == 400);
    const Json control = {{"invoice_id", invoice}, {"amount", 100000}, {"method", "cash"}, {"confirm", "partial"}, {"idempotency_key", "kunci\x01"}};
    BOOST_TEST(desk.server.post("/api/payments", control.dump(), desk.finance).status == 422);
    const Json both = {{"invoice_id", invoice}, {"amount", 100000}, {"method", "cash"}, {"confirm", "partial"}, {"idempotency_key", "a"}};
    auto differ = http_request("POST", desk.server.url("/api/payments"), both.dump(),
                               {{"Authorization", "Bearer " + desk.finance}, {"Content-Type", "application/json"}, {"Idempotency-Key", "b"}});
    BOOST_TEST(differ.status == 422, differ.body);
    BOOST_TEST(desk.server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
