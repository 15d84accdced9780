#pragma once
// Hand-made report rows shared by the report tests; the expected figures in each test were
// computed by hand from these rows (see the comments there).
#include <vector>

#include "reports/report_rows.hpp"

namespace kimonet::reports::fixtures {

inline const MonthRange kRange{{2025, 12}, {2026, 1}};

inline Labels labels() {
    Labels out;
    out.packages = {{1, "Home 10 Mbps"}, {2, "Home 20 Mbps"}};
    out.routers = {{1, "Pusat"}, {2, "Cabang"}};
    return out;
}

// Partial payments (Dec package 1 paid 150,000 of 200,000), a void (Dec, 300,000) and a month
// outside the range (Nov).
inline std::vector<InvoiceGroup> invoices() {
    return {
        {{2025, 11}, 1, 1, false, 1, 100000, 100000},
        {{2025, 12}, 1, 1, false, 2, 200000, 150000},
        {{2025, 12}, 2, 0, false, 1, 300000, 0},
        {{2025, 12}, 2, 0, true, 1, 300000, 0},
        {{2026, 1}, 1, 1, false, 2, 200000, 100000},
        {{2026, 1}, 2, 2, false, 1, 250000, 250000},
    };
}

// An overpayment (160,000 handed over, 150,000 applied, 10,000 to credit), that credit used in
// January, a gateway payment and one outside the range.
inline std::vector<PaymentGroup> payments() {
    return {
        {{2025, 11, 30}, "cash", 1, 100000, 100000},
        {{2025, 12, 10}, "cash", 2, 160000, 150000},
        {{2026, 1, 5}, "credit", 1, 10000, 10000},
        {{2026, 1, 5}, "gateway", 1, 250000, 250000},
        {{2026, 1, 20}, "bank_transfer", 1, 90000, 90000},
    };
}

inline std::vector<GatewayGroup> gateways() { return {{{2025, 10, 1}, "flip", 1, 99000}, {{2026, 1, 5}, "midtrans", 1, 250000}}; }

inline std::vector<LateFeeGroup> late_fees() { return {{{2026, 1, 20}, 10000}, {{2026, 3, 1}, 5000}}; }

}  // namespace kimonet::reports::fixtures
