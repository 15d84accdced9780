#include "services/invoice_generation.hpp"

#include <algorithm>

#include "services/billing_notifications.hpp"

#include "billing/invoice_number.hpp"
#include "services/activity_log.hpp"
#include "services/billing_settings.hpp"
#include "services/invoice_runs.hpp"
#include "services/outage_service.hpp"
#include "services/payment_service.hpp"
#include "services/unique_codes.hpp"
#include "store/invoice_approval_store.hpp"
#include "store/invoice_bulk_store.hpp"
#include "store/invoice_run_store.hpp"
#include "store/invoice_store.hpp"

namespace kimonet::services {

namespace {

using BillingRow = store::BillingRow;

// The customers the run covers: all billable ones, or those who joined within the period.
std::optional<store::JoinedBetween> joined_filter(const GenerateOptions& options) {
    if (!options.joined_in_period_only) return std::nullopt;
    return store::JoinedBetween{first_day(options.period), last_day(options.period)};
}

}  // namespace

std::optional<billing::Invoice> monthly_invoice_for(const BillingRow& row, const Period& period, const BillingSettings& settings) {
    auto draft = billing::monthly_invoice(
        billing::MonthlyBillingInput{period, row.join_date, row.due_day, row.package_name, row.package_price}, settings.rules);
    if (!draft) return std::nullopt;
    billing::Invoice invoice;
    invoice.customer_id = row.customer_id;
    invoice.period = period;
    invoice.kind = "monthly";
    invoice.issue_date = draft->issue_date;
    invoice.due_date = draft->due_date;
    invoice.lines = std::move(draft->lines);
    invoice.totals = draft->totals;
    invoice.tax = draft->tax;
    invoice.status = billing::status_for(invoice.totals.total, 0);
    return invoice;
}

namespace {

int batch_size(store::Database& db, const GenerateOptions& options) {
    return options.batch_size.value_or(db.engine() == store::Engine::Postgresql ? 5000 : 1000);
}

Result<std::vector<BillingRow>> read_batch(store::Database& db, const GenerateOptions& options, std::int64_t after) {
    return store::read_billing_batch(db, options.period, joined_filter(options), after, batch_size(db, options));
}

Result<std::int64_t> count_billable(store::Database& db, const GenerateOptions& options) {
    return store::count_billable_customers(db, joined_filter(options));
}

using PendingInvoices = std::vector<std::pair<const BillingRow*, billing::Invoice>>;

}  // namespace

Result<void> number_and_write_invoices(app::Context& context, const BillingSettings& settings, const Period& period,
                                       const std::vector<billing::Invoice*>& invoices) {
    // Outage credits (docs/outages.md) go on as discount lines before the invoices are written.
    const auto outage_credits = TRY(add_outage_credit_lines(context.db, invoices, context.offset));
    // The numbers as late as possible: the counter's row stays locked from here to COMMIT (callback
    // batches of other servers wait for it; server/store/README.md).
    const auto count = static_cast<std::int64_t>(invoices.size());
    const std::int64_t first = TRY(store::reserve_sequence(context.db, store::invoice_sequence_name(period), count));
    std::int64_t sequence = first;
    for (billing::Invoice* invoice : invoices) invoice->invoice_no = billing::format_invoice_number(settings.number_format, period, sequence++);
    TRY_VOID(store::insert_invoices(context.db, invoices, first, context.now));
    TRY_VOID(mark_outage_credits_applied(context.db, outage_credits));
    return assign_unique_codes(context, invoices);
}

namespace {

// Numbers and writes `pending` (the customers' invoices of `period`, in order; on PostgreSQL a few
// round trips, not three per invoice), then applies the customers' credit.
Result<void> write_numbered_invoices(app::Context& context, const BillingSettings& settings, const Period& period, PendingInvoices& pending) {
    std::vector<billing::Invoice*> invoices;
    invoices.reserve(pending.size());
    for (auto& [row, invoice] : pending) invoices.push_back(&invoice);
    TRY_VOID(number_and_write_invoices(context, settings, period, invoices));
    for (auto& [row, invoice] : pending)
        if (row->credit > 0) TRY_VOID(apply_customer_credit(context, invoice));
    return {};
}

// Numbers and writes the invoices of one batch; returns how many were created.
Result<void> write_batch(app::Context& context, const GenerateOptions& options, const BillingSettings& settings,
                         const std::vector<BillingRow>& rows, GenerateSummary& summary) {
    PendingInvoices pending;
    for (const auto& row : rows) {
        if (row.already_invoiced) {
            ++summary.skipped;
            continue;
        }
        auto invoice = monthly_invoice_for(row, options.period, settings);
        if (!invoice) {
            ++summary.skipped;
            continue;
        }
        ++summary.created;
        pending.emplace_back(&row, std::move(*invoice));
    }
    if (options.dry_run || pending.empty()) {
        for (const auto& [row, invoice] : pending) summary.total_amount += invoice.totals.total;
        return {};
    }
    TRY_VOID(write_numbered_invoices(context, settings, options.period, pending));
    // `summary` is this batch's alone (generate_invoices adds it up): its total after outage credits.
    for (const auto& [row, invoice] : pending) summary.total_amount += invoice.totals.total;
    return log_activity(context, "invoice.generate", "invoice", std::nullopt, nullptr,
                        {{"period", to_string(options.period)},
                         {"created", static_cast<std::int64_t>(pending.size())},
                         {"first_invoice_no", pending.front().second.invoice_no},
                         {"last_invoice_no", pending.back().second.invoice_no},
                         {"first_customer_id", pending.front().first->customer_id},
                         {"last_customer_id", pending.back().first->customer_id}});
}

}  // namespace

Result<GenerateSummary> generate_invoices(app::Context& context, const GenerateOptions& options) {
    if (batch_size(context.db, options) < 1) return validation_error({{"batch_size", messages::kAtLeastOne}});
    // A prepared run of the period is the period's run until it is approved or discarded.
    if (!options.dry_run) TRY_VOID(refuse_if_invoice_run_open(context.db, options.period));
    const BillingSettings settings = TRY(load_billing_settings(context.db));
    const std::int64_t to_process = options.progress ? TRY(count_billable(context.db, options)) : 0;
    GenerateSummary summary;
    std::int64_t after = 0, processed = 0;
    while (true) {
        std::size_t batch_rows = 0;
        auto work = [&]() -> Result<void> {
            GenerateSummary batch;
            const auto rows = TRY(read_batch(context.db, options, after));
            batch_rows = rows.size();
            if (rows.empty()) return {};
            TRY_VOID(write_batch(context, options, settings, rows, batch));
            after = rows.back().customer_id;
            summary.created += batch.created;
            summary.skipped += batch.skipped;
            summary.total_amount += batch.total_amount;
            return {};
        };
        if (options.dry_run) TRY_VOID(work());
        else TRY_VOID(context.db.transaction(work));
        processed += static_cast<std::int64_t>(batch_rows);
        if (options.progress && batch_rows > 0) options.progress(processed, to_process);
        if (batch_rows < static_cast<std::size_t>(batch_size(context.db, options))) break;
    }
    // After the invoices exist, so a crash before this point is repaired by a rerun with --notify.
    if (options.notify && !options.dry_run)
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            summary.notified = TRY(queue_new_invoice_notices(context, options.period));
            return {};
        }));
    return summary;
}

Result<std::optional<std::int64_t>> ensure_monthly_invoice(app::Context& context, std::int64_t customer_id, const Period& period) {
    std::optional<std::int64_t> result;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        // While a prepared run of the period waits, its draft is the customer's invoice-to-be.
        if (TRY(store::find_open_invoice_run(context.db, period))) return {};
        const auto found = TRY(store::find_billing_row(context.db, customer_id, period));
        if (!found) return {};
        const BillingRow& row = *found;
        if (row.already_invoiced) {
            result = TRY(store::find_monthly_invoice_id(context.db, customer_id, period));
            return {};
        }
        const BillingSettings settings = TRY(load_billing_settings(context.db));
        auto invoice = monthly_invoice_for(row, period, settings);
        if (!invoice) return {};
        TRY_VOID(number_and_write_invoices(context, settings, period, {&*invoice}));
        if (row.credit > 0) TRY_VOID(apply_customer_credit(context, *invoice));
        result = invoice->id;
        return log_activity(context, "invoice.create", "invoice", invoice->id, nullptr,
                            {{"invoice_no", invoice->invoice_no}, {"customer_id", customer_id}, {"period", to_string(period)},
                             {"total", invoice->totals.total}});
    }));
    return result;
}

Result<void> ensure_monthly_invoices(const std::vector<MonthlyInvoiceRequest>& requests, const Period& period) {
    if (requests.empty()) return {};
    app::Context context = *requests.front().context;
    // While a prepared run of the period waits, its drafts are the customers' invoices-to-be.
    if (TRY(store::find_open_invoice_run(context.db, period))) return {};
    std::vector<std::int64_t> customer_ids;
    for (const auto& request : requests) customer_ids.push_back(request.customer_id);
    std::sort(customer_ids.begin(), customer_ids.end());
    customer_ids.erase(std::unique(customer_ids.begin(), customer_ids.end()), customer_ids.end());
    const auto rows = TRY(store::find_billing_rows(context.db, customer_ids, period));
    const BillingSettings settings = TRY(load_billing_settings(context.db));
    PendingInvoices pending;
    for (const auto& row : rows)
        if (!row.already_invoiced)
            if (auto invoice = monthly_invoice_for(row, period, settings)) pending.emplace_back(&row, std::move(*invoice));
    if (pending.empty()) return {};
    TRY_VOID(write_numbered_invoices(context, settings, period, pending));
    for (const auto& [row, invoice] : pending) {
        // Logged as ensure_monthly_invoice logs it, by the payment that asked for it.
        const std::int64_t customer_id = row->customer_id;  // clang 14 cannot capture a structured binding
        const auto asked = std::find_if(requests.begin(), requests.end(), [&](const auto& request) { return request.customer_id == customer_id; });
        app::Context own = *asked->context;
        TRY_VOID(log_activity(own, "invoice.create", "invoice", invoice.id, nullptr,
                              {{"invoice_no", invoice.invoice_no}, {"customer_id", row->customer_id}, {"period", to_string(period)},
                               {"total", invoice.totals.total}}));
    }
    return {};
}

}  // namespace kimonet::services
