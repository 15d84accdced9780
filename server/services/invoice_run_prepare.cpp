// Preparing a run for approval and reading its summary (services/invoice_runs.hpp).
#include "services/invoice_runs.hpp"

#include "services/activity_log.hpp"
#include "services/invoice_generation.hpp"
#include "services/settings.hpp"

namespace kimonet::services {

namespace {

std::optional<std::int64_t> actor_user(const app::Context& context) {
    if (context.actor.type == "user" && context.actor.id > 0) return context.actor.id;
    return std::nullopt;
}

// Why the draft differs from last month's invoice, as far as the two rows tell.
std::string change_reason(const store::BillingRow& row, const billing::Invoice& draft, const store::PreviousInvoiceRow* previous,
                          const Period& period) {
    const bool prorated = draft.lines.front().kind == billing::LineKind::ProratedPackage;
    if (!previous) return period_of(row.join_date) == period ? "new" : "no_previous";
    if (previous->total == draft.totals.total) return "same";
    if (prorated || previous->line_kind == "prorated_package") return "proration";
    if (!previous->description.starts_with(row.package_name + " - ")) return "package_change";
    return "amount_change";
}

store::InvoiceRunItemRow draft_item(const store::BillingRow& row, const billing::Invoice& draft, const store::PreviousInvoiceRow* previous,
                                    const Period& period) {
    store::InvoiceRunItemRow item;
    item.customer_id = row.customer_id;
    item.reason = change_reason(row, draft, previous, period);
    item.state = "draft";
    item.package_name = row.package_name;
    if (previous) item.previous_amount = previous->total;
    item.issue_date = to_string(draft.issue_date);
    item.due_date = to_string(draft.due_date);
    const billing::InvoiceLine& line = draft.lines.front();
    item.line_kind = std::string(billing::to_string(line.kind));
    item.description = line.description;
    item.line_amount = line.amount;
    item.subtotal = draft.totals.subtotal;
    item.tax = draft.totals.tax;
    item.total = draft.totals.total;
    item.tax_rate_bp = draft.tax.rate_basis_points;
    item.tax_mode = std::string(billing::to_string(draft.tax.mode));
    return item;
}

}  // namespace

Result<bool> invoice_run_needs_approval(store::Database& db) { return TRY(get_setting(db, "invoice_run_mode")) == "approve"; }

Result<void> refuse_if_invoice_run_open(store::Database& db, const Period& period) {
    if (const auto open = TRY(store::find_open_invoice_run(db, period)))
        return make_error(ErrorCode::Conflict, messages::with_detail(messages::kInvoiceRunOpen, "#" + std::to_string(*open)));
    return {};
}

Result<std::int64_t> prepare_invoice_run(app::Context& context, const PrepareRunOptions& options) {
    const int batch = options.batch_size.value_or(context.db.engine() == store::Engine::Postgresql ? 5000 : 1000);
    if (batch < 1) return validation_error({{"batch_size", messages::kAtLeastOne}});
    const BillingSettings settings = TRY(load_billing_settings(context.db));
    const Period previous_period_of_run = previous_period(options.period);
    std::int64_t run_id = 0;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(refuse_if_invoice_run_open(context.db, options.period));
        run_id = TRY(store::insert_invoice_run(context.db, options.period, actor_user(context), context.actor.name, context.now));
        std::int64_t count = 0;
        Money total = 0;
        for (std::int64_t after = 0;;) {
            const auto rows = TRY(store::read_billing_batch(context.db, options.period, std::nullopt, after, batch));
            if (rows.empty()) break;
            after = rows.back().customer_id;
            const auto previous = TRY(store::read_previous_invoices(context.db, previous_period_of_run, rows.front().customer_id, after));
            std::vector<store::InvoiceRunItemRow> items;
            items.reserve(rows.size());
            std::size_t next = 0;
            for (const auto& row : rows) {
                while (next < previous.size() && previous[next].customer_id < row.customer_id) ++next;
                const store::PreviousInvoiceRow* last_month =
                    next < previous.size() && previous[next].customer_id == row.customer_id ? &previous[next] : nullptr;
                if (row.already_invoiced) continue;
                const auto draft = monthly_invoice_for(row, options.period, settings);
                if (!draft) continue;
                total = TRY(checked_add(total, draft->totals.total));
                ++count;
                items.push_back(draft_item(row, *draft, last_month, options.period));
            }
            TRY_VOID(store::insert_invoice_run_items(context.db, run_id, items));
            if (rows.size() < static_cast<std::size_t>(batch)) break;
        }
        const std::int64_t leaving = TRY(store::insert_leaving_items(context.db, run_id, previous_period_of_run));
        TRY_VOID(store::set_invoice_run_totals(context.db, run_id, count, total));
        return log_activity(context, "invoice_run.prepare", "invoice_run", run_id, nullptr,
                            {{"period", to_string(options.period)}, {"drafts", count}, {"total_amount", total}, {"leaving", leaving}});
    }));
    return run_id;
}

Result<InvoiceRunSummary> invoice_run_summary(app::Context& context, std::int64_t run_id) {
    auto run = TRY(store::find_invoice_run(context.db, run_id));
    if (!run) return make_error(ErrorCode::NotFound, messages::kInvoiceRunNotFound);
    InvoiceRunSummary summary;
    summary.run = std::move(*run);
    summary.four_eyes = TRY(get_setting(context.db, "invoice_run_four_eyes")) == "1";
    for (const auto& group : TRY(store::group_invoice_run_items(context.db, run_id))) {
        if (group.state == "draft") summary.drafts += group.count;
        else if (group.state == "excluded") summary.excluded += group.count;
        else if (group.state == "issued") summary.issued += group.count;
        else if (group.state == "skipped") summary.skipped += group.count;
        if (group.prorated) summary.prorations += group.count;
        if (group.reason == "same") summary.same += group.count;
        else if (group.reason == "new") summary.new_customers += group.count;
        else if (group.reason == "leaving") summary.leaving += group.count;
        else if (group.reason == "package_change") summary.package_changes += group.count;
        else if (group.reason == "amount_change") summary.amount_changes += group.count;
        else if (group.reason == "no_previous") summary.no_previous += group.count;
    }
    TRY_VOID(count_run_outage_credits(context, summary));
    return summary;
}

Result<store::InvoiceRunItemRow> set_invoice_run_item_excluded(app::Context& context, std::int64_t run_id, std::int64_t customer_id,
                                                               bool excluded) {
    store::InvoiceRunItemRow result;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto run = TRY(store::find_invoice_run(context.db, run_id));
        if (!run) return make_error(ErrorCode::NotFound, messages::kInvoiceRunNotFound);
        if (run->status == "approved") return make_error(ErrorCode::Conflict, messages::kInvoiceRunApproved);
        if (run->status == "approving") return make_error(ErrorCode::Conflict, messages::kInvoiceRunApproving);
        auto item = TRY(store::find_invoice_run_item(context.db, run_id, customer_id));
        if (!item || (item->state != "draft" && item->state != "excluded")) return make_error(ErrorCode::NotFound, messages::kInvoiceRunItemNotFound);
        const std::string wanted = excluded ? "excluded" : "draft";
        if (item->state != wanted) {
            const Money total = excluded ? TRY(checked_add(run->total_amount, -item->total)) : TRY(checked_add(run->total_amount, item->total));
            TRY_VOID(store::set_invoice_run_item_state(context.db, run_id, customer_id, wanted));
            TRY_VOID(store::set_invoice_run_totals(context.db, run_id, run->invoice_count + (excluded ? -1 : 1), total));
            TRY_VOID(log_activity(context, excluded ? "invoice_run.exclude" : "invoice_run.include", "invoice_run", run_id, nullptr,
                                  {{"customer_id", customer_id}, {"total", item->total}}));
            item->state = wanted;
        }
        result = std::move(*item);
        return {};
    }));
    return result;
}

}  // namespace kimonet::services
