// Ending a charge before its expiry, as the gateways publish it:
//   Midtrans (docs.midtrans.com "Cancel Transaction", "Expire Transaction"; Core API and Snap):
//     POST /v2/{order_id or transaction_id}/cancel → status_code "200" "Success, transaction is
//     canceled", transaction_status "cancel"; POST /v2/{id}/expire → "407" "Success, transaction
//     has expired", transaction_status "expire". Only a pending transaction changes; any other
//     (settled, expired, cancelled) is "412" "Merchant cannot modify the status of the
//     transaction"; an unknown order (a Snap order before a method is picked) "404". Midtrans sends
//     its notification of the new status.
//   Flip (docs.flip.id "Edit Bill / Payment Link"): PUT /pwf/{bill_id}/bill, form-encoded, every
//     field optional (title, type, amount, expired_date, redirect_url, status ACTIVE/INACTIVE, …);
//     the answer is the bill. An unknown bill is 422 VALIDATION_ERROR (attribute id, code 1050
//     "Product Bill Link ID Not Found"), a bad expired_date code 1047. An INACTIVE bill takes no
//     payment; Flip says nothing of a bill already paid, so here its payment stays SUCCESSFUL.
// Duitku publishes no cancel: nothing here.
#include <ctime>

#include "sim/gateways/gateway_simulator_exchange.hpp"
#include "sim/gateways/gateway_simulator_limits.hpp"

namespace kimonet::sim {

namespace {

using Exchange = PaymentGatewaySimulator::Exchange;

// "YYYY-MM-DD HH:MM:SS" in GMT+7, as Midtrans gives transaction_time.
std::string jakarta_time() {
    const std::time_t now = std::time(nullptr) + 7 * 3600;
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &parts);
    return text;
}

bool whole_number(const std::string& text) { return !text.empty() && text.size() <= 13 && text.find_first_not_of("0123456789") == std::string::npos; }

bool flip_minutes(const std::string& text) {
    if (text.size() != 16 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u, 14u, 15u})
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

}  // namespace

std::optional<SimTransaction> PaymentGatewaySimulator::close_by_merchant(const std::string& id, const std::string& status) {
    SimTransaction before, after;
    {
        std::lock_guard lock(m_mutex);
        auto* transaction = locate(id);
        if (!transaction) return std::nullopt;
        before = *transaction;
        if (transaction->status != "pending") return before;
        transaction->status = status;
        if (transaction->gateway == "flip") transaction->bill_active = false;
        after = *transaction;
    }
    if (after.gateway == "midtrans") queue_callbacks(after, status, std::nullopt);
    return before;
}

std::optional<SimTransaction> PaymentGatewaySimulator::set_bill_active(const std::string& bill_id, bool active) {
    std::lock_guard lock(m_mutex);
    auto* transaction = locate(bill_id);
    if (!transaction || transaction->gateway != "flip" || transaction->reference != bill_id) return std::nullopt;
    transaction->bill_active = active;
    if (active && transaction->status == "cancelled") transaction->status = "pending";
    if (!active && transaction->status == "pending") transaction->status = "cancelled";
    return *transaction;
}

bool PaymentGatewaySimulator::take_cancel_failure() {
    std::lock_guard lock(m_mutex);
    if (m_switches.fail_cancels <= 0) return false;
    --m_switches.fail_cancels;
    return true;
}

bool handle_midtrans_cancel(PaymentGatewaySimulator& simulator, Exchange& exchange, const std::string& path) {
    if (exchange.method != "POST" || !path.starts_with("/v2/") || path.size() <= 11) return false;
    const bool cancel = path.ends_with("/cancel"), expire = path.ends_with("/expire");
    if (!cancel && !expire) return false;
    const std::string id = url_decode(path.substr(4, path.size() - 4 - 7), false);
    if (id.empty() || id.find('/') != std::string::npos) return false;
    if (simulator.take_cancel_failure()) {
        exchange.reply(500, {{"status_code", "500"}, {"status_message", "Sorry, we encountered internal server error. We will fix this soon."}});
        return true;
    }
    const auto known = simulator.find(id);
    if (!known || known->gateway != "midtrans" || !known->method_chosen) {
        exchange.reply(404, {{"status_code", "404"}, {"status_message", "Transaction doesn't exist."}});
        return true;
    }
    const auto before = simulator.close_by_merchant(id, cancel ? "cancelled" : "expired");
    if (!before || before->status != "pending") {
        exchange.reply(412, {{"status_code", "412"}, {"status_message", "Merchant cannot modify the status of the transaction"}});
        return true;
    }
    exchange.reply(200, {{"status_code", cancel ? "200" : "407"},
                         {"status_message", cancel ? "Success, transaction is canceled" : "Success, transaction has expired"},
                         {"transaction_id", before->transaction_id},
                         {"order_id", before->order_id},
                         {"merchant_id", "G-KIMONETSIM"},
                         {"gross_amount", std::to_string(before->amount) + ".00"},
                         {"currency", "IDR"},
                         {"payment_type", before->payment_type},
                         {"transaction_time", jakarta_time()},
                         {"transaction_status", cancel ? "cancel" : "expire"},
                         {"fraud_status", "accept"}});
    return true;
}

bool handle_flip_bill_edit(PaymentGatewaySimulator& simulator, Exchange& exchange, const std::string& path) {
    if (exchange.method != "PUT" || !path.starts_with("/pwf/") || !path.ends_with("/bill") || path.size() <= 10) return false;
    const std::string bill = path.substr(5, path.size() - 5 - 5);
    if (bill.empty() || bill.find('/') != std::string::npos) return false;
    if (simulator.take_cancel_failure()) {
        exchange.reply(500, {{"name", "Internal Server Error"}, {"message", "simulated internal server error"}, {"status", 500}});
        return true;
    }
    const auto form = parse_form(exchange.body);
    auto value = [&](const char* name) {
        auto found = form.find(name);
        return found == form.end() ? std::string() : found->second;
    };
    Json errors = Json::array();
    const auto known = simulator.find(bill);
    if (!known || known->gateway != "flip" || known->reference != bill)
        errors.push_back({{"attribute", "id"}, {"code", 1050}, {"message", "Product Bill Link ID Not Found"}});
    const std::string status = value("status");
    if (!status.empty() && status != "ACTIVE" && status != "INACTIVE")
        errors.push_back({{"attribute", "status"}, {"code", 1001}, {"message", "Param status is invalid"}});
    if (const std::string expiry = value("expired_date"); !expiry.empty() && !flip_minutes(expiry))
        errors.push_back({{"attribute", "expired_date"}, {"code", 1047}, {"message", "Param expired_date is invalid"}});
    if (const std::string amount = value("amount"); !amount.empty() && (!whole_number(amount) || std::stoll(amount) < 10000))
        errors.push_back({{"attribute", "amount"}, {"code", 1028}, {"message", "Minimum amount is 10000"}});
    if (!errors.empty()) {
        exchange.reply(422, {{"code", "VALIDATION_ERROR"}, {"errors", errors}});
        return true;
    }
    const auto edited = status.empty() ? known : simulator.set_bill_active(bill, status == "ACTIVE");
    exchange.reply(200, {{"link_id", std::stoll(bill)},
                         {"link_url", "flip.id/$kimonetsim/#" + bill},
                         {"title", edited->title},
                         {"type", "SINGLE"},
                         {"amount", edited->amount},
                         {"redirect_url", value("redirect_url")},
                         {"expired_date", edited->expired_date},
                         {"created_from", "API"},
                         {"status", edited->bill_active ? "ACTIVE" : "INACTIVE"},
                         {"is_address_required", 0},
                         {"is_phone_number_required", 0},
                         {"step", 3}});
    return true;
}

}  // namespace kimonet::sim
