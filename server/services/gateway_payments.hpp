#pragma once
// Online payments through the gateways: the public bill check, creating (or reusing) a payment
// at a gateway, applying verified callbacks exactly once, and reconciliation with the gateways.
// One service function per feature, used by the HTTP routes, the CLI and the scheduler alike.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "gateways/gateway_callbacks.hpp"
#include "services/gateway_callback_budget.hpp"
#include "store/callback_inbox_store.hpp"
#include "store/gateway_store.hpp"

namespace kimonet::services {

// {code, name, type, fee} of each method `gateway` offers (empty when it is disabled).
Result<api::Json> offered_payment_methods(app::Context& context, const std::string& gateway);

// The public shape (the seed's, api/public_shapes.hpp): {"customer":{nomor_layanan, nama_pelanggan (masked: "Bu** Sa*****")},
// "invoices":[{invoice_id, invoice_no, periode, bill, outstanding, due_date, status}]}; NotFound
// (and nothing else) for an unknown number.
Result<api::Json> check_bill(store::Database& db, const std::string& service_number);

// One payment attempt at a gateway (store/gateway_store.hpp).
using GatewayTransaction = store::GatewayTransaction;
api::Json to_json(const GatewayTransaction& transaction, UtcOffset offset);

// {"invoice_id","gateway","method"}: reuses this invoice's live pending transaction for the same
// gateway and method, else creates one at the gateway — unless the invoice already has
// kMaxOpenChargesPerInvoice open ones (409). Gateway trouble is 502, its refusals 422. A live
// attempt it replaces (another amount, or about to expire) is closed, and cancelled at its gateway
// once the new one is committed (services/replaced_charges.hpp).
inline constexpr std::int64_t kMaxOpenChargesPerInvoice = 3;
Result<GatewayTransaction> create_gateway_payment(app::Context& context, const api::Json& input, const std::string& server_base_url);
Result<std::optional<GatewayTransaction>> find_gateway_transaction(store::Database& db, std::int64_t id);

struct CallbackOutcome {
    std::int64_t callback_id = 0;  // the raw callback's row; 0 when a group commit wrote it with its batch
    // applied, duplicate, ignored, failed, expired, review, unknown_order, unconfirmed (the callback
    // said paid, the gateway's status API did not)
    std::string outcome;
    std::optional<std::int64_t> payment_id;
    std::string order_id;  // ours (Flip: the bill link id when the transaction is unknown)
};

struct VerifiedCallback {
    gateways::GatewayEvent event;             // confirmed by the status API when it would change anything
    std::optional<CallbackOutcome> answered;  // nothing to apply (an order that is not ours): already logged
    bool to_confirm = false;                  // it would change something, and the status API was not asked (yet)
};
// The two halves of it. Verifying checks the signature, finds our transaction and, when the
// callback would change its state, asks the gateway's status API (no gateway signs every field):
// the event then carries the gateway's status and amount, not the callback's. Nothing is written
// for a believed callback; one we do not believe is logged as a digest within `budget` (none:
// unlimited) and its error returned — 429 once the budget is spent, 502 when the status API
// cannot be asked (the gateway retries; the attempt stays pending for reconciliation).
// Applying stores the raw callback (credentials redacted) and its effects in one transaction (a
// savepoint inside an open one). `ask_status_api` false (the route, services/callback_inbox.hpp):
// a callback that would change something comes back unconfirmed with `to_confirm` set.
Result<VerifiedCallback> verify_gateway_callback(app::Context& context, const std::string& gateway, const std::string& content_type,
                                                 const std::string& body, CallbackRejectionBudget* budget = nullptr,
                                                 bool ask_status_api = true);
Result<CallbackOutcome> apply_verified_callback(app::Context& context, const std::string& gateway, const std::string& content_type,
                                                const std::string& body, const gateways::GatewayEvent& event);

// Group commit of gateway callbacks: callbacks applied together (the inbox's appliers, and the
// route's replays of what is recorded) are applied one after the other inside ONE write
// transaction (each in its own savepoint, so one failing leaves the others intact) and every call
// returns only after that transaction has committed: N concurrent callbacks cost one commit and
// their shared pages are written once. Each caller verifies its own callback first (in parallel, on its
// own connection); the first verified caller to find no batch running leads: it waits until no
// other caller is still verifying (they are about to join), then applies everything queued on the
// group's own writer connection. The others wait for their result. On PostgreSQL the batch holds
// the writer lock shared: several servers' batches run at once, each locking its transactions,
// invoices and customers (store::lock_callback_rows) and numbering its receipts and next invoices
// just before COMMIT; a batch where anything failed runs again alone, with the exclusive lock.
class CallbackGroupCommit {
public:
    Result<CallbackOutcome> handle(app::Context& context, const std::string& gateway, const std::string& content_type,
                                   const std::string& body);
    // A callback the route already verified and found to change nothing (a replay): applied (its
    // digest written) in the next batch, without verifying it again.
    Result<CallbackOutcome> handle_verified(app::Context& context, const std::string& gateway, const std::string& content_type,
                                            const std::string& body, const gateways::GatewayEvent& event);
    // A callback from the inbox (services/callback_inbox.hpp): verified again, now with the
    // gateway's status API, then applied in a batch whose transaction also deletes its inbox row
    // (when no newer callback replaced it). An order that is no longer ours ("unknown_order") and
    // an error (the status API cannot be asked, applying failed) leave the row to the caller.
    Result<CallbackOutcome> apply_kept(app::Context& context, const store::InboxEntry& entry);
    // Commits made and deliveries they held (deliveries / batches = the average group size).
    std::int64_t batches() const { return m_batches.load(); }
    std::int64_t deliveries() const { return m_deliveries.load(); }
    // Batches that had to run again with a savepoint per callback, because something inside one
    // failed on the first run (without savepoints); see handle().
    std::int64_t batches_with_savepoints() const { return m_batches_with_savepoints.load(); }
    store::Database* writer() { return m_writer.get(); }
    // What may be written down of callbacks we did not believe (shared with the inbox's route).
    CallbackRejectionBudget& budget() { return m_budget; }

    // What the group does, as it does it (for tests and metrics). Both run on a delivering thread;
    // keep them short. Set before the first delivery.
    struct Observer {
        // A verified delivery joined the queue; `waiting` deliveries are now queued (the group's lock is held).
        std::function<void(std::size_t waiting)> delivery_queued;
        // A leader took `size` deliveries and is about to apply them in one transaction, which already holds
        // the database's writer lock (shared on PostgreSQL; the group's mutex is not held).
        std::function<void(std::size_t size)> batch_starting;
    };
    void observe(Observer observer) { m_observer = std::move(observer); }

private:
    struct Delivery;
    // A caller starts verifying: a leader waits for it (m_verifying) before taking the queue.
    void arrive();
    // The queue, the leader and the batch: `verified` is the caller's verification (the
    // m_verifying count arrive() took is given back here).
    Result<CallbackOutcome> join(app::Context& context, const std::string& gateway, const std::string& content_type, const std::string& body,
                                 Result<VerifiedCallback> verified, const store::InboxEntry* kept);
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::vector<Delivery*> m_queue;
    bool m_leading = false;
    int m_verifying = 0;         // callers between arriving and joining the queue
    std::size_t m_last_batch = 1;  // how many the previous commit held: the leader waits for as many
    static constexpr std::chrono::microseconds kGatherWindow{500};
    static constexpr std::chrono::milliseconds kMaxWaitForVerifying{5};
    CallbackRejectionBudget m_budget;
    static constexpr int kCheckpointFrames = 1000;  // SQLite's own automatic checkpoint size
    std::atomic<int> m_wal_frames{0};               // the WAL's length after the writer's last commit
    std::atomic<std::int64_t> m_batches{0}, m_deliveries{0}, m_batches_with_savepoints{0};  // read by monitoring without the lock
    Observer m_observer;
    // The leader's connection, one for every batch: its page cache stays warm instead of each
    // worker's connection re-reading the pages the previous batch changed.
    std::unique_ptr<store::Database> m_writer;
};

// Applies a verified status for a transaction (callback or reconciliation), idempotently.
Result<CallbackOutcome> apply_gateway_event(app::Context& context, const std::string& gateway, const gateways::GatewayEvent& event,
                                            const std::string& source);

struct ReconcileReport {
    int checked = 0;
    int applied = 0;
    int expired = 0;
    int failed = 0;
    int flagged = 0;
    int errors = 0;
    int rechecked = 0;  // settled Midtrans payments asked again for a refund, chargeback or deny
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
// amount, fee, status, invoice_id, invoice_no, customer_name, service_number, created_at,
// expires_at, paid_at, review_reason}], "total"}.
Result<api::Json> list_gateway_transactions(store::Database& db, const std::string& status, int page, int per_page, UtcOffset offset);

}  // namespace kimonet::services
