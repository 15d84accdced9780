#pragma once
// Staff landing screen (GET /api/dashboard): customers by status, billed vs collected this month,
// the overdue total, a 12-month revenue chart, today's scheduled jobs and failures, and quick
// actions (generate invoices, dunning, record a payment, find a customer). Money figures only for
// roles with invoices.read (the server leaves them out otherwise).
#include <cstdint>
#include <string>
#include <vector>
#include "view.hpp"

namespace kimonet {

class App;

struct DashboardMonth {
    std::string period;  // "2026-01"
    std::int64_t billed = 0;
    std::int64_t collected = 0;
};

struct DashboardJob {
    std::string name;
    std::string schedule;
    std::int64_t slots_today = 0;
    std::string next_slot;     // "HH:MM", "" when none is left today
    std::string last_status;   // today's latest run: "succeeded", "failed", "running", "" = none
    std::string last_error;
    std::int64_t runs_today = 0;
};

struct DashboardData {
    std::int64_t active = 0, isolated = 0, inactive = 0, total = 0;
    bool money_visible = false;
    std::int64_t billed = 0, collected = 0, overdue_total = 0, overdue_count = 0, invoices = 0;
    // Hotspot vouchers sold to resellers this month: gross, and invoice payments plus their net.
    std::int64_t voucher_gross = 0, collected_with_vouchers = 0;
    std::int64_t credited = 0, net_billed = 0, refunded = 0;  // credit notes issued, billed after them, refunds paid out
    std::int64_t review_count = 0, review_total = 0;  // gateway payments waiting for finance (refunds, chargebacks, mismatches)
    std::vector<DashboardMonth> months;
    std::int64_t failures_today = 0;
    std::vector<DashboardJob> jobs;
    // The primary WhatsApp session's open incident (issue 22; only sent to settings.update roles).
    bool whatsapp_lost = false;
    std::string whatsapp_state;    // disconnected | qr_required | unreachable
    std::string whatsapp_gateway;  // "fonnte:62812…"
};

class ViewDashboard final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();
    void draw_stats(App& app);
    void draw_chart();
    void draw_jobs();
    void draw_actions(App& app);
    void draw_whatsapp_banner(App& app);

    DashboardData m_data;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_from_cache = false;
    std::string m_error;
};

}  // namespace kimonet
