#pragma once
// What the real gateways refuse, so the simulator refuses it too (written from the gateways'
// published request formats, not from our adapters): Midtrans order_id of letters, digits and
// - _ ~ . up to 50 characters, customer_details text up to 255 and item_details name up to 50;
// Duitku merchantOrderId up to 50, productDetails and email up to 255, phoneNumber up to 50,
// customerVaName up to 20; Flip bill title and sender_* text (255 here; Flip documents none) and
// its step rules. Text that is not UTF-8 is refused everywhere, as a JSON API does.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "sim/sim_json.hpp"

namespace kimonet::sim {

// The number of characters in `text`, or nullopt when it is not valid UTF-8.
std::optional<std::size_t> utf8_character_count(std::string_view text);

// Why Midtrans would refuse a Core API charge or a Snap transaction body, or nullopt.
std::optional<std::string> midtrans_request_refusal(const Json& body);
// Why Duitku would refuse a v2 inquiry, or nullopt.
std::optional<std::string> duitku_inquiry_refusal(const std::map<std::string, std::string>& fields);
// The attribute and message of Flip's refusal of a /pwf/bill form, or nullopt.
std::optional<std::pair<std::string, std::string>> flip_bill_refusal(const std::map<std::string, std::string>& form);

// Midtrans' transaction_status and notification status_code for one of the simulator's states:
// paid (settlement, 200), pending (201), expired (expire, 202), and the turns a settled payment
// can take afterwards: refund, partial_refund, chargeback, partial_chargeback (200), deny (202).
std::pair<std::string, std::string> midtrans_status_words(const std::string& status);
// Whether `status` is one of those later turns of a settled payment.
bool is_reversal_status(const std::string& status);

}  // namespace kimonet::sim
