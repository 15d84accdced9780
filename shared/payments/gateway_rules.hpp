#pragma once
// Online payment rules shared by the server and the browser: the catalogue of payment methods
// (our codes and each gateway's wire names), the offered-methods setting format, how a gateway's
// status words map to one outcome, and which status changes a transaction may make. Pure: the
// signatures (hashing) live in server/gateways.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"

namespace kimonet::payments {

struct MethodInfo {
    std::string_view code;          // ours, e.g. "bni_va"
    std::string_view name;          // "BNI Virtual Account"
    std::string_view type;          // "virtual_account", "qris", "retail", "ewallet"
    std::string_view flip_bank;     // Flip sender_bank ("" = not offered by Flip)
    std::string_view flip_type;     // Flip sender_bank_type
    std::string_view midtrans_bank; // Midtrans bank_transfer bank, "echannel" or "qris" ("" = none)
    std::string_view duitku_code;   // Duitku paymentMethod ("" = none)
};

const std::vector<MethodInfo>& method_catalogue();
const MethodInfo* find_method(std::string_view code);

struct OfferedMethod {
    std::string code;
    Money fee = 0;  // added to what the customer pays; the gateway keeps it
};

// "bca_va:0,bni_va:4000,qris" → methods with fees (fee 0 when omitted). Unknown codes and bad fees
// are an error naming the item.
Result<std::vector<OfferedMethod>> parse_offered_methods(std::string_view text);
// Whether `method` can be charged through `gateway` ("flip", "midtrans", "duitku").
bool gateway_supports(std::string_view gateway, const MethodInfo& method);
bool is_known_gateway(std::string_view gateway);

enum class GatewayStatus { Pending, Paid, Failed, Expired, Refunded, Unknown };
std::string_view to_string(GatewayStatus status);

// Midtrans: settlement, or capture with fraud_status accept/absent = paid; deny/cancel/failure =
// failed; expire = expired; refund/partial_refund/chargeback = refunded; pending = pending.
GatewayStatus midtrans_status(std::string_view transaction_status, std::string_view fraud_status);
// Flip bill payment status: SUCCESSFUL/DONE = paid; CANCELLED/CANCELED/FAILED = failed;
// PENDING/NOT_CONFIRMED/PROCESSED = pending; EXPIRED = expired.
GatewayStatus flip_status(std::string_view status);
// Duitku callback resultCode: "00" paid, "01" failed.
GatewayStatus duitku_callback_status(std::string_view result_code);
// Duitku transactionStatus statusCode: "00" paid, "01" pending, "02" failed.
GatewayStatus duitku_query_status(std::string_view status_code);

// A gateway amount as sent ("300000.00", "300000", 300000) → rupiah; cents other than zero are refused.
std::optional<Money> parse_gateway_amount(std::string_view text);

// Our side of a gateway transaction.
enum class TransactionState { Pending, Paid, Failed, Expired, Review };
std::string_view to_string(TransactionState state);
std::optional<TransactionState> parse_transaction_state(std::string_view text);

enum class TransactionAction {
    Ignore,        // nothing changes (duplicates, late failures after paid, pending again)
    ApplyPayment,  // the money arrived: record the payment once
    MarkFailed,
    MarkExpired,
    FlagForReview, // a refund, chargeback or deny of a paid transaction: a person decides
};
// What an incoming status does to a transaction in `current`: a paid transaction is never unpaid,
// an ended one never reopens, and only a pending one can become paid.
TransactionAction decide_transaction_action(TransactionState current, GatewayStatus incoming);

// Why a value of a payment setting (flip_*, midtrans_*, duitku_*, payment_*) is unacceptable.
std::optional<std::string> gateway_setting_problem(std::string_view key, std::string_view value);

// "081234567890" → "********7890": everything but the last four digits masked.
std::string mask_phone(std::string_view phone);

}  // namespace kimonet::payments
