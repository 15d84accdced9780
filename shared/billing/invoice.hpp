#pragma once
// Invoices as data: lines, totals, status, and the monthly invoice a customer gets for a period.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "billing/proration.hpp"
#include "billing/tax.hpp"
#include "billing/tax_rules.hpp"

namespace kimonet::billing {

enum class InvoiceStatus { Unpaid, Partial, Paid, Void };
std::string_view to_string(InvoiceStatus status);  // "unpaid", "partial", "paid", "void"
std::optional<InvoiceStatus> parse_invoice_status(std::string_view text);

enum class LineKind { Package, ProratedPackage, Charge, Discount, LateFee };
std::string_view to_string(LineKind kind);  // "package", "prorated_package", "charge", "discount", "late_fee"
std::optional<LineKind> parse_line_kind(std::string_view text);

struct InvoiceLine {
    LineKind kind = LineKind::Charge;
    std::string description;
    std::int64_t quantity = 1;
    Money unit_price = 0;  // negative for a discount
    Money amount = 0;      // quantity × unit_price
    bool operator==(const InvoiceLine&) const = default;
};

// Checks a line typed by staff (charge, discount, late fee) and fills its amount. Discounts are
// stored negative whatever sign was typed. A line's amount is capped at kMaxMoney.
Result<InvoiceLine> validate_line(InvoiceLine line);

// At most this many lines on one invoice.
inline constexpr std::size_t kMaxInvoiceLines = 500;

// The checked sum of the lines; fails (422, field "lines") beyond kMaxMoney either way.
Result<Money> line_sum(const std::vector<InvoiceLine>& lines);

// Everything needed to write an invoice row except its identity and number.
struct InvoiceDraft {
    Period period;
    Date issue_date;
    Date due_date;
    std::vector<InvoiceLine> lines;
    Totals totals;
    TaxRule tax;
};

struct BillingRules {
    int default_due_day = 10;
    RoundingMode rounding = RoundingMode::Nearest;
    TaxSettings tax;  // the invoice takes the rule in force on its issue date (tax_rule_on)
};

struct MonthlyBillingInput {
    Period period;
    Date join_date;
    std::optional<int> due_day;
    std::string package_name;
    Money package_price = 0;
};

// The monthly invoice of `period`: nothing when the customer joins after the period; a
// prorated package line in the join month (unless they joined on the 1st); else the full price.
// A prorated invoice whose due day has passed or is the join day itself is due 7 days after joining.
std::optional<InvoiceDraft> monthly_invoice(const MonthlyBillingInput& input, const BillingRules& rules);

// A stored invoice. `kind` is "monthly" (one per customer and period) or "manual".
struct Invoice {
    std::int64_t id = 0;
    std::string invoice_no;
    std::int64_t customer_id = 0;
    Period period;
    std::string kind = "monthly";
    Date issue_date;
    Date due_date;
    std::vector<InvoiceLine> lines;
    Totals totals;
    TaxRule tax;
    Money paid_amount = 0;
    InvoiceStatus status = InvoiceStatus::Unpaid;
    std::string void_reason;

    Money outstanding() const { return status == InvoiceStatus::Void ? 0 : totals.total - paid_amount; }
    bool overdue(const Date& today) const {
        return (status == InvoiceStatus::Unpaid || status == InvoiceStatus::Partial) && due_date < today;
    }
};

// Recomputes totals after lines changed (add line), keeping the invoice's tax rule; fails (422)
// past kMaxInvoiceLines lines or the money cap.
Result<Totals> totals_for(const std::vector<InvoiceLine>& lines, const TaxRule& tax);

// Status from amounts: paid when payments cover the total, partial when some were made.
InvoiceStatus status_for(Money total, Money paid_amount);

}  // namespace kimonet::billing
