#include "core/date.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/billing_widgets.hpp"
#include "views/report_tabs.hpp"
#include "views/report_widgets.hpp"
#include "widgets/charts.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/stat_cards.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

// The export's figures (report_document.cpp), in the same words: billed and the credit notes taken
// off it, collected and the refunds paid out of it, then vouchers, revenue, late fees and voids.
void draw_kpis(const reports::RevenueReport& report) {
    const std::int64_t rate = report.total_billed > 0 ? report.total_collected * 10000 / report.total_billed : 0;
    std::int64_t invoices = 0;
    for (const reports::MonthRevenue& month : report.months) invoices += month.invoices;
    widgets::stat_cards(
        "reports",
        {{"billed", tr("reports.revenue.billed"), format_rupiah(report.total_billed),
          i18n::tr_format("reports.revenue.invoices_note", {{"count", format_thousands(invoices)}}), widgets::colors::kAccent},
         {"credited", tr("reports.revenue.credited"), format_rupiah(report.total_credited),
          i18n::tr_format("reports.revenue.credited_note", {{"count", format_thousands(report.credit_notes)},
                                                            {"tax", format_rupiah(report.total_credited_tax)},
                                                            {"net", format_rupiah(report.total_net_billed)}}),
          widgets::colors::kWarning},
         {"collected", tr("reports.revenue.collected"), format_rupiah(report.total_collected),
          i18n::tr_format("reports.revenue.collected_note", {{"rate", format_basis_points(rate)}}), widgets::colors::kSuccess},
         {"refunded", tr("reports.revenue.refunded"), format_rupiah(report.total_refunded),
          i18n::tr_format("reports.revenue.refunded_note", {{"count", format_thousands(report.refunds)}}), widgets::colors::kDanger},
         {"vouchers", tr("reports.revenue.vouchers"), format_rupiah(report.total_voucher_gross),
          i18n::tr_format("reports.revenue.vouchers_note", {{"count", format_thousands(report.vouchers)},
                                                            {"commission", format_rupiah(report.total_voucher_commission)},
                                                            {"total", format_rupiah(report.total_collected_with_vouchers)}}),
          widgets::colors::kSuccess},
         {"revenue", tr("reports.revenue.revenue"), format_rupiah(report.total_revenue), tr("reports.revenue.revenue_note"),
          widgets::colors::kAccent},
         {"late_fees", tr("reports.revenue.late_fees"), format_rupiah(report.total_late_fees_collected), tr("reports.revenue.late_fees_note"),
          widgets::colors::kWarning},
         {"voided", tr("reports.revenue.voided"), format_thousands(report.voided_invoices),
          i18n::tr_format("reports.revenue.voided_note", {{"amount", format_rupiah(report.voided_amount)}}), widgets::colors::kMuted}},
        display().compact() ? 2 : 4);
}

void draw_chart(const reports::RevenueReport& report) {
    if (begin_report_card("reports.revenue.chart", tr("reports.revenue.chart"))) {
        std::vector<std::string> periods;
        widgets::ChartSeries billed{tr("reports.revenue.billed"), widgets::colors::kChartLight, {}};
        widgets::ChartSeries collected{tr("reports.revenue.collected"), widgets::colors::kAccent, {}};
        for (const reports::MonthRevenue& month : report.months) {
            periods.push_back(to_string(month.period));
            billed.values.push_back(month.billed);
            collected.values.push_back(month.collected);
        }
        widgets::ChartData chart = widgets::period_chart(periods, widgets::ChartUnit::Rupiah);
        chart.series = {std::move(billed), std::move(collected)};
        widgets::chart_legend("reports.revenue.legend", chart.series);
        widgets::bar_chart("reports.chart.revenue", chart, display().px(display().compact() ? 170 : 220));
    }
    widgets::end_card();
}

// Billed, the credit notes issued and billed net of them (accrual); paid, collected and collected
// with the voucher sales (cash); then the parts: voucher sales, the refunds paid out, late fees.
// Eleven figures are wider than a 1280 px laptop's content: the table scrolls sideways with the
// month frozen, and what scrolls out first are those parts (on the cards above too), never one of
// the three totals. Phones keep billed, collected and collected + vouchers.
void draw_months(const reports::RevenueReport& report) {
    if (begin_report_card("reports.revenue.months", tr("reports.revenue.months"))) {
        const std::vector<ReportColumn> columns = {
            {"period", tr("reports.col.month"), false},
            {"invoices", tr("reports.col.invoices"), true, false},
            {"billed", tr("reports.col.billed")},
            {"credited", tr("reports.col.credited"), true, false},
            {"net_billed", tr("reports.col.net_billed"), true, false},
            {"paid_on_billed", tr("reports.col.paid_on_billed"), true, false},
            {"collected", tr("reports.col.collected")},
            {"collected_with_vouchers", tr("reports.col.collected_with_vouchers")},
            {"vouchers", tr("reports.col.voucher_sales"), true, false},
            {"refunded", tr("reports.col.refunded"), true, false},
            {"late_fees", tr("reports.col.late_fees"), true, false},
        };
        std::vector<ReportRow> rows;
        std::int64_t invoices = 0, paid = 0;
        for (const reports::MonthRevenue& month : report.months) {
            invoices += month.invoices;
            paid += month.paid_on_billed;
            rows.push_back({to_string(month.period),
                            {report_period_label(to_string(month.period)), format_thousands(month.invoices), format_rupiah(month.billed),
                             format_rupiah(month.credited), format_rupiah(month.net_billed), format_rupiah(month.paid_on_billed),
                             format_rupiah(month.collected), format_rupiah(month.collected_with_vouchers),
                             format_rupiah(month.voucher_gross), format_rupiah(month.refunded), format_rupiah(month.late_fees_collected)}});
        }
        rows.push_back({"total",
                        {tr("reports.total"), format_thousands(invoices), format_rupiah(report.total_billed),
                         format_rupiah(report.total_credited), format_rupiah(report.total_net_billed), format_rupiah(paid),
                         format_rupiah(report.total_collected), format_rupiah(report.total_collected_with_vouchers),
                         format_rupiah(report.total_voucher_gross), format_rupiah(report.total_refunded),
                         format_rupiah(report.total_late_fees_collected)},
                        true});
        report_table("reports.revenue.month", columns, rows);
    }
    widgets::end_card();
}

// Packages and routers: the range's invoices, billed and paid. `label` names the first column.
void draw_invoice_slices(const char* id, const char* title, const char* label, const std::vector<reports::RevenueSlice>& slices,
                         float width) {
    if (begin_report_card(std::string(id) + ".card", title, width)) {
        const std::vector<ReportColumn> columns = {{"name", label, false},
                                                   {"invoices", tr("reports.col.invoices"), true, false},
                                                   {"billed", tr("reports.col.billed")},
                                                   {"paid", tr("reports.col.paid_on_billed")}};
        std::vector<ReportRow> rows;
        for (const reports::RevenueSlice& slice : slices)
            rows.push_back({slice.key, {slice.label, format_thousands(slice.count), format_rupiah(slice.billed), format_rupiah(slice.collected)}});
        report_table(id, columns, rows);
    }
    widgets::end_card();
}

// Methods and gateways: payments made in the range and what they collected.
void draw_payment_slices(const char* id, const char* title, const char* label, const std::vector<reports::RevenueSlice>& slices,
                         bool methods, float width) {
    if (begin_report_card(std::string(id) + ".card", title, width)) {
        const std::vector<ReportColumn> columns = {
            {"name", label, false}, {"payments", tr("reports.col.payments")}, {"collected", tr("reports.col.collected")}};
        std::vector<ReportRow> rows;
        for (const reports::RevenueSlice& slice : slices)
            rows.push_back({slice.key,
                            {methods ? payment_method_label(slice.key) : slice.label, format_thousands(slice.count),
                             format_rupiah(slice.collected)}});
        report_table(id, columns, rows);
    }
    widgets::end_card();
}

void draw_daily(const reports::RevenueReport& report) {
    if (begin_report_card("reports.revenue.daily.card", tr("reports.revenue.daily"))) {
        const std::vector<ReportColumn> columns = {
            {"day", tr("reports.col.day"), false}, {"payments", tr("reports.col.payments")}, {"collected", tr("reports.col.collected")}};
        std::vector<ReportRow> rows;
        // Newest first: the days just past are the ones asked about.
        for (auto day = report.daily.rbegin(); day != report.daily.rend(); ++day) {
            rows.push_back({to_string(day->day), {i18n::format_date(day->day), format_thousands(day->payments), format_rupiah(day->collected)}});
        }
        report_table("reports.revenue.daily", columns, rows, 10);
    }
    widgets::end_card();
}

}  // namespace

void draw_revenue_report(const reports::RevenueReport& report) {
    draw_kpis(report);
    draw_chart(report);
    draw_months(report);
    const float half = report_column_width();
    draw_invoice_slices("reports.revenue.package", tr("reports.revenue.by_package"), tr("reports.col.package"), report.by_package, half);
    report_next_column();
    draw_invoice_slices("reports.revenue.router", tr("reports.revenue.by_router"), tr("reports.col.router"), report.by_router, half);
    draw_payment_slices("reports.revenue.method", tr("reports.revenue.by_method"), tr("reports.col.method"), report.by_method, true, half);
    report_next_column();
    draw_payment_slices("reports.revenue.gateway", tr("reports.revenue.by_gateway"), tr("reports.col.gateway"), report.by_gateway, false,
                        half);
    draw_daily(report);
}

}  // namespace kimonet
