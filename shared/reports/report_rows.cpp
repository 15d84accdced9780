#include "reports/report_rows.hpp"

#include "core/validation_messages.hpp"

namespace kimonet::reports {

std::vector<Period> months_in(const MonthRange& range) {
    std::vector<Period> months;
    for (Period period = range.from; period <= range.to; period = next_period(period)) months.push_back(period);
    return months;
}

static int month_index(const Period& period) { return period.year * 12 + period.month - 1; }

Result<MonthRange> parse_month_range(std::string_view from, std::string_view to, Period default_to) {
    FieldErrors fields;
    MonthRange range{default_to, default_to};
    if (!to.empty()) {
        auto parsed = parse_period(to);
        if (parsed) range.to = *parsed;
        else fields["to"] = messages::kMonthFormat;
    }
    range.from = range.to;
    for (int i = 0; i < 11; ++i) range.from = previous_period(range.from);
    if (!from.empty()) {
        auto parsed = parse_period(from);
        if (parsed) range.from = *parsed;
        else fields["from"] = messages::kMonthFormat;
    }
    if (fields.empty() && range.from > range.to) fields["from"] = messages::kFromBeforeTo;
    if (fields.empty() && month_index(range.to) - month_index(range.from) + 1 > kMaxReportMonths)
        fields["from"] = messages::kAtMost60Months;
    if (!fields.empty()) return validation_error(std::move(fields));
    return range;
}

std::string Labels::package_name(std::int64_t id) const {
    auto it = packages.find(id);
    return it != packages.end() ? it->second : "Paket #" + std::to_string(id);
}

std::string Labels::router_name(std::int64_t id) const {
    if (id == 0) return "Tanpa router";
    auto it = routers.find(id);
    return it != routers.end() ? it->second : "Router #" + std::to_string(id);
}

std::int64_t ratio_bp(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return 0;
    const bool negative = (part < 0) != (whole < 0);
    const std::int64_t a = part < 0 ? -part : part, b = whole < 0 ? -whole : whole;
    const std::int64_t value = (a * 10000 + b / 2) / b;
    return negative ? -value : value;
}

Result<std::vector<VoucherSalesMonth>> voucher_sales_by_month(const std::vector<VoucherSalesGroup>& days) {
    std::map<Period, VoucherSalesMonth> months;
    for (const auto& day : days) {
        const Period period = period_of(day.day);
        auto& month = months[period];
        month.period = period;
        month.sales = TRY(checked_add(month.sales, day.sales));
        month.vouchers = TRY(checked_add(month.vouchers, day.vouchers));
        month.gross = TRY(checked_add(month.gross, day.gross));
        month.commission = TRY(checked_add(month.commission, day.commission));
        month.net = TRY(checked_add(month.net, day.net));
    }
    std::vector<VoucherSalesMonth> out;
    for (auto& [period, month] : months) out.push_back(month);
    return out;
}

}  // namespace kimonet::reports
