// The gateway simulator's HTTP surface: Flip, Midtrans and Duitku requests with their auth and
// validation, and the /_sim endpoints (pay, expire, checkout page, switches, inspection).
#include <chrono>
#include <cstdio>
#include <thread>

#include "sim/gateways/gateway_simulator_exchange.hpp"
#include "sim/gateways/gateway_simulator_limits.hpp"
#include "sim/gateways/published_signatures.hpp"
#include "sim/sim_crypto.hpp"

namespace kimonet::sim {

namespace {

using Exchange = PaymentGatewaySimulator::Exchange;

// Duitku takes JSON bodies (https://docs.duitku.com/api/en/, "Content-Type: application/json"),
// Flip form bodies (https://docs.flip.id/, "application/x-www-form-urlencoded"); both are read here.
std::map<std::string, std::string> parameters(const Exchange& exchange) {
    std::map<std::string, std::string> out;
    const Json json = parse_json_or_nothing(exchange.body);
    if (json.is_object()) {
        for (const auto& [name, value] : json.items()) out[name] = value.is_string() ? value.get<std::string>() : value.dump();
    } else {
        out = parse_form(exchange.body);
    }
    return out;
}

std::string html_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

// A path segment: percent-decoded, '+' stays '+' (RFC 3986 has no form encoding in paths).
std::string path_segment(std::string_view text) { return url_decode(text, false); }

std::string value_of(const std::map<std::string, std::string>& map, const std::string& name) {
    auto found = map.find(name);
    return found == map.end() ? std::string() : found->second;
}

// Flip and Midtrans both authenticate API calls with HTTP Basic, the secret/server key as the
// user-id and an empty password (https://docs.flip.id/ "Authentication";
// https://docs.midtrans.com/reference/authorization "Base64Encode(ServerKey + ':')").
bool basic_auth_ok(const Exchange& exchange, const std::string& user) {
    const auto credentials = basic_credentials(exchange.header("authorization"));
    return credentials && !user.empty() && same_secret(credentials->first, user) && credentials->second.empty();
}

std::optional<Money> whole_amount(const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 13) return std::nullopt;
    return std::stoll(text);
}

// What the status APIs report: the amount paid once paid, else the amount asked.
Money reported_amount(const SimTransaction& transaction) {
    return transaction.status == "paid" && transaction.paid_amount > 0 ? transaction.paid_amount : transaction.amount;
}

std::string hex_id(std::size_t length) { return random_hex(length); }

// "YYYY-MM-DD HH:mm", digits where digits go, a real month, day, hour and minute.
bool flip_date_minutes(const std::string& text) {
    if (text.size() != 16 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u, 14u, 15u})
        if (text[i] < '0' || text[i] > '9') return false;
    const int month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
    const int hour = std::stoi(text.substr(11, 2)), minute = std::stoi(text.substr(14, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59;
}

Json transaction_json(const SimTransaction& transaction) {
    return {{"gateway", transaction.gateway}, {"order_id", transaction.order_id},         {"transaction_id", transaction.transaction_id},
            {"reference", transaction.reference}, {"bank", transaction.bank},            {"payment_code", transaction.payment_code},
            {"amount", transaction.amount},       {"status", transaction.status},        {"callback_url", transaction.callback_url}};
}

}  // namespace

struct SimulatorWire {
    static void flip(PaymentGatewaySimulator& simulator, Exchange& exchange, const std::string& path) {
        if (!basic_auth_ok(exchange, simulator.m_options.flip_secret_key))
            return exchange.reply(401, {{"name", "Unauthorized"}, {"message", "Your request was made with invalid credentials."}, {"status", 401}});
        if (exchange.method == "POST" && path == "/pwf/bill") {
            const auto form = parameters(exchange);
            const auto amount = whole_amount(value_of(form, "amount"));
            Json errors = Json::array();
            if (!amount || *amount < 10000) errors.push_back({{"attribute", "amount"}, {"code", 1028}, {"message", "Minimum amount is 10000"}});
            if (value_of(form, "title").empty()) errors.push_back({{"attribute", "title"}, {"code", 1001}, {"message", "Title is required"}});
            if (value_of(form, "step") == "3" && value_of(form, "sender_bank").empty())
                errors.push_back({{"attribute", "sender_bank"}, {"code", 1001}, {"message", "Sender bank is required for step 3"}});
            if (auto refusal = flip_bill_refusal(form)) errors.push_back({{"attribute", refusal->first}, {"code", 1001}, {"message", refusal->second}});
            // "Bill expiry date ... Format YYYY-MM-DD HH:mm" (Create Bill); Flip's answer to another
            // form is error 1047 "Param expired_date is invalid" (Get Bill's documented errors).
            if (const std::string expiry = value_of(form, "expired_date"); !expiry.empty() && !flip_date_minutes(expiry))
                errors.push_back({{"attribute", "expired_date"}, {"code", 1047}, {"message", "Param expired_date is invalid"}});
            if (!errors.empty()) return exchange.reply(422, {{"code", "VALIDATION_ERROR"}, {"errors", errors}});
            SimTransaction transaction;
            transaction.gateway = "flip";
            transaction.reference = std::to_string(100000 + std::stoull(hex_id(8), nullptr, 16) % 900000);
            transaction.transaction_id = "PGPWF" + std::to_string(1000000000000LL + static_cast<long long>(simulator.transactions().size()) * 7919 +
                                                                  std::chrono::steady_clock::now().time_since_epoch().count() % 1000000);
            transaction.bank = value_of(form, "sender_bank");
            transaction.payment_type = value_of(form, "sender_bank_type");
            if (transaction.bank == "qris") transaction.payment_code = "00020101021226" + hex_id(24);
            transaction.amount = *amount;
            transaction.title = value_of(form, "title");
            transaction.expired_date = value_of(form, "expired_date");
            transaction.return_url = value_of(form, "redirect_url");
            const std::string va = simulator.register_transaction(transaction);
            const auto stored = *simulator.find(transaction.transaction_id);
            simulator.apply_sandbox_behaviour(stored);
            Json answer = {{"link_id", std::stoll(transaction.reference)},
                                {"link_url", "flip.id/$kimonetsim/#" + transaction.reference},
                                {"title", transaction.title},
                                {"type", "SINGLE"},
                                {"amount", *amount},
                                {"redirect_url", value_of(form, "redirect_url")},
                                {"expired_date", value_of(form, "expired_date")},
                                {"created_from", "API"},
                                {"status", "ACTIVE"},
                                {"step", 3},
                                {"payment_url", simulator.base_url() + "/_sim/checkout/" + transaction.transaction_id},
                                {"bill_payment",
                                 {{"id", transaction.transaction_id},
                                  {"amount", *amount},
                                  {"unique_code", 0},
                                  {"status", "PENDING"},
                                  {"sender_bank", transaction.bank},
                                  {"sender_bank_type", transaction.payment_type},
                                  {"receiver_bank_account",
                                   {{"account_number", va}, {"account_type", transaction.payment_type}, {"bank_code", transaction.bank},
                                    {"account_holder", "Kimonet Sim"}}}}}};
            if (transaction.bank == "qris") answer["bill_payment"]["qr_code_data"] = va;
            return exchange.reply(200, answer);
        }
        if (exchange.method == "GET" && path.starts_with("/pwf/") && path.ends_with("/payment")) {
            const std::string bill = path.substr(5, path.size() - 5 - 8);
            const auto transaction = simulator.find(bill);
            if (!transaction || transaction->reference != bill)
                return exchange.reply(404, {{"name", "Not Found"}, {"message", "Bill not found"}, {"status", 404}});
            const char* status = transaction->status == "paid" ? "SUCCESSFUL" : transaction->status == "expired" ? "CANCELLED" : "PENDING";
            return exchange.reply(200, {{"link_id", std::stoll(bill)},
                                        {"total_data", 1},
                                        {"data", Json::array({{{"id", transaction->transaction_id},
                                                                     {"bill_link", "flip.id/$kimonetsim/#" + bill},
                                                                     {"bill_link_id", std::stoll(bill)},
                                                                     {"bill_title", transaction->title},
                                                                     {"sender_bank", transaction->bank},
                                                                     {"amount", reported_amount(*transaction)},
                                                                     {"status", status}}})}});
        }
        if (handle_flip_bill_edit(simulator, exchange, path)) return;
        exchange.reply(404, {{"name", "Not Found"}, {"message", "Page not found."}, {"status", 404}});
    }

    static void midtrans(PaymentGatewaySimulator& simulator, Exchange& exchange, const std::string& path) {
        if (!basic_auth_ok(exchange, simulator.m_options.midtrans_server_key))
            return exchange.reply(401, {{"status_code", "401"}, {"status_message", "Unknown Merchant server_key/id"}});
        if (exchange.method == "POST" && path == "/v2/charge") {
            const Json body = parse_json_or_nothing(exchange.body);
            if (!body.is_object() || !body.contains("transaction_details") || !body["transaction_details"].is_object())
                return exchange.reply(400, {{"status_code", "400"}, {"status_message", "transaction_details is required"}});
            const std::string order_id = field_text(body["transaction_details"], "order_id");
            const auto amount = whole_amount(field_text(body["transaction_details"], "gross_amount"));
            if (order_id.empty() || !amount || *amount < 1)
                return exchange.reply(400, {{"status_code", "400"}, {"status_message", "order_id and gross_amount are required"}});
            if (auto refusal = midtrans_request_refusal(body))
                return exchange.reply(400, {{"status_code", "400"}, {"status_message", "One or more parameters in the payload is invalid."},
                                            {"validation_messages", Json::array({*refusal})}});
            if (simulator.find(order_id))
                return exchange.reply(406, {{"status_code", "406"},
                                            {"status_message", "The request could not be completed due to a conflict with the current state of the target resource"}});
            SimTransaction transaction;
            transaction.gateway = "midtrans";
            transaction.order_id = order_id;
            transaction.transaction_id = hex_id(8) + "-" + hex_id(4) + "-" + hex_id(4) + "-" + hex_id(4) + "-" + hex_id(12);
            transaction.reference = transaction.transaction_id;
            transaction.payment_type = field_text(body, "payment_type");
            transaction.amount = *amount;
            transaction.title = order_id;
            transaction.callback_url = exchange.header("x-override-notification");
            if (transaction.payment_type == "bank_transfer") transaction.bank = field_text(body.value("bank_transfer", Json::object()), "bank");
            else if (transaction.payment_type == "echannel") transaction.bank = "echannel";
            else if (transaction.payment_type == "qris") {
                transaction.bank = "qris";
                transaction.payment_code = "00020101021126" + hex_id(24);
            } else
                return exchange.reply(400, {{"status_code", "400"}, {"status_message", "payment_type is not supported"}});
            const std::string code = simulator.register_transaction(transaction);
            simulator.apply_sandbox_behaviour(*simulator.find(order_id));
            Json answer = {{"status_code", "201"},
                                {"status_message", "Success, transaction is created"},
                                {"transaction_id", transaction.transaction_id},
                                {"order_id", order_id},
                                {"merchant_id", "G-KIMONETSIM"},
                                {"gross_amount", std::to_string(*amount) + ".00"},
                                {"currency", "IDR"},
                                {"payment_type", transaction.payment_type},
                                {"transaction_status", "pending"},
                                {"fraud_status", "accept"}};
            if (transaction.payment_type == "bank_transfer") answer["va_numbers"] = Json::array({{{"bank", transaction.bank}, {"va_number", code}}});
            if (transaction.payment_type == "echannel") {
                answer["bill_key"] = code;
                answer["biller_code"] = "70012";
            }
            if (transaction.payment_type == "qris") {
                answer["qr_string"] = code;
                answer["actions"] = Json::array(
                    {{{"name", "generate-qr-code"}, {"method", "GET"}, {"url", simulator.base_url() + "/_sim/checkout/" + order_id}}});
            }
            return exchange.reply(200, answer);
        }
        if (exchange.method == "GET" && path.starts_with("/v2/") && path.ends_with("/status")) {
            const std::string order_id = path_segment(path.substr(4, path.size() - 4 - 7));
            const auto transaction = simulator.find(order_id);
            if (!transaction || !transaction->method_chosen)
                return exchange.reply(404, {{"status_code", "404"}, {"status_message", "Transaction doesn't exist."}});
            const std::string status = transaction->status;
            auto callback = build_callback(simulator, *transaction, status, reported_amount(*transaction), false);
            Json answer = parse_json_or_nothing(callback->body);
            answer["status_message"] = "Success, transaction found";
            if (status == "expired") {
                answer["status_code"] = "407";
                answer["signature_key"] = midtrans_signature_key(transaction->order_id, "407", field_text(answer, "gross_amount"),
                                                                       simulator.m_options.midtrans_server_key);
            }
            return exchange.reply(200, answer);
        }
        if (exchange.method == "POST" && path == "/snap/v1/transactions") return snap(simulator, exchange);
        if (handle_midtrans_cancel(simulator, exchange, path)) return;
        exchange.reply(404, {{"status_code", "404"}, {"status_message", "Not found"}});
    }

    // Midtrans Snap: the transaction exists (pending) from here on; the customer would pick the
    // method on redirect_url (our checkout page). The first enabled_payments entry decides the
    // bank, so the sandbox behaviours (BCA at once, BNI later, Mandiri expires) apply as for Core API.
    static void snap(PaymentGatewaySimulator& simulator, Exchange& exchange) {
        const Json body = parse_json_or_nothing(exchange.body);
        if (!body.is_object() || !body.contains("transaction_details") || !body["transaction_details"].is_object())
            return exchange.reply(400, {{"error_messages", Json::array({"transaction_details is required"})}});
        const std::string order_id = field_text(body["transaction_details"], "order_id");
        const auto amount = whole_amount(field_text(body["transaction_details"], "gross_amount"));
        if (order_id.empty() || !amount || *amount < 1)
            return exchange.reply(400, {{"error_messages", Json::array({"transaction_details.order_id and gross_amount are required"})}});
        if (auto refusal = midtrans_request_refusal(body)) return exchange.reply(400, {{"error_messages", Json::array({*refusal})}});
        if (simulator.find(order_id))
            return exchange.reply(400, {{"error_messages", Json::array({"transaction_details.order_id sudah digunakan"})}});
        std::string payment = "bca_va";
        if (body.contains("enabled_payments") && body["enabled_payments"].is_array() && !body["enabled_payments"].empty() &&
            body["enabled_payments"][0].is_string())
            payment = body["enabled_payments"][0].get<std::string>();
        SimTransaction transaction;
        transaction.gateway = "midtrans";
        transaction.order_id = order_id;
        transaction.transaction_id = hex_id(8) + "-" + hex_id(4) + "-" + hex_id(4) + "-" + hex_id(4) + "-" + hex_id(12);
        transaction.reference = transaction.transaction_id;
        transaction.amount = *amount;
        transaction.title = order_id;
        transaction.callback_url = exchange.header("x-override-notification");
        // Snap's Custom Finish URL (docs.midtrans.com, changelog 9 June 2023): overrides the
        // dashboard's Finish Redirect URL for this transaction.
        if (body.contains("callbacks") && body["callbacks"].is_object()) transaction.return_url = field_text(body["callbacks"], "finish");
        transaction.method_chosen = false;
        if (payment == "echannel") {
            transaction.payment_type = "echannel";
            transaction.bank = "echannel";
        } else if (payment == "other_qris" || payment == "gopay") {
            transaction.payment_type = "qris";
            transaction.bank = "qris";
            transaction.payment_code = "00020101021126" + hex_id(24);
        } else if (payment.ends_with("_va")) {
            transaction.payment_type = "bank_transfer";
            transaction.bank = payment.substr(0, payment.size() - 3);
        } else {
            return exchange.reply(400, {{"error_messages", Json::array({"enabled_payments " + payment + " is not supported"})}});
        }
        simulator.register_transaction(transaction);
        simulator.apply_sandbox_behaviour(*simulator.find(order_id));
        exchange.reply(201, {{"token", hex_id(8) + "-" + hex_id(4) + "-" + hex_id(4) + "-" + hex_id(4) + "-" + hex_id(12)},
                             {"redirect_url", simulator.base_url() + "/_sim/checkout/" + order_id}});
    }

    static void duitku(PaymentGatewaySimulator& simulator, Exchange& exchange, const std::string& path) {
        const auto& options = simulator.m_options;
        const auto body = parameters(exchange);
        // getpaymentmethod names the field "merchantcode" in Duitku's own sample; the other calls "merchantCode".
        const std::string merchant = path == "/merchant/paymentmethod/getpaymentmethod" && body.contains("merchantcode") ? value_of(body, "merchantcode")
                                                                                                                      : value_of(body, "merchantCode");
        if (merchant != options.duitku_merchant_code) return exchange.reply(401, {{"Message", "Merchant not found"}});
        if (path == "/merchant/v2/inquiry") {
            const std::string order_id = value_of(body, "merchantOrderId");
            const std::string amount_text = value_of(body, "paymentAmount");
            if (!same_secret(value_of(body, "signature"),
                                                duitku_inquiry_signature(merchant, order_id, amount_text, options.duitku_api_key)))
                return exchange.reply(401, {{"Message", "Wrong signature"}});
            const auto amount = whole_amount(amount_text);
            if (!amount || *amount < 10000) return exchange.reply(400, {{"Message", "Minimum Payment 10000 IDR"}});
            if (order_id.empty() || value_of(body, "paymentMethod").empty()) return exchange.reply(400, {{"Message", "merchantOrderId and paymentMethod are required"}});
            if (auto refusal = duitku_inquiry_refusal(body)) return exchange.reply(400, {{"Message", *refusal}});
            if (simulator.find(order_id)) return exchange.reply(400, {{"Message", "Duplicate merchantOrderId"}});
            SimTransaction transaction;
            transaction.gateway = "duitku";
            transaction.order_id = order_id;
            transaction.transaction_id = options.duitku_merchant_code + "SIM" + hex_id(10);
            transaction.reference = transaction.transaction_id;
            transaction.bank = value_of(body, "paymentMethod");
            transaction.payment_type = transaction.bank;
            transaction.amount = *amount;
            transaction.title = value_of(body, "productDetails");
            transaction.callback_url = value_of(body, "callbackUrl");
            transaction.return_url = value_of(body, "returnUrl");
            const bool qris = transaction.bank == "NQ" || transaction.bank == "SQ" || transaction.bank == "DQ";
            if (qris) transaction.payment_code = "00020101021226" + hex_id(24);
            const std::string code = simulator.register_transaction(transaction);
            simulator.apply_sandbox_behaviour(*simulator.find(order_id));
            return exchange.reply(200, {{"merchantCode", merchant},
                                        {"reference", transaction.transaction_id},
                                        {"paymentUrl", simulator.base_url() + "/_sim/checkout/" + transaction.transaction_id},
                                        {"vaNumber", qris ? "" : code},
                                        {"qrString", qris ? code : ""},
                                        {"amount", amount_text},
                                        {"statusCode", "00"},
                                        {"statusMessage", "SUCCESS"}});
        }
        if (path == "/merchant/transactionStatus") {
            const std::string order_id = value_of(body, "merchantOrderId");
            if (!same_secret(value_of(body, "signature"), duitku_status_signature(merchant, order_id, options.duitku_api_key)))
                return exchange.reply(401, {{"Message", "Wrong signature"}});
            const auto transaction = simulator.find(order_id);
            if (!transaction) return exchange.reply(400, {{"Message", "Transaction not found"}});
            const bool paid = transaction->status == "paid", expired = transaction->status == "expired";
            return exchange.reply(200, {{"merchantOrderId", order_id},
                                        {"reference", transaction->transaction_id},
                                        {"amount", std::to_string(reported_amount(*transaction))},
                                        {"fee", "0.00"},
                                        {"statusCode", paid ? "00" : expired ? "02" : "01"},
                                        {"statusMessage", paid ? "SUCCESS" : expired ? "FAILED" : "PROCESS"}});
        }
        if (path == "/merchant/paymentmethod/getpaymentmethod") {
            if (!same_secret(value_of(body, "signature"),
                                                duitku_payment_method_signature(merchant, value_of(body, "amount"), value_of(body, "datetime"),
                                                                                   options.duitku_api_key)))
                return exchange.reply(401, {{"Message", "Wrong signature"}});
            Json fees = Json::array();
            for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
                     {"BC", "BCA VA"}, {"M2", "MANDIRI VA"}, {"I1", "BNI VA"}, {"BR", "BRIVA"}, {"NQ", "NOBU QRIS"}, {"FT", "RITEL"}})
                fees.push_back({{"paymentMethod", code}, {"paymentName", name}, {"paymentImage", ""}, {"totalFee", "4000"}});
            return exchange.reply(200, {{"paymentFee", fees}, {"responseCode", "00"}, {"responseMessage", "SUCCESS"}});
        }
        exchange.reply(404, {{"Message", "Not found"}});
    }

    static void control(PaymentGatewaySimulator& simulator, Exchange& exchange, const std::string& path) {
        if (handle_reverse_endpoint(simulator, exchange, path)) return;
        if (exchange.method == "POST" && path.starts_with("/pay/")) {
            const std::string id = path_segment(path.substr(5));
            std::optional<Money> amount;
            if (auto found = exchange.query.find("amount"); found != exchange.query.end()) amount = whole_amount(found->second);
            const bool paid = simulator.pay(id, amount);
            if (exchange.header("content-type").starts_with("application/x-www-form-urlencoded")) {
                exchange.status = 200;
                exchange.content_type = "text/html; charset=utf-8";
                exchange.answer = std::string("<!doctype html><meta name=viewport content=\"width=device-width\"><h2>") +
                                  (paid ? "Pembayaran berhasil ✓" : "Transaksi tidak ditemukan atau sudah selesai") + "</h2>";
                return;
            }
            return exchange.reply(paid ? 200 : 404, {{"paid", paid}});
        }
        if (exchange.method == "POST" && path.starts_with("/lie/")) {
            std::optional<Money> amount;
            if (auto found = exchange.query.find("amount"); found != exchange.query.end()) amount = whole_amount(found->second);
            const auto status = exchange.query.find("status");
            const bool sent = simulator.lie(path_segment(path.substr(5)), status == exchange.query.end() ? "paid" : status->second, amount);
            return exchange.reply(sent ? 200 : 404, {{"sent", sent}});
        }
        if (exchange.method == "POST" && path.starts_with("/expire/")) {
            const bool expired = simulator.expire(path_segment(path.substr(8)));
            return exchange.reply(expired ? 200 : 404, {{"expired", expired}});
        }
        if (exchange.method == "GET" && path.starts_with("/checkout/")) {
            const std::string id = path_segment(path.substr(10));
            const auto transaction = simulator.find(id);
            exchange.status = transaction ? 200 : 404;
            exchange.content_type = "text/html; charset=utf-8";
            exchange.answer = "<!doctype html><html lang=id><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><title>Checkout</title>"
                              "<body style=\"font-family:sans-serif;max-width:420px;margin:auto;padding:16px\"><h2>Simulator pembayaran</h2>";
            if (transaction)
                exchange.answer += "<p>" + html_escape(transaction->gateway) + " · " + html_escape(transaction->bank) + "</p><p>Kode: <b>" +
                                   html_escape(transaction->payment_code) + "</b></p><p>Jumlah: <b>Rp " + std::to_string(transaction->amount) +
                                   "</b></p><p>Status: " + html_escape(transaction->status) + "</p><form method=post action=\"/_sim/pay/" +
                                   html_escape(transaction->transaction_id) +
                                   "\"><button style=\"padding:12px 24px;font-size:1.1em\">Bayar</button></form>";
            else
                exchange.answer += "<p>Transaksi tidak ditemukan.</p>";
            exchange.answer += "</body></html>";
            return;
        }
        if (exchange.method == "POST" && path == "/mode") {
            const Json body = parse_json_or_nothing(exchange.body);
            if (!body.is_object()) return exchange.reply(400, {{"error", "JSON object expected"}});
            SimSwitches switches = simulator.switches();
            switches.duplicates = body.value("duplicates", switches.duplicates);
            switches.out_of_order = body.value("out_of_order", switches.out_of_order);
            switches.forge = body.value("forge", switches.forge);
            switches.fail_requests = body.value("fail_requests", switches.fail_requests);
            switches.timeout_requests = body.value("timeout_requests", switches.timeout_requests);
            switches.timeout_ms = body.value("timeout_ms", switches.timeout_ms);
            switches.drop_callbacks = body.value("drop_callbacks", switches.drop_callbacks);
            switches.currency = body.value("currency", switches.currency);
            switches.fail_cancels = body.value("fail_cancels", switches.fail_cancels);
            simulator.set_switches(switches);
            return exchange.reply(200, {{"ok", true}});
        }
        if (exchange.method == "GET" && path == "/transactions") {
            Json list = Json::array();
            for (const auto& transaction : simulator.transactions()) list.push_back(transaction_json(transaction));
            return exchange.reply(200, {{"data", list}});
        }
        if (exchange.method == "GET" && path == "/callbacks") {
            Json list = Json::array();
            for (const auto& callback : simulator.callbacks())
                list.push_back({{"gateway", callback.gateway}, {"url", callback.url}, {"answered", callback.answered}, {"attempt", callback.attempt},
                                {"body", callback.body}});
            return exchange.reply(200, {{"data", list}});
        }
        exchange.reply(404, {{"error", "unknown simulator endpoint"}});
    }
};

bool PaymentGatewaySimulator::consume_failure(Exchange& exchange) {
    int timeout_ms = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_switches.fail_requests > 0) {
            --m_switches.fail_requests;
            exchange.reply(500, {{"message", "simulated internal server error"}});
            return true;
        }
        if (m_switches.timeout_requests > 0) {
            --m_switches.timeout_requests;
            timeout_ms = m_switches.timeout_ms;
        }
    }
    if (timeout_ms > 0) {
        // Hangs like a stuck gateway, but lets stop() end it at once.
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] { return m_stopping.load(); });
        exchange.reply(504, {{"message", "simulated timeout"}});
        return true;
    }
    return false;
}

void PaymentGatewaySimulator::handle(Exchange& exchange) {
    const std::string& path = exchange.path;
    auto under = [&](const std::string& prefix) { return path == prefix || path.starts_with(prefix + "/"); };
    if (under("/_sim")) return SimulatorWire::control(*this, exchange, path.substr(5));
    if (under("/flip") || under("/midtrans") || under("/duitku"))
        if (consume_failure(exchange)) return;
    if (under("/flip")) return SimulatorWire::flip(*this, exchange, path.substr(5));
    if (under("/midtrans")) return SimulatorWire::midtrans(*this, exchange, path.substr(9));
    if (under("/duitku")) return SimulatorWire::duitku(*this, exchange, path.substr(7));
    exchange.reply(404, {{"error", "use /flip, /midtrans, /duitku or /_sim"}});
}

}  // namespace kimonet::sim
