#pragma once
// The grouped totals the revenue and billing reports are computed from (report_service.cpp), over
// up to millions of invoices and payments. Read-only. Each engine groups its own way:
//   - PostgreSQL: GROUP BY in SQL (its hash aggregate and hash join); the invoices by period and
//     placement from running totals kept by triggers (migrations/postgresql/0055);
//   - SQLite: its GROUP BY sorts every row first, and a row stepped out to C++ costs about twice
//     what the engine spends reading it, so the rows are folded in C++ from inside SQLite's loop
//     (store/sqlite_fold.hpp) into small arrays, over covering indexes (migration 0050).
// bench_reports holds each report to twice a plain COUNT/SUM scan of the same invoices.
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "reports/report_rows.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// The invoices of the billing periods from … to (inclusive) as reports::InvoiceGroup rows: per
// period, voided or not, and — when `by_placement`, live invoices only — per package and router of
// their customer as it is now (router 0 = none; both 0 otherwise). SQLite folds the invoices;
// PostgreSQL sums the running totals its triggers keep (migrations/postgresql/0055), which the
// report_totals job folds into one row per group every 10 minutes (services::fold_report_totals).
Result<std::vector<reports::InvoiceGroup>> invoice_totals(Database& db, const Period& from, const Period& to, bool by_placement);

// PostgreSQL: folds the running totals' log (invoice_period_totals) into one row per group, in
// the caller's transaction: only the groups with more than one row (or that cancel out) are
// rewritten. Nothing on SQLite (both counts 0).
struct FoldedTotals {
    std::int64_t rows_read = 0;     // log rows replaced
    std::int64_t rows_written = 0;  // one per group they belonged to (none for a group that cancels out)
};
Result<FoldedTotals> fold_invoice_period_totals(Database& db);

// Unpaid and partly paid invoices.
struct DueDateTotalsRow {
    std::string due_date;  // "2026-01-20"
    std::int64_t count = 0;
    Money outstanding = 0;
};
struct DebtorTotalsRow {
    std::int64_t customer_id = 0;
    Money outstanding = 0;
    std::int64_t invoices = 0;
    std::string oldest_due;
};
struct OpenInvoiceTotals {
    std::vector<DueDateTotalsRow> by_due_date;  // in date order
    std::vector<DebtorTotalsRow> top_debtors;   // the most owed first; ties: oldest due date, then lower id
};
Result<OpenInvoiceTotals> open_invoice_totals(Database& db, std::size_t debtors);

// Live payments with paid_at in [start, end) (unix seconds), by `local_day` (days since
// 1970-01-01 at `offset_seconds` east of UTC) and method; gateway payments again by gateway.
struct PaymentTotalsRow {
    std::int64_t local_day = 0;
    std::string method;
    std::int64_t count = 0;
    Money received = 0;
    Money applied = 0;
};
struct GatewayTotalsRow {
    std::int64_t local_day = 0;
    std::string gateway;
    std::int64_t count = 0;
    Money applied = 0;
};
struct PaymentTotals {
    std::vector<PaymentTotalsRow> by_method;
    std::vector<GatewayTotalsRow> by_gateway;
};
Result<PaymentTotals> payment_totals(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds);

}  // namespace kimonet::store
