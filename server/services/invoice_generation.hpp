#pragma once
#include <optional>
// Monthly invoice generation: one service for the API, the CLI and the scheduler.
#include <functional>
#include <vector>

#include "app/context.hpp"
#include "billing/invoice.hpp"
#include "services/billing_settings.hpp"
#include "store/invoice_run_store.hpp"

namespace kimonet::services {

struct GenerateOptions {
    Period period;
    bool notify = false;   // queue the "invoice_new" WhatsApp message for each open invoice of the period
    bool dry_run = false;  // count and sum what would be created, write nothing
    // Only customers who joined during `period` (the prorate run).
    bool joined_in_period_only = false;
    // Customers per batch (one write transaction each); unset: the engine's own, SQLite 1,000 (peak
    // memory ≤ 200 MB at a million customers), PostgreSQL 5,000 (each commit waits for the WAL
    // flush and a batch costs a few round trips: 1,000 a batch ran at 2.7× its COPY baseline,
    // 5,000 at 1.7×, bench_billing with 100,000 customers).
    std::optional<int> batch_size;
    // Called after each batch with (customers processed, customers to process).
    std::function<void(std::int64_t, std::int64_t)> progress;
};

struct GenerateSummary {
    std::int64_t created = 0;
    std::int64_t skipped = 0;  // already invoiced for the period, or joined after it
    Money total_amount = 0;
    std::int64_t notified = 0;  // messages newly queued (notify)
};

// Walks billable customers (active or isolated) in id order, a batch per transaction. Each batch
// reads which customers still lack the period's invoice inside its write transaction and takes
// its numbers there, so reruns and concurrent runs neither duplicate nor leave gaps, and a crash
// loses at most the batch in progress.
Result<GenerateSummary> generate_invoices(app::Context& context, const GenerateOptions& options);

// The monthly invoice `row` gets for `period` (not numbered), or nothing when it gets none.
std::optional<billing::Invoice> monthly_invoice_for(const store::BillingRow& row, const Period& period, const BillingSettings& settings);

// Numbers `invoices` (one period's, in order) from one reservation of the period's gap-free
// sequence and writes them, inside the caller's write transaction: the outage credits they earned
// as discount lines first, then the rows and lines, then their unique transfer codes. The invoice
// run, a billing run's approval and a callback batch's next invoices share it.
Result<void> number_and_write_invoices(app::Context& context, const BillingSettings& settings, const Period& period,
                                       const std::vector<billing::Invoice*>& invoices);

// Makes sure the customer has the monthly invoice of `period` (inside the caller's transaction).
// Returns its id, or nothing when the customer is not billable for the period.
Result<std::optional<std::int64_t>> ensure_monthly_invoice(app::Context& context, std::int64_t customer_id, const Period& period);

// The same for several customers at once, inside the caller's write transaction on the first
// request's database: one read of their billing rows, one reservation of the numbers, one bulk
// insert; each created invoice logged (invoice.create) with the context of the request that asked
// for it. Customers named twice get one invoice. (services/next_invoices_at_commit.hpp)
struct MonthlyInvoiceRequest {
    std::int64_t customer_id = 0;
    const app::Context* context = nullptr;
};
Result<void> ensure_monthly_invoices(const std::vector<MonthlyInvoiceRequest>& requests, const Period& period);

}  // namespace kimonet::services
