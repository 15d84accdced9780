#include "billing/credit_note.hpp"

#include <algorithm>
#include <set>

#include "core/credit_note_messages.hpp"
#include "core/error_messages.hpp"
#include "core/money.hpp"

namespace kimonet::billing {

namespace {

// round(value × numerator / denominator), halves away from zero, for 0 ≤ value, numerator ≤ kMaxMoney
// and denominator > 0: the product fits in 128 bits and the result in 64 (numerator ≤ denominator
// where it is used).
Money proportional(Money value, Money numerator, Money denominator) {
    const __int128 product = static_cast<__int128>(value) * numerator;
    const __int128 twice = 2 * product + denominator;
    return static_cast<Money>(twice / (2 * static_cast<__int128>(denominator)));
}

Result<Money> lines_amount(const Invoice& invoice, const std::vector<std::int64_t>& positions) {
    const Error bad = validation_error({{"lines", messages::kCreditNoteLineChoice}});
    if (positions.empty() || positions.size() > kMaxInvoiceLines) return bad;
    std::set<std::int64_t> seen;
    Money chosen = 0;
    for (const std::int64_t position : positions) {
        if (position < 0 || position >= static_cast<std::int64_t>(invoice.lines.size()) || !seen.insert(position).second) return bad;
        auto next = checked_add(chosen, invoice.lines[static_cast<std::size_t>(position)].amount);
        if (!next) return bad;
        chosen = *next;
    }
    const Money all = TRY(line_sum(invoice.lines));
    if (chosen <= 0 || all <= 0 || chosen > all) return bad;
    // The lines' share of what the invoice asks for, tax included in either tax mode.
    return proportional(chosen, invoice.totals.total, all);
}

}  // namespace

Money creditable_amount(const Invoice& invoice, Money already_credited) {
    if (invoice.status == InvoiceStatus::Void) return 0;
    return std::max<Money>(0, invoice.totals.total - already_credited);
}

Result<CreditNoteFigures> credit_note_figures(const Invoice& invoice, Money already_credited, const CreditNoteRequest& request) {
    const int choices = (request.full ? 1 : 0) + (request.amount ? 1 : 0) + (request.lines.empty() ? 0 : 1);
    if (choices != 1) return validation_error({{"amount", messages::kCreditNoteChooseOne}});
    if (invoice.status == InvoiceStatus::Void) return make_error(ErrorCode::Conflict, messages::kCreditNoteOnVoidInvoice);
    const Money limit = creditable_amount(invoice, already_credited);
    if (limit <= 0) return make_error(ErrorCode::Conflict, messages::kCreditNoteNothingLeft);

    CreditNoteFigures figures;
    const char* field = "amount";
    if (request.full) {
        figures.amount = limit;
    } else if (request.amount) {
        if (*request.amount <= 0) return validation_error({{"amount", messages::kCreditNoteAmountPositive}});
        figures.amount = *request.amount;
    } else {
        figures.amount = TRY(lines_amount(invoice, request.lines));
        field = "lines";
    }
    if (figures.amount > limit)
        return validation_error({{field, messages::with_detail(messages::kCreditNoteExceedsBilled, format_rupiah(limit))}});
    // The invoice's own figures decide the tax share (never today's rate): a credit note undoes
    // part of that invoice as it was issued.
    const Money invoice_tax = std::clamp<Money>(invoice.totals.tax, 0, invoice.totals.total);
    figures.tax = proportional(figures.amount, invoice_tax, invoice.totals.total);
    figures.base = figures.amount - figures.tax;
    const Money open = std::max<Money>(0, invoice.totals.total - invoice.paid_amount);
    figures.applied = std::min(figures.amount, open);
    figures.credit = figures.amount - figures.applied;
    return figures;
}

}  // namespace kimonet::billing
