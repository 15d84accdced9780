#pragma once
// The dates the product accepts from people and files. Nothing before 2000-01-01 (no invoice or
// payment of an ISP billed here is older; 1970 is an unset clock) and nothing after 2100-12-31.
// Rules relative to today (a payment not in the future, a billing period at most next month)
// sit next to these; "today" is always a parameter, never the wall clock.
#include <optional>
#include <string>

#include "core/date.hpp"

namespace kimonet {

inline constexpr Date kEarliestDate{2000, 1, 1};
inline constexpr Date kLatestDate{2100, 12, 31};

bool within_date_window(const Date& date);

// Why `period` cannot be billed on `today` (empty when it can): 2000-01 up to the month after today's.
std::optional<std::string> billing_period_problem(const Period& period, const Date& today);

}  // namespace kimonet
