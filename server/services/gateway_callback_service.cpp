// Applying what a gateway says about a transaction, exactly once. Every write happens inside one
// BEGIN IMMEDIATE transaction that re-reads the transaction's state first, so duplicates,
// concurrent deliveries and out-of-order statuses are decided against the committed truth:
// only a pending (or locally closed) attempt can become paid, and a paid one is never unpaid.
#include "gateways/payment_gateway.hpp"
#include "services/activity_log.hpp"
#include "services/gateway_callback_records.hpp"
#include "services/gateway_payments.hpp"
#include "services/gateway_reversals.hpp"
#include "services/next_invoices_at_commit.hpp"
#include "services/notification_service.hpp"
#include "services/billing_notifications.hpp"
#include "services/billing_settings.hpp"
#include "services/payment_service.hpp"
#include "store/callback_apply_store.hpp"
#include "store/callback_inbox_store.hpp"
#include "store/database_control.hpp"
#include "store/gateway_store.hpp"
#include "store/invoice_store.hpp"
#include "store/notification_store.hpp"
#include "store/payment_store.hpp"
#include "store/settings_store.hpp"
#include "store/transaction_memo.hpp"

#include <functional>

namespace kimonet::services {

namespace {

Result<void> add_finding(app::Context& context, const std::string& gateway, const std::string& order_id, std::optional<std::int64_t> transaction,
                         const std::string& kind, const std::string& source, const std::string& detail) {
    return store::insert_reconciliation_finding(context.db, store::ReconciliationFinding{context.now, gateway, order_id, transaction, kind, source, detail});
}

Result<void> set_state(app::Context& context, std::int64_t id, std::string_view state, const std::string& reason = {}) {
    return store::set_transaction_state(context.db, id, state, reason, context.now);
}

Result<void> queue_confirmation(app::Context& context, const std::string& gateway, const StoredTransaction& transaction,
                                const PaymentReceipt& receipt) {
    const auto* method = payments::find_method(transaction.method);
    return queue_payment_receipt(context, receipt, "payment:" + gateway + ":" + transaction.order_id,
                                 std::string(method ? method->name : std::string_view(transaction.method)) + " (" + gateway + ")");
}

Result<CallbackOutcome> apply_paid(app::Context& context, const std::string& gateway, const gateways::GatewayEvent& event,
                                   const StoredTransaction& transaction, const std::string& invoice_status,
                                   const std::optional<billing::Invoice>& invoice, const std::string& source) {
    CallbackOutcome outcome;
    // Midtrans names the currency of what was paid (its status answer carries "currency": "IDR"):
    // anything else is not an amount in rupiah, whatever its number says.
    if (!event.currency.empty() && event.currency != "IDR") {
        const std::string detail = "mata uang " + event.currency.substr(0, 8) + ", diharapkan IDR";
        TRY_VOID(set_state(context, transaction.id, "review", "currency_mismatch: " + detail));
        TRY_VOID(add_finding(context, gateway, transaction.order_id, transaction.id, "amount_mismatch", source, detail));
        outcome.outcome = "review";
        return outcome;
    }
    if (!event.amount) {
        // Money we cannot count is never applied: a person looks at it.
        TRY_VOID(set_state(context, transaction.id, "review", "amount_unknown: jumlah dari gateway tidak terbaca"));
        TRY_VOID(add_finding(context, gateway, transaction.order_id, transaction.id, "amount_mismatch", source, "jumlah dari gateway tidak terbaca"));
        outcome.outcome = "review";
        return outcome;
    }
    if (*event.amount != transaction.amount) {
        const std::string detail = "gateway " + std::to_string(*event.amount) + ", diharapkan " + std::to_string(transaction.amount);
        TRY_VOID(set_state(context, transaction.id, "review", "amount_mismatch: " + detail));
        TRY_VOID(add_finding(context, gateway, transaction.order_id, transaction.id, "amount_mismatch", source, detail));
        outcome.outcome = "review";
        return outcome;
    }
    // Only the status here (read with the transaction, in this write transaction): record_payment_in_transaction
    // reads the whole invoice once.
    if (invoice_status.empty() || invoice_status == billing::to_string(billing::InvoiceStatus::Paid) ||
        invoice_status == billing::to_string(billing::InvoiceStatus::Void)) {
        // Money arrived for an invoice that was meanwhile paid another way (or voided): a person refunds or credits it.
        TRY_VOID(set_state(context, transaction.id, "review", "paid_twice: tagihan sudah lunas/dibatalkan"));
        TRY_VOID(add_finding(context, gateway, transaction.order_id, transaction.id, "paid_twice", source, "tagihan sudah lunas atau dibatalkan"));
        outcome.outcome = "review";
        return outcome;
    }
    PaymentRequest request;
    request.invoice_id = transaction.invoice_id;
    request.amount = transaction.amount - transaction.fee;
    request.method = payments::PaymentMethod::Gateway;
    request.paid_at = context.now;
    request.note = gateway + " " + transaction.method + " " + transaction.order_id;
    request.receipt_with_lines = false;  // nothing below reads the invoice's lines
    request.invoice = invoice;           // read with the transaction, above in this write transaction
    // The payment's statement also marks the transaction paid with it (one round trip on PostgreSQL).
    store::CallbackMarksTransactionPaid marks(context.db, transaction.id, transaction.invoice_id, event.transaction_id, context.now);
    const PaymentReceipt receipt = TRY(record_payment_in_transaction(context, request));
    if (!marks.marked()) TRY_VOID(store::mark_transaction_paid(context.db, transaction.id, receipt.payment.id, event.transaction_id, context.now));
    TRY_VOID(queue_confirmation(context, gateway, transaction, receipt));
    if (source != "callback") TRY_VOID(add_finding(context, gateway, transaction.order_id, transaction.id, "applied", source, "callback tidak diterima"));
    outcome.outcome = "applied";
    outcome.payment_id = receipt.payment.id;
    return outcome;
}

// A write transaction of its own, or, inside a group commit's transaction, a savepoint (what a
// nested Database::transaction is): either way the work is applied whole or not at all.
Result<void> atomically(store::Database& db, const std::function<Result<void>()>& work) {
    return db.transaction(work);
}

}  // namespace

Result<CallbackOutcome> apply_gateway_event(app::Context& context, const std::string& gateway, const gateways::GatewayEvent& event,
                                            const std::string& source) {
    CallbackOutcome outcome;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const bool by_reference = event.order_id.empty();
        const auto found = TRY(store::find_transaction_for_callback(context.db, gateway, by_reference, by_reference ? event.reference : event.order_id));
        const StoredTransaction* transaction = found ? &found->transaction : nullptr;
        if (!transaction) {
            outcome.outcome = "unknown_order";
        } else {
            const payments::TransactionAction action = payments::decide_transaction_action(transaction->state, event.status);
            // Verifying asked the gateway's status API only when the callback would change something
            // then; one that would not (a failure claimed for an attempt already closed) came through
            // unasked, as the callback's own word. The state may have moved since (the gateway's
            // genuine late payment committed first): a claim nobody confirmed changes nothing. The
            // gateway is answered as when the status API cannot be asked (502): it sends the callback
            // again, and this time it is asked.
            if (source == "callback" && !event.confirmed && action != payments::TransactionAction::Ignore)
                return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kStatusNotConfirmed, gateway));
            switch (action) {
                case payments::TransactionAction::ApplyPayment: {
                    // The invoice's customer as the read above found it, for the restore check and the receipt.
                    const store::CallbackCustomerKnown known(context.db, found->customer);
                    outcome = TRY(apply_paid(context, gateway, event, *transaction, found->invoice_status, found->invoice, source));
                    break;
                }
                case payments::TransactionAction::MarkFailed:
                    TRY_VOID(set_state(context, transaction->id, "failed"));
                    outcome.outcome = "failed";
                    break;
                case payments::TransactionAction::MarkExpired:
                    TRY_VOID(set_state(context, transaction->id, "expired"));
                    outcome.outcome = "expired";
                    break;
                case payments::TransactionAction::FlagForReview:
                    TRY_VOID(flag_reversed_payment(context, gateway, event, *transaction, source));
                    outcome.outcome = "review";
                    break;
                case payments::TransactionAction::Ignore:
                    outcome.outcome = transaction->state == payments::TransactionState::Paid && event.status == payments::GatewayStatus::Paid
                                          ? "duplicate"
                                          : "ignored";
                    break;
            }
            if (outcome.outcome != "duplicate" && outcome.outcome != "ignored")
                TRY_VOID(log_activity(context, "payment.gateway_" + outcome.outcome, "gateway_transaction", transaction->id, nullptr,
                                      {{"gateway", gateway}, {"order_id", transaction->order_id}, {"source", source},
                                       {"status", payments::to_string(event.status)}}));
        }
        outcome.order_id = transaction ? transaction->order_id : event.order_id + event.reference;
        return success();
    }));
    return outcome;
}

// Every raw callback is committed before the gateway gets its answer: in the same write
// transaction as its effects when it verifies (one commit, so the log and the payment can never
// disagree), on its own when it is rejected or applying it fails.
Result<CallbackOutcome> apply_verified_callback(app::Context& context, const std::string& gateway, const std::string& content_type,
                                                const std::string& body, const gateways::GatewayEvent& event) {
    CallbackOutcome outcome;
    // What the callback claimed, when the status API said otherwise: kept beside the raw body.
    const bool contradicted = event.confirmed && event.claimed_status != event.status;
    const std::string detail = contradicted ? "callback: " + std::string(payments::to_string(event.claimed_status)) +
                                                  ", status API: " + std::string(payments::to_string(event.status))
                                            : std::string();
    // The raw callback is written in the same transaction as its effects, with what became of it.
    auto applied = atomically(context.db, [&]() -> Result<void> {
        outcome = TRY(apply_gateway_event(context, gateway, event, "callback"));
        if (contradicted && outcome.outcome == "ignored") outcome.outcome = "unconfirmed";
        // Whole when it changed something (the audit trail of money); a digest when it did not, so
        // replays of a captured callback, padded with unsigned fields, cannot fill the disk either.
        outcome.callback_id = logged_as_digest(outcome.outcome)
                                  ? TRY(store_callback_digest(context, gateway, content_type, body, outcome.outcome, detail, outcome.order_id))
                                  : TRY(store_callback(context, gateway, content_type, body, outcome.outcome, detail, outcome.order_id));
        return success();
    });
    if (!applied) {
        // Not confirmed in time (apply_gateway_event): logged as verifying logs one the status API
        // could not confirm, a digest; anything else failed, and the whole callback is kept.
        const bool unconfirmed = applied.error().code == ErrorCode::BadGateway;
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            if (unconfirmed) {
                TRY(store_callback_digest(context, gateway, content_type, body, "unavailable", applied.error().message()));
            } else {
                TRY(store_callback(context, gateway, content_type, body, "error", applied.error().message()));
            }
            return success();
        }));
        return applied.error();
    }
    return outcome;
}

struct CallbackGroupCommit::Delivery {
    app::Context* context;
    const std::string* gateway;
    const std::string* content_type;
    const std::string* body;
    const gateways::GatewayEvent* event;
    const store::InboxEntry* kept;  // from the inbox: its row is deleted with the callback's effects
    std::optional<Result<CallbackOutcome>> result;
};

Result<CallbackOutcome> CallbackGroupCommit::handle(app::Context& context, const std::string& gateway, const std::string& content_type,
                                                    const std::string& body) {
    arrive();
    return join(context, gateway, content_type, body, verify_gateway_callback(context, gateway, content_type, body, &m_budget), nullptr);
}

Result<CallbackOutcome> CallbackGroupCommit::handle_verified(app::Context& context, const std::string& gateway, const std::string& content_type,
                                                             const std::string& body, const gateways::GatewayEvent& event) {
    arrive();
    return join(context, gateway, content_type, body, VerifiedCallback{event, std::nullopt, false}, nullptr);
}

Result<CallbackOutcome> CallbackGroupCommit::apply_kept(app::Context& context, const store::InboxEntry& entry) {
    arrive();
    return join(context, entry.key.gateway, entry.content_type, entry.body,
                verify_gateway_callback(context, entry.key.gateway, entry.content_type, entry.body, &m_budget), &entry);
}

void CallbackGroupCommit::arrive() {
    std::lock_guard lock(m_mutex);
    ++m_verifying;
}

Result<CallbackOutcome> CallbackGroupCommit::join(app::Context& context, const std::string& gateway, const std::string& content_type,
                                                  const std::string& body, Result<VerifiedCallback> verified, const store::InboxEntry* kept) {
    std::unique_lock lock(m_mutex);
    --m_verifying;
    if (!verified || verified->answered) {
        m_done.notify_all();  // a leader may be waiting for the verifying callers
        if (!verified) return verified.error();
        return *verified->answered;
    }
    Delivery mine{&context, &gateway, &content_type, &body, &verified->event, kept, std::nullopt};
    m_queue.push_back(&mine);
    if (m_observer.delivery_queued) m_observer.delivery_queued(m_queue.size());
    m_done.notify_all();
    m_done.wait(lock, [&] { return mine.result.has_value() || !m_leading; });
    if (mine.result) return std::move(*mine.result);
    // Lead: let the callers still verifying join, then take everything queued (this one included).
    // Under a steady stream the callers of the previous batch come straight back with their next
    // callback, so the leader also gives them a short moment (bounded, like PostgreSQL's
    // commit_delay) to arrive: one commit then carries them all. A callback after a lone one never
    // waits; one after a batch of several waits at most kGatherWindow for company.
    m_leading = true;
    m_done.wait_for(lock, kGatherWindow, [&] { return m_verifying == 0 && m_queue.size() >= m_last_batch; });
    // Verifying now includes a question to the gateway's status API: a slow gateway must not hold
    // up everyone else's commit, so the leader waits for stragglers only so long.
    // (Waiting longer when commits are slow, up to a quarter of the last batch's time, filled the
    // batches but gained nothing measurable on PostgreSQL, and it sends all 16 callers back to the
    // status API at once after each commit, past its 12 slots: server/store/README.md.)
    m_done.wait_for(lock, kMaxWaitForVerifying, [&] { return m_verifying == 0; });
    lock.unlock();
    // The queue is taken only once the batch's transaction holds the writer lock: with several
    // servers on one database, a leader may wait for another server's commit, and everything that
    // queued here meanwhile goes into this commit instead of waiting for the next one.
    std::vector<Delivery*> batch;
    std::vector<Result<CallbackOutcome>> results;
    bool taken = false;
    auto take_batch = [&] {
        if (taken) return;  // the rerun with savepoints applies the same batch
        taken = true;
        {
            std::lock_guard guard(m_mutex);
            batch.swap(m_queue);
        }
        if (m_observer.batch_starting) m_observer.batch_starting(batch.size());
        results.reserve(batch.size());
    };
    const std::string& path = context.db.path();
    // The writer's server went away (PostgreSQL restarted or failed over): a new connection, which
    // a multi-host URL with target_session_attrs=read-write takes to the new primary.
    if (m_writer && m_writer->broken()) m_writer.reset();
    if (!m_writer && !path.empty() && path != ":memory:") {
        if (auto opened = store::Database::open(path)) {
            m_writer = std::move(*opened);
            // The writer does not checkpoint inside its commits (that would hold up every callback
            // of the batch); it only notes how long the WAL has grown, see below.
            store::watch_log_size(*m_writer, m_wal_frames);
        }
    }
    store::Database& db = m_writer ? *m_writer : context.db;
    // The settings a paid callback reads (the next invoice's billing rules, the receipt's company
    // lines), read once per batch in one statement into the transaction memo.
    static const std::vector<std::string> kBatchSettings = [] {
        std::vector<std::string> keys = billing_setting_keys();
        for (const auto& key : company_setting_keys()) keys.push_back(key);
        // The receipt's e-mail channel and the next invoices' unique transfer codes, read once per
        // batch too (each a round trip of its own on PostgreSQL otherwise).
        for (const char* key : {"smtp_url", "transfer_unique_code"}) keys.push_back(key);
        return keys;
    }();
    auto apply_batch = [&]() -> Result<void> {
        take_batch();
        results.clear();
        // The raw callbacks' flush before the numbering flushes (it needs no number), then the next
        // invoices', which must run before the flushes that write what it gathers.
        store::gather_gateway_callbacks(db);
        store::gather_notifications(db);  // before the first activity entry: its flush adds the receipts' entries
        const NextInvoicesAtCommit next_invoices(db);
        number_receipts_at_commit(db);  // second: after the next invoices (paid from credit), before the activity
        const store::SettingsReadAhead settings_ahead(db, kBatchSettings);
        // Beside other servers' batches (the shared writer lock): the rows the batch changes, locked
        // in one order before anything reads them.
        std::vector<store::CallbackKey> keys;
        keys.reserve(batch.size());
        for (const Delivery* delivery : batch) {
            const bool by_reference = delivery->event->order_id.empty();
            keys.push_back(store::CallbackKey{*delivery->gateway, by_reference, by_reference ? delivery->event->reference : delivery->event->order_id});
        }
        TRY_VOID(store::lock_callback_rows(db, keys));
        for (Delivery* delivery : batch) {
            app::Context own{db, delivery->context->actor, delivery->context->now, delivery->context->offset, delivery->context->secrets,
                             delivery->context->ports, delivery->context->signals};
            results.push_back(apply_verified_callback(own, *delivery->gateway, *delivery->content_type, *delivery->body, *delivery->event));
            // Applied: its inbox row goes in the same commit (a newer callback that replaced it stays).
            if (delivery->kept && results.back()) TRY(store::delete_inbox_entry(db, delivery->kept->key, delivery->kept->version));
        }
        return success();
    };
    // Each callback is all or nothing (a savepoint), so one that fails cannot take the others
    // down. Savepoints cost two round trips each on PostgreSQL, several per callback, and almost
    // every batch has no failure at all: it first runs without them; when anything inside failed,
    // that attempt is rolled back whole and the batch runs again with the savepoints.
    // On PostgreSQL the first run holds the writer lock shared, beside other servers' batches (its
    // rows locked by lock_callback_rows, its numbers taken at its end); the rerun takes it
    // exclusively, as every other write transaction does: a batch that met a deadlock or a lock
    // timeout beside another one then runs alone.
    Result<void> committed = success();
    auto flat = store::transaction_without_savepoints_sharing_the_writer_lock(db, apply_batch);
    if (!flat && taken && db.engine() == store::Engine::Postgresql && !db.broken()) flat = false;  // run it again alone
    if (!flat) committed = flat.error();
    else if (!*flat) {
        ++m_batches_with_savepoints;
        committed = db.transaction(apply_batch);
    }
    take_batch();  // BEGIN failed (no writer lock, the database unreachable): the queue gets its error
    lock.lock();
    ++m_batches;
    m_last_batch = batch.size();
    m_deliveries += static_cast<std::int64_t>(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i)
        batch[i]->result = committed ? std::move(results[i]) : Result<CallbackOutcome>(committed.error());
    m_leading = false;
    m_done.notify_all();
    lock.unlock();
    // Everyone has their answer and the next batch may already be running on the writer: this
    // thread copies the WAL back into the database on its own connection (a passive checkpoint
    // never blocks the writer), as SQLite's automatic checkpoint would at the same size.
    if (m_wal_frames.load() >= kCheckpointFrames) {
        m_wal_frames.store(0);
        store::checkpoint(context.db);
    }
    return std::move(*mine.result);
}

}  // namespace kimonet::services
