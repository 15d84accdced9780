#include "core/date_window.hpp"

namespace kimonet {

bool within_date_window(const Date& date) { return date >= kEarliestDate && date <= kLatestDate; }

std::optional<std::string> billing_period_problem(const Period& period, const Date& today) {
    // Invoices are made at most one month ahead (advance billing); older periods back to 2000
    // stay open for migrating an ISP's history.
    if (period < period_of(kEarliestDate) || period > next_period(period_of(today)))
        return std::string("periode 2000-01 sampai bulan depan");
    return std::nullopt;
}

}  // namespace kimonet
