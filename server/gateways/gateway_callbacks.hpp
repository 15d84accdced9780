#pragma once
// Reading and verifying a gateway's callback (Flip token, Midtrans SHA-512 signature, Duitku MD5
// signature, all compared in constant time). Nothing here touches the database: a callback is
// believed only after this says so.
#include <optional>
#include <string>
#include <string_view>

#include "gateways/payment_gateway.hpp"

namespace kimonet::gateways {

struct GatewayEvent {
    std::string order_id;        // Midtrans order_id, Duitku merchantOrderId (empty for Flip)
    std::string reference;       // Flip bill_link_id
    std::string transaction_id;  // the gateway's id of the payment
    payments::GatewayStatus status = payments::GatewayStatus::Unknown;
    std::string amount_text;     // as received
    std::optional<Money> amount;
    // Set once the gateway's status API has been asked (the callback itself is only a hint):
    // `status`, `amount` and `transaction_id` are then the status API's, and `claimed_status`
    // what the callback said.
    bool confirmed = false;
    payments::GatewayStatus claimed_status = payments::GatewayStatus::Unknown;
    std::string status_text;  // the gateway's own word for `status` (what finance is told: "chargeback")
    std::string currency;     // the status API's currency when it names one (Midtrans), else empty
};

// A verified event, or: BadRequest (malformed, an amount that does not parse, a Midtrans
// status_code that contradicts its transaction_status; Duitku also for a bad signature),
// Unauthorized (Flip: wrong token), Forbidden (Midtrans: wrong signature). Verified means only
// "sent by the gateway at some time": the signatures leave fields out (Midtrans
// transaction_status, Duitku resultCode, everything of Flip's but its static token), so a status
// change is believed only after the gateway's status API confirms it (services/gateway_payments).
Result<GatewayEvent> verify_callback(const GatewayConfig& config, std::string_view body);

// The Content-Type `gateway` posts its callbacks in: Flip and Duitku
// application/x-www-form-urlencoded, Midtrans application/json. Parameters (`; charset=utf-8`),
// surrounding blanks and letter case do not matter; anything else, or none, is UnsupportedMediaType
// (415), decided before the body is read.
Result<void> check_callback_content_type(std::string_view gateway, std::string_view content_type);

// Whether Midtrans' signed status_code agrees with its unsigned transaction_status (200 success:
// capture, settlement, cancel, refunds; 201 pending or a capture under challenge; 202 deny,
// cancel or expire; 407 expire, as the expire API answers).
bool midtrans_status_code_matches(std::string_view status_code, std::string_view transaction_status);

}  // namespace kimonet::gateways
