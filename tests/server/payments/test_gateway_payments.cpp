// End to end per gateway against the in-process simulator: check → pay → callback → invoice paid
// → next invoice → restore requested → confirmation queued; replays, forgeries, lost callbacks.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <thread>

#include "services/settings.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "support/gateway_settings.hpp"
#include "support/column_values.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Gateways {
    TestServer server;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false, .retry_delay_ms = 50, .max_retries = 2}};
    std::string token;

    Gateways() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        simulator.set_callback_base(server.url(""));
        configure({});
        token = server.login("finance");
        auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token);
        BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    }

    void configure(std::map<std::string, std::string> extra) {
        auto values = gateway_simulator_settings(simulator, server.url(""));
        for (auto& [key, value] : extra) values[key] = value;
        apply_settings(server, values);
    }

    std::int64_t count(const std::string& sql) { return std::stoll(server.scalar(sql)); }
    void execute(const std::string& sql) {
        auto db = store::Database::open(server.db_path());
        BOOST_TEST_REQUIRE(db.ok());
        BOOST_TEST_REQUIRE((*db)->execute(sql).ok(), sql);
    }

    // The January invoice of the n-th customer that has a phone; its customer is made isolated.
    api::Json invoice(int n = 1) {
        auto list = server.get("/api/invoices?period=2026-01&per_page=1&page=" + std::to_string(n), token);
        BOOST_TEST_REQUIRE(list.status == 200, list.body);
        const api::Json invoice = list.json()["data"][0];
        execute("UPDATE customers SET status = 'isolated' WHERE id = " + std::to_string(invoice["customer_id"].get<std::int64_t>()));
        return invoice;
    }
    std::string service_number(const api::Json& invoice) {
        return server.scalar("SELECT service_number FROM customers WHERE id = " + std::to_string(invoice["customer_id"].get<std::int64_t>()));
    }
    // Rp 1.000 paid at the counter: the invoice then owes another amount, so its next online charge
    // for the same method replaces the open one.
    void pay_part_in_cash(std::int64_t invoice_id) {
        auto cash = server.post("/api/payments",
                                api::Json{{"invoice_id", invoice_id}, {"amount", 1000}, {"method", "cash"}, {"confirm", "partial"}}.dump(), token);
        BOOST_TEST_REQUIRE(cash.status == 201, cash.body);
    }
    HttpReply pay(std::int64_t invoice_id, const std::string& gateway, const std::string& method) {
        return server.post("/billing/pay", api::Json{{"invoice_id", invoice_id}, {"gateway", gateway}, {"method", method}}.dump());
    }
    std::string invoice_status(std::int64_t id) { return server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(id)); }
    std::int64_t payments_of(std::int64_t id) { return count("SELECT COUNT(*) FROM payments WHERE invoice_id = " + std::to_string(id)); }
    // Payments, every invoice's and transaction's status, notifications and network actions, as one string.
    std::string money_state() {
        std::string state = server.scalar("SELECT COUNT(*) FROM payments") + "/";
        for (const auto& status : column_values(server, "SELECT status FROM invoices ORDER BY id")) state += status + ",";
        state += "/";
        for (const auto& status : column_values(server, "SELECT status FROM gateway_transactions ORDER BY id")) state += status + ",";
        return state + "/" + server.scalar("SELECT COUNT(*) FROM notifications") + "/" + server.scalar("SELECT COUNT(*) FROM network_actions");
    }
};

struct Case {
    const char* gateway;
    const char* method;
    int forged_status;
};
std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.gateway << "/" << c.method; }

const Case kCases[] = {{"flip", "bni_va", 401}, {"midtrans", "bca_va", 403}, {"midtrans", "mandiri_va", 403},
                       {"midtrans", "qris", 403},  {"duitku", "bni_va", 400}};
// The gateways that publish a cancel (Duitku does not).
const Case kCancellable[] = {{"flip", "bni_va", 0}, {"midtrans", "bca_va", 0}, {"midtrans", "qris", 0}};
const Case kCancellablePaid[] = {{"flip", "bni_va", 0}, {"midtrans", "bca_va", 0}};

}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_payments, *boost::unit_test::label("slow"))

BOOST_DATA_TEST_CASE(check_pay_callback_marks_paid_once_with_next_invoice_restore_and_confirmation, boost::unit_test::data::make(kCases), c) {
    Gateways fixture;
    const api::Json invoice = fixture.invoice();
    const std::int64_t id = invoice["id"], customer = invoice["customer_id"];
    const std::string number = fixture.service_number(invoice);

    auto check = fixture.server.post("/billing/check", api::Json{{"customer_number", number}}.dump());
    BOOST_TEST_REQUIRE(check.status == 200, check.body);
    const api::Json checked = check.json();
    BOOST_TEST(checked["success"] == true);
    BOOST_TEST(checked["customer"]["nomor_layanan"] == number);
    const std::string phone = fixture.server.scalar("SELECT phone FROM customers WHERE id = " + std::to_string(customer));
    BOOST_TEST(!checked["customer"].contains("telepphone"));  // anonymous: no phone, not even masked
    BOOST_TEST(check.body.find(phone) == std::string::npos);
    BOOST_TEST(checked["invoices"][0]["invoice_no"] == invoice["invoice_no"]);
    BOOST_TEST(checked["invoices"][0]["status"] == "pending");
    BOOST_TEST(checked["invoices"][0]["bill"] == invoice["total"]);

    HttpReply paid = fixture.pay(id, c.gateway, c.method);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const api::Json payment = paid.json();
    BOOST_TEST(!payment["transaction_id"].get<std::string>().empty());
    BOOST_TEST(!payment["expires_at"].get<std::string>().empty());
    BOOST_TEST((!payment["payment_code"].get<std::string>().empty() || !payment["qr_string"].get<std::string>().empty()));

    // Asking again reuses the live attempt instead of creating a second one.
    HttpReply again = fixture.pay(id, c.gateway, c.method);
    BOOST_TEST_REQUIRE(again.status == 200, again.body);
    BOOST_TEST(again.json()["transaction_id"] == payment["transaction_id"]);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_transactions WHERE invoice_id = " + std::to_string(id)) == 1);
    BOOST_TEST(fixture.simulator.transactions().size() == 1u);

    BOOST_TEST_REQUIRE(fixture.simulator.pay(payment["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(id) == "paid");
    BOOST_TEST(fixture.payments_of(id) == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payments WHERE method = 'gateway' AND invoice_id = " + std::to_string(id)) == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM invoices WHERE period = '2026-02' AND customer_id = " + std::to_string(customer)) == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM network_actions WHERE action = 'restore' AND status = 'pending' AND customer_id = " +
                             std::to_string(customer)) == 1);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM customers WHERE id = " + std::to_string(customer)) == "active");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE template = 'payment_confirmation' AND customer_id = " +
                             std::to_string(customer)) == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'applied'") == 1);
    const auto callbacks = fixture.simulator.callbacks();
    BOOST_TEST_REQUIRE(!callbacks.empty());
    BOOST_TEST(callbacks.back().answered == 200);

    auto after = fixture.server.post("/billing/check", api::Json{{"customer_number", number}}.dump());
    BOOST_TEST(after.body.find("\"paid\"") != std::string::npos);
}

BOOST_DATA_TEST_CASE(replayed_concurrent_and_out_of_order_callbacks_make_exactly_one_payment, boost::unit_test::data::make(kCases), c) {
    Gateways fixture;
    fixture.simulator.set_switches(sim::SimSwitches{.duplicates = 2, .out_of_order = true});
    const api::Json invoice = fixture.invoice();
    const std::int64_t id = invoice["id"];
    HttpReply paid = fixture.pay(id, c.gateway, c.method);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST_REQUIRE(fixture.simulator.pay(paid.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    const auto callbacks = fixture.simulator.callbacks();
    BOOST_TEST(callbacks.size() >= 3u);

    // Every callback the gateway sent, 10 times each, all at once, newest first.
    std::vector<std::thread> threads;
    std::atomic<int> not_ok{0};
    for (int copy = 0; copy < 10; ++copy)
        for (auto it = callbacks.rbegin(); it != callbacks.rend(); ++it)
            threads.emplace_back([&, callback = *it] {
                auto reply = http_request("POST", callback.url, callback.body, {{"Content-Type", callback.content_type}});
                if (reply.status != 200) ++not_ok;
            });
    for (auto& thread : threads) thread.join();
    BOOST_TEST(not_ok.load() == 0);
    BOOST_TEST(fixture.invoice_status(id) == "paid");
    BOOST_TEST(fixture.payments_of(id) == 1);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM gateway_transactions WHERE invoice_id = " + std::to_string(id)) == "paid");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE template = 'payment_confirmation'") == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'applied'") == 1);
}

BOOST_DATA_TEST_CASE(forged_callbacks_are_rejected_and_change_nothing, boost::unit_test::data::make(kCases), c) {
    Gateways fixture;
    fixture.simulator.set_switches(sim::SimSwitches{.forge = true});
    const api::Json invoice = fixture.invoice();
    const std::int64_t id = invoice["id"];
    HttpReply paid = fixture.pay(id, c.gateway, c.method);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string before = fixture.money_state();
    BOOST_TEST_REQUIRE(fixture.simulator.pay(paid.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    const auto callbacks = fixture.simulator.callbacks();
    BOOST_TEST_REQUIRE(!callbacks.empty());
    for (const auto& callback : callbacks) BOOST_TEST(callback.answered == c.forged_status);
    const std::string after = fixture.money_state();
    BOOST_TEST(after == before);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'rejected'") == static_cast<std::int64_t>(callbacks.size()));
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'payment.callback_rejected'") >= 1);
}

BOOST_DATA_TEST_CASE(a_lost_callback_is_applied_by_reconciliation, boost::unit_test::data::make(kCases), c) {
    Gateways fixture;
    fixture.simulator.set_switches(sim::SimSwitches{.drop_callbacks = 1});
    const api::Json invoice = fixture.invoice();
    const std::int64_t id = invoice["id"];
    HttpReply paid = fixture.pay(id, c.gateway, c.method);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST_REQUIRE(fixture.simulator.pay(paid.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.simulator.callbacks().empty());
    BOOST_TEST(fixture.invoice_status(id) == "unpaid");

    // Too young to reconcile yet; ten minutes later it is.
    auto early = fixture.server.post("/api/payments/reconcile", "{}", fixture.token);
    BOOST_TEST_REQUIRE(early.status == 200, early.body);
    BOOST_TEST(early.json()["data"]["checked"] == 0);
    fixture.server.clock().advance(600);
    auto reconciled = fixture.server.post("/api/payments/reconcile", "{}", fixture.token);
    BOOST_TEST_REQUIRE(reconciled.status == 200, reconciled.body);
    BOOST_TEST(reconciled.json()["data"]["applied"] == 1);
    BOOST_TEST(fixture.invoice_status(id) == "paid");
    BOOST_TEST(fixture.payments_of(id) == 1);
    auto findings = fixture.server.get("/api/payments/reconciliation", fixture.token);
    BOOST_TEST_REQUIRE(findings.status == 200, findings.body);
    BOOST_TEST(findings.json()["data"][0]["kind"] == "applied");
    BOOST_TEST(findings.json()["data"][0]["gateway"] == c.gateway);

    // Reconciling again, or the late callback arriving after all, changes nothing.
    fixture.server.clock().advance(600);
    BOOST_TEST(fixture.server.post("/api/payments/reconcile", "{}", fixture.token).json()["data"]["checked"] == 0);
    BOOST_TEST(fixture.payments_of(id) == 1);
}

// A charge is replaced when the invoice's amount changes (a partial cash payment here): ours is
// closed at once. Duitku publishes no way to cancel it, so its virtual account stays payable until
// the expiry it was made with. A customer who pays the old one still paid, even when every callback
// is lost: the reconciliation keeps asking about such charges until then, and finds the money.
BOOST_AUTO_TEST_CASE(money_paid_into_a_replaced_charge_is_found_by_reconciliation) {
    Gateways fixture;
    const api::Json invoice = fixture.invoice();
    const std::int64_t id = invoice["id"];
    HttpReply first = fixture.pay(id, "duitku", "bni_va");
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    const std::string old_charge = first.json()["transaction_id"].get<std::string>();
    const Money old_amount = first.json()["amount"].get<Money>();
    fixture.pay_part_in_cash(id);
    HttpReply second = fixture.pay(id, "duitku", "bni_va");
    BOOST_TEST_REQUIRE(second.status == 201, second.body);
    BOOST_TEST_REQUIRE(second.json()["transaction_id"].get<std::string>() != old_charge);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_transactions WHERE status = 'expired'") == 1);
    BOOST_TEST(fixture.simulator.find(old_charge)->status == "pending");

    // The customer pays the old virtual account; no callback ever arrives.
    fixture.simulator.set_switches(sim::SimSwitches{.drop_callbacks = 1});
    BOOST_TEST_REQUIRE(fixture.simulator.pay(old_charge, old_amount));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.simulator.callbacks().empty());
    fixture.server.clock().advance(600);
    auto reconciled = fixture.server.post("/api/payments/reconcile", "{}", fixture.token);
    BOOST_TEST_REQUIRE(reconciled.status == 200, reconciled.body);
    BOOST_TEST(reconciled.json()["data"]["rechecked"].get<int>() >= 1);
    // Found: the money is applied or, being more than is now owed, waits in review; never lost.
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_transactions WHERE status IN ('paid', 'review') AND amount = " + std::to_string(old_amount)) == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE source = 'reconcile' AND kind IN ('applied', 'amount_mismatch', "
                             "'paid_twice')") >= 1);
    // Asked again only after ten minutes, and no more once the gateway's expiry is an hour past.
    BOOST_TEST(fixture.server.post("/api/payments/reconcile", "{}", fixture.token).json()["data"]["rechecked"] == 0);
}

// Where the gateway publishes a cancel (Midtrans Cancel Transaction, Flip Edit Bill INACTIVE), the
// replaced charge is cancelled there once the new one is committed: the customer's old virtual
// account or QR takes no more money, the new one does.
BOOST_DATA_TEST_CASE(a_replaced_charge_is_cancelled_at_its_gateway_and_takes_no_more_money,
                     boost::unit_test::data::make(kCancellable), c) {
    Gateways fixture;
    const std::int64_t id = fixture.invoice()["id"];
    HttpReply first = fixture.pay(id, c.gateway, c.method);
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    const std::string old_charge = first.json()["transaction_id"].get<std::string>();
    fixture.pay_part_in_cash(id);
    HttpReply second = fixture.pay(id, c.gateway, c.method);
    BOOST_TEST_REQUIRE(second.status == 201, second.body);
    const std::string new_charge = second.json()["transaction_id"].get<std::string>();
    BOOST_TEST_REQUIRE(new_charge != old_charge);
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.simulator.find(old_charge)->status == "cancelled");
    BOOST_TEST(!fixture.simulator.pay(old_charge), "the old charge refuses money");
    BOOST_TEST(fixture.simulator.find(new_charge)->status == "pending");
    BOOST_TEST_REQUIRE(fixture.simulator.pay(new_charge));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(id) == "paid");
    BOOST_TEST(fixture.payments_of(id) == 2);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE kind = 'error'") == 0);
}

// The customer paid the old charge and its callback was lost; then a new charge replaces it. The
// cancel finds it paid (Midtrans refuses to change it, Flip deactivates the bill and its status API
// reports the payment): the money is applied at once, or waits in review, never lost.
BOOST_DATA_TEST_CASE(money_found_in_a_replaced_charge_when_cancelling_it_is_applied_not_lost,
                     boost::unit_test::data::make(kCancellablePaid), c) {
    Gateways fixture;
    const std::int64_t id = fixture.invoice()["id"];
    HttpReply first = fixture.pay(id, c.gateway, c.method);
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    const std::string old_charge = first.json()["transaction_id"].get<std::string>();
    fixture.simulator.set_switches(sim::SimSwitches{.drop_callbacks = 1});
    BOOST_TEST_REQUIRE(fixture.simulator.pay(old_charge));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    fixture.pay_part_in_cash(id);
    HttpReply second = fixture.pay(id, c.gateway, c.method);
    BOOST_TEST_REQUIRE(second.status == 201, second.body);
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.simulator.find(old_charge)->status == "paid");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_transactions WHERE status IN ('paid', 'review') AND order_id = '" +
                             first.json()["order_id"].get<std::string>() + "'") == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE kind IN ('applied', 'amount_mismatch', 'paid_twice')") >= 1);
}

// A gateway that cannot cancel (down, refusing) does not fail the new payment: the failure is
// recorded for the operator, and the old charge is left to reconciliation until its expiry.
BOOST_AUTO_TEST_CASE(a_failed_cancel_keeps_the_new_charge_and_is_recorded) {
    Gateways fixture;
    const std::int64_t id = fixture.invoice()["id"];
    HttpReply first = fixture.pay(id, "midtrans", "bni_va");
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    fixture.pay_part_in_cash(id);
    fixture.simulator.set_switches(sim::SimSwitches{.fail_cancels = 1});
    HttpReply second = fixture.pay(id, "midtrans", "bni_va");
    BOOST_TEST_REQUIRE(second.status == 201, second.body);
    BOOST_TEST(fixture.simulator.find(first.json()["transaction_id"].get<std::string>())->status == "pending");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE kind = 'error' AND order_id = '" +
                             first.json()["order_id"].get<std::string>() + "'") == 1);
    fixture.server.clock().advance(600);
    auto reconciled = fixture.server.post("/api/payments/reconcile", "{}", fixture.token);
    BOOST_TEST_REQUIRE(reconciled.status == 200, reconciled.body);
    BOOST_TEST(reconciled.json()["data"]["rechecked"].get<int>() >= 1);
}

BOOST_AUTO_TEST_CASE(amount_mismatch_is_flagged_for_review_not_applied) {
    Gateways fixture;
    const api::Json invoice = fixture.invoice();
    const std::int64_t id = invoice["id"];
    HttpReply paid = fixture.pay(id, "midtrans", "bni_va");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST_REQUIRE(fixture.simulator.pay(paid.json()["transaction_id"].get<std::string>(), paid.json()["amount"].get<std::int64_t>() - 1000));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(id) == "unpaid");
    BOOST_TEST(fixture.payments_of(id) == 0);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM gateway_transactions WHERE invoice_id = " + std::to_string(id)) == "review");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE kind = 'amount_mismatch' AND source = 'callback'") == 1);
}

// Midtrans' X-Override-Notification replaces the notification URL of the merchant's dashboard. In
// production it must never point somewhere the gateway cannot reach (the server's own
// http://bind:port when no public address is configured): then it is not sent and the dashboard's
// URL stays in force; a public https address is sent.
BOOST_AUTO_TEST_CASE(in_production_midtrans_is_told_only_a_public_https_notification_url) {
    Gateways fixture;
    auto notification_url_of_last_charge = [&] {
        const auto all = fixture.simulator.transactions();
        return all.empty() ? std::string("(none)") : all.back().callback_url;
    };
    fixture.configure({{"midtrans_mode", "production"}, {"payment_callback_base_url", ""}, {"public_base_url", ""}});
    BOOST_TEST_REQUIRE(fixture.pay(fixture.invoice(1)["id"], "midtrans", "bca_va").status == 201);
    BOOST_TEST(notification_url_of_last_charge() == "");
    fixture.configure({{"midtrans_mode", "production"}, {"payment_callback_base_url", "https://tagihan.isp.example"}});
    BOOST_TEST_REQUIRE(fixture.pay(fixture.invoice(2)["id"], "midtrans", "bca_va").status == 201);
    BOOST_TEST(notification_url_of_last_charge() == "https://tagihan.isp.example/payment/callback/midtrans");
    // In sandbox any address goes (a simulator, a tunnel while testing).
    fixture.configure({{"midtrans_mode", "sandbox"}, {"payment_callback_base_url", ""}, {"public_base_url", ""}});
    BOOST_TEST_REQUIRE(fixture.pay(fixture.invoice(3)["id"], "midtrans", "bca_va").status == 201);
    BOOST_TEST(notification_url_of_last_charge().starts_with("http://"));
}

// Midtrans' status answer names its currency (Snap and Core API: "currency": "IDR"). Confirmed in
// any other currency, the amount is not rupiah: a person looks at it, as at an amount mismatch. An
// answer without the field is judged by its amount alone.
BOOST_AUTO_TEST_CASE(a_midtrans_payment_confirmed_in_another_currency_is_flagged_for_review_not_applied) {
    Gateways fixture;
    fixture.simulator.set_switches(sim::SimSwitches{.currency = "USD"});
    const std::int64_t id = fixture.invoice()["id"];
    HttpReply paid = fixture.pay(id, "midtrans", "bni_va");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST_REQUIRE(fixture.simulator.pay(paid.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(id) == "unpaid");
    BOOST_TEST(fixture.payments_of(id) == 0);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM gateway_transactions WHERE invoice_id = " + std::to_string(id)) == "review");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE kind = 'amount_mismatch' AND source = 'callback'") == 1);
    BOOST_TEST(fixture.server.count_containing("SELECT detail FROM payment_reconciliation", "USD") == 1);

    // Without the field, the amount decides (it matches): paid.
    fixture.simulator.set_switches(sim::SimSwitches{.currency = ""});
    const std::int64_t second = fixture.invoice(2)["id"];
    HttpReply other = fixture.pay(second, "midtrans", "bni_va");
    BOOST_TEST_REQUIRE(other.status == 201, other.body);
    BOOST_TEST_REQUIRE(fixture.simulator.pay(other.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(second) == "paid");
    BOOST_TEST(fixture.payments_of(second) == 1);
}

// Flip reads expired_date ("YYYY-MM-DD HH:mm") as WIB: its documents give its times in GMT+7. An ISP
// in WITA or WIT still sends the WIB wall clock of the moment the payment expires: a charge carries
// the moment only, never the ISP's time zone.
BOOST_AUTO_TEST_CASE(flip_expired_date_is_sent_in_wib_whatever_the_isp_time_zone) {
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false}};
    BOOST_TEST_REQUIRE(simulator.start().ok());
    gateways::GatewayConfig config;
    config.name = "flip";
    config.enabled = true;
    config.base_url = simulator.gateway_url("flip");
    config.key = simulator.options().flip_secret_key;
    config.return_url = "https://isp.example/bayar";
    config.timeout_ms = 2000;
    auto adapter = app::production_ports().payment_gateway(config);
    BOOST_TEST_REQUIRE(adapter != nullptr);
    // 16 January 2026, 09:30 WIB = 10:30 WITA = 11:30 WIT.
    const std::int64_t expires_at = unix_from_local(LocalDateTime{{2026, 1, 16}, 9, 30, 0}, UtcOffset{7 * 60});
    gateways::ChargeRequest request;
    request.order_id = "INV-TZ-1";
    request.amount = 150000;
    request.method = payments::find_method("bni_va");
    request.title = "Tagihan Januari 2026";
    request.customer_name = "Pelanggan";
    request.now = expires_at - 24 * 3600;
    request.expires_at = expires_at;
    const auto charge = adapter->create_charge(request);
    BOOST_TEST_REQUIRE(charge.ok(), (charge ? "" : charge.error().message()));
    const auto bill = simulator.find(charge->reference);
    BOOST_TEST_REQUIRE(bill.has_value());
    BOOST_TEST(bill->expired_date == "2026-01-16 09:30");
}

BOOST_AUTO_TEST_CASE(gateway_down_is_502_and_creates_nothing) {
    Gateways fixture;
    const api::Json invoice = fixture.invoice();
    fixture.simulator.set_switches(sim::SimSwitches{.fail_requests = 1});
    auto down = fixture.pay(invoice["id"], "flip", "bca_va");
    BOOST_TEST(down.status == 502, down.body);
    BOOST_TEST(down.error_code() == "bad_gateway");
    fixture.simulator.set_switches(sim::SimSwitches{.timeout_requests = 1, .timeout_ms = 3000});
    auto slow = fixture.pay(invoice["id"], "duitku", "bca_va");
    BOOST_TEST(slow.status == 502, slow.body);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_transactions") == 0);
    fixture.configure({{"midtrans_server_key", "wrong-key"}});
    auto refused = fixture.pay(invoice["id"], "midtrans", "bca_va");
    BOOST_TEST(refused.status == 502, refused.body);
    // The payer is anyone: what the gateway said (a rejected key, curl's text with hosts and ports)
    // goes to the server log under a reference; the answer has the reference and nothing else.
    for (const HttpReply* reply : {&down, &slow, &refused}) {
        const std::string message = reply->json()["error"]["message"].get<std::string>();
        BOOST_TEST(message.starts_with(kimonet::messages::kBadGateway), message);
        BOOST_TEST(message.size() == std::string(kimonet::messages::kBadGateway).size() + 2 + 16, message);
        for (const char* leak : {"Midtrans", "midtrans", "API", "127.0.0.1", "timeout", "HTTP"})
            BOOST_TEST(reply->body.find(leak) == std::string::npos, leak << " in " << reply->body);
    }
    auto unknown_method = fixture.pay(invoice["id"], "midtrans", "ovo");
    BOOST_TEST(unknown_method.status == 422);
}

BOOST_AUTO_TEST_CASE(public_check_reveals_nothing_for_unknown_numbers_and_is_rate_limited) {
    Gateways fixture;
    auto unknown = fixture.server.call("POST", "/billing/check", R"({"customer_number":"NOPE999"})", "", "127.0.0.7");
    BOOST_TEST(unknown.status == 404);
    BOOST_TEST(unknown.is_error_envelope());
    BOOST_TEST(unknown.body.find("customer\"") == std::string::npos);
    int limited = 0;
    for (int i = 0; i < 35; ++i)
        if (fixture.server.call("POST", "/billing/check", R"({"customer_number":"NOPE999"})", "", "127.0.0.8").status == 429) ++limited;
    BOOST_TEST(limited >= 4);
    // Another address is not affected.
    BOOST_TEST(fixture.server.call("POST", "/billing/check", R"({"customer_number":"NOPE999"})", "", "127.0.0.9").status == 404);
}

BOOST_AUTO_TEST_CASE(payment_methods_and_the_public_bill_page) {
    Gateways fixture;
    auto methods = fixture.server.get("/api/payment-methods?gateway=flip");
    BOOST_TEST_REQUIRE(methods.status == 200, methods.body);
    const api::Json data = methods.json()["data"];
    BOOST_TEST_REQUIRE(data.size() >= 2u);
    BOOST_TEST(data[1]["code"] == "bni_va");
    BOOST_TEST(data[1]["name"] == "BNI Virtual Account");
    BOOST_TEST(data[1]["type"] == "virtual_account");
    BOOST_TEST(data[1]["fee"] == 0);
    BOOST_TEST(fixture.server.get("/api/payment-methods?gateway=paypal").status == 422);

    const api::Json invoice = fixture.invoice();
    const std::string number = fixture.service_number(invoice);
    auto page = fixture.server.get("/billing/" + number);
    BOOST_TEST_REQUIRE(page.status == 200);
    BOOST_TEST(page.body.find(invoice["invoice_no"].get<std::string>()) != std::string::npos);
    BOOST_TEST(page.body.find("Bayar dengan BNI Virtual Account") != std::string::npos);
    // Every gateway offers BNI: the page shows it once, through the cheapest (Flip, no fee).
    std::size_t bni_buttons = 0;
    for (auto at = page.body.find("data-method=\"bni_va\""); at != std::string::npos; at = page.body.find("data-method=\"bni_va\"", at + 1))
        ++bni_buttons;
    BOOST_TEST(bni_buttons == 1u);
    BOOST_TEST(page.body.find("data-gateway=\"flip\" data-method=\"bni_va\"") != std::string::npos);
    BOOST_TEST(page.body.find("periode Januari 2026") != std::string::npos);
    BOOST_TEST(page.body.size() < 20'000u);
    HttpReply paid = fixture.pay(invoice["id"], "flip", "bni_va");
    BOOST_TEST_REQUIRE(paid.status == 201);
    auto with_code = fixture.server.get("/billing?nomor_layanan=" + number);
    BOOST_TEST(with_code.body.find(paid.json()["payment_code"].get<std::string>()) != std::string::npos);
    auto status = fixture.server.get("/billing/status/" + paid.json()["order_id"].get<std::string>());
    BOOST_TEST(status.json()["invoice_status"] == "unpaid");
    BOOST_TEST(fixture.server.get("/billing/NOPE999").status == 404);
}

BOOST_AUTO_TEST_CASE(sandbox_behaviours_bca_pays_at_once_mandiri_expires) {
    Gateways fixture;
    sim::PaymentGatewaySimulator sandbox{sim::GatewaySimulatorOptions{.callback_base = fixture.server.url(""), .expire_after_ms = 300}};
    BOOST_TEST_REQUIRE(sandbox.start().ok());
    fixture.configure({{"midtrans_base_url", sandbox.gateway_url("midtrans")}});
    const api::Json first = fixture.invoice(1), second = fixture.invoice(2);
    auto bca = fixture.pay(first["id"], "midtrans", "bca_va");
    BOOST_TEST_REQUIRE(bca.status == 201, bca.body);
    BOOST_TEST(bca.json()["payment_code"].get<std::string>().starts_with("12345678"));
    auto mandiri = fixture.pay(second["id"], "midtrans", "mandiri_va");
    BOOST_TEST_REQUIRE(mandiri.status == 201, mandiri.body);
    // wait_idle returns once the scheduled expiry (300 ms) and every callback have run.
    BOOST_TEST_REQUIRE(sandbox.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(first["id"]) == "paid");
    BOOST_TEST(fixture.invoice_status(second["id"]) == "unpaid");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM gateway_transactions WHERE invoice_id = " + std::to_string(second["id"].get<std::int64_t>())) ==
               "expired");
}

BOOST_AUTO_TEST_CASE(midtrans_snap_redirects_and_its_notification_marks_paid) {
    Gateways fixture;
    fixture.configure({{"midtrans_api", "snap"}});
    const api::Json invoice = fixture.invoice();
    const std::int64_t id = invoice["id"];
    HttpReply paid = fixture.pay(id, "midtrans", "bni_va");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const api::Json payment = paid.json();
    // Snap answers a token and the page where the customer pays; no VA number of ours to show.
    BOOST_TEST(payment["payment_url"].get<std::string>().starts_with(fixture.simulator.base_url() + "/_sim/checkout/"));
    BOOST_TEST(!payment["transaction_id"].get<std::string>().empty());
    BOOST_TEST(payment["payment_code"] == "");
    const auto transactions = fixture.simulator.transactions();
    BOOST_TEST_REQUIRE(transactions.size() == 1u);
    BOOST_TEST(transactions[0].order_id == payment["order_id"]);
    BOOST_TEST(transactions[0].bank == "bni");  // enabled_payments ["bni_va"]
    BOOST_TEST(transactions[0].amount == payment["amount"].get<std::int64_t>());
    BOOST_TEST(transactions[0].callback_url == fixture.server.url("") + "/payment/callback/midtrans");
    // Asking again reuses the Snap transaction.
    BOOST_TEST(fixture.pay(id, "midtrans", "bni_va").json()["transaction_id"] == payment["transaction_id"]);
    BOOST_TEST(fixture.simulator.transactions().size() == 1u);

    BOOST_TEST_REQUIRE(fixture.simulator.pay(payment["order_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(id) == "paid");
    BOOST_TEST(fixture.payments_of(id) == 1);

    // Back to Core API: the next payment gets a VA number again.
    fixture.configure({{"midtrans_api", "core"}});
    const api::Json second = fixture.invoice(2);
    HttpReply core = fixture.pay(second["id"], "midtrans", "bni_va");
    BOOST_TEST_REQUIRE(core.status == 201, core.body);
    BOOST_TEST(!core.json()["payment_code"].get<std::string>().empty());
    auto lease = fixture.server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = fixture.server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    BOOST_TEST(!services::update_settings(context, {{"midtrans_api", "redirect"}}).ok());
}

BOOST_AUTO_TEST_CASE(rate_limit_zero_turns_the_public_check_limit_off) {
    Gateways fixture;
    fixture.configure({{"billing_check_rate_per_minute", "0"}});
    int limited = 0;
    for (int i = 0; i < 40; ++i)
        if (fixture.server.call("POST", "/billing/check", R"({"customer_number":"NOPE999"})", "", "127.0.0.10").status == 429) ++limited;
    BOOST_TEST(limited == 0);
    auto lease = fixture.server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = fixture.server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    BOOST_TEST(!services::update_settings(context, {{"billing_check_rate_per_minute", "-1"}}).ok());
}

BOOST_AUTO_TEST_SUITE_END()
