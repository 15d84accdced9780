// What the real gateways refuse, through the real pay route against a simulator that refuses it
// too: invoice numbers outside the gateways' order-id alphabet, names with letters beyond ASCII,
// a Snap order the status API does not know yet, and a settled payment turned refund/chargeback/deny.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "gateways/gateway_signatures.hpp"
#include "payments/gateway_fields.hpp"
#include "services/settings.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "support/gateway_settings.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Limits {
    TestServer server;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false, .retry_delay_ms = 50, .max_retries = 1}};
    std::string token;

    explicit Limits(const std::string& invoice_format = "INV-{YYYY}{MM}-{NNNNN}") {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        simulator.set_callback_base(server.url(""));
        auto values = gateway_simulator_settings(simulator, server.url(""));
        values["invoice_number_format"] = invoice_format;
        configure(values);
        token = server.login("finance");
        auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token);
        BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    }

    void configure(const std::map<std::string, std::string>& values) {
        apply_settings(server, values);
    }
    void execute(const std::string& sql) {
        auto db = store::Database::open(server.db_path());
        BOOST_TEST_REQUIRE(db.ok());
        BOOST_TEST_REQUIRE((*db)->execute(sql).ok(), sql);
    }
    std::int64_t count(const std::string& sql) { return std::stoll(server.scalar(sql)); }
    api::Json invoice() {
        auto list = server.get("/api/invoices?period=2026-01&per_page=1&page=1", token);
        BOOST_TEST_REQUIRE(list.status == 200, list.body);
        return list.json()["data"][0];
    }
    HttpReply pay(std::int64_t invoice_id, const std::string& gateway, const std::string& method) {
        return server.post("/billing/pay", api::Json{{"invoice_id", invoice_id}, {"gateway", gateway}, {"method", method}}.dump());
    }
    HttpReply reconcile() { return server.post("/api/payments/reconcile", "{}", token); }
};

struct Case {
    const char* gateway;
    const char* method;
};
std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.gateway << "/" << c.method; }
const Case kCases[] = {{"flip", "bni_va"}, {"midtrans", "bca_va"}, {"midtrans", "mandiri_va"}, {"duitku", "bni_va"}};

const char* const kFormats[] = {"INV/{YYYY}/{MM}/{NNNNN}", "PT-KIMONET-NUSANTARA-SEJAHTERA/BANDUNG-TIMUR/{YYYY}/{MM}/{NNNNN}"};

// 19 letters, then é across bytes 19-20 (Duitku's customerVaName ends at 20), then enough é to pass
// 255 characters (Midtrans first_name, Flip sender_name).
std::string long_accented_name() {
    std::string name = "Ibu Raden Ayu Hadiw";
    for (int i = 0; i < 240; ++i) name += "\xC3\xA9";
    return name + "jaya";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_limits, *boost::unit_test::label("slow"))

BOOST_DATA_TEST_CASE(an_invoice_number_with_slashes_pays_and_settles_through_every_gateway,
                     boost::unit_test::data::make(kCases) * boost::unit_test::data::make(kFormats), c, format) {
    Limits fixture(format);
    const api::Json invoice = fixture.invoice();
    const std::string invoice_no = invoice["invoice_no"];
    BOOST_TEST_REQUIRE(invoice_no.find('/') != std::string::npos);
    HttpReply paid = fixture.pay(invoice["id"], c.gateway, c.method);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string order_id = paid.json()["order_id"];
    BOOST_TEST(payments::gateway_order_id_valid(c.gateway, order_id), order_id);
    // Recognisable: the year/month/sequence of the invoice number are still in it.
    std::string number_tail = invoice_no.substr(invoice_no.size() - 13);  // "2026/01/00036"
    for (char& ch : number_tail)
        if (ch == '/') ch = '-';
    BOOST_TEST(order_id.find(number_tail) != std::string::npos, order_id);
    BOOST_TEST_REQUIRE(fixture.simulator.pay(paid.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(invoice["id"].get<std::int64_t>())) == "paid");
}

BOOST_DATA_TEST_CASE(a_customer_named_hadiwejaya_can_pay_through_every_gateway, boost::unit_test::data::make(kCases), c) {
    Limits fixture;
    const api::Json invoice = fixture.invoice();
    fixture.execute("UPDATE customers SET name = '" + long_accented_name() + "' WHERE id = " +
                    std::to_string(invoice["customer_id"].get<std::int64_t>()));
    HttpReply paid = fixture.pay(invoice["id"], c.gateway, c.method);
    // Not 500 (a letter cut in half is not JSON), not 422 (the gateway refusing a 256-letter name).
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(fixture.simulator.transactions().size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_simulator_refuses_what_the_gateways_refuse) {
    Limits fixture;
    const auto& options = fixture.simulator.options();
    const std::string basic = "Basic " + std::string("U0ItTWlkLXNlcnZlci1zaW06");  // base64("SB-Mid-server-sim:")
    BOOST_TEST_REQUIRE(options.midtrans_server_key == "SB-Mid-server-sim");
    auto charge = [&](const std::string& order_id, const std::string& name) {
        api::Json body = {{"payment_type", "bank_transfer"},
                          {"bank_transfer", {{"bank", "bca"}}},
                          {"transaction_details", {{"order_id", order_id}, {"gross_amount", 10000}}},
                          {"customer_details", {{"first_name", name}}}};
        return http_request("POST", fixture.simulator.gateway_url("midtrans") + "/v2/charge", body.dump(),
                            {{"Authorization", basic}, {"Content-Type", "application/json"}});
    };
    BOOST_TEST(charge("INV/2026/01/00001-ab", "Budi").status == 400);
    BOOST_TEST(charge(std::string(51, 'A'), "Budi").status == 400);
    BOOST_TEST(charge("INV-2026-01-00001-ab", std::string(256, 'b')).status == 400);
    BOOST_TEST(charge("INV-2026-01-00001-ab", "Budi").status == 200);
    // Flip: title within 255, step 3 only for a SINGLE bill.
    auto bill = [&](const std::string& title, const std::string& type) {
        const std::string form = "title=" + title + "&type=" + type + "&amount=10000&step=3&sender_bank=bni&sender_bank_type=virtual_account";
        return http_request("POST", fixture.simulator.gateway_url("flip") + "/pwf/bill", form,
                            {{"Authorization", "Basic " + std::string("c2ltLWZsaXAtc2VjcmV0Og==")},  // base64("sim-flip-secret:")
                             {"Content-Type", "application/x-www-form-urlencoded"}});
    };
    BOOST_TEST_REQUIRE(options.flip_secret_key == "sim-flip-secret");
    BOOST_TEST(bill(std::string(256, 't'), "SINGLE").status == 422);
    BOOST_TEST(bill("Tagihan", "MULTIPLE").status == 422);
    BOOST_TEST(bill("Tagihan", "SINGLE").status == 200);
    // Duitku: customerVaName within 20, merchantOrderId within 50.
    auto inquiry = [&](const std::string& order_id, const std::string& name) {
        api::Json body = {{"merchantCode", options.duitku_merchant_code}, {"paymentAmount", 10000}, {"paymentMethod", "I1"},
                          {"merchantOrderId", order_id}, {"customerVaName", name}, {"productDetails", "Tagihan"},
                          {"signature", gateways::duitku_inquiry_signature(options.duitku_merchant_code, order_id, "10000", options.duitku_api_key)}};
        return http_request("POST", fixture.simulator.gateway_url("duitku") + "/merchant/v2/inquiry", body.dump(), {{"Content-Type", "application/json"}});
    };
    BOOST_TEST(inquiry("INV-1-ab", std::string(21, 'n')).status == 400);
    BOOST_TEST(inquiry(std::string(51, '1'), "Budi").status == 400);
    BOOST_TEST(inquiry("INV-1-ab", "Hadiw\xC3\xA9jaya").status == 200);

    auto status = http_request("GET", fixture.simulator.gateway_url("midtrans") + "/v2/NOPE-1/status", "", {{"Authorization", basic}});
    BOOST_TEST(status.status == 404);
    BOOST_TEST(status.json()["status_message"] == "Transaction doesn't exist.");
}

BOOST_AUTO_TEST_CASE(a_snap_order_the_status_api_does_not_know_stays_open_quietly_then_expires) {
    Limits fixture;
    fixture.configure({{"midtrans_api", "snap"}, {"payment_expiry_minutes", "60"}});
    const api::Json invoice = fixture.invoice();
    HttpReply paid = fixture.pay(invoice["id"], "midtrans", "bni_va");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string id = fixture.server.scalar("SELECT id FROM gateway_transactions WHERE order_id = '" + paid.json()["order_id"].get<std::string>() + "'");

    // The customer has not picked a method on Snap's page yet: Midtrans answers 404. Twice.
    for (int run = 0; run < 2; ++run) {
        fixture.server.clock().advance(15 * 60);
        auto reconciled = fixture.reconcile();
        BOOST_TEST_REQUIRE(reconciled.status == 200, reconciled.body);
        BOOST_TEST(reconciled.json()["data"]["checked"] == 1);
        BOOST_TEST(reconciled.json()["data"]["errors"] == 0);
        BOOST_TEST(fixture.server.scalar("SELECT status FROM gateway_transactions WHERE id = " + id) == "pending");
    }
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE kind = 'error'") == 0);

    // Past its expiry the attempt is over, and the reconciliation list says so once.
    fixture.server.clock().advance(31 * 60);
    auto reconciled = fixture.reconcile();
    BOOST_TEST_REQUIRE(reconciled.status == 200, reconciled.body);
    BOOST_TEST(reconciled.json()["data"]["expired"] == 1);
    BOOST_TEST(reconciled.json()["data"]["errors"] == 0);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM gateway_transactions WHERE id = " + id) == "expired");
    auto findings = fixture.server.get("/api/payments/reconciliation", fixture.token);
    BOOST_TEST_REQUIRE(findings.status == 200, findings.body);
    BOOST_TEST(findings.json()["data"].size() == 1u);
    BOOST_TEST(findings.json()["data"][0]["kind"] == "expired");
}

BOOST_DATA_TEST_CASE(a_settled_payment_later_refunded_goes_to_review_and_finance_is_told,
                     boost::unit_test::data::make({"refund", "partial_refund", "chargeback", "deny"}), turn) {
    Limits fixture;
    const api::Json invoice = fixture.invoice();
    const std::string invoice_id = std::to_string(invoice["id"].get<std::int64_t>());
    HttpReply paid = fixture.pay(invoice["id"], "midtrans", "bca_va");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string order_id = paid.json()["order_id"];
    BOOST_TEST_REQUIRE(fixture.simulator.pay(order_id));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST_REQUIRE(fixture.server.scalar("SELECT status FROM invoices WHERE id = " + invoice_id) == "paid");

    // A signed notification that the status API contradicts changes nothing.
    BOOST_TEST_REQUIRE(fixture.simulator.lie(order_id, turn));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE kind = 'refund'") == 0);

    BOOST_TEST_REQUIRE(fixture.simulator.reverse(order_id, turn));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.simulator.callbacks().back().answered == 200);

    // Finance: the reconciliation list names it, the attempt waits in review with the reason…
    auto findings = fixture.server.get("/api/payments/reconciliation", fixture.token);
    BOOST_TEST_REQUIRE(findings.status == 200, findings.body);
    const api::Json finding = findings.json()["data"][0];
    BOOST_TEST(finding["kind"] == "refund");
    BOOST_TEST(finding["order_id"] == order_id);
    BOOST_TEST(finding["source"] == "callback");
    BOOST_TEST(finding["detail"].get<std::string>().find(std::string("midtrans melaporkan ") + turn) != std::string::npos, finding.dump());
    BOOST_TEST(finding["transaction_status"] == "review");
    auto review = fixture.server.get("/api/payments/transactions?status=review", fixture.token);
    BOOST_TEST_REQUIRE(review.status == 200, review.body);
    BOOST_TEST_REQUIRE(review.json()["data"].size() == 1u);
    BOOST_TEST(review.json()["data"][0]["review_reason"] == std::string("reversed: ") + turn);
    // Staff rows name the customer by service_number (nomor_layanan is only the public bill check's word).
    BOOST_TEST(review.json()["data"][0]["service_number"] == fixture.server.scalar(
                   "SELECT c.service_number FROM customers c JOIN invoices i ON i.customer_id = c.id WHERE i.id = " + invoice_id));
    BOOST_TEST(!review.json()["data"][0].contains("nomor_layanan"));
    // …the dashboard counts it, the activity log records it…
    auto dashboard = fixture.server.get("/api/dashboard", fixture.token);
    BOOST_TEST_REQUIRE(dashboard.status == 200, dashboard.body);
    BOOST_TEST(dashboard.json()["data"]["billing"]["gateway_review"]["count"] == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'payment.gateway_reversed'") == 1);
    // …and nothing was silently undone: the payment stands and the invoice still shows paid.
    BOOST_TEST(fixture.server.scalar("SELECT status FROM invoices WHERE id = " + invoice_id) == "paid");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payments WHERE invoice_id = " + invoice_id) == 1);

    // The same notification again (Midtrans retries) is told once only.
    BOOST_TEST_REQUIRE(fixture.simulator.lie(order_id, turn));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE kind = 'refund'") == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'payment.gateway_reversed'") == 1);
}

BOOST_AUTO_TEST_CASE(a_chargeback_whose_notification_never_arrives_is_found_by_reconciliation) {
    Limits fixture;
    const api::Json invoice = fixture.invoice();
    HttpReply paid = fixture.pay(invoice["id"], "midtrans", "bca_va");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string order_id = paid.json()["order_id"];
    BOOST_TEST_REQUIRE(fixture.simulator.pay(order_id));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    // The notification is forged on its way (wrong key): refused, nothing changes.
    fixture.simulator.set_switches(sim::SimSwitches{.forge = true});
    BOOST_TEST_REQUIRE(fixture.simulator.reverse(order_id, "chargeback"));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.simulator.callbacks().back().answered == 403);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM gateway_transactions WHERE order_id = '" + order_id + "'") == "paid");

    // The next reconciliation run asks Midtrans about recent settled payments.
    fixture.server.clock().advance(3600);
    auto reconciled = fixture.reconcile();
    BOOST_TEST_REQUIRE(reconciled.status == 200, reconciled.body);
    BOOST_TEST(reconciled.json()["data"]["rechecked"] == 1);
    BOOST_TEST(reconciled.json()["data"]["flagged"] == 1);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM gateway_transactions WHERE order_id = '" + order_id + "'") == "review");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE kind = 'refund' AND source = 'reconcile'") == 1);
    // Asked again an hour later: already in review, nothing new.
    fixture.server.clock().advance(3600);
    BOOST_TEST(fixture.reconcile().json()["data"]["rechecked"] == 0);
}

BOOST_AUTO_TEST_SUITE_END()
