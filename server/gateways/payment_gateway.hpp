#pragma once
// The PaymentGateway port: create a charge for an invoice, ask a transaction's status, cancel a
// replaced charge. One adapter per gateway (Flip, Midtrans, Duitku) over libcurl; settings choose
// and configure them.
// Transport failures and gateway 5xx come back as BadGateway (502), the gateway refusing our
// request as ValidationFailed (422), each with a message saying which gateway and why.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "payments/gateway_rules.hpp"
#include "security/secret_box.hpp"
#include "store/database.hpp"

namespace kimonet::gateways {

struct GatewayConfig {
    std::string name;  // "flip", "midtrans", "duitku"
    bool enabled = false;
    bool production = false;
    std::string base_url;          // API base (sandbox/production host or a simulator override)
    std::string snap_base_url;     // Midtrans Snap host (app.midtrans.com, or the override base_url)
    bool snap = false;             // Midtrans: create payments through Snap (redirect_url) instead of Core API
    std::string key;               // Flip secret key, Midtrans server key, Duitku api key
    std::string validation_token;  // Flip callback token
    std::string merchant_code;     // Duitku
    std::string callback_url;      // where the gateway calls us back
    std::string return_url;        // where the customer's browser goes after paying
    std::vector<payments::OfferedMethod> methods;
    long timeout_ms = 15'000;
};

struct ChargeRequest {
    std::string order_id;  // ours, unique per attempt (Midtrans order_id, Duitku merchantOrderId)
    Money amount = 0;
    const payments::MethodInfo* method = nullptr;
    std::string title;
    std::string customer_name;
    std::string customer_email;
    std::string customer_phone;
    std::int64_t now = 0;         // Unix seconds
    std::int64_t expires_at = 0;  // Unix seconds (Flip's expired_date is written in WIB, its own time zone, not ours)
};

struct Charge {
    std::string transaction_id;  // the gateway's id (Flip bill payment id, Midtrans transaction_id, Duitku reference)
    std::string reference;       // Flip bill link id (what callbacks carry as bill_link_id); else = transaction_id
    std::string payment_url;
    std::string payment_code;    // VA number, bill key or pay code
    std::string qr_string;
    std::int64_t expires_at = 0;
};

struct StatusAnswer {
    payments::GatewayStatus status = payments::GatewayStatus::Unknown;
    std::optional<Money> amount;
    std::string transaction_id;
    std::string status_text;  // the gateway's own word for it ("chargeback", "SUCCESSFUL", "00")
    std::string currency;     // Midtrans' `currency` ("IDR"); empty when the answer names none
    std::string raw;  // the gateway's body, for the payment log
};

// What asking a gateway to cancel a charge we replaced came to.
enum class CancelOutcome {
    Cancelled,    // it can no longer be paid and was not paid (Midtrans: transaction_status "cancel")
    Deactivated,  // it can no longer be paid; whether money came before is not said (Flip: bill INACTIVE)
    Refused,      // the gateway will not change it: paid, expired or cancelled already (Midtrans 412)
    NotFound,     // the gateway knows no such transaction (Midtrans Snap before a method is picked)
    Unsupported,  // the gateway publishes no cancel (Duitku): the charge stays payable until its expiry
};

class PaymentGateway {
public:
    virtual ~PaymentGateway() = default;
    // "flip", "midtrans" or "duitku".
    virtual std::string name() const = 0;
    // Creates a payment at the gateway for `request` (no retries: the caller reuses pending ones).
    virtual Result<Charge> create_charge(const ChargeRequest& request) = 0;
    // Asks the gateway where `order_id` (Flip: the bill id in `reference`) stands now.
    virtual Result<StatusAnswer> query_status(const std::string& order_id, const std::string& reference) = 0;
    // Stops a charge from taking money before its expiry (a newer charge replaced it), where the
    // gateway's published API offers that; the others answer Unsupported without a request.
    virtual Result<CancelOutcome> cancel_charge(const std::string& order_id, const std::string& reference) {
        (void)order_id;
        (void)reference;
        return CancelOutcome::Unsupported;
    }
};

std::unique_ptr<PaymentGateway> make_payment_gateway(const GatewayConfig& config);

// The gateway's settings (`<name>_*`), secrets decrypted. `server_base_url` builds the default
// callback URL ({base}/payment/callback/<name>) when payment_callback_base_url is empty.
Result<GatewayConfig> load_gateway_config(store::Database& db, const security::SecretBox& secrets, std::string_view name,
                                          const std::string& server_base_url = {});
// Only what verifying a callback needs (name, key, validation token, merchant code): the
// callback path reads three settings instead of a dozen.
Result<GatewayConfig> load_callback_config(store::Database& db, const security::SecretBox& secrets, std::string_view name);
// Only what asking a transaction's status needs (API base, key, merchant code, timeout): the
// confirmation of every state-changing callback reads five settings, not a dozen.
Result<GatewayConfig> load_status_config(store::Database& db, const security::SecretBox& secrets, std::string_view name);
// The settings load_status_config (and so load_callback_config) reads for `name`: a callback's
// verification reads them ahead in one statement (store::SettingsReadAhead).
std::vector<std::string> status_config_setting_keys(std::string_view name);
// The settings load_callback_config reads (a subset of the above): what checking a callback needs.
std::vector<std::string> callback_config_setting_keys(std::string_view name);

}  // namespace kimonet::gateways
