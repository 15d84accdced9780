#include "app.hpp"
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

void draw_kpis(const reports::BillingReport& report) {
    widgets::stat_cards(
        "reports",
        {{"collection_rate", tr("reports.billing.collection_rate"), format_basis_points(report.collection_rate_bp),
          i18n::tr_format("reports.billing.collection_rate_note",
                          {{"paid", format_rupiah(report.paid_on_billed)}, {"billed", format_rupiah(report.billed)}}),
          widgets::colors::kSuccess},
         {"dso", tr("reports.billing.dso"), i18n::tr_format("reports.billing.days", {{"count", format_thousands(report.dso_days)}}),
          tr("reports.billing.dso_note"), widgets::colors::kWarning},
         {"arpu", tr("reports.billing.arpu"), format_rupiah(report.arpu), tr("reports.billing.arpu_note"), widgets::colors::kAccent},
         {"mrr", tr("reports.billing.mrr"), format_rupiah(report.mrr),
          i18n::tr_format("reports.billing.mrr_note", {{"count", format_thousands(report.subscribers)}}), widgets::colors::kAccent}},
        display().compact() ? 2 : 4);
}

// Older debts in warmer colours.
ImU32 aging_color(const std::string& key) {
    if (key == "current") return widgets::colors::kAccent;
    if (key == "1_30") return IM_COL32(230, 160, 40, 255);
    if (key == "31_60") return IM_COL32(222, 112, 40, 255);
    if (key == "61_90") return IM_COL32(210, 70, 40, 255);
    return widgets::colors::kDanger;
}

void draw_aging(const reports::BillingReport& report, float width) {
    if (begin_report_card("reports.billing.aging", tr("reports.billing.aging"), width)) {
        ImGui::PushTextWrapPos(0.f);
        widgets::text("text", "reports.billing.receivable",
                      i18n::tr_format("reports.billing.receivable",
                                      {{"amount", format_rupiah(report.receivable)}, {"date", i18n::format_date(report.as_of)}}),
                      widgets::colors::kMuted);
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, display().px(4)));
        std::vector<widgets::HorizontalBar> bars;
        for (const reports::AgingBucket& bucket : report.aging) {
            if (bucket.key.empty()) continue;  // fewer buckets than the five the server sends
            const std::string key = "reports.aging." + bucket.key;
            const char* label = tr(key);
            bars.push_back({bucket.key, key == label ? bucket.label : std::string(label), bucket.amount,
                            format_rupiah(bucket.amount) + " · " +
                                i18n::tr_format("reports.billing.invoices", {{"count", format_thousands(bucket.invoices)}}),
                            aging_color(bucket.key)});
        }
        widgets::horizontal_bars("reports.aging", bars);
    }
    widgets::end_card();
}

void draw_debtors(App& app, const reports::BillingReport& report, float width) {
    if (begin_report_card("reports.billing.debtors", tr("reports.billing.debtors"), width)) {
        if (report.top_debtors.empty()) widgets::muted("reports.debtor.empty", tr("reports.billing.no_debtors"));
        const bool compact = display().compact();
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
        if (!report.top_debtors.empty() && ImGui::BeginTable("reports.debtor", compact ? 2 : 4, flags)) {
            ImGui::TableSetupColumn(tr("reports.col.customer"), ImGuiTableColumnFlags_WidthStretch, 2.f);
            if (!compact) {
                ImGui::TableSetupColumn(tr("reports.col.invoices"), ImGuiTableColumnFlags_WidthStretch, 0.6f);
                ImGui::TableSetupColumn(tr("reports.col.oldest_due"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
            }
            ImGui::TableSetupColumn(tr("reports.col.outstanding"), ImGuiTableColumnFlags_WidthStretch, 1.f);
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
            ImGui::PushFont(display().fonts().strong);
            ImGui::TableNextColumn();
            report_cell("header", "reports.debtor.header.customer", tr("reports.col.customer"), false);
            if (!compact) {
                ImGui::TableNextColumn();
                report_cell("header", "reports.debtor.header.invoices", tr("reports.col.invoices"), true);
                ImGui::TableNextColumn();
                report_cell("header", "reports.debtor.header.oldest_due", tr("reports.col.oldest_due"), false);
            }
            ImGui::TableNextColumn();
            report_cell("header", "reports.debtor.header.outstanding", tr("reports.col.outstanding"), true);
            ImGui::PopFont();
            // Link buttons as tall as the text, so the rows stay as compact as the other tables'.
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.f, 0.f));
            for (const reports::Debtor& debtor : report.top_debtors) {
                const std::string row = "reports.debtor." + debtor.service_number;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const std::string name = debtor.service_number + " · " + debtor.name;
                if (app.can_open(Screen::CustomerDetail)) {
                    if (widgets::button((row + ".name").c_str(), name.c_str(), widgets::ButtonStyle::Link))
                        app.open_customer(debtor.customer_id);
                } else {
                    widgets::text("cell", row + ".name", name);
                }
                if (!compact) {
                    ImGui::TableNextColumn();
                    report_cell("cell", row + ".invoices", format_thousands(debtor.invoices), true);
                    ImGui::TableNextColumn();
                    widgets::text("cell", row + ".oldest_due", i18n::format_date(debtor.oldest_due));
                }
                ImGui::TableNextColumn();
                report_cell("cell", row + ".outstanding", format_rupiah(debtor.outstanding), true);
            }
            ImGui::PopStyleVar();
            ImGui::EndTable();
        }
    }
    widgets::end_card();
}

}  // namespace

void draw_billing_report(App& app, const reports::BillingReport& report) {
    draw_kpis(report);
    draw_aging(report, 0.f);
    draw_debtors(app, report, 0.f);
}

}  // namespace kimonet
