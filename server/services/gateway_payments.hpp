#pragma once
// Online payments through the gateways: the public bill check, creating (or reusing) a payment
// at a gateway, applying verified callbacks exactly once, and reconciliation with the gateways.
// One service function per feature, used by the HTTP routes, the CLI and the scheduler alike.
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "gateways/gateway_callbacks.hpp"

namespace kimonet::services {

// {code, name, type, fee} of each method `gateway` offers (empty when it is disabled).
Result<api::Json> offered_payment_methods(app::Context& context, const std::string& gateway);

// The seed's public shape: {"customer":{nomor_layanan, nama_pelanggan, telepphone (masked)},
// "invoices":[{invoice_id, invoice_no, periode, bill, outstanding, due_date, status}]}; NotFound
// (and nothing else) for an unknown number.
Result<api::Json> check_bill(store::Database& db, const std::string& service_number);

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
    bool reused = false;
};
api::Json to_json(const GatewayTransaction& transaction, UtcOffset offset);

// {"invoice_id","gateway","method"}: reuses this invoice's live pending transaction for the same
// gateway and method, else creates one at the gateway. Gateway trouble is 502, its refusals 422.
Result<GatewayTransaction> create_gateway_payment(app::Context& context, const api::Json& input, const std::string& server_base_url);
Result<std::optional<GatewayTransaction>> find_gateway_transaction(store::Database& db, std::int64_t id);

struct CallbackOutcome {
    std::int64_t callback_id = 0;
    std::string outcome;  // applied, duplicate, ignored, failed, expired, review, unknown_order
    std::optional<std::int64_t> payment_id;
};

// Stores the raw callback first, verifies it, then applies it in one transaction. A rejected
// callback returns its error (401/403/400) after being logged; nothing else changes.
Result<CallbackOutcome> handle_gateway_callback(app::Context& context, const std::string& gateway, const std::string& content_type,
                                                const std::string& body);

// Group commit of gateway callbacks: deliveries that arrive together are handled one after the
// other inside ONE write transaction (each applied in its own savepoint, so one failing leaves the
// others intact) and every call returns only after that transaction has committed — each 200
// still follows the commit of its own callback, but N concurrent callbacks cost one commit. The
// first caller to find no batch running leads: it runs everything queued so far on its own
// connection (its context's db); the others wait for their result.
class CallbackGroupCommit {
public:
    Result<CallbackOutcome> handle(app::Context& context, const std::string& gateway, const std::string& content_type,
                                   const std::string& body);

private:
    struct Delivery;
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::vector<Delivery*> m_queue;
    bool m_leading = false;
};

// Applies a verified status for a transaction (callback or reconciliation), idempotently.
Result<CallbackOutcome> apply_gateway_event(app::Context& context, const std::string& gateway, const gateways::GatewayEvent& event,
                                            const std::string& source, std::optional<std::int64_t> callback_id = std::nullopt);

struct ReconcileReport {
    int checked = 0;
    int applied = 0;
    int expired = 0;
    int failed = 0;
    int flagged = 0;
    int errors = 0;
    api::Json to_json() const;
};
// Asks the gateways about pending transactions older than `older_than_minutes` (the
// payment_reconcile_after_minutes setting when empty), applies payments whose callbacks never
// came, and expires attempts past their expiry that the gateway does not report paid.
Result<ReconcileReport> reconcile_payments(app::Context& context, const std::string& server_base_url,
                                           std::optional<int> older_than_minutes = std::nullopt);
// Findings, newest first: {"data":[{id, at, gateway, order_id, kind, source, detail}], "total"}.
Result<api::Json> list_reconciliation(store::Database& db, int page, int per_page, UtcOffset offset);
// Gateway transactions (payment attempts), newest first, optionally one status (pending, paid,
// expired, failed, review; anything else is a 422): {"data":[{id, gateway, order_id, method,
// amount, fee, status, invoice_id, invoice_no, customer_name, nomor_layanan, created_at,
// expires_at, paid_at, review_reason}], "total"}.
Result<api::Json> list_gateway_transactions(store::Database& db, const std::string& status, int page, int per_page, UtcOffset offset);

}  // namespace kimonet::services
