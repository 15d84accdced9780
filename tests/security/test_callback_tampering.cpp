// The attacker's view of the gateway callbacks. A callback is a hint: no gateway signs every
// field (Midtrans leaves out transaction_status, Duitku resultCode, Flip signs nothing but sends a
// static token), so an attacker who captured one genuine callback can change any unsigned field
// and replay it. Per gateway: every field of a genuinely signed, non-paid callback tampered and
// replayed pays nothing; a callback that lies (signed with the real key, while the gateway's own
// state says pending or expired) is not applied; the honest one is applied exactly once; with the
// status API down the callback is answered non-2xx and reconciliation pays later. The money
// tables are compared before and after (TestServer::snapshot) wherever nothing may change.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <filesystem>
#include <thread>

#include "api/form_encoding.hpp"
#include "api/json_fields.hpp"
#include "http/request.hpp"
#include "security/crypto.hpp"
#include "services/gateway_payments.hpp"
#include "services/settings.hpp"
#include "jobs/scheduler.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "sim/gateways/published_signatures.hpp"
#include "support/gateway_settings.hpp"
#include "support/test_server_support.hpp"
#include "raw_http.hpp"
#include "whatsapp/http_client.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Gateways {
    TestServer server;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false, .retry_delay_ms = 20, .max_retries = 2}};
    std::string token;

    Gateways() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        simulator.set_callback_base(server.url(""));
        auto settings = gateway_simulator_settings(simulator, server.url(""));
        settings["billing_check_rate_per_minute"] = "0";
        configure(settings);
        token = server.login("finance");
        auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token);
        BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    }

    void configure(const std::map<std::string, std::string>& values) {
        apply_settings(server, values);
    }

    std::int64_t count(const std::string& sql) { return std::stoll(server.scalar(sql)); }
    std::int64_t invoice_id(int n = 1) {
        auto list = server.get("/api/invoices?period=2026-01&per_page=1&page=" + std::to_string(n), token);
        BOOST_TEST_REQUIRE(list.status == 200, list.body);
        return list.json()["data"][0]["id"].get<std::int64_t>();
    }
    api::Json pay(std::int64_t invoice, const std::string& gateway, const std::string& method, const std::string& source_ip = {}) {
        auto reply = server.call("POST", "/billing/pay", api::Json{{"invoice_id", invoice}, {"gateway", gateway}, {"method", method}}.dump(), "",
                                 source_ip);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json();
    }
    HttpReply deliver(const std::string& gateway, const std::string& content_type, const std::string& body, const std::string& source_ip = {}) {
        // Answered once kept; what it did is known once the server's appliers are done with it.
        HttpReply reply = http_request("POST", server.url("/payment/callback/" + gateway), body, {{"Content-Type", content_type}}, source_ip);
        BOOST_TEST_REQUIRE(server.callbacks_settled());
        return reply;
    }
    // Everything that holds money or what money changes; not the callback log and the activity
    // log, which record the attempts.
    std::string money_state() {
        std::string kept;
        std::istringstream lines(server.snapshot());
        for (std::string line; std::getline(lines, line);)
            if (!line.starts_with("gateway_callbacks:") && !line.starts_with("activity_log:")) kept += line + "\n";
        return kept;
    }
    std::string transaction_status(std::int64_t invoice) {
        return server.joined("SELECT status FROM gateway_transactions WHERE invoice_id = " + std::to_string(invoice) + " ORDER BY id");
    }
    std::int64_t payments_of(std::int64_t invoice) { return count("SELECT COUNT(*) FROM payments WHERE invoice_id = " + std::to_string(invoice)); }
};

struct Case {
    const char* gateway;
    const char* method;
};
std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.gateway << "/" << c.method; }
const Case kCases[] = {{"flip", "bni_va"}, {"midtrans", "bni_va"}, {"duitku", "bni_va"}};

// A callback as a list of fields in order; Flip's `data` is itself a JSON object of fields.
struct Fields {
    bool json = false;
    std::vector<std::pair<std::string, std::string>> pairs;  // JSON: values as dumped JSON
};

Fields fields_of(const std::string& body) {
    Fields fields;
    const api::Json json = api::parse_json(body);
    if (json.is_object()) {
        fields.json = true;
        for (const auto& [name, value] : json.items()) fields.pairs.emplace_back(name, value.dump());
        return fields;
    }
    for (const auto& [name, value] : http::parse_query_string(body)) fields.pairs.emplace_back(name, value);
    return fields;
}

std::string body_of(const Fields& fields) {
    if (!fields.json) return api::form_encode(fields.pairs);
    api::Json json = api::Json::object();
    for (const auto& [name, value] : fields.pairs) json[name] = api::parse_json(value);
    return json.dump();
}

// What an attacker tries in one field: a "paid" word where a status goes, other amounts, another
// order, a changed value, an empty one, a number where text goes, and the field left out.
std::vector<std::string> tampered_values(const std::string& name, const std::string& value, bool json) {
    auto text = [&](const std::string& raw) { return json ? api::Json(raw).dump() : raw; };
    std::vector<std::string> values = {text(""), json ? "0" : "0", text(value.substr(0, value.size() / 2) + "9")};
    if (name == "transaction_status") values.insert(values.end(), {text("settlement"), text("capture")});
    if (name == "status_code") values.insert(values.end(), {text("200"), text("201")});
    if (name == "fraud_status") values.insert(values.end(), {text("accept"), text("challenge")});
    if (name == "resultCode") values.insert(values.end(), {text("00"), text("01")});
    if (name == "status") values.insert(values.end(), {text("SUCCESSFUL"), text("DONE")});
    if (name == "amount" || name == "gross_amount")
        values.insert(values.end(), {text("1"), text("abc"), text("10000.50"), text("-100"), text("99999999999999999999"), json ? "1" : "1.0"});
    if (name == "order_id" || name == "merchantOrderId" || name == "bill_link_id") values.insert(values.end(), {text("INV-OTHER-1"), json ? "1" : "1"});
    return values;
}

// Every single-field tampering of `body`: each field of the body (and of Flip's data), each
// tampered value, and each field removed; plus the pairs of status fields changed together.
std::vector<std::string> tamperings(const std::string& body) {
    std::vector<std::string> out;
    const Fields fields = fields_of(body);
    for (std::size_t i = 0; i < fields.pairs.size(); ++i) {
        const auto& [name, value] = fields.pairs[i];
        const api::Json inner = name == "data" ? api::parse_json(value) : api::Json();
        if (inner.is_object()) {
            for (const auto& [inner_name, inner_value] : inner.items()) {
                const std::string as_text = inner_value.is_string() ? inner_value.get<std::string>() : inner_value.dump();
                for (const auto& tampered : tampered_values(inner_name, as_text, true)) {
                    api::Json changed = inner;
                    changed[inner_name] = api::parse_json(tampered);
                    Fields copy = fields;
                    copy.pairs[i].second = changed.dump();
                    out.push_back(body_of(copy));
                }
                api::Json without = inner;
                without.erase(inner_name);
                Fields copy = fields;
                copy.pairs[i].second = without.dump();
                out.push_back(body_of(copy));
            }
        }
        for (const auto& tampered : tampered_values(name, fields.json ? api::parse_json(value).dump() : value, fields.json)) {
            Fields copy = fields;
            copy.pairs[i].second = tampered;
            out.push_back(body_of(copy));
        }
        Fields without = fields;
        without.pairs.erase(without.pairs.begin() + static_cast<std::ptrdiff_t>(i));
        out.push_back(body_of(without));
    }
    // Status words changed together, as one who knows the formats would.
    Fields both = fields;
    for (auto& [name, value] : both.pairs) {
        if (name == "transaction_status") value = api::Json("settlement").dump();
        if (name == "status_code") value = api::Json("200").dump();
        if (name == "fraud_status") value = api::Json("accept").dump();
        if (name == "resultCode") value = "00";
    }
    out.push_back(body_of(both));
    return out;
}

// The non-paid callback each gateway really sends (signed with the real key): Midtrans and Flip
// a pending one, Duitku (which only calls back with a result) a failed one.
const char* honest_non_paid(const std::string& gateway) { return gateway == "duitku" ? "expired" : "pending"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(callback_tampering, *boost::unit_test::label("slow"))

BOOST_DATA_TEST_CASE(every_field_of_a_signed_non_paid_callback_tampered_and_replayed_pays_nothing, boost::unit_test::data::make(kCases), c) {
    Gateways fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const api::Json charge = fixture.pay(invoice, c.gateway, c.method);
    const std::string id = charge["transaction_id"];
    // Capture what the gateway sends for this pending transaction.
    BOOST_TEST_REQUIRE(fixture.simulator.lie(id, honest_non_paid(c.gateway)));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    const auto sent = fixture.simulator.callbacks();
    BOOST_TEST_REQUIRE(sent.size() == 1u);
    BOOST_TEST(sent[0].answered == 200);
    const std::string before = fixture.money_state();

    const auto variants = tamperings(sent[0].body);
    BOOST_TEST(variants.size() >= 40u);
    int refused = 0;
    for (std::size_t i = 0; i < variants.size(); ++i) {
        // A new minute now and then, so the rejection budget does not hide what verification does.
        if (i % 8 == 0) fixture.server.clock().advance(61);
        const HttpReply reply = fixture.deliver(c.gateway, sent[0].content_type, variants[i], "127.0.3." + std::to_string(1 + i % 200));
        if (reply.status == 200) {
            const std::string outcome = reply.json()["outcome"].get<std::string>();
            // "accepted": kept, and then asked about (services/callback_inbox.hpp); the money below says what came of it.
            BOOST_TEST((outcome == "ignored" || outcome == "accepted" || outcome == "unknown_order"), outcome << " for " << variants[i]);
        } else {
            ++refused;
            BOOST_TEST((reply.status >= 400 && reply.status < 500), reply.status << " for " << variants[i]);
        }
    }
    BOOST_TEST(refused > 0);
    BOOST_TEST(fixture.money_state() == before);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM callback_inbox") == 0, "every kept claim was asked about and closed");
    BOOST_TEST(fixture.payments_of(invoice) == 0);
    BOOST_TEST(fixture.transaction_status(invoice) == "pending");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'applied'") == 0);

    // The honest payment is applied once; every tampered replay after it changes nothing more.
    BOOST_TEST_REQUIRE(fixture.simulator.pay(id));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.payments_of(invoice) == 1);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(invoice)) == "paid");
    const auto paid = fixture.simulator.callbacks().back();
    for (std::size_t i = 0; i < variants.size(); ++i) {
        if (i % 8 == 0) fixture.server.clock().advance(61);
        fixture.deliver(c.gateway, paid.content_type, variants[i], "127.0.4." + std::to_string(1 + i % 200));
    }
    for (const auto& variant : tamperings(paid.body)) {
        fixture.server.clock().advance(8);
        fixture.deliver(c.gateway, paid.content_type, variant, "127.0.5.1");
    }
    for (int replay = 0; replay < 3; ++replay) BOOST_TEST(fixture.deliver(c.gateway, paid.content_type, paid.body).status == 200);
    // Time passed (the clock was advanced), so only the money itself is compared now.
    BOOST_TEST(fixture.payments_of(invoice) == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payments") == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'applied'") == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE template = 'payment_confirmation'") == 1);
    BOOST_TEST(fixture.transaction_status(invoice) == "paid");
}

BOOST_DATA_TEST_CASE(a_lying_callback_is_not_applied_and_the_honest_one_is_applied_once, boost::unit_test::data::make(kCases), c) {
    Gateways fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const api::Json charge = fixture.pay(invoice, c.gateway, c.method);
    const std::string id = charge["transaction_id"];
    const std::string before = fixture.money_state();

    // Signed with the real key, claiming settlement / 00 / SUCCESSFUL while the gateway says pending.
    BOOST_TEST_REQUIRE(fixture.simulator.lie(id, "paid"));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.simulator.callbacks().back().answered == 200);
    BOOST_TEST(fixture.money_state() == before);
    BOOST_TEST(fixture.transaction_status(invoice) == "pending");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'unconfirmed' AND detail LIKE 'callback: paid, status API: pending (sha256 %'") == 1);

    // The honest payment: applied exactly once, however often it is delivered.
    BOOST_TEST_REQUIRE(fixture.simulator.pay(id));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    const auto honest = fixture.simulator.callbacks().back();
    for (int replay = 0; replay < 5; ++replay) BOOST_TEST(fixture.deliver(c.gateway, honest.content_type, honest.body).status == 200);
    BOOST_TEST(fixture.payments_of(invoice) == 1);
    BOOST_TEST(fixture.transaction_status(invoice) == "paid");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'applied'") == 1);

    // A lie about a transaction the gateway expired: not paid either.
    const std::int64_t second = fixture.invoice_id(2);
    const std::string expired_id = fixture.pay(second, c.gateway, c.method)["transaction_id"];
    BOOST_TEST_REQUIRE(fixture.simulator.expire(expired_id));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    const std::string settled = fixture.transaction_status(second);
    BOOST_TEST((settled == "expired" || settled == "failed"), settled);
    const std::string after_expiry = fixture.money_state();
    BOOST_TEST_REQUIRE(fixture.simulator.lie(expired_id, "paid"));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.money_state() == after_expiry);
    BOOST_TEST(fixture.payments_of(second) == 0);
}

// The gateway's status API is down: the callback is kept and answered 200 (the gateway need not
// retry), but nothing it claims is believed. Its applier could not ask, so the row is put off;
// reconciliation cannot ask either; once the gateway answers again the payment is applied once.
BOOST_DATA_TEST_CASE(status_api_unreachable_keeps_the_callback_unapplied_and_it_pays_once_later, boost::unit_test::data::make(kCases), c) {
    Gateways fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const std::string id = fixture.pay(invoice, c.gateway, c.method)["transaction_id"];
    // Every request to the gateway's API fails from now on: the callback cannot be confirmed.
    fixture.simulator.set_switches(sim::SimSwitches{.fail_requests = 1000});
    BOOST_TEST_REQUIRE(fixture.simulator.pay(id));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    const auto attempts = fixture.simulator.callbacks();
    BOOST_TEST_REQUIRE(attempts.size() == 1u);  // kept at once: no retries
    BOOST_TEST(attempts[0].answered == 200);
    BOOST_TEST(fixture.transaction_status(invoice) == "pending");
    BOOST_TEST(fixture.payments_of(invoice) == 0);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'unavailable'") == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM callback_inbox WHERE attempts = 1") == 1);

    // Reconciliation cannot ask either: the attempt stays pending.
    fixture.server.clock().advance(600);
    auto failing = fixture.server.post("/api/payments/reconcile", "{}", fixture.token);
    BOOST_TEST_REQUIRE(failing.status == 200, failing.body);
    BOOST_TEST(failing.json()["data"]["errors"] == 1);
    BOOST_TEST(fixture.transaction_status(invoice) == "pending");

    // The gateway answers again: reconciliation pays it, once.
    fixture.simulator.set_switches(sim::SimSwitches{});
    auto reconciled = fixture.server.post("/api/payments/reconcile", "{}", fixture.token);
    BOOST_TEST_REQUIRE(reconciled.status == 200, reconciled.body);
    BOOST_TEST(reconciled.json()["data"]["applied"] == 1);
    BOOST_TEST(fixture.payments_of(invoice) == 1);
    BOOST_TEST(fixture.transaction_status(invoice) == "paid");
    // The gateway's late retry is a duplicate.
    BOOST_TEST(fixture.deliver(c.gateway, attempts[0].content_type, attempts[0].body).status == 200);
    BOOST_TEST(fixture.payments_of(invoice) == 1);
    // The kept callback, taken up again at the scheduler's tick, finds it paid and is closed.
    jobs::Scheduler scheduler(fixture.server.app(), {});
    BOOST_TEST_REQUIRE(scheduler.tick().ok());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM callback_inbox") == 0);
    BOOST_TEST(fixture.payments_of(invoice) == 1);
}

// A failure claim as each gateway words it, for the transaction the simulator knows by `id`: Flip's
// CANCELLED with the static token (anyone who saw one callback can forge it), Midtrans' signed
// cancel (202) and Duitku's signed resultCode 01 (captured and sent again), in their own formats.
struct Claim {
    std::string content_type;
    std::string body;
};
Claim failure_claim(const sim::PaymentGatewaySimulator& simulator, const std::string& gateway, const std::string& id) {
    const auto transaction = simulator.find(id);
    BOOST_TEST_REQUIRE(transaction.has_value());
    const auto& options = simulator.options();
    if (gateway == "flip") {
        const api::Json data = {{"id", transaction->transaction_id},   {"bill_link_id", std::stoll(transaction->reference)},
                                {"bill_title", transaction->title},    {"sender_bank", transaction->bank},
                                {"amount", transaction->amount},       {"status", "CANCELLED"}};
        return {"application/x-www-form-urlencoded", api::form_encode({{"data", data.dump()}, {"token", options.flip_validation_token}})};
    }
    if (gateway == "midtrans") {
        const std::string gross = std::to_string(transaction->amount) + ".00";
        return {"application/json", api::Json{{"order_id", transaction->order_id}, {"transaction_id", transaction->transaction_id},
                                              {"status_code", "202"}, {"transaction_status", "cancel"}, {"gross_amount", gross},
                                              {"currency", "IDR"},
                                              {"signature_key", sim::midtrans_signature_key(transaction->order_id, "202", gross,
                                                                                            options.midtrans_server_key)}}
                                        .dump()};
    }
    const std::string amount = std::to_string(transaction->amount);
    return {"application/x-www-form-urlencoded",
            api::form_encode({{"merchantCode", options.duitku_merchant_code}, {"amount", amount}, {"merchantOrderId", transaction->order_id},
                              {"resultCode", "01"}, {"reference", transaction->transaction_id},
                              {"signature", sim::duitku_callback_signature(options.duitku_merchant_code, amount, transaction->order_id,
                                                                           options.duitku_api_key)}})};
}

// Verifying asks the status API only when a claim would change something at that moment. A failure
// claim for an attempt we already closed changes nothing, so it goes unasked; if the customer's
// genuine late payment commits before the claim is applied, the claim must not then turn the
// fresh payment into a "reversed" one for finance to refund. Driven step by step: verify, the
// payment's own callback, then apply.
BOOST_DATA_TEST_CASE(an_unconfirmed_failure_claim_is_not_applied_after_a_late_payment_commits_first, boost::unit_test::data::make(kCases), c) {
    Gateways fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const std::string id = fixture.pay(invoice, c.gateway, c.method)["transaction_id"];
    // Our attempt runs past its expiry and reconciliation closes it; at the gateway it is still open.
    fixture.server.clock().advance(2 * 24 * 3600);
    fixture.token = fixture.server.login("finance");  // the morning's session has ended
    const auto reconciled = fixture.server.post("/api/payments/reconcile", "{}", fixture.token);
    BOOST_TEST_REQUIRE(reconciled.status == 200, reconciled.body);
    BOOST_TEST_REQUIRE(fixture.transaction_status(invoice) == "expired");

    const Claim claim = failure_claim(fixture.simulator, c.gateway, id);
    auto lease = fixture.server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = fixture.server.app().context(**lease, app::Actor{"system", 0, std::string("gateway:") + c.gateway, "127.0.0.1"});
    const auto verified = services::verify_gateway_callback(context, c.gateway, claim.content_type, claim.body);
    BOOST_TEST_REQUIRE(verified.ok(), (verified ? "" : verified.error().message()));
    BOOST_TEST_REQUIRE(!verified->answered.has_value());
    BOOST_TEST(!verified->event.confirmed);  // nothing to change when it came: the status API was not asked

    // Meanwhile the customer pays after all; the gateway's genuine callback commits first.
    BOOST_TEST_REQUIRE(fixture.simulator.pay(id));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST_REQUIRE(fixture.transaction_status(invoice) == "paid");
    BOOST_TEST_REQUIRE(fixture.payments_of(invoice) == 1);
    const std::string paid = fixture.money_state();

    // The held claim comes to be applied: against a paid attempt it would be a reversal. Not
    // confirmed, it is not applied; the gateway is answered non-2xx (it sends it again).
    const auto applied = services::apply_verified_callback(context, c.gateway, claim.content_type, claim.body, verified->event);
    BOOST_TEST(!applied.ok(), (applied ? applied->outcome : ""));
    if (!applied) BOOST_TEST(applied.error().http_status() == 502);
    BOOST_TEST(fixture.money_state() == paid);
    BOOST_TEST(fixture.transaction_status(invoice) == "paid");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_reconciliation WHERE kind = 'refund'") == 0);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'unavailable'") == 1);

    // Sent again, it is asked about this time: the status API says paid (the payment already
    // recorded), the claim is logged beside that, and nothing changes.
    const HttpReply again = fixture.deliver(c.gateway, claim.content_type, claim.body);
    BOOST_TEST_REQUIRE(again.status == 200, again.body);
    BOOST_TEST(again.json()["outcome"] == "accepted");  // kept, then asked about
    BOOST_TEST(fixture.server.scalar("SELECT outcome FROM gateway_callbacks ORDER BY id DESC LIMIT 1") == "duplicate");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE detail LIKE 'callback: failed, status API: paid%'") == 1);
    BOOST_TEST(fixture.money_state() == paid);
    BOOST_TEST(fixture.payments_of(invoice) == 1);
}

// Flip and Duitku post their callbacks form-encoded, Midtrans as JSON; a callback in any other type
// is not one of theirs: 415 with our error envelope, and nothing recorded (not even a digest).
// Parameters and the case of the type are the sender's to choose.
BOOST_DATA_TEST_CASE(a_callback_in_another_content_type_is_refused_with_415_and_nothing_recorded, boost::unit_test::data::make(kCases), c) {
    Gateways fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const std::string id = fixture.pay(invoice, c.gateway, c.method)["transaction_id"];
    const Claim claim = failure_claim(fixture.simulator, c.gateway, id);
    const bool json = std::string(c.gateway) == "midtrans";
    const std::string before = fixture.server.snapshot();
    const std::vector<std::string> wrong = {json ? "application/x-www-form-urlencoded" : "application/json",
                                            "text/plain",
                                            "multipart/form-data; boundary=x",
                                            json ? "application/jsonp" : "application/x-www-form-urlencoded-x",
                                            json ? "text/json" : "text/x-www-form-urlencoded"};
    for (const auto& type : wrong) {
        const HttpReply reply = fixture.deliver(c.gateway, type, claim.body);
        BOOST_TEST(reply.status == 415, type << ": " << reply.status << " " << reply.body);
        BOOST_TEST(reply.is_error_envelope(), reply.body);
        BOOST_TEST(reply.error_code() == "unsupported_media_type", type);
    }
    // No Content-Type at all (curl always sends one with a body): the raw bytes.
    const std::string url = fixture.server.url("");
    const auto bare = raw_exchange(std::stoi(url.substr(url.rfind(':') + 1)),
                                   "POST /payment/callback/" + std::string(c.gateway) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                                       std::to_string(claim.body.size()) + "\r\nConnection: close\r\n\r\n" + claim.body);
    BOOST_TEST_REQUIRE(bare.has_value());
    BOOST_TEST(bare->status == 415, bare->body);
    BOOST_TEST(fixture.server.snapshot() == before);

    // The gateway's own type, with a charset or in capitals, is theirs: the claim is verified as usual
    // (the attempt is pending at the gateway, so the failure claim is contradicted and changes nothing).
    const std::vector<std::string> accepted = {claim.content_type + "; charset=utf-8", json ? "Application/JSON" : "APPLICATION/X-WWW-FORM-URLENCODED ; charset=UTF-8"};
    for (const auto& type : accepted) {
        const HttpReply reply = fixture.deliver(c.gateway, type, claim.body);
        BOOST_TEST(reply.status == 200, type << ": " << reply.body);
    }
    BOOST_TEST(fixture.transaction_status(invoice) == "pending");
}

BOOST_AUTO_TEST_CASE(a_callback_whose_amount_does_not_parse_is_rejected) {
    Gateways fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const api::Json charge = fixture.pay(invoice, "midtrans", "bca_va");
    const std::string order = charge["order_id"];
    const std::string before = fixture.money_state();
    const std::string key = fixture.simulator.options().midtrans_server_key;
    for (const std::string gross : {"abc", "12.5.0", "100000.50", "", "1e6"}) {
        // Signed exactly as Midtrans documents: SHA512(order_id + status_code + gross_amount + server key).
        const api::Json body = {{"order_id", order},          {"status_code", "200"},  {"gross_amount", gross},
                                {"transaction_status", "settlement"}, {"fraud_status", "accept"},
                                {"signature_key", security::sha512_hex(order + "200" + gross + key)}};
        const HttpReply reply = fixture.deliver("midtrans", "application/json", body.dump());
        BOOST_TEST(reply.status == 400, gross << ": " << reply.body);
    }
    BOOST_TEST(fixture.money_state() == before);
}

BOOST_AUTO_TEST_CASE(midtrans_transaction_status_must_agree_with_its_signed_status_code) {
    Gateways fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const api::Json charge = fixture.pay(invoice, "midtrans", "bca_va");
    const std::string order = charge["order_id"], gross = std::to_string(charge["amount"].get<std::int64_t>()) + ".00";
    const std::string key = fixture.simulator.options().midtrans_server_key;
    // Paid at the gateway, its callback lost: only a callback that is right in itself may apply it.
    fixture.simulator.set_switches(sim::SimSwitches{.drop_callbacks = 1});
    BOOST_TEST_REQUIRE(fixture.simulator.pay(order));
    const std::string before = fixture.money_state();
    auto signed_as = [&](const std::string& status_code, const std::string& transaction_status, const std::string& fraud_status) {
        return api::Json{{"order_id", order}, {"status_code", status_code}, {"gross_amount", gross}, {"transaction_status", transaction_status},
                         {"fraud_status", fraud_status}, {"signature_key", security::sha512_hex(order + status_code + gross + key)}}
            .dump();
    };
    // A captured pending (201) re-sent as settlement, or as a capture "accepted", or an expiry (407) as settlement.
    for (const auto& body : {signed_as("201", "settlement", "accept"), signed_as("201", "capture", "accept"), signed_as("407", "settlement", "accept"),
                             signed_as("202", "capture", "accept")})
        BOOST_TEST(fixture.deliver("midtrans", "application/json", body).status == 400, body);
    BOOST_TEST(fixture.money_state() == before);
    // The consistent one is applied (after the status API confirms it).
    const auto honest = fixture.deliver("midtrans", "application/json", signed_as("200", "settlement", "accept"));
    BOOST_TEST(honest.status == 200, honest.body);
    BOOST_TEST(honest.json()["outcome"] == "accepted");
    BOOST_TEST(fixture.server.scalar("SELECT outcome FROM gateway_callbacks ORDER BY id DESC LIMIT 1") == "applied");
    BOOST_TEST(fixture.payments_of(invoice) == 1);
}

BOOST_AUTO_TEST_CASE(the_flip_token_is_never_stored_in_the_callback_log) {
    Gateways fixture;
    const std::string flip_token = fixture.simulator.options().flip_validation_token;
    const std::int64_t invoice = fixture.invoice_id();
    const std::string id = fixture.pay(invoice, "flip", "bni_va")["transaction_id"];
    BOOST_TEST_REQUIRE(fixture.simulator.pay(id));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST(fixture.payments_of(invoice) == 1);
    // A genuine token with a malformed body: rejected, stored as a digest, the token redacted there too.
    BOOST_TEST(fixture.deliver("flip", "application/x-www-form-urlencoded", "data=not-json&token=" + flip_token).status == 400);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks") == 2);
    // The stored text is searched in C++ (the same check on both engines).
    BOOST_TEST(fixture.server.count_containing("SELECT body FROM gateway_callbacks", flip_token) == 0);
    BOOST_TEST(fixture.server.count_containing("SELECT detail FROM gateway_callbacks", flip_token) == 0);
    int redacted = 0;
    for (const auto& body : fixture.server.column_values("SELECT body FROM gateway_callbacks"))
        redacted += body.find("token=%5Bredacted%5D") != std::string::npos || body.find("token=[redacted]") != std::string::npos ? 1 : 0;
    BOOST_TEST(redacted == 2);
    BOOST_TEST(fixture.server.count_containing("SELECT COALESCE(after_json, '') || COALESCE(before_json, '') FROM activity_log", flip_token) == 0);
}

BOOST_AUTO_TEST_CASE(a_flood_of_forged_callbacks_stores_a_bounded_digest_and_is_rate_limited) {
    Gateways fixture;
    const std::string before = fixture.money_state();
    const auto file_size = [&] {
        std::uintmax_t size = 0;
        for (const char* suffix : {"", "-wal"}) {
            std::error_code error;
            const auto each = std::filesystem::file_size(fixture.server.db_path() + suffix, error);
            if (!error) size += each;
        }
        return size;
    };
    const std::uintmax_t size_before = file_size();
    const std::int64_t rows_before = fixture.count("SELECT COUNT(*) FROM gateway_callbacks");
    // 320 forgeries of 60 KB each (19 MB), from 16 addresses at once, within one minute.
    const std::string padding(60 * 1024, 'A');
    const std::string forged = api::Json{{"order_id", "INV-2026-01-0001"}, {"status_code", "200"}, {"gross_amount", "1.00"},
                                         {"transaction_status", "settlement"}, {"signature_key", "00"}, {"padding", padding}}
                                   .dump();
    std::atomic<int> rejected{0}, limited{0}, other{0};
    {
        std::vector<std::thread> threads;
        for (int t = 0; t < 16; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 20; ++i) {
                    const HttpReply reply = fixture.deliver("midtrans", "application/json", forged, "127.0.6." + std::to_string(t + 1));
                    if (reply.status == 403) ++rejected;
                    else if (reply.status == 429) ++limited;
                    else ++other;
                }
            });
        for (auto& thread : threads) thread.join();
    }
    BOOST_TEST(other.load() == 0);
    BOOST_TEST(rejected.load() + limited.load() == 320);
    BOOST_TEST(rejected.load() <= 60);   // the budget for everyone together in a minute
    BOOST_TEST(limited.load() >= 260);
    const std::int64_t stored = fixture.count("SELECT COUNT(*) FROM gateway_callbacks") - rows_before;
    BOOST_TEST(stored == rejected.load());
    BOOST_TEST(fixture.count("SELECT MAX(length(body)) FROM gateway_callbacks") <= 256);
    BOOST_TEST(fixture.count("SELECT COALESCE(SUM(length(body) + length(detail)), 0) FROM gateway_callbacks") <= 60 * 600);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE detail LIKE '%sha256 %' AND detail LIKE '%bytes)'") == stored);
    BOOST_TEST(file_size() < size_before + 2 * 1024 * 1024, "grew " << (file_size() - size_before) << " bytes");

    // One address alone gets ten rejections stored a minute; the rest are answered 429.
    fixture.server.clock().advance(60);
    int single_rejected = 0;
    for (int i = 0; i < 30; ++i)
        if (fixture.deliver("midtrans", "application/json", forged, "127.0.7.1").status == 403) ++single_rejected;
    BOOST_TEST(single_rejected == 10);

    // Over many minutes the log of disbelieved callbacks stays capped.
    for (int minute = 0; minute < 20; ++minute) {
        fixture.server.clock().advance(60);
        for (int i = 0; i < 60; ++i) fixture.deliver("midtrans", "application/json", "{}", "127.0.8." + std::to_string(1 + i % 30));
    }
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'rejected'") <= 1000 + 64);
    BOOST_TEST(fixture.money_state() == before);
}

BOOST_AUTO_TEST_CASE(anonymous_pay_requests_open_at_most_three_charges_per_invoice) {
    Gateways fixture;
    const std::int64_t invoice = fixture.invoice_id();
    const std::vector<std::pair<std::string, std::string>> choices = {
        {"flip", "bni_va"}, {"midtrans", "bni_va"}, {"duitku", "bni_va"}, {"flip", "bca_va"}, {"midtrans", "bca_va"}, {"duitku", "bca_va"}};
    int created = 0, capped = 0;
    for (const auto& [gateway, method] : choices) {
        const auto reply = fixture.server.call("POST", "/billing/pay", api::Json{{"invoice_id", invoice}, {"gateway", gateway}, {"method", method}}.dump(),
                                               "", "127.0.9.1");
        if (reply.status == 201) ++created;
        if (reply.status == 409) {
            ++capped;
            BOOST_TEST(reply.json()["error"]["message"] ==
                       "Pembayaran terbuka untuk tagihan ini sudah mencapai batas; gunakan salah satunya atau tunggu hingga kedaluwarsa. Batas: 3");
        }
    }
    BOOST_TEST(created == 3);
    BOOST_TEST(capped == 3);
    // Asking again for an open one reuses it.
    const auto again = fixture.server.call("POST", "/billing/pay", R"({"invoice_id":)" + std::to_string(invoice) + R"(,"gateway":"flip","method":"bni_va"})",
                                           "", "127.0.9.2");
    BOOST_TEST(again.status == 200, again.body);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_transactions WHERE invoice_id = " + std::to_string(invoice)) == 3);
    BOOST_TEST(fixture.simulator.transactions().size() == 3u);

    // Many at once for another invoice, every method, from many addresses: still at most three.
    const std::int64_t second = fixture.invoice_id(2);
    std::vector<std::thread> threads;
    for (int t = 0; t < 12; ++t)
        threads.emplace_back([&, t] {
            const auto& [gateway, method] = choices[static_cast<std::size_t>(t) % choices.size()];
            fixture.server.call("POST", "/billing/pay", api::Json{{"invoice_id", second}, {"gateway", gateway}, {"method", method}}.dump(), "",
                                "127.0.10." + std::to_string(t + 1));
        });
    for (auto& thread : threads) thread.join();
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_transactions WHERE invoice_id = " + std::to_string(second)) <= 3);
    // Nor at the gateways: no charge is created beyond the three.
    BOOST_TEST(fixture.simulator.transactions().size() <= 6u);
}

BOOST_AUTO_TEST_SUITE_END()
