#pragma once
// Proration of the join month and due dates.
#include <optional>

#include "billing/rounding.hpp"
#include "core/date.hpp"

namespace kimonet::billing {

// Days billed in the join month: from the join day to the month end, both included.
int billable_days(const Date& join_date);
// price / days_in_month × billable days, rounded by `mode`. Joining on the 1st bills the full price.
Money prorated_amount(Money monthly_price, const Date& join_date, RoundingMode mode);

// The due date of `period`: the customer's due day, else `default_due_day`, clamped to the month
// end (31 → 28/29 in February, 30 in April) and to at least the 1st.
Date due_date(const Period& period, std::optional<int> customer_due_day, int default_due_day);

}  // namespace kimonet::billing
