#include "core/date.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
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

// "+4 (10,53%)", "-2 (-5,00%)", "0".
std::string growth_text(const reports::MonthCustomers& month) {
    if (month.net_growth == 0) return "0";
    const std::string sign = month.net_growth > 0 ? "+" : "-";
    const std::string rate = format_basis_points(month.growth_bp < 0 ? -month.growth_bp : month.growth_bp);
    return sign + format_thousands(month.net_growth < 0 ? -month.net_growth : month.net_growth) + " (" + sign + rate + ")";
}

void draw_kpis(const reports::CustomerReport& report) {
    std::int64_t joined = 0, churned = 0;
    for (const reports::MonthCustomers& month : report.months) {
        joined += month.new_customers;
        churned += month.churned;
    }
    widgets::stat_cards(
        "reports",
        {{"active", tr("reports.customers.active"), format_thousands(report.active),
          i18n::tr_format("reports.customers.of_total", {{"total", format_thousands(report.total)}}), widgets::colors::kSuccess},
         {"isolated", tr("reports.customers.isolated"), format_thousands(report.isolated), tr("reports.customers.isolated_note"),
          widgets::colors::kWarning},
         {"new", tr("reports.customers.new"), format_thousands(joined), tr("reports.customers.in_range"), widgets::colors::kAccent},
         {"churned", tr("reports.customers.churned"), format_thousands(churned),
          i18n::tr_format("reports.customers.inactive_note", {{"count", format_thousands(report.inactive)}}), widgets::colors::kDanger}},
        display().compact() ? 2 : 4);
}

void draw_chart(const reports::CustomerReport& report) {
    if (begin_report_card("reports.customers.chart", tr("reports.customers.chart"))) {
        std::vector<std::string> periods;
        widgets::ChartSeries active{tr("reports.col.subscribed"), widgets::colors::kAccent, {}};
        widgets::ChartSeries joined{tr("reports.col.new"), widgets::colors::kSuccess, {}};
        widgets::ChartSeries churned{tr("reports.col.churned"), widgets::colors::kDanger, {}};
        for (const reports::MonthCustomers& month : report.months) {
            periods.push_back(to_string(month.period));
            active.values.push_back(month.active);
            joined.values.push_back(month.new_customers);
            churned.values.push_back(month.churned);
        }
        widgets::ChartData chart = widgets::period_chart(periods, widgets::ChartUnit::Count);
        chart.series = {std::move(active), std::move(joined), std::move(churned)};
        widgets::chart_legend("reports.customers.legend", chart.series);
        widgets::line_chart("reports.chart.customers", chart, display().px(display().compact() ? 170 : 220));
    }
    widgets::end_card();
}

void draw_months(const reports::CustomerReport& report) {
    if (begin_report_card("reports.customers.months", tr("reports.customers.months"))) {
        const std::vector<ReportColumn> columns = {
            {"period", tr("reports.col.month"), false},  {"active", tr("reports.col.subscribed")},
            {"new", tr("reports.col.new")},              {"churned", tr("reports.col.churned")},
            {"isolated", tr("reports.col.isolated"), true, false}, {"growth", tr("reports.col.growth"), true, false},
        };
        std::vector<ReportRow> rows;
        for (const reports::MonthCustomers& month : report.months) {
            rows.push_back({to_string(month.period),
                            {report_period_label(to_string(month.period)), format_thousands(month.active),
                             format_thousands(month.new_customers), format_thousands(month.churned), format_thousands(month.isolated),
                             growth_text(month)}});
        }
        report_table("reports.customers.month", columns, rows);
    }
    widgets::end_card();
}

void draw_slices(const char* id, const char* title, const char* label, const std::vector<reports::CustomerSlice>& slices, float width) {
    if (begin_report_card(std::string(id) + ".card", title, width)) {
        const std::vector<ReportColumn> columns = {{"name", label, false},
                                                   {"active", tr("reports.col.active")},
                                                   {"isolated", tr("reports.col.isolated_now")},
                                                   {"inactive", tr("reports.col.inactive"), true, false},
                                                   {"total", tr("reports.col.total")}};
        std::vector<ReportRow> rows;
        for (const reports::CustomerSlice& slice : slices)
            rows.push_back({slice.key,
                            {slice.label, format_thousands(slice.active), format_thousands(slice.isolated), format_thousands(slice.inactive),
                             format_thousands(slice.total)}});
        report_table(id, columns, rows);
    }
    widgets::end_card();
}

}  // namespace

void draw_customers_report(const reports::CustomerReport& report) {
    draw_kpis(report);
    draw_chart(report);
    draw_months(report);
    const float half = report_column_width();
    draw_slices("reports.customers.package", tr("reports.customers.by_package"), tr("reports.col.package"), report.by_package, half);
    report_next_column();
    draw_slices("reports.customers.router", tr("reports.customers.by_router"), tr("reports.col.router"), report.by_router, half);
}

}  // namespace kimonet
