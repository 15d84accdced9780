#pragma once
// Laporan (reports.read): four tabs over a range of months — Pendapatan, Pelanggan, Penagihan
// (report_tabs.hpp), BHP & USO (report_bhp_uso.hpp) — from GET /api/reports/revenue|customers|billing|bhp-uso. A range filter (two month
// pickers and presets), the current tab and range as XLSX/CSV/PDF, exports of customers,
// invoices and payments, and the customer import dialog (customers.create).
// The range's anchor is the server's current month: the first answer (without ?from&to) says it.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "api/report_dto.hpp"
#include "views/report_bhp_uso.hpp"
#include "views/coretax_section.hpp"
#include "views/view_import.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewReports final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // "reports/billing/2025-12/2026-05": the tab and the range when chosen; "reports" for the first
    // tab over the default range; "reports/import" while the customer import is open.
    std::string route() const override;
    // `parts` after "reports": [tab] or [tab, from, to]; false when they name nothing.
    bool open_route(const std::vector<std::string>& parts);
    // The bare #/reports (back from #/reports/import closes the import).
    RouteOutcome open_subroute(App& app, const std::vector<std::string>& rest) override;
    // #/reports/import (customers.create, checked by the caller).
    void open_import(App& app);

private:
    enum Tab { kRevenue = 0, kCustomers = 1, kBilling = 2, kBhpUso = 3 };
    struct Slot {
        std::string range;  // "2025-12/2026-11" of the report held (or asked for)
        bool loading = false;
        bool loaded = false;
        int serial = 0;
        std::string error;
    };

    // Asks for the tab's report when the held one is of another range.
    void load(int tab);
    void set_range(Period from, Period to);
    std::string range_query() const;  // "?from=2025-12&to=2026-11", "" before the anchor is known
    std::string range_key() const;

    void draw_toolbar(App& app);
    void draw_range();
    void draw_downloads(App& app);
    void draw_exports(App& app);

    int m_tab = kRevenue;
    std::optional<Period> m_current_month;
    Period m_from, m_to;
    // The range was chosen (a preset, the month pickers, an address #/reports/…/<from>/<to>), not the
    // server's default: the address names it.
    bool m_range_chosen = false;
    std::array<Slot, 4> m_slots;
    reports::RevenueReport m_revenue;
    reports::CustomerReport m_customers;
    reports::BillingReport m_billing;
    reports::BhpUsoReport m_bhp_uso;
    BhpUsoPanel m_bhp_panel;
    ViewImport m_import;
    CoretaxSection m_coretax;
};

}  // namespace kimonet
