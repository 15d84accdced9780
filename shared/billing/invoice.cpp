#include "billing/invoice.hpp"

#include "core/text.hpp"
#include "core/validation_messages.hpp"

namespace kimonet::billing {

std::string_view to_string(InvoiceStatus status) {
    switch (status) {
        case InvoiceStatus::Unpaid: return "unpaid";
        case InvoiceStatus::Partial: return "partial";
        case InvoiceStatus::Paid: return "paid";
        case InvoiceStatus::Void: return "void";
    }
    return "unpaid";
}

std::optional<InvoiceStatus> parse_invoice_status(std::string_view text) {
    for (auto status : {InvoiceStatus::Unpaid, InvoiceStatus::Partial, InvoiceStatus::Paid, InvoiceStatus::Void})
        if (text == to_string(status)) return status;
    return std::nullopt;
}

std::string_view to_string(LineKind kind) {
    switch (kind) {
        case LineKind::Package: return "package";
        case LineKind::ProratedPackage: return "prorated_package";
        case LineKind::Charge: return "charge";
        case LineKind::Discount: return "discount";
        case LineKind::LateFee: return "late_fee";
    }
    return "charge";
}

std::optional<LineKind> parse_line_kind(std::string_view text) {
    for (auto kind : {LineKind::Package, LineKind::ProratedPackage, LineKind::Charge, LineKind::Discount, LineKind::LateFee})
        if (text == to_string(kind)) return kind;
    return std::nullopt;
}

Result<InvoiceLine> validate_line(InvoiceLine line) {
    FieldErrors fields;
    line.description = trim_copy(line.description);
    if (line.description.empty()) fields["description"] = messages::kRequired;
    else if (utf8_length(line.description) > 200) fields["description"] = messages::kTooLong200;
    if (line.quantity < 1 || line.quantity > 10000) fields["quantity"] = messages::kQuantityRange;
    // Compared before negating: -INT64_MIN would overflow.
    constexpr Money kMaxUnitPrice = 1'000'000'000;
    if (line.unit_price > kMaxUnitPrice || line.unit_price < -kMaxUnitPrice) fields["unit_price"] = messages::kUnitPriceRange;
    else if (line.kind != LineKind::Discount && line.unit_price < 0) fields["unit_price"] = messages::kPriceNegative;
    if (!fields.empty()) return validation_error(std::move(fields));
    if (line.kind == LineKind::Discount && line.unit_price > 0) line.unit_price = -line.unit_price;
    auto amount = checked_multiply(line.unit_price, line.quantity);
    if (!amount || !within_money_cap(*amount)) return validation_error({{"unit_price", messages::kAmountTooLarge}});
    line.amount = *amount;
    return line;
}

Result<Money> line_sum(const std::vector<InvoiceLine>& lines) {
    const Error too_large = validation_error({{"lines", messages::kAmountTooLarge}});
    Money sum = 0;
    for (const auto& line : lines) {
        auto next = checked_add(sum, line.amount);
        if (!next) return too_large;
        sum = *next;
    }
    if (!within_money_cap(sum)) return too_large;
    return sum;
}

Result<Totals> totals_for(const std::vector<InvoiceLine>& lines, const TaxRule& tax) {
    if (lines.size() > kMaxInvoiceLines) return validation_error({{"lines", messages::kTooManyLines}});
    return compute_totals(TRY(line_sum(lines)), tax);
}

InvoiceStatus status_for(Money total, Money paid_amount) {
    if (paid_amount >= total) return InvoiceStatus::Paid;
    return paid_amount > 0 ? InvoiceStatus::Partial : InvoiceStatus::Unpaid;
}

std::optional<InvoiceDraft> monthly_invoice(const MonthlyBillingInput& input, const BillingRules& rules) {
    const Period join_period = period_of(input.join_date);
    if (join_period > input.period) return std::nullopt;
    // Package prices are validated to 0..kMaxMoney, so the totals below cannot fail; a price
    // outside (a corrupt row) bills nothing rather than a wrapped amount.
    if (input.package_price < 0 || input.package_price > kMaxMoney) return std::nullopt;
    InvoiceDraft draft;
    draft.period = input.period;
    draft.issue_date = first_day(input.period);
    draft.due_date = due_date(input.period, input.due_day, rules.default_due_day);
    const std::string label = input.package_name + " - " + format_period_indonesian(input.period);
    if (join_period == input.period && input.join_date.day > 1) {
        const int days = days_in_month(input.join_date.year, input.join_date.month);
        const int billed = billable_days(input.join_date);
        const Money amount = prorated_amount(input.package_price, input.join_date, rules.rounding);
        draft.lines.push_back(InvoiceLine{LineKind::ProratedPackage,
                                          label + " (prorata " + std::to_string(billed) + "/" + std::to_string(days) + " hari)",
                                          1, amount, amount});
        draft.issue_date = input.join_date;
        // Due on or before the join day (due day 10 joining on the 15th; due day 31 clamped to 29
        // February joining that day): a week from joining, never a bill due the day it is issued.
        if (draft.due_date <= input.join_date) draft.due_date = add_days(input.join_date, 7);
    } else {
        draft.lines.push_back(InvoiceLine{LineKind::Package, label, 1, input.package_price, input.package_price});
    }
    draft.tax = tax_rule_on(rules.tax, draft.issue_date);
    auto totals = totals_for(draft.lines, draft.tax);
    if (!totals) return std::nullopt;
    draft.totals = *totals;
    return draft;
}

}  // namespace kimonet::billing
