#pragma once
// The tamper-evident cash ledger (issue 20): appending a row to the hash chain, and walking the
// chain to prove it (`kimonet audit verify`). The encoding is payments::canonical_encoding.
#include <optional>
#include <string>

#include "app/context.hpp"
#include "payments/cash_ledger.hpp"

namespace kimonet::services {

// hash = lowercase hex SHA-256(canonical_encoding(entry) || prev_hash).
std::string cash_entry_hash(const payments::CashLedgerEntry& entry, std::string_view prev_hash);

// Appends `entry` (its seq, prev_hash and hash are filled in here) after the chain's head. Runs in
// its own transaction or joins the caller's; the one-writer transaction (BEGIN IMMEDIATE on SQLite,
// the writer lock on PostgreSQL) serialises appends, and the unique seq and prev_hash refuse a fork
// if anything ever bypassed it.
Result<payments::CashLedgerEntry> append_cash_entry(app::Context& context, payments::CashLedgerEntry entry,
                                                    const std::optional<std::string>& idempotency_key = std::nullopt);

// A voided payment that was a cash collection gets its void row (never an update of the
// collection). Called by the payment void service inside its transaction; nothing for other payments.
Result<void> append_cash_void_if_collected(app::Context& context, std::int64_t payment_id, const std::string& reason);

struct CashLedgerVerification {
    std::int64_t rows = 0;
    std::int64_t head_seq = 0;
    std::string head_hash;
    bool ok = true;
    std::int64_t broken_seq = 0;  // the first row that does not verify
    std::string reason;           // what is wrong with it, in English (the CLI's and the API's words)
};

// Walks the chain in seq order: seq 1, 2, ... without gaps; each prev_hash equals the previous
// row's hash (kGenesisHash first); each hash recomputes; each collection's payment exists, is cash,
// has the ledger's amount, and is voided only with a void row; the activity log's anchors
// (cash_ledger.anchor) match the rows they name and do not point past the head (a cut tail).
Result<CashLedgerVerification> verify_cash_ledger(store::Database& db);

// Writes the chain's head (seq, hash) to the activity log as a "cash_ledger.anchor" entry, so a
// later rewrite of the whole chain from some row on no longer matches what the log recorded.
Result<void> anchor_cash_ledger(app::Context& context);

}  // namespace kimonet::services
