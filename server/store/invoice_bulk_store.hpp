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
// - SQLite: the prepared INSERTs of InvoiceWriter, one per invoice and per line (its fastest path);
// - PostgreSQL: the ids drawn from the invoices' identity sequence in one statement, then the
//   invoices and the lines each in one COPY (Database::copy_in): a handful of round trips per
//   batch instead of three per invoice (INSERT, lastval(), line), which made the run ~10× its
//   COPY baseline (bench_billing).
Result<void> insert_invoices(Database& db, const std::vector<billing::Invoice*>& invoices, std::int64_t first_sequence, std::int64_t now);

}  // namespace kimonet::store
