#include "services/cash_ledger.hpp"

#include <map>
#include <set>

#include "security/crypto.hpp"
#include "services/activity_log.hpp"
#include "store/cash_store.hpp"

namespace kimonet::services {

std::string cash_entry_hash(const payments::CashLedgerEntry& entry, std::string_view prev_hash) {
    std::string material = payments::canonical_encoding(entry);
    material.append(prev_hash);
    return security::sha256_hex(material);
}

Result<payments::CashLedgerEntry> append_cash_entry(app::Context& context, payments::CashLedgerEntry entry,
                                                    const std::optional<std::string>& idempotency_key) {
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto head = TRY(store::cash_ledger_head(context.db));
        entry.seq = head ? head->first + 1 : 1;
        entry.prev_hash = head ? head->second : std::string(payments::kGenesisHash);
        entry.hash = cash_entry_hash(entry, entry.prev_hash);
        return store::insert_cash_entry(context.db, entry, idempotency_key);
    }));
    return entry;
}

Result<void> append_cash_void_if_collected(app::Context& context, std::int64_t payment_id, const std::string& reason) {
    const auto collection = TRY(store::find_collection_of_payment(context.db, payment_id));
    if (!collection) return {};
    if (TRY(store::find_reference_to(context.db, "void", collection->seq))) return {};  // voided once already
    payments::CashLedgerEntry row;
    row.kind = payments::CashEntryKind::Void;
    row.collector_id = collection->collector_id;
    row.actor_id = context.actor.id;
    row.business_date = collection->business_date;  // the cash day it corrects
    row.amount = collection->amount;
    row.customer_id = collection->customer_id;
    row.invoice_id = collection->invoice_id;
    row.payment_id = payment_id;
    row.refers_to = collection->seq;
    row.recorded_at = context.now;
    row.note = reason;
    TRY(append_cash_entry(context, std::move(row)));
    return {};
}

Result<void> anchor_cash_ledger(app::Context& context) {
    const auto head = TRY(store::cash_ledger_head(context.db));
    if (!head) return {};
    return log_activity(context, "cash_ledger.anchor", "cash_ledger", head->first, nullptr, {{"seq", head->first}, {"hash", head->second}});
}

namespace {

// The payment a collection names must still say what the ledger says.
Result<std::string> payment_disagreement(store::Database& db, const payments::CashLedgerEntry& entry, bool voided_in_ledger) {
    const auto facts = TRY(store::payment_facts(db, entry.payment_id));
    if (!facts) return std::string("its payment ") + std::to_string(entry.payment_id) + " no longer exists";
    if (facts->method != "cash") return std::string("its payment is no longer a cash payment");
    if (facts->amount != entry.amount) return std::string("its payment's amount differs from the ledger");
    if (facts->voided && !voided_in_ledger) return std::string("its payment is voided without a void row");
    return std::string();
}

}  // namespace

Result<CashLedgerVerification> verify_cash_ledger(store::Database& db) {
    CashLedgerVerification out;
    std::string previous(payments::kGenesisHash);
    std::vector<payments::CashLedgerEntry> collections;
    std::set<std::int64_t> voided;
    std::map<std::int64_t, std::string> hashes;
    const auto fail = [&](std::int64_t seq, std::string reason) {
        if (!out.ok) return;
        out.ok = false;
        out.broken_seq = seq;
        out.reason = std::move(reason);
    };
    TRY_VOID(store::each_cash_entry(db, [&](const payments::CashLedgerEntry& entry) -> Result<void> {
        ++out.rows;
        if (entry.seq != out.head_seq + 1) fail(entry.seq, "seq " + std::to_string(entry.seq) + " follows " + std::to_string(out.head_seq) + " (a row is missing)");
        else if (entry.prev_hash != previous) fail(entry.seq, "prev_hash is not the previous row's hash");
        else if (cash_entry_hash(entry, entry.prev_hash) != entry.hash) fail(entry.seq, "hash does not match the row's fields");
        if (entry.kind == payments::CashEntryKind::Collection) collections.push_back(entry);
        if (entry.kind == payments::CashEntryKind::Void) voided.insert(entry.refers_to);
        out.head_seq = entry.seq;
        out.head_hash = entry.hash;
        previous = entry.hash;
        hashes[entry.seq] = entry.hash;
        return {};
    }));
    if (!out.ok) return out;
    for (const auto& collection : collections) {
        const std::string wrong = TRY(payment_disagreement(db, collection, voided.contains(collection.seq)));
        if (!wrong.empty()) {
            fail(collection.seq, wrong);
            return out;
        }
    }
    for (const auto& [seq, after_json] : TRY(store::cash_ledger_anchors(db))) {
        const auto anchor = api::Json::parse(after_json, nullptr, false);
        const std::string hash = anchor.is_object() && anchor.contains("hash") && anchor["hash"].is_string() ? anchor["hash"].get<std::string>() : "";
        const auto found = hashes.find(seq);
        if (found == hashes.end()) {
            fail(seq, "the activity log anchored row " + std::to_string(seq) + ", which is gone (the chain was cut)");
            return out;
        }
        if (found->second != hash) {
            fail(seq, "the row's hash differs from the one the activity log anchored (the chain was rewritten)");
            return out;
        }
    }
    return out;
}

}  // namespace kimonet::services
