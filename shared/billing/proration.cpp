#include "billing/proration.hpp"

namespace kimonet::billing {

int billable_days(const Date& join_date) { return days_in_month(join_date.year, join_date.month) - join_date.day + 1; }

Money prorated_amount(Money monthly_price, const Date& join_date, RoundingMode mode) {
    const int days = days_in_month(join_date.year, join_date.month);
    const int billed = billable_days(join_date);
    if (billed >= days) return monthly_price;
    // Multiply before dividing so the only rounding is the final one (price ≤ 10^12, days ≤ 31).
    return round_fraction(monthly_price * billed, days, mode);
}

Date due_date(const Period& period, std::optional<int> customer_due_day, int default_due_day) {
    int day = customer_due_day.value_or(default_due_day);
    const int last = days_in_month(period.year, period.month);
    if (day > last) day = last;
    if (day < 1) day = 1;
    return Date{period.year, period.month, day};
}

}  // namespace kimonet::billing
