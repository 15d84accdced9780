#pragma once
// BHP Telekomunikasi and the USO/KPU contribution (issue 20; docs/bhp-uso.md): gross revenue of a
// range of billing months, less the deductions the rules allow, times the rates in force, grouped
// by month, quarter or year. Pure: the server fills the rows from SQL, the browser reads the result.
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/result.hpp"
#include "reports/report_rows.hpp"

namespace kimonet::reports {

enum class Grouping { Month, Quarter, Year };
// "month", "quarter", "year"; "" is quarter (the rules allow paying per quarter).
Result<Grouping> parse_grouping(std::string_view text);
const char* grouping_name(Grouping grouping);

// Invoices of one billing month that are not void: their totals and the PPN inside them; the
// credit notes issued in that month (the revenue report's rule: a note counts in the month it is
// issued, whatever its invoice's period), of which only the base (DPP share, PPN left out) lowers
// gross revenue; and the hotspot vouchers sold to resellers on the month's local days, at their
// gross (the resellers' commission is a cost of sale, not a deduction: docs/bhp-uso.md).
struct MonthlyRevenue {
    Period period;
    std::int64_t invoices = 0;
    Money billed = 0;    // invoice totals, PPN included
    Money tax = 0;       // the PPN of those invoices
    Money credited = 0;  // credit notes issued in the month, without their PPN (credit_notes.base)
    std::int64_t vouchers = 0;
    Money voucher_sales = 0;  // vouchers sold in the month, gross of the resellers' commission
};

// Rates in basis points (50 = 0,5%), in force from `effective_from` (a first day of a month).
struct RegulatoryRate {
    std::int64_t id = 0;
    Date effective_from;
    std::int64_t bhp_bp = 0;
    std::int64_t uso_bp = 0;
    std::string note;
};
inline constexpr std::int64_t kDefaultBhpBp = 50;   // PP 43/2023: 0,5% of gross revenue
inline constexpr std::int64_t kDefaultUsoBp = 125;  // PP 43/2023: 1,25% of gross revenue
// The rate in force on the month's first day (the latest row not after it; the defaults before any).
RegulatoryRate rate_for(const std::vector<RegulatoryRate>& rates, const Period& month);

// The deductions the rules allow (docs/bhp-uso.md): bad debts written off ("bad_debt"),
// interconnection paid to other operators ("interconnection"), revenue that is not from
// telecommunication service, e.g. a router sold ("non_telecom").
bool is_deduction_kind(std::string_view kind);
struct RevenueDeduction {
    std::int64_t id = 0;
    Period period;
    std::string kind;
    Money amount = 0;
    std::string reason;
};

// One month, quarter ("2026-Q1") or year ("2026"), or the total ("total").
struct BhpUsoLine {
    std::string key;
    Period from, to;  // the months of the range it covers
    std::int64_t invoices = 0;
    Money billed = 0;      // with PPN
    Money tax = 0;         // PPN, left out of gross revenue
    Money credited = 0;    // credit notes issued in the months, without PPN
    std::int64_t vouchers = 0;  // hotspot vouchers sold to resellers in the months
    Money voucher_sales = 0;    // their gross (voucher price × count), commission not taken off
    Money gross = 0;       // billed - tax - credited + voucher_sales
    Money deductions = 0;
    Money base = 0;        // gross - deductions (may be negative; nothing is due then)
    std::int64_t bhp_bp = 0;  // the rate when one applies to every month of the line, else the last month's
    std::int64_t uso_bp = 0;
    bool rates_vary = false;  // the rates changed within the line: each month had its own
    Money bhp = 0;  // Σ month base × month rate / 10 000, rounded half up once per line, never below 0
    Money uso = 0;
};

struct BhpUsoReport {
    MonthRange range;
    Grouping grouping = Grouping::Quarter;
    std::vector<BhpUsoLine> months;
    std::vector<BhpUsoLine> periods;  // by `grouping`, clipped to the range
    BhpUsoLine total;
    std::vector<RevenueDeduction> deductions;  // of the range's months
    std::vector<RegulatoryRate> rates;         // the whole history
};

// Errors only when a figure leaves int64 (checked arithmetic).
Result<BhpUsoReport> bhp_uso_report(const MonthRange& range, Grouping grouping, const std::vector<MonthlyRevenue>& revenue,
                                    std::vector<RevenueDeduction> deductions, std::vector<RegulatoryRate> rates);

}  // namespace kimonet::reports
