#include "reports/bhp_uso_report.hpp"

#include <algorithm>
#include <map>

#include "core/regulatory_messages.hpp"

namespace kimonet::reports {

namespace {

// The key of the line a month belongs to: "2026-01", "2026-Q1", "2026".
std::string line_key(const Period& month, Grouping grouping) {
    if (grouping == Grouping::Month) return to_string(month);
    if (grouping == Grouping::Year) return std::to_string(month.year);
    return std::to_string(month.year) + "-Q" + std::to_string((month.month - 1) / 3 + 1);
}

// Half up: amounts and rates are never negative here (a negative base owes nothing).
Money fee(std::int64_t base_times_bp) { return base_times_bp <= 0 ? 0 : (base_times_bp + 5'000) / 10'000; }

struct Accumulator {
    BhpUsoLine line;
    std::int64_t bhp_weighted = 0;  // Σ base × bp
    std::int64_t uso_weighted = 0;
    bool started = false;
};

Result<void> add_month(Accumulator& into, const BhpUsoLine& month) {
    BhpUsoLine& line = into.line;
    if (!into.started) {
        line.from = month.from;
        line.bhp_bp = month.bhp_bp;
        line.uso_bp = month.uso_bp;
        into.started = true;
    } else if (line.bhp_bp != month.bhp_bp || line.uso_bp != month.uso_bp) {
        line.rates_vary = true;
        line.bhp_bp = month.bhp_bp;
        line.uso_bp = month.uso_bp;
    }
    line.to = month.to;
    line.invoices += month.invoices;
    line.billed = TRY(checked_add(line.billed, month.billed));
    line.tax = TRY(checked_add(line.tax, month.tax));
    line.credited = TRY(checked_add(line.credited, month.credited));
    line.vouchers = TRY(checked_add(line.vouchers, month.vouchers));
    line.voucher_sales = TRY(checked_add(line.voucher_sales, month.voucher_sales));
    line.gross = TRY(checked_add(line.gross, month.gross));
    line.deductions = TRY(checked_add(line.deductions, month.deductions));
    line.base = TRY(checked_add(line.base, month.base));
    into.bhp_weighted = TRY(checked_add(into.bhp_weighted, TRY(checked_multiply(month.base, month.bhp_bp))));
    into.uso_weighted = TRY(checked_add(into.uso_weighted, TRY(checked_multiply(month.base, month.uso_bp))));
    return {};
}

BhpUsoLine finish(Accumulator& accumulator) {
    // A line whose months together owe nothing owes nothing, even when one month's base was positive.
    accumulator.line.bhp = fee(accumulator.bhp_weighted);
    accumulator.line.uso = fee(accumulator.uso_weighted);
    return accumulator.line;
}

}  // namespace

Result<Grouping> parse_grouping(std::string_view text) {
    if (text.empty() || text == "quarter") return Grouping::Quarter;
    if (text == "month") return Grouping::Month;
    if (text == "year") return Grouping::Year;
    return validation_error({{"per", messages::kGroupingChoice}});
}

const char* grouping_name(Grouping grouping) {
    return grouping == Grouping::Month ? "month" : grouping == Grouping::Year ? "year" : "quarter";
}

RegulatoryRate rate_for(const std::vector<RegulatoryRate>& rates, const Period& month) {
    RegulatoryRate in_force{0, Date{2000, 1, 1}, kDefaultBhpBp, kDefaultUsoBp, {}};
    const Date first = first_day(month);
    bool found = false;
    for (const auto& rate : rates)
        if (!(first < rate.effective_from) && (!found || in_force.effective_from < rate.effective_from)) {
            in_force = rate;
            found = true;
        }
    return in_force;
}

bool is_deduction_kind(std::string_view kind) { return kind == "bad_debt" || kind == "interconnection" || kind == "non_telecom"; }

Result<BhpUsoReport> bhp_uso_report(const MonthRange& range, Grouping grouping, const std::vector<MonthlyRevenue>& revenue,
                                    std::vector<RevenueDeduction> deductions, std::vector<RegulatoryRate> rates) {
    BhpUsoReport report;
    report.range = range;
    report.grouping = grouping;
    std::sort(rates.begin(), rates.end(), [](const auto& a, const auto& b) { return a.effective_from < b.effective_from; });
    std::erase_if(deductions, [&](const RevenueDeduction& d) { return d.period < range.from || range.to < d.period; });
    std::sort(deductions.begin(), deductions.end(), [](const auto& a, const auto& b) {
        return a.period != b.period ? a.period < b.period : a.id < b.id;
    });

    std::map<Period, MonthlyRevenue> by_month;
    for (const auto& row : revenue) {
        auto& month = by_month[row.period];
        month.invoices += row.invoices;
        month.billed = TRY(checked_add(month.billed, row.billed));
        month.tax = TRY(checked_add(month.tax, row.tax));
        month.credited = TRY(checked_add(month.credited, row.credited));
        month.vouchers = TRY(checked_add(month.vouchers, row.vouchers));
        month.voucher_sales = TRY(checked_add(month.voucher_sales, row.voucher_sales));
    }
    std::map<Period, Money> deducted;
    for (const auto& deduction : deductions) deducted[deduction.period] = TRY(checked_add(deducted[deduction.period], deduction.amount));

    std::vector<std::pair<std::string, Accumulator>> periods;
    Accumulator total;
    for (const Period& period : months_in(range)) {
        const MonthlyRevenue& invoiced = by_month[period];
        const RegulatoryRate rate = rate_for(rates, period);
        BhpUsoLine month{to_string(period), period, period, invoiced.invoices, invoiced.billed, invoiced.tax};
        month.credited = invoiced.credited;
        month.vouchers = invoiced.vouchers;
        month.voucher_sales = invoiced.voucher_sales;
        const Money invoiced_gross = TRY(checked_add(TRY(checked_add(invoiced.billed, -invoiced.tax)), -invoiced.credited));
        month.gross = TRY(checked_add(invoiced_gross, invoiced.voucher_sales));
        month.deductions = deducted[period];
        month.base = TRY(checked_add(month.gross, -month.deductions));
        month.bhp_bp = rate.bhp_bp;
        month.uso_bp = rate.uso_bp;
        Accumulator single;
        single.line.key = month.key;  // the month's own line is keyed by its month, as the grouped lines are
        TRY_VOID(add_month(single, month));
        report.months.push_back(finish(single));

        const std::string key = line_key(period, grouping);
        if (periods.empty() || periods.back().first != key) periods.push_back({key, Accumulator{}});
        periods.back().second.line.key = key;
        TRY_VOID(add_month(periods.back().second, month));
        TRY_VOID(add_month(total, month));
    }
    for (auto& [key, accumulator] : periods) report.periods.push_back(finish(accumulator));
    total.line.key = "total";
    report.total = finish(total);
    report.deductions = std::move(deductions);
    report.rates = std::move(rates);
    return report;
}

}  // namespace kimonet::reports
