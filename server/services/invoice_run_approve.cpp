// Approving and discarding a prepared run (services/invoice_runs.hpp).
#include "services/invoice_runs.hpp"

#include "services/activity_log.hpp"
#include "services/billing_notifications.hpp"
#include "services/billing_settings.hpp"
#include "services/invoice_generation.hpp"
#include "services/payment_service.hpp"
#include "services/settings.hpp"
#include "store/invoice_store.hpp"

namespace kimonet::services {

// Dates and amounts are the prepared ones: what was approved is what is issued.
billing::Invoice invoice_of_draft(const store::InvoiceRunItemRow& item, const Period& period) {
    billing::Invoice invoice;
    invoice.customer_id = item.customer_id;
    invoice.period = period;
    invoice.kind = "monthly";
    invoice.issue_date = parse_date(item.issue_date).value_or(first_day(period));
    invoice.due_date = parse_date(item.due_date).value_or(first_day(period));
    const auto kind = billing::parse_line_kind(item.line_kind).value_or(billing::LineKind::Package);
    invoice.lines.push_back(billing::InvoiceLine{kind, item.description, 1, item.line_amount, item.line_amount});
    invoice.totals = billing::Totals{item.subtotal, item.tax, item.total};
    invoice.tax.rate_basis_points = item.tax_rate_bp;
    invoice.tax.mode = billing::parse_tax_mode(item.tax_mode).value_or(billing::TaxMode::Exclusive);
    invoice.status = billing::status_for(invoice.totals.total, 0);
    return invoice;
}

namespace {

// Issues the next batch of drafts; returns how many drafts it handled (0: none left).
Result<std::size_t> approve_batch(app::Context& context, const store::InvoiceRunRow& run, const Period& period,
                                  const BillingSettings& settings, int batch) {
    const auto rows = TRY(store::read_approval_batch(context.db, run.id, period, batch));
    if (rows.empty()) return std::size_t{0};
    std::vector<billing::Invoice> invoices;
    invoices.reserve(rows.size());
    for (const auto& row : rows) {
        // A customer who left, or was invoiced another way, since the run was prepared gets nothing now.
        if (!row.billable || row.already_invoiced) {
            TRY_VOID(store::set_invoice_run_item_state(context.db, run.id, row.item.customer_id, "skipped"));
            continue;
        }
        invoices.push_back(invoice_of_draft(row.item, period));
    }
    if (!invoices.empty()) {
        const auto count = static_cast<std::int64_t>(invoices.size());
        std::vector<billing::Invoice*> pointers;
        for (auto& invoice : invoices) pointers.push_back(&invoice);
        // Outage credits earned since the run was prepared go on at issue (docs/outages.md).
        TRY_VOID(number_and_write_invoices(context, settings, period, pointers));
        for (auto& invoice : invoices) TRY_VOID(apply_customer_credit(context, invoice));
        TRY_VOID(store::mark_invoice_run_items_issued(context.db, run.id, period, rows.front().item.customer_id, rows.back().item.customer_id));
        TRY_VOID(store::add_invoice_run_issued(context.db, run.id, count));
        TRY_VOID(log_activity(context, "invoice.generate", "invoice_run", run.id, nullptr,
                              {{"period", run.period},
                               {"created", count},
                               {"first_invoice_no", invoices.front().invoice_no},
                               {"last_invoice_no", invoices.back().invoice_no}}));
    }
    return rows.size();
}

}  // namespace

Result<InvoiceRunSummary> approve_invoice_run(app::Context& context, std::int64_t run_id, const ApproveRunOptions& options) {
    const int batch = options.batch_size.value_or(context.db.engine() == store::Engine::Postgresql ? 5000 : 1000);
    if (batch < 1) return validation_error({{"batch_size", messages::kAtLeastOne}});
    auto found = TRY(store::find_invoice_run(context.db, run_id));
    if (!found) return make_error(ErrorCode::NotFound, messages::kInvoiceRunNotFound);
    const Period period = TRY(parse_period(found->period));
    if (found->status != "approved") {
        const bool four_eyes = TRY(get_setting(context.db, "invoice_run_four_eyes")) == "1";
        if (four_eyes && found->prepared_by && context.actor.type == "user" && context.actor.id == *found->prepared_by)
            return make_error(ErrorCode::Forbidden, messages::kInvoiceRunFourEyes);
        // Claimed in its own commit: from here the run can only be finished, never discarded.
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            auto run = TRY(store::find_invoice_run(context.db, run_id));
            if (!run) return make_error(ErrorCode::NotFound, messages::kInvoiceRunNotFound);
            if (run->status != "prepared") return {};
            TRY_VOID(store::set_invoice_run_status(context.db, run_id, "approving", context.actor.type == "user" ? std::optional(context.actor.id) : std::nullopt,
                                                   context.actor.name, std::nullopt));
            return log_activity(context, "invoice_run.approve", "invoice_run", run_id, nullptr,
                                {{"period", run->period}, {"drafts", run->invoice_count}, {"total_amount", run->total_amount}});
        }));
        const BillingSettings settings = TRY(load_billing_settings(context.db));
        while (true) {
            std::size_t handled = 0;
            TRY_VOID(context.db.transaction([&]() -> Result<void> {
                handled = TRY(approve_batch(context, *found, period, settings, batch));
                return {};
            }));
            if (handled == 0) break;
            if (options.after_batch) TRY_VOID(options.after_batch());
        }
    }
    // Marked approved and announced in one commit; a repeat queues nothing twice (keys per invoice).
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto run = TRY(store::find_invoice_run(context.db, run_id));
        if (!run) return make_error(ErrorCode::NotFound, messages::kInvoiceRunNotFound);
        if (run->status != "approved") TRY_VOID(store::set_invoice_run_status(context.db, run_id, "approved", run->approved_by, run->approved_by_name, context.now));
        if (!options.notify) return {};
        const std::int64_t queued = TRY(queue_new_invoice_notices(context, period));
        return queued > 0 ? log_activity(context, "invoice_run.notify", "invoice_run", run_id, nullptr, {{"queued", queued}}) : Result<void>{};
    }));
    return invoice_run_summary(context, run_id);
}

Result<void> discard_invoice_run(app::Context& context, std::int64_t run_id) {
    return context.db.transaction([&]() -> Result<void> {
        auto run = TRY(store::find_invoice_run(context.db, run_id));
        if (!run) return make_error(ErrorCode::NotFound, messages::kInvoiceRunNotFound);
        if (run->status == "approved") return make_error(ErrorCode::Conflict, messages::kInvoiceRunApproved);
        if (run->status == "approving") return make_error(ErrorCode::Conflict, messages::kInvoiceRunApproving);
        TRY_VOID(store::delete_invoice_run(context.db, run_id));
        return log_activity(context, "invoice_run.discard", "invoice_run", run_id, nullptr,
                            {{"period", run->period}, {"drafts", run->invoice_count}, {"total_amount", run->total_amount}});
    });
}

}  // namespace kimonet::services
