#include "payments/gateway_rules.hpp"

#include <charconv>

namespace kimonet::payments {

const std::vector<MethodInfo>& method_catalogue() {
    static const std::vector<MethodInfo> all = {
        {"bca_va", "BCA Virtual Account", "virtual_account", "bca", "virtual_account", "bca", "BC"},
        {"bni_va", "BNI Virtual Account", "virtual_account", "bni", "virtual_account", "bni", "I1"},
        {"bri_va", "BRI Virtual Account", "virtual_account", "bri", "virtual_account", "bri", "BR"},
        {"mandiri_va", "Mandiri Virtual Account", "virtual_account", "mandiri", "virtual_account", "echannel", "M2"},
        {"permata_va", "Permata Virtual Account", "virtual_account", "permata", "virtual_account", "permata", "BT"},
        {"cimb_va", "CIMB Niaga Virtual Account", "virtual_account", "cimb", "virtual_account", "cimb", "B1"},
        {"bsi_va", "BSI Virtual Account", "virtual_account", "bsm", "virtual_account", "", "BV"},
        {"qris", "QRIS", "qris", "qris", "wallet_account", "qris", "NQ"},
        {"ovo", "OVO", "ewallet", "ovo", "wallet_account", "", "OV"},
        {"dana", "DANA", "ewallet", "dana", "wallet_account", "", "DA"},
        {"shopeepay", "ShopeePay", "ewallet", "shopeepay_app", "wallet_account", "", "SP"},
        {"alfamart", "Alfamart", "retail", "alfamart", "online_to_offline_account", "", "FT"},
        {"indomaret", "Indomaret", "retail", "indomaret", "online_to_offline_account", "", "IR"},
    };
    return all;
}

const MethodInfo* find_method(std::string_view code) {
    for (const auto& method : method_catalogue())
        if (method.code == code) return &method;
    return nullptr;
}

bool is_known_gateway(std::string_view gateway) { return gateway == "flip" || gateway == "midtrans" || gateway == "duitku"; }

bool gateway_supports(std::string_view gateway, const MethodInfo& method) {
    if (gateway == "flip") return !method.flip_bank.empty();
    if (gateway == "midtrans") return !method.midtrans_bank.empty();
    if (gateway == "duitku") return !method.duitku_code.empty();
    return false;
}

static std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

Result<std::vector<OfferedMethod>> parse_offered_methods(std::string_view text) {
    std::vector<OfferedMethod> methods;
    while (!trim(text).empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view item = trim(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        if (item.empty()) continue;
        const std::size_t colon = item.find(':');
        OfferedMethod method;
        method.code = std::string(trim(item.substr(0, colon)));
        if (!find_method(method.code)) return make_error(ErrorCode::ValidationFailed, messages::with_detail(messages::kUnknownMethod, method.code));
        if (colon != std::string_view::npos) {
            const std::string_view fee = trim(item.substr(colon + 1));
            auto [end, error] = std::from_chars(fee.data(), fee.data() + fee.size(), method.fee);
            if (error != std::errc() || end != fee.data() + fee.size() || method.fee < 0 || method.fee > 1'000'000)
                return make_error(ErrorCode::ValidationFailed, messages::with_detail(messages::kInvalidFee, method.code));
        }
        methods.push_back(std::move(method));
    }
    return methods;
}

std::string_view to_string(GatewayStatus status) {
    switch (status) {
        case GatewayStatus::Pending: return "pending";
        case GatewayStatus::Paid: return "paid";
        case GatewayStatus::Failed: return "failed";
        case GatewayStatus::Expired: return "expired";
        case GatewayStatus::Refunded: return "refunded";
        case GatewayStatus::Unknown: return "unknown";
    }
    return "unknown";
}

GatewayStatus midtrans_status(std::string_view transaction_status, std::string_view fraud_status) {
    if (transaction_status == "settlement") return GatewayStatus::Paid;
    if (transaction_status == "capture")
        return fraud_status.empty() || fraud_status == "accept" ? GatewayStatus::Paid : GatewayStatus::Pending;
    if (transaction_status == "pending" || transaction_status == "authorize") return GatewayStatus::Pending;
    if (transaction_status == "deny" || transaction_status == "cancel" || transaction_status == "failure") return GatewayStatus::Failed;
    if (transaction_status == "expire") return GatewayStatus::Expired;
    if (transaction_status == "refund" || transaction_status == "partial_refund" || transaction_status == "chargeback" ||
        transaction_status == "partial_chargeback")
        return GatewayStatus::Refunded;
    return GatewayStatus::Unknown;
}

GatewayStatus flip_status(std::string_view status) {
    if (status == "SUCCESSFUL" || status == "DONE") return GatewayStatus::Paid;
    if (status == "CANCELLED" || status == "CANCELED" || status == "FAILED") return GatewayStatus::Failed;
    if (status == "PENDING" || status == "NOT_CONFIRMED" || status == "PROCESSED") return GatewayStatus::Pending;
    if (status == "EXPIRED") return GatewayStatus::Expired;
    return GatewayStatus::Unknown;
}

GatewayStatus duitku_callback_status(std::string_view result_code) {
    if (result_code == "00") return GatewayStatus::Paid;
    if (result_code == "01") return GatewayStatus::Failed;
    return GatewayStatus::Unknown;
}

GatewayStatus duitku_query_status(std::string_view status_code) {
    if (status_code == "00") return GatewayStatus::Paid;
    if (status_code == "01") return GatewayStatus::Pending;
    if (status_code == "02") return GatewayStatus::Failed;
    return GatewayStatus::Unknown;
}

std::optional<Money> parse_gateway_amount(std::string_view text) {
    text = trim(text);
    const std::size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    if (dot != std::string_view::npos) {
        const std::string_view cents = text.substr(dot + 1);
        if (cents.empty() || cents.size() > 2 || cents.find_first_not_of('0') != std::string_view::npos) return std::nullopt;
    }
    Money amount = 0;
    auto [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), amount);
    if (whole.empty() || error != std::errc() || end != whole.data() + whole.size() || amount < 0 || amount > kMaxMoney) return std::nullopt;
    return amount;
}

std::string_view to_string(TransactionState state) {
    switch (state) {
        case TransactionState::Pending: return "pending";
        case TransactionState::Paid: return "paid";
        case TransactionState::Failed: return "failed";
        case TransactionState::Expired: return "expired";
        case TransactionState::Review: return "review";
    }
    return "pending";
}

std::optional<TransactionState> parse_transaction_state(std::string_view text) {
    for (auto state : {TransactionState::Pending, TransactionState::Paid, TransactionState::Failed, TransactionState::Expired,
                       TransactionState::Review})
        if (text == to_string(state)) return state;
    return std::nullopt;
}

TransactionAction decide_transaction_action(TransactionState current, GatewayStatus incoming) {
    switch (incoming) {
        case GatewayStatus::Paid:
            // A payment after we expired the attempt locally is still money received: apply it.
            return current == TransactionState::Pending || current == TransactionState::Expired || current == TransactionState::Failed
                       ? TransactionAction::ApplyPayment
                       : TransactionAction::Ignore;
        // A paid transaction that the gateway now reports failed was reversed (Midtrans: settlement →
        // deny when the payment provider takes the money back): a person decides, it is not ignored.
        case GatewayStatus::Failed:
            return current == TransactionState::Pending ? TransactionAction::MarkFailed
                   : current == TransactionState::Paid  ? TransactionAction::FlagForReview
                                                        : TransactionAction::Ignore;
        case GatewayStatus::Expired: return current == TransactionState::Pending ? TransactionAction::MarkExpired : TransactionAction::Ignore;
        case GatewayStatus::Refunded: return current == TransactionState::Paid ? TransactionAction::FlagForReview : TransactionAction::Ignore;
        case GatewayStatus::Pending:
        case GatewayStatus::Unknown: return TransactionAction::Ignore;
    }
    return TransactionAction::Ignore;
}

std::optional<std::string> gateway_setting_problem(std::string_view key, std::string_view value) {
    const bool gateway_key = key.starts_with("flip_") || key.starts_with("midtrans_") || key.starts_with("duitku_");
    if (gateway_key && key.ends_with("_methods")) {
        auto methods = parse_offered_methods(value);
        if (!methods) return methods.error().message();
        const std::string_view gateway = key.substr(0, key.find('_'));
        for (const auto& method : *methods)
            if (!gateway_supports(gateway, *find_method(method.code))) return method.code + " tidak didukung " + std::string(gateway);
    } else if (gateway_key && key.ends_with("_mode")) {
        if (value != "sandbox" && value != "production") return std::string("sandbox atau production");
    } else if (key == "midtrans_api") {
        if (value != "core" && value != "snap") return std::string("core atau snap");
    } else if (key == "billing_check_rate_per_minute") {
        Money number = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (value.empty() || error != std::errc() || end != value.data() + value.size() || number < 0 || number > 1'000'000)
            return std::string("bilangan bulat 0-1000000 (0 = tanpa batas)");
    } else if (gateway_key && key.ends_with("_enabled")) {
        if (value != "0" && value != "1") return std::string("0 atau 1");
    } else if (key == "payment_expiry_minutes" || key == "payment_reconcile_after_minutes" || key == "payment_gateway_timeout_seconds") {
        Money number = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (value.empty() || error != std::errc() || end != value.data() + value.size() || number < 1 || number > 1'000'000)
            return std::string("bilangan bulat 1-1000000");
    }
    return std::nullopt;
}

std::string mask_phone(std::string_view phone) {
    std::string masked(phone);
    std::size_t kept = 0;
    for (std::size_t i = masked.size(); i-- > 0;) {
        if (masked[i] < '0' || masked[i] > '9') continue;
        if (kept < 4) ++kept;
        else masked[i] = '*';
    }
    return masked;
}

}  // namespace kimonet::payments
