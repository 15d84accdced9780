#pragma once
// Prepared monthly runs awaiting approval (issue 20): the run row and its items (one draft invoice
// per billable customer, plus customers billed last month who get nothing now). Drafts live here,
// not in `invoices`, so nothing that reads invoices can see them. The callers hold the write
// transaction for writes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "store/database.hpp"

namespace kimonet::store {

struct InvoiceRunRow {
    std::int64_t id = 0;
    std::string period;
    std::string status;  // prepared, approving, approved
    std::optional<std::int64_t> prepared_by;
    std::string prepared_by_name;
    std::int64_t prepared_at = 0;
    std::optional<std::int64_t> approved_by;
    std::string approved_by_name;
    std::optional<std::int64_t> approved_at;
    std::int64_t invoice_count = 0;  // drafts to issue (excluded ones not counted)
    Money total_amount = 0;
    std::int64_t issued_count = 0;
};

struct InvoiceRunItemRow {
    std::int64_t customer_id = 0;
    std::string reason;  // same, new, proration, package_change, amount_change, no_previous, leaving
    std::string state;   // draft, excluded, issued, skipped, none
    std::string package_name;
    std::optional<Money> previous_amount;
    std::string issue_date, due_date, line_kind, description;
    Money line_amount = 0;  // the one package line's amount (before tax when exclusive)
    Money subtotal = 0, tax = 0, total = 0;
    std::int64_t tax_rate_bp = 0;
    std::string tax_mode = "exclusive";
    std::optional<std::int64_t> invoice_id;
    // Read with the list, not stored here.
    std::string customer_name, service_number;
};

Result<std::int64_t> insert_invoice_run(Database& db, const Period& period, std::optional<std::int64_t> prepared_by,
                                        const std::string& prepared_by_name, std::int64_t now);
Result<std::optional<InvoiceRunRow>> find_invoice_run(Database& db, std::int64_t run_id);
// The id of the period's run that is prepared or being approved, if any.
Result<std::optional<std::int64_t>> find_open_invoice_run(Database& db, const Period& period);
// Recent runs, newest first.
Result<std::vector<InvoiceRunRow>> list_invoice_runs(Database& db, int limit);

Result<void> insert_invoice_run_items(Database& db, std::int64_t run_id, const std::vector<InvoiceRunItemRow>& items);
// Customers with a (not void) monthly invoice of `previous` who are no longer billable: one
// 'leaving' item each, in one statement. Returns how many.
Result<std::int64_t> insert_leaving_items(Database& db, std::int64_t run_id, const Period& previous);

struct PreviousInvoiceRow {
    std::int64_t customer_id = 0;
    Money total = 0;
    std::string line_kind;    // of its package line ("" when none)
    std::string description;  // of its package line
};
// Last month's monthly invoices (not void) of customers first..last, in customer order.
Result<std::vector<PreviousInvoiceRow>> read_previous_invoices(Database& db, const Period& previous, std::int64_t first, std::int64_t last);

Result<void> set_invoice_run_totals(Database& db, std::int64_t run_id, std::int64_t invoice_count, Money total_amount);

struct RunItemGroup {
    std::string reason, state;
    bool prorated = false;
    std::int64_t count = 0;
};
// Counts per (reason, state, prorated): one GROUP BY over the run's items.
Result<std::vector<RunItemGroup>> group_invoice_run_items(Database& db, std::int64_t run_id);

struct RunItemFilter {
    std::optional<std::string> reason;  // one reason
    bool changes_only = false;          // every reason but 'same'
    bool prorated_only = false;
    std::optional<std::string> state;
    bool outage_credit_only = false;  // drafts (or excluded drafts) whose customer has an outage credit waiting
    int page = 1, per_page = 50;
};
Result<std::vector<InvoiceRunItemRow>> list_invoice_run_items(Database& db, std::int64_t run_id, const RunItemFilter& filter);
Result<std::int64_t> count_invoice_run_items(Database& db, std::int64_t run_id, const RunItemFilter& filter);
Result<std::optional<InvoiceRunItemRow>> find_invoice_run_item(Database& db, std::int64_t run_id, std::int64_t customer_id);
Result<void> set_invoice_run_item_state(Database& db, std::int64_t run_id, std::int64_t customer_id, const std::string& state);

// The next `limit` drafts of the run in customer order, with what approval must re-check.
struct ApprovalRow {
    InvoiceRunItemRow item;
    bool billable = false;          // the customer is still active or isolated
    bool already_invoiced = false;  // the period's monthly invoice exists already
};
Result<std::vector<ApprovalRow>> read_approval_batch(Database& db, std::int64_t run_id, const Period& period, int limit);
// Every draft of customers first..last becomes 'issued' with the id of its monthly invoice of `period`.
Result<void> mark_invoice_run_items_issued(Database& db, std::int64_t run_id, const Period& period, std::int64_t first, std::int64_t last);
Result<void> add_invoice_run_issued(Database& db, std::int64_t run_id, std::int64_t issued);
Result<void> set_invoice_run_status(Database& db, std::int64_t run_id, const std::string& status, std::optional<std::int64_t> approved_by,
                                    const std::string& approved_by_name, std::optional<std::int64_t> approved_at);
// The run and all its items.
Result<void> delete_invoice_run(Database& db, std::int64_t run_id);

}  // namespace kimonet::store
