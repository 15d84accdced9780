// The callback inbox from the gateway's side and the attacker's (services/callback_inbox.hpp): a
// gateway is answered once its callback is kept, whatever its status API is doing; what the
// callback claims is applied only once the status API confirms it; a callback kept while the
// status API was down is applied by the scheduler's tick once it is back; replays, however
// padded, never add rows.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "jobs/scheduler.hpp"
#include "services/callback_inbox.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "store/callback_inbox_store.hpp"
#include "support/gateway_settings.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Inbox {
    TestServer server;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false, .retry_delay_ms = 50, .max_retries = 2}};
    std::string token;

    Inbox() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        simulator.set_callback_base(server.url(""));
        apply_settings(server, gateway_simulator_settings(simulator, server.url("")));
        token = server.login("finance");
        BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false})", token).status == 200);
    }
    std::int64_t count(const std::string& sql) { return std::stoll(server.scalar(sql)); }
    std::int64_t invoice_id() {
        auto list = server.get("/api/invoices?period=2026-01&per_page=1&page=1", token);
        BOOST_TEST_REQUIRE(list.status == 200, list.body);
        return list.json()["data"][0]["id"].get<std::int64_t>();
    }
    std::string charge(std::int64_t invoice, const std::string& gateway) {
        auto paid = server.post("/billing/pay", api::Json{{"invoice_id", invoice}, {"gateway", gateway}, {"method", "bni_va"}}.dump());
        BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
        return paid.json()["transaction_id"].get<std::string>();
    }
    std::string invoice_status(std::int64_t id) { return server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(id)); }
    std::int64_t payments_of(std::int64_t id) { return count("SELECT COUNT(*) FROM payments WHERE invoice_id = " + std::to_string(id)); }
    // The gateway's paid callback, caught as it went by (the simulator's own, as the gateway sent it).
    sim::SimCallback paid_callback(const std::string& transaction) {
        BOOST_TEST_REQUIRE(simulator.pay(transaction));
        BOOST_TEST_REQUIRE(simulator.wait_idle());
        const auto sent = simulator.callbacks();
        BOOST_TEST_REQUIRE(!sent.empty());
        return sent.back();
    }
    HttpReply deliver(const std::string& gateway, const sim::SimCallback& callback, const std::string& body) {
        return http_request("POST", server.url("/payment/callback/" + gateway), body, {{"Content-Type", callback.content_type}});
    }
};

struct Case {
    const char* gateway;
};
std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.gateway; }
const Case kCases[] = {{"flip"}, {"midtrans"}, {"duitku"}};

}  // namespace

BOOST_AUTO_TEST_SUITE(callback_inbox)

// Before the inbox, a gateway whose status API was down got 502 for every delivery and retried
// until it gave up; the payment then waited for reconciliation. Now the gateway hears 200 at
// once, nothing is believed yet, and the payment is applied once its status API answers again.
BOOST_DATA_TEST_CASE(a_callback_kept_while_the_status_api_is_down_is_answered_at_once_and_applied_once_it_is_back, boost::unit_test::data::make(kCases), c) {
    Inbox fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const std::string transaction = fixture.charge(invoice, c.gateway);
    fixture.simulator.set_switches(sim::SimSwitches{.fail_requests = 1000});
    const sim::SimCallback paid = fixture.paid_callback(transaction);
    BOOST_TEST(paid.answered == 200);
    BOOST_TEST(fixture.simulator.callbacks().size() == 1u, "answered the first time: the gateway did not retry");
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(invoice) == "unpaid");
    BOOST_TEST(fixture.payments_of(invoice) == 0);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM callback_inbox") == 1);
    BOOST_TEST(fixture.count("SELECT attempts FROM callback_inbox") == 1, "put off after the status API failed");
    // Finance sees what waits, without the callback's body; nobody signed in sees nothing.
    const HttpReply waiting = fixture.server.get("/api/payments/callback-inbox", fixture.token);
    BOOST_TEST_REQUIRE(waiting.status == 200, waiting.body);
    BOOST_TEST(waiting.json()["total"] == 1);
    BOOST_TEST(waiting.json()["data"][0]["gateway"] == c.gateway);
    BOOST_TEST(waiting.json()["data"][0]["attempts"] == 1);
    BOOST_TEST(!waiting.json()["data"][0].contains("body"));
    BOOST_TEST(fixture.server.get("/api/payments/callback-inbox").status == 401);

    // The status API answers again; the next tick after the row's retry time takes it up.
    fixture.simulator.set_switches(sim::SimSwitches{});
    jobs::Scheduler scheduler(fixture.server.app(), {});
    BOOST_TEST_REQUIRE(scheduler.tick().ok());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(invoice) == "unpaid", "not before its retry time");
    fixture.server.clock().advance(services::CallbackInbox::kFirstRetrySeconds);
    BOOST_TEST_REQUIRE(scheduler.tick().ok());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(invoice) == "paid");
    BOOST_TEST(fixture.payments_of(invoice) == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM callback_inbox") == 0);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'applied'") == 1);

    // The gateway's redelivery now changes nothing.
    const HttpReply again = fixture.deliver(c.gateway, paid, paid.body);
    BOOST_TEST(again.status == 200, again.body);
    BOOST_TEST(again.json()["outcome"] == "duplicate", again.body);
    BOOST_TEST(fixture.payments_of(invoice) == 1);
}

// An attacker holding one signed callback (or a gateway retrying) sends it again and again, each
// time with another unsigned field: while it waits, it stays one row, whatever is sent.
BOOST_AUTO_TEST_CASE(replays_padded_with_unsigned_fields_keep_one_row_and_pay_once) {
    Inbox fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const std::string transaction = fixture.charge(invoice, "midtrans");
    fixture.simulator.set_switches(sim::SimSwitches{.fail_requests = 100'000});
    const sim::SimCallback paid = fixture.paid_callback(transaction);
    for (int i = 0; i < 200; ++i) {
        api::Json padded = api::parse_json(paid.body);
        padded["padding_" + std::to_string(i)] = std::string(static_cast<std::size_t>(100 + i), 'x');
        const HttpReply reply = fixture.deliver("midtrans", paid, padded.dump());
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        BOOST_TEST(reply.json()["outcome"] == "accepted", reply.body);
    }
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM callback_inbox") == 1);
    BOOST_TEST(fixture.count("SELECT version FROM callback_inbox") >= 2, "replaced, not added");
    BOOST_TEST(fixture.payments_of(invoice) == 0);

    fixture.simulator.set_switches(sim::SimSwitches{});
    fixture.server.clock().advance(services::CallbackInbox::kMaxRetrySeconds);
    jobs::Scheduler scheduler(fixture.server.app(), {});
    BOOST_TEST_REQUIRE(scheduler.tick().ok());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.payments_of(invoice) == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM callback_inbox") == 0);
}

// A server that answered and died before applying (here: shut down with the row waiting) leaves
// the callback in the database; another App on it takes it up at its tick.
BOOST_AUTO_TEST_CASE(a_callback_left_by_a_server_that_went_away_is_applied_by_the_next_one) {
    auto fixture = std::make_unique<Inbox>();
    const std::int64_t invoice = fixture->invoice_id();
    const std::string transaction = fixture->charge(invoice, "duitku");
    fixture->simulator.set_switches(sim::SimSwitches{.fail_requests = 1000});
    BOOST_TEST(fixture->paid_callback(transaction).answered == 200);
    BOOST_TEST_REQUIRE(fixture->server.callbacks_settled());
    BOOST_TEST_REQUIRE(fixture->count("SELECT COUNT(*) FROM callback_inbox") == 1);
    fixture->simulator.set_switches(sim::SimSwitches{});

    TestServer next{TestServer::Existing{fixture->server.db_path(), fixture->server.secret_key_file()}};
    next.clock().set(fixture->server.clock().now() + services::CallbackInbox::kTakeOverSeconds);
    jobs::Scheduler scheduler(next.app(), {});
    BOOST_TEST_REQUIRE(scheduler.tick().ok());
    BOOST_TEST_REQUIRE(next.callbacks_settled());
    BOOST_TEST(next.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(invoice)) == "paid");
    BOOST_TEST(next.scalar("SELECT COUNT(*) FROM payments WHERE invoice_id = " + std::to_string(invoice)) == "1");
    BOOST_TEST(next.scalar("SELECT COUNT(*) FROM callback_inbox") == "0");
}

// The ISP changes the gateway's server key while a callback waits: it no longer verifies, so it is
// logged as rejected and its row goes (it would never be applied); nothing is paid by it.
BOOST_AUTO_TEST_CASE(a_kept_callback_that_no_longer_verifies_is_dropped_not_retried_for_ever) {
    Inbox fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const std::string transaction = fixture.charge(invoice, "midtrans");
    fixture.simulator.set_switches(sim::SimSwitches{.fail_requests = 1000});
    BOOST_TEST(fixture.paid_callback(transaction).answered == 200);
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST_REQUIRE(fixture.count("SELECT COUNT(*) FROM callback_inbox") == 1);
    fixture.simulator.set_switches(sim::SimSwitches{});
    apply_settings(fixture.server, {{"midtrans_server_key", "SB-Mid-server-rotated"}});

    fixture.server.clock().advance(services::CallbackInbox::kFirstRetrySeconds);
    jobs::Scheduler scheduler(fixture.server.app(), {});
    BOOST_TEST_REQUIRE(scheduler.tick().ok());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM callback_inbox") == 0);
    BOOST_TEST(fixture.payments_of(invoice) == 0);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'rejected'") == 1);
}

// The store's half of "a newer callback is never lost": a row replaced while an applier held the
// older version is not deleted by that applier.
BOOST_AUTO_TEST_CASE(a_row_replaced_while_it_was_applied_stays_for_the_next_pass) {
    TestServer server(false);
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(db.ok());
    store::InboxEntry entry;
    entry.key = store::InboxKey{"midtrans", "INV-1", false};
    entry.content_type = "application/json";
    entry.body = R"({"transaction_status":"pending"})";
    entry.received_at = 100;
    entry.next_attempt_at = 160;
    const auto first = store::keep_inbox_entry(**db, entry);
    BOOST_TEST_REQUIRE(first.ok());
    BOOST_TEST_REQUIRE(first->has_value());
    const auto same = store::keep_inbox_entry(**db, entry);
    BOOST_TEST_REQUIRE(same.ok());
    BOOST_TEST(!same->has_value(), "the same body again writes nothing");
    entry.body = R"({"transaction_status":"settlement"})";
    const auto newer = store::keep_inbox_entry(**db, entry);
    BOOST_TEST_REQUIRE(newer.ok());
    BOOST_TEST_REQUIRE(newer->has_value());
    BOOST_TEST(**newer == **first + 1);
    const auto stale_delete = store::delete_inbox_entry(**db, entry.key, **first);
    BOOST_TEST_REQUIRE(stale_delete.ok());
    BOOST_TEST(!*stale_delete);
    BOOST_TEST(server.scalar("SELECT body FROM callback_inbox") == entry.body);
    // The gateway's retry of the same body once the row is due (its server died, or it was put
    // off) takes the row over: a new version for this server's appliers.
    entry.received_at = 170;
    entry.next_attempt_at = 230;
    const auto taken_over = store::keep_inbox_entry(**db, entry);
    BOOST_TEST_REQUIRE(taken_over.ok());
    BOOST_TEST_REQUIRE(taken_over->has_value());
    BOOST_TEST(**taken_over == **newer + 1);
    const auto deleted = store::delete_inbox_entry(**db, entry.key, **taken_over);
    BOOST_TEST_REQUIRE(deleted.ok());
    BOOST_TEST(*deleted);
}

BOOST_AUTO_TEST_SUITE_END()
