// The outage credits a prepared run's drafts will carry once approved (services/invoice_runs.hpp).
#include <limits>

#include "core/money.hpp"
#include "services/invoice_runs.hpp"
#include "services/outage_service.hpp"

namespace kimonet::services {

Result<std::map<std::int64_t, DraftOutageCredit>> draft_outage_credits(app::Context& context, const Period& period,
                                                                       const std::vector<store::InvoiceRunItemRow>& items) {
    std::map<std::int64_t, DraftOutageCredit> out;
    std::vector<billing::Invoice> invoices;
    for (const auto& item : items)
        if (item.state == "draft" || item.state == "excluded") invoices.push_back(invoice_of_draft(item, period));
    if (invoices.empty()) return out;
    std::vector<billing::Invoice*> pointers;
    for (auto& invoice : invoices) pointers.push_back(&invoice);
    const auto applied = TRY(add_outage_credit_lines(context.db, pointers, context.offset));
    for (const auto& credit : applied) {
        DraftOutageCredit& draft = out[credit.customer_id];
        if (!draft.description.empty()) continue;  // each invoice once, all of its credit lines together
        for (const auto& line : credit.invoice->lines) {
            if (line.kind != billing::LineKind::Discount) continue;
            draft.amount -= line.amount;
            draft.description += (draft.description.empty() ? "" : "; ") + line.description;
        }
        draft.total_after = credit.invoice->totals.total;
    }
    return out;
}

Result<void> count_run_outage_credits(app::Context& context, InvoiceRunSummary& summary) {
    if (summary.run.status != "prepared" && summary.run.status != "approving") return {};
    const Period period = TRY(parse_period(summary.run.period));
    store::RunItemFilter filter;
    filter.state = "draft";
    filter.outage_credit_only = true;
    filter.per_page = std::numeric_limits<int>::max();
    const auto items = TRY(store::list_invoice_run_items(context.db, summary.run.id, filter));
    for (const auto& [customer_id, credit] : TRY(draft_outage_credits(context, period, items))) {
        ++summary.outage_credits;
        summary.outage_credit_amount = TRY(checked_add(summary.outage_credit_amount, credit.amount));
    }
    return {};
}

}  // namespace kimonet::services
