#pragma once
// What the gateways accept in the fields we send them, as their documentation states it, and the
// two pure functions that make our values fit: an order id in the gateway's alphabet and length
// built from any invoice number, and text cut on UTF-8 character boundaries. Pure (no clock, no
// randomness): the caller brings the random suffix.
//
// Sources: Midtrans transaction_details.order_id "String(50)", allowed symbols - _ ~ .
// (docs.midtrans.com/reference-link/transaction-details-object); customer_details first_name,
// last_name, email, phone "String(255)" (…/customer-details-object); echannel bill_info1 10 and
// bill_info2 30 characters for Mandiri (…/e-channel-object); item_details name 50. Duitku v2
// inquiry: merchantOrderId 50, productDetails 255, email 255, phoneNumber 50, customerVaName 20
// (docs.duitku.com/api/en). Flip v2 /pwf/bill documents no lengths for title and sender_*; we
// keep them to 255 like the others' text fields.
#include <cstddef>
#include <string>
#include <string_view>

namespace kimonet::payments {

struct GatewayFieldLimits {
    std::size_t order_id = 50;
    std::size_t title = 255;          // Flip title, Duitku productDetails, Midtrans item name (50)
    std::size_t customer_name = 255;  // Midtrans first_name, Flip sender_name, Duitku customerVaName (20)
    std::size_t email = 255;
    std::size_t phone = 255;          // Duitku phoneNumber 50
};
// The limits of "flip", "midtrans" or "duitku" (the strictest of all for anything else). Limits
// count characters; we keep to them in bytes, which satisfies a character count as well.
GatewayFieldLimits gateway_field_limits(std::string_view gateway);

// Mandiri bill (Midtrans echannel) labels: bill_info1 10, bill_info2 30 characters.
inline constexpr std::size_t kMandiriBillLabel = 10;
inline constexpr std::size_t kMandiriBillValue = 30;

// `text` as valid UTF-8 of at most `max_bytes` bytes: cut before the first character that does
// not fit whole, never inside one; invalid bytes (a damaged import) are dropped, so the result
// can always be put into JSON.
std::string fit_utf8(std::string_view text, std::size_t max_bytes);

// Whether `order_id` is one `gateway` accepts: 1..limit characters of letters, digits and - _ ~ .
bool gateway_order_id_valid(std::string_view gateway, std::string_view order_id);

// The order id for one payment attempt: the invoice number in the gateway's alphabet (runs of
// anything else, "/" and spaces included, become one "-"), then "-" and `suffix` (hex, unique per
// attempt). When that is too long, the invoice number keeps its start and its end around a "~"
// (the end carries the running number), and the suffix is never cut, so ids stay unique.
std::string gateway_order_id(std::string_view gateway, std::string_view invoice_number, std::string_view suffix);

}  // namespace kimonet::payments
