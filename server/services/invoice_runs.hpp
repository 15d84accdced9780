#pragma once
// Billing-run approval (issue 20): with the setting invoice_run_mode = approve, the monthly run
// prepares drafts (store/invoice_approval_store) instead of invoices; someone with
// invoices.approve_run approves them (numbered in order, issued, announced) or discards them
// (nothing left). One service for the HTTP routes, the CLI and the scheduler.
#include <functional>
#include <map>
#include <optional>

#include "app/context.hpp"
#include "billing/invoice.hpp"
#include "core/invoice_run_messages.hpp"
#include "store/invoice_approval_store.hpp"

namespace kimonet::services {

// True when the setting asks the monthly run to prepare for approval.
Result<bool> invoice_run_needs_approval(store::Database& db);
// 409 while the period has a prepared (or half-approved) run: direct generation must wait for it.
Result<void> refuse_if_invoice_run_open(store::Database& db, const Period& period);

struct PrepareRunOptions {
    Period period;
    std::optional<int> batch_size;  // customers read per step (default as the direct run)
};

struct InvoiceRunSummary {
    store::InvoiceRunRow run;
    std::int64_t drafts = 0, excluded = 0, issued = 0, skipped = 0;
    std::int64_t same = 0, new_customers = 0, leaving = 0, prorations = 0, package_changes = 0, amount_changes = 0, no_previous = 0;
    bool four_eyes = false;  // the approver must not be the preparer
    std::int64_t outage_credits = 0;  // drafts approval will give an outage credit (prepared or approving runs)
    Money outage_credit_amount = 0;
};

// Prepares the period's run in one write transaction (a crash leaves nothing) and returns its id.
// Refused (409) while another run of the period is open; customers already invoiced are left out.
Result<std::int64_t> prepare_invoice_run(app::Context& context, const PrepareRunOptions& options);
Result<InvoiceRunSummary> invoice_run_summary(app::Context& context, std::int64_t run_id);

struct ApproveRunOptions {
    std::optional<int> batch_size;
    bool notify = true;  // queue "invoice_new" for the period's open invoices once all are issued
    // Called after each committed batch; an error stops the approval there as a crash would (tests).
    std::function<Result<void>()> after_batch;
};
// Numbers and issues the drafts in customer order, a batch per write transaction (the numbers come
// from the period's invoice sequence inside it, so gap-free), then marks the run approved and
// queues the messages. An interrupted approval resumes where it stopped; approving an approved run
// numbers nothing again.
Result<InvoiceRunSummary> approve_invoice_run(app::Context& context, std::int64_t run_id, const ApproveRunOptions& options);
// The draft as the invoice it becomes (not yet numbered).
billing::Invoice invoice_of_draft(const store::InvoiceRunItemRow& item, const Period& period);
// What approval will add to these drafts for outages (issue 21, docs/outages.md): per customer with
// a credit waiting, the discount lines add_outage_credit_lines gives the draft's invoice (the same
// function approval calls), their text and the invoice's total with them. Nothing is written.
struct DraftOutageCredit {
    Money amount = 0;  // positive: what the lines take off
    std::string description;
    Money total_after = 0;
};
Result<std::map<std::int64_t, DraftOutageCredit>> draft_outage_credits(app::Context& context, const Period& period,
                                                                       const std::vector<store::InvoiceRunItemRow>& items);
// Fills the summary's outage_credits and outage_credit_amount (a prepared or approving run's drafts).
Result<void> count_run_outage_credits(app::Context& context, InvoiceRunSummary& summary);
// Deletes a prepared run and its drafts; refused once approval has begun.
Result<void> discard_invoice_run(app::Context& context, std::int64_t run_id);
// Takes a customer's draft out of a prepared run (or puts it back).
Result<store::InvoiceRunItemRow> set_invoice_run_item_excluded(app::Context& context, std::int64_t run_id, std::int64_t customer_id,
                                                               bool excluded);

}  // namespace kimonet::services
