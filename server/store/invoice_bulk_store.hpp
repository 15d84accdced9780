#pragma once
// The invoice run's writes: a batch of new invoices with their lines. The caller holds the write
// transaction.
#include <cstdint>
#include <vector>

#include "billing/invoice.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// Inserts `invoices` (numbers assigned; the i-th gets sequence first_sequence + i) with their
// lines and sets each one's id. Per engine, for the same rows:
// - SQLite: ids from the largest + 1 (as SQLite would give them; the caller's write transaction
//   keeps other writers out), then the invoices and the lines in multi-row INSERTs of 64 rows
//   (one INSERT per row cost about twice as much CPU: the run was 1.6-1.7× its raw-insert
//   baseline, bench_billing);
// - PostgreSQL: the ids drawn from the invoices' identity sequence in one statement, then the
//   invoices and the lines each in one COPY (Database::copy_in): a handful of round trips per
//   batch instead of three per invoice (INSERT, lastval(), line), which made the run ~10× its
//   COPY baseline (bench_billing).
// One invoice goes through insert_invoice (invoice_store.hpp), each engine's cheapest single write
// (on PostgreSQL the invoice and its lines in one statement): the next invoice of a lone payment.
Result<void> insert_invoices(Database& db, const std::vector<billing::Invoice*>& invoices, std::int64_t first_sequence, std::int64_t now);

}  // namespace kimonet::store
