#pragma once
// Payment attempts at the gateways (gateway_transactions), the raw callback log (gateway_callbacks)
// and what reconciliation found (payment_reconciliation). Writers assume the caller holds the
// write transaction (services open it with db.transaction); readers need none. Times are unix
// seconds from the caller's Clock.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "payments/gateway_rules.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// One attempt as the bill page and the pay answer show it.
struct GatewayTransaction {
    std::int64_t id = 0;
    std::string gateway;
    std::string order_id;
    std::string transaction_id;
    std::string reference;
    std::int64_t invoice_id = 0;
    std::int64_t customer_id = 0;
    std::string method;
    Money amount = 0;
    Money fee = 0;
    std::string status;
    std::string payment_url;
    std::string payment_code;
    std::string qr_string;
    std::int64_t expires_at = 0;
    std::int64_t created_at = 0;
    bool reused = false;  // not stored: set when an open attempt is shown again
};

// One attempt as applying a gateway's status needs it.
struct StoredTransaction {
    std::int64_t id = 0;
    std::string order_id;
    std::string reference;
    std::int64_t invoice_id = 0;
    std::int64_t customer_id = 0;
    std::string method;
    Money amount = 0;
    Money fee = 0;
    payments::TransactionState state = payments::TransactionState::Pending;
    std::string transaction_id;
};

// What a new attempt is stored with (status 'pending').
struct NewGatewayTransaction {
    std::string gateway;
    std::string order_id;
    std::string transaction_id;
    std::string reference;
    std::int64_t invoice_id = 0;
    std::int64_t customer_id = 0;
    std::string method;
    Money amount = 0;
    Money fee = 0;
    std::string payment_url;
    std::string payment_code;
    std::string qr_string;
    std::int64_t expires_at = 0;
};

Result<std::optional<GatewayTransaction>> find_gateway_transaction(Database& db, std::int64_t id);
// The pending attempt of (invoice, gateway, method), whatever its expiry.
Result<std::optional<GatewayTransaction>> find_pending_transaction(Database& db, std::int64_t invoice_id, const std::string& gateway,
                                                                   const std::string& method);
// Pending attempts of an invoice not yet past their expiry at `now`.
Result<std::int64_t> count_open_charges(Database& db, std::int64_t invoice_id, std::int64_t now);
// The newest `limit` of them.
Result<std::vector<GatewayTransaction>> list_open_charges(Database& db, std::int64_t invoice_id, std::int64_t now, int limit);
Result<std::int64_t> insert_gateway_transaction(Database& db, const NewGatewayTransaction& transaction, std::int64_t now);
// Closes a still-pending attempt (status 'expired'); does nothing to one that moved on.
Result<void> expire_pending_transaction(Database& db, std::int64_t id, std::int64_t now);

// The newest attempt of `gateway` with this order id, or with this reference when `by_reference`.
Result<std::optional<StoredTransaction>> find_transaction_for_event(Database& db, const std::string& gateway, bool by_reference,
                                                                    const std::string& key);
// Sets the status; an empty `reason` keeps the stored review_reason.
Result<void> set_transaction_state(Database& db, std::int64_t id, std::string_view state, const std::string& reason, std::int64_t now);
// Paid by `payment_id`; the gateway's transaction id is kept when one is stored already.
Result<void> mark_transaction_paid(Database& db, std::int64_t id, std::int64_t payment_id, const std::string& gateway_transaction_id,
                                   std::int64_t now);
Result<void> touch_transaction_checked(Database& db, std::int64_t id, std::int64_t now);

// The payment a gateway now reports reversed, with its invoice's number.
struct ReversedPayment {
    std::optional<std::int64_t> payment_id;
    std::string receipt_no;
    Money amount = 0;
    std::string invoice_no;
};
Result<ReversedPayment> find_reversed_payment(Database& db, std::int64_t transaction_id);

// An attempt reconciliation asks its gateway about.
struct AttemptToCheck {
    std::int64_t id = 0;
    std::string gateway;
    std::string order_id;
    std::string reference;
    std::int64_t expires_at = 0;
};
// Pending attempts created at or before `created_before`, oldest first.
Result<std::vector<AttemptToCheck>> list_pending_attempts(Database& db, std::int64_t created_before, int limit);
// Attempts we expired ourselves (replaced by a charge for another amount) whose gateway expiry is
// after `valid_after`, last checked at or before `checked_before`, oldest first: the gateway still
// takes money for them.
Result<std::vector<AttemptToCheck>> list_expired_still_payable(Database& db, std::int64_t valid_after, std::int64_t checked_before, int limit);
// Paid attempts of `gateway` paid at or after `paid_since` and last checked at or before `checked_before`.
Result<std::vector<AttemptToCheck>> list_settled_to_recheck(Database& db, const std::string& gateway, std::int64_t paid_since,
                                                            std::int64_t checked_before, int limit);

struct ReconciliationFinding {
    std::int64_t at = 0;
    std::string gateway;
    std::string order_id;
    std::optional<std::int64_t> transaction_id;
    std::string kind;    // error, refund, amount_mismatch, paid_twice, applied, expired, failed
    std::string source;  // callback, reconcile
    std::string detail;
};
Result<void> insert_reconciliation_finding(Database& db, const ReconciliationFinding& finding);

struct ReconciliationRow {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::string gateway;
    std::string order_id;
    std::string kind;
    std::string source;
    std::string detail;
    std::optional<std::int64_t> invoice_id;  // of the attempt, when the finding names one
    Money amount = 0;
    std::string transaction_status;
};
struct ReconciliationPage {
    std::vector<ReconciliationRow> rows;
    std::int64_t total = 0;
};
Result<ReconciliationPage> list_reconciliation(Database& db, int page, int per_page);

struct GatewayTransactionRow {
    std::int64_t id = 0;
    std::string gateway;
    std::string order_id;
    std::string method;
    Money amount = 0;
    Money fee = 0;
    std::string status;
    std::int64_t invoice_id = 0;
    std::string invoice_no;
    std::string customer_name;
    std::string service_number;
    std::optional<std::int64_t> created_at, expires_at, paid_at;
    std::string review_reason;
};
struct GatewayTransactionPage {
    std::vector<GatewayTransactionRow> rows;
    std::int64_t total = 0;
};
// Newest first; an empty `status` lists all.
Result<GatewayTransactionPage> list_gateway_transactions(Database& db, const std::string& status, int page, int per_page);

// The attempt's status and its invoice's, by our order id (the bill page polls it).
struct AttemptStatus {
    std::string status;
    std::string invoice_status;
};
Result<std::optional<AttemptStatus>> find_attempt_status(Database& db, const std::string& order_id);

// One row of the raw callback log; returns its id.
struct CallbackRecord {
    std::string gateway;
    std::int64_t received_at = 0;
    std::string remote_ip;
    std::string content_type;
    std::string body;
    std::string outcome;
    std::string detail;
    std::string order_id;
};
Result<std::int64_t> insert_gateway_callback(Database& db, const CallbackRecord& record);
// Deletes the callbacks with one of `outcomes` except the newest `keep` of them.
Result<void> prune_gateway_callbacks(Database& db, const std::vector<std::string>& outcomes, int keep);

}  // namespace kimonet::store
