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
};

// A verified event, or: BadRequest (malformed; Duitku also for a bad signature), Unauthorized
// (Flip: wrong token), Forbidden (Midtrans: wrong signature).
Result<GatewayEvent> verify_callback(const GatewayConfig& config, std::string_view body);

}  // namespace kimonet::gateways
