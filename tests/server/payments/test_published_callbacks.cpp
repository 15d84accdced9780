// The gateways' callbacks as their own documents and SDKs publish them, written out here by hand
// (never with our adapters' or the simulator's builders): every documented field, in the
// documented types, the way each gateway posts it. The status APIs answering behind them are the
// simulator's. Sources:
// - Midtrans: docs.midtrans.com "HTTP(S) Notification / Webhooks" (sample bank_transfer
//   notification), "Handle Notifications" (signature_key = SHA512(order_id + status_code +
//   gross_amount + ServerKey)), "Transaction Status Cycle"; midtrans-php Notification.
// - Duitku: docs.duitku.com/api/en "Callback" (form post: merchantCode, amount, merchantOrderId,
//   productDetail, additionalParam, paymentCode, resultCode, merchantUserId, reference, signature,
//   publisherOrderId, spUserHash, settlementDate, issuerCode; signature = MD5(merchantCode + amount
//   + merchantOrderId + apiKey)); duitku-php Api::callback and tests/params/ParamsCallback.json.
// - Flip: "Accept Payment Callback" (form post data=<JSON>&token=<validation token>; bill_link_id
//   and amount are JSON numbers; status SUCCESSFUL, CANCELED, FAILED).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cctype>

#include "sim/gateways/payment_gateway_simulator.hpp"
#include "sim/sim_crypto.hpp"
#include "support/gateway_settings.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// RFC 3986 unreserved characters stay, everything else is %XX: what PHP's http_build_query (and
// every gateway's form post) does, written out here rather than borrowed from the product.
std::string form_value(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

struct Published {
    TestServer server;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false, .retry_delay_ms = 50, .max_retries = 2}};
    std::string token;

    Published() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        simulator.set_callback_base(server.url(""));
        apply_settings(server, gateway_simulator_settings(simulator, server.url("")));
        token = server.login("finance");
        auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token);
        BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    }

    api::Json invoice(int n) {
        auto list = server.get("/api/invoices?period=2026-01&per_page=1&page=" + std::to_string(n), token);
        BOOST_TEST_REQUIRE(list.status == 200, list.body);
        return list.json()["data"][0];
    }
    HttpReply pay(std::int64_t invoice_id, const std::string& gateway, const std::string& method) {
        return server.post("/billing/pay", api::Json{{"invoice_id", invoice_id}, {"gateway", gateway}, {"method", method}}.dump());
    }
    // The customer pays at the gateway; its own callback is lost, so only the hand-written one arrives.
    sim::SimTransaction paid_at_the_gateway(const std::string& id) {
        auto switches = simulator.switches();
        switches.drop_callbacks = 1;
        simulator.set_switches(switches);
        BOOST_TEST_REQUIRE(simulator.pay(id));
        BOOST_TEST_REQUIRE(simulator.wait_idle());
        BOOST_TEST_REQUIRE(server.callbacks_settled());
        return *simulator.find(id);
    }
    HttpReply deliver(const std::string& gateway, const std::string& content_type, const std::string& body) {
        // Answered once kept; what it did is known once the server's appliers are done with it.
        HttpReply reply = http_request("POST", server.url("/payment/callback/" + gateway), body, {{"Content-Type", content_type}});
        BOOST_TEST_REQUIRE(server.callbacks_settled());
        return reply;
    }
    std::string invoice_status(std::int64_t id) { return server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(id)); }
    std::string payments_of(std::int64_t id) { return server.scalar("SELECT COUNT(*) FROM payments WHERE invoice_id = " + std::to_string(id)); }
};

// Midtrans' sample notification (a BCA VA settlement), pretty-printed as the document shows it:
// every field a string, gross_amount with its ".00", fields we never read included.
std::string midtrans_notification(const sim::SimTransaction& charge, const std::string& status_code, const std::string& transaction_status,
                                  const std::string& server_key) {
    const std::string gross = std::to_string(charge.amount) + ".00";
    const std::string signature = sim::sha512_hex(charge.order_id + status_code + gross + server_key);
    return "{\n"
           "  \"va_numbers\": [{\"va_number\": \"" + charge.payment_code + "\", \"bank\": \"bca\"}],\n"
           "  \"transaction_time\": \"2026-01-15 09:10:02\",\n"
           "  \"transaction_status\": \"" + transaction_status + "\",\n"
           "  \"transaction_id\": \"" + charge.transaction_id + "\",\n"
           "  \"status_message\": \"midtrans payment notification\",\n"
           "  \"status_code\": \"" + status_code + "\",\n"
           "  \"signature_key\": \"" + signature + "\",\n"
           "  \"settlement_time\": \"2026-01-15 09:12:40\",\n"
           "  \"payment_type\": \"bank_transfer\",\n"
           "  \"payment_amounts\": [],\n"
           "  \"order_id\": \"" + charge.order_id + "\",\n"
           "  \"merchant_id\": \"G141532850\",\n"
           "  \"gross_amount\": \"" + gross + "\",\n"
           "  \"fraud_status\": \"accept\",\n"
           "  \"expiry_time\": \"2026-01-16 09:10:02\",\n"
           "  \"currency\": \"IDR\"\n"
           "}";
}

// Duitku's callback: a form post of every documented field (amount a plain integer string).
std::string duitku_callback(const sim::SimTransaction& charge, const std::string& result_code, const sim::GatewaySimulatorOptions& options) {
    const std::string amount = std::to_string(charge.amount);
    const std::string signature = sim::md5_hex(options.duitku_merchant_code + amount + charge.order_id + options.duitku_api_key);
    return "merchantCode=" + form_value(options.duitku_merchant_code) + "&amount=" + amount + "&merchantOrderId=" + form_value(charge.order_id) +
           "&productDetail=" + form_value("Tagihan Januari 2026") + "&additionalParam=&paymentCode=" + form_value(charge.bank) +
           "&resultCode=" + result_code + "&merchantUserId=&reference=" + form_value(charge.transaction_id) + "&signature=" + signature +
           "&publisherOrderId=MGUHWKJX3M1KMSQN5&spUserHash=&settlementDate=2026-01-15&issuerCode=";
}

// Flip's callback: data=<the JSON, form-encoded>&token=<validation token>; bill_link_id and amount
// are numbers in that JSON.
std::string flip_callback(const sim::SimTransaction& charge, const std::string& status, const std::string& token) {
    const std::string data = "{\"id\":\"" + charge.transaction_id + "\",\"bill_link\":\"flip.id/$kimonet/#tagihan\",\"bill_link_id\":" +
                             charge.reference + ",\"bill_title\":\"Tagihan Januari 2026\",\"sender_name\":\"Budi Santoso\",\"sender_bank\":\"" +
                             charge.bank + "\",\"amount\":" + std::to_string(charge.amount) + ",\"status\":\"" + status +
                             "\",\"sender_bank_type\":\"virtual_account\",\"created_at\":\"2026-01-15 09:12:40\"}";
    return "data=" + form_value(data) + "&token=" + form_value(token);
}

struct Delivery {
    std::string content_type;
    std::string paid;     // the gateway's callback for the payment
    std::string stale;    // a status that arrives after it (pending/failed), which must not unpay
};

Delivery published_delivery(const std::string& gateway, const sim::SimTransaction& charge, const sim::GatewaySimulatorOptions& options) {
    if (gateway == "midtrans")
        return {"application/json", midtrans_notification(charge, "200", "settlement", options.midtrans_server_key),
                midtrans_notification(charge, "201", "pending", options.midtrans_server_key)};
    if (gateway == "duitku")
        return {"application/x-www-form-urlencoded", duitku_callback(charge, "00", options), duitku_callback(charge, "01", options)};
    return {"application/x-www-form-urlencoded", flip_callback(charge, "SUCCESSFUL", options.flip_validation_token),
            flip_callback(charge, "CANCELED", options.flip_validation_token)};
}

const char* kGateways[] = {"midtrans", "duitku", "flip"};

}  // namespace

BOOST_AUTO_TEST_SUITE(published_callbacks, *boost::unit_test::label("slow"))

// Each gateway's own callback pays the invoice once; delivered again (each gateway resends), it
// is answered 200 "duplicate" and pays nothing more; a stale status sent after it (Midtrans'
// late pending, Duitku's "01", Flip's CANCELED) is answered 200 and leaves the payment alone.
BOOST_DATA_TEST_CASE(a_published_callback_pays_once_and_later_deliveries_change_nothing, boost::unit_test::data::make(kGateways), gateway) {
    Published fixture;
    const std::int64_t id = fixture.invoice(1)["id"];
    HttpReply charged = fixture.pay(id, gateway, "bca_va");
    BOOST_TEST_REQUIRE(charged.status == 201, charged.body);
    const auto charge = fixture.paid_at_the_gateway(charged.json()["transaction_id"].get<std::string>());
    BOOST_TEST_REQUIRE(fixture.invoice_status(id) == "unpaid");
    const Delivery delivery = published_delivery(gateway, charge, fixture.simulator.options());

    HttpReply first = fixture.deliver(gateway, delivery.content_type, delivery.paid);
    BOOST_TEST(first.status == 200, first.body);
    BOOST_TEST(first.json()["outcome"] == "accepted", first.body);  // answered once kept; applied right after
    BOOST_TEST(fixture.server.scalar("SELECT outcome FROM gateway_callbacks ORDER BY id DESC LIMIT 1") == "applied");
    BOOST_TEST(fixture.invoice_status(id) == "paid");
    BOOST_TEST(fixture.payments_of(id) == "1");

    HttpReply again = fixture.deliver(gateway, delivery.content_type, delivery.paid);
    BOOST_TEST(again.status == 200, again.body);
    BOOST_TEST(again.json()["outcome"] == "duplicate", again.body);
    HttpReply stale = fixture.deliver(gateway, delivery.content_type, delivery.stale);
    BOOST_TEST(stale.status == 200, stale.body);
    BOOST_TEST(fixture.invoice_status(id) == "paid");
    BOOST_TEST(fixture.payments_of(id) == "1");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM gateway_transactions WHERE invoice_id = " + std::to_string(id)) == "paid");
}

// Flip's document shows the callback's raw body with the JSON as it is, not percent-encoded
// (`data={"id":"FT1",...,"bill_link":"flip.id/$<company_code>/#<product_code>",...}&token=...`,
// blanks and all); its own PHP sample reads it with $_POST. Read that way, it pays.
BOOST_AUTO_TEST_CASE(flips_documented_raw_payload_pays_as_it_stands) {
    Published fixture;
    const std::int64_t id = fixture.invoice(1)["id"];
    HttpReply charged = fixture.pay(id, "flip", "bni_va");
    BOOST_TEST_REQUIRE(charged.status == 201, charged.body);
    const auto charge = fixture.paid_at_the_gateway(charged.json()["transaction_id"].get<std::string>());
    const std::string raw = "data={\"id\":\"" + charge.transaction_id + "\",\"bill_link\":\"flip.id/$kimonet/#tagihan-januari\",\"bill_link_id\":" +
                            charge.reference + ",\"bill_title\":\"Tagihan Januari 2026\",\"sender_name\":\"Jon Doe\",\"sender_bank\":\"bni\"," +
                            "\"amount\":" + std::to_string(charge.amount) + ",\"status\":\"SUCCESSFUL\",\"sender_bank_type\":\"virtual_account\"," +
                            "\"created_at\":\"2026-01-15 09:12:40\"}&token=" + fixture.simulator.options().flip_validation_token;
    HttpReply reply = fixture.deliver("flip", "application/x-www-form-urlencoded", raw);
    BOOST_TEST(reply.status == 200, reply.body);
    BOOST_TEST(reply.json()["outcome"] == "accepted", reply.body);
    BOOST_TEST(fixture.server.scalar("SELECT outcome FROM gateway_callbacks ORDER BY id DESC LIMIT 1") == "applied");
    BOOST_TEST(fixture.invoice_status(id) == "paid");
    BOOST_TEST(fixture.payments_of(id) == "1");
}

// The simulator posts Duitku's callback with exactly the fields Duitku documents: no more (a
// field Duitku never sends would let our parser come to depend on it), no fewer.
BOOST_AUTO_TEST_CASE(the_simulators_duitku_callback_names_exactly_the_published_fields) {
    Published fixture;
    const std::int64_t id = fixture.invoice(1)["id"];
    HttpReply charged = fixture.pay(id, "duitku", "bca_va");
    BOOST_TEST_REQUIRE(charged.status == 201, charged.body);
    BOOST_TEST_REQUIRE(fixture.simulator.pay(charged.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.invoice_status(id) == "paid");
    const auto callbacks = fixture.simulator.callbacks();
    BOOST_TEST_REQUIRE(!callbacks.empty());
    std::set<std::string> names;
    std::string_view body = callbacks[0].body;
    while (!body.empty()) {
        const std::size_t amp = body.find('&');
        const std::string_view pair = body.substr(0, amp);
        names.insert(std::string(pair.substr(0, pair.find('='))));
        body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    }
    const std::set<std::string> published = {"merchantCode", "amount",     "merchantOrderId", "productDetail",    "additionalParam",
                                              "paymentCode",  "resultCode", "merchantUserId",  "reference",        "signature",
                                              "publisherOrderId", "spUserHash", "settlementDate", "issuerCode"};
    BOOST_TEST(names == published, callbacks[0].body);
}

// Where a gateway sends the customer's browser after paying is the address customers reach
// (public_base_url), never the one given to the gateways for their callbacks
// (payment_callback_base_url: "if gateways reach the server under another address", e.g. one open
// to the gateways only). Duitku takes it as `returnUrl` ("Request Transaction"), Flip as
// `redirect_url` ("Create Bill"), Midtrans Snap as `callbacks.finish` (docs.midtrans.com: Custom
// Finish URL, over the dashboard's Finish Redirect URL); each appends its order id, which /billing reads.
BOOST_AUTO_TEST_CASE(the_customer_returns_to_the_public_address_not_the_callback_address) {
    Published fixture;
    apply_settings(fixture.server, {{"public_base_url", "https://tagihan.isp.example"}, {"midtrans_api", "snap"}});
    const std::string callbacks = fixture.server.url("");
    int n = 0;
    for (const char* gateway : kGateways) {
        HttpReply paid = fixture.pay(fixture.invoice(++n)["id"], gateway, "bni_va");
        BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
        const auto charge = fixture.simulator.transactions().back();
        BOOST_TEST(charge.gateway == gateway);
        BOOST_TEST(charge.return_url == "https://tagihan.isp.example/billing", gateway);
        // The callbacks still go where the gateways reach us (Flip's is set in its dashboard).
        if (std::string_view(gateway) != "flip") BOOST_TEST(charge.callback_url == callbacks + "/payment/callback/" + gateway);
    }
    // Without public_base_url the customer goes to the server's own address, still not the callback one.
    apply_settings(fixture.server, {{"public_base_url", ""}, {"payment_callback_base_url", "https://gateways-only.isp.example"}});
    HttpReply paid = fixture.pay(fixture.invoice(++n)["id"], "duitku", "bni_va");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string fallback = fixture.simulator.transactions().back().return_url;
    BOOST_TEST(fallback.find("gateways-only") == std::string::npos, fallback);
    BOOST_TEST(fallback.starts_with("http://127.0.0.1:"), fallback);  // KIMONET_PUBLIC_URL's default, the bind address
    BOOST_TEST(fallback.ends_with("/billing"), fallback);
}

// Snap's Finish URL from the request replaces the one in Midtrans' dashboard. In production it is
// sent only for a public https address, as X-Override-Notification is: the server's own
// http://bind:port (no public_base_url) would send every customer nowhere, where the dashboard's
// URL may well be right.
BOOST_AUTO_TEST_CASE(in_production_snap_is_told_only_a_public_https_finish_url) {
    Published fixture;
    apply_settings(fixture.server, {{"midtrans_api", "snap"}, {"midtrans_mode", "production"}, {"public_base_url", ""}});
    BOOST_TEST_REQUIRE(fixture.pay(fixture.invoice(1)["id"], "midtrans", "bni_va").status == 201);
    BOOST_TEST(fixture.simulator.transactions().back().return_url == "");
    apply_settings(fixture.server, {{"public_base_url", "https://tagihan.isp.example"}});
    BOOST_TEST_REQUIRE(fixture.pay(fixture.invoice(2)["id"], "midtrans", "bni_va").status == 201);
    BOOST_TEST(fixture.simulator.transactions().back().return_url == "https://tagihan.isp.example/billing");
}

BOOST_AUTO_TEST_SUITE_END()
