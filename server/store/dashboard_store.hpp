#pragma once
// The dashboard's counts and totals (dashboard_service.cpp). Read-only.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "store/database.hpp"

namespace kimonet::store {

struct StatusCount {
    std::string status;
    std::int64_t count = 0;
};
// Customers per status (only statuses that occur).
Result<std::vector<StatusCount>> count_customers_by_status(Database& db);

// Non-void invoices per billing period from `first` on.
struct PeriodInvoiceTotal {
    std::string period;  // "2026-01"
    Money total = 0;
    std::int64_t count = 0;
};
Result<std::vector<PeriodInvoiceTotal>> list_invoice_totals_since(Database& db, const Period& first);

// Live payments with paid_at ≥ start (unix seconds), one call per payment with what it settled
// (applied_amount: an overpayment's excess is counted when its credit pays an invoice, as the
// revenue report's "collected" counts it, not twice).
Result<void> scan_payments_since(Database& db, std::int64_t start, const std::function<void(std::int64_t paid_at, Money applied)>& visit);

struct OutstandingTotal {
    Money total = 0;
    std::int64_t count = 0;
};
// Unpaid and partly paid invoices due before `today` (overdue), and all of them (outstanding).
Result<OutstandingTotal> sum_overdue_invoices(Database& db, const Date& today);
Result<Money> sum_outstanding_invoices(Database& db);

// Gateway transactions waiting for a person (status 'review').
Result<OutstandingTotal> sum_gateway_transactions_in_review(Database& db);

}  // namespace kimonet::store
