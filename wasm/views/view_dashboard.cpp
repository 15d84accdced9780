#include "views/view_dashboard.hpp"

#include <algorithm>

#include "api_client.hpp"
#include "app.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kMonthKeys[] = {"month.jan", "month.feb", "month.mar", "month.apr", "month.may", "month.jun",
                                      "month.jul", "month.aug", "month.sep", "month.oct", "month.nov", "month.dec"};

const char* month_label(const std::string& period) {
    const int month = period.size() == 7 ? std::atoi(period.c_str() + 5) : 0;
    return month >= 1 && month <= 12 ? tr(kMonthKeys[month - 1]) : "?";
}

// "Rp 1,2 jt" for chart axes; full figures elsewhere.
std::string short_rupiah(std::int64_t amount) {
    char text[32];
    if (amount >= 1'000'000'000) std::snprintf(text, sizeof text, "Rp %.1f M", static_cast<double>(amount) / 1e9);
    else if (amount >= 1'000'000) std::snprintf(text, sizeof text, "Rp %.1f jt", static_cast<double>(amount) / 1e6);
    else if (amount >= 1'000) std::snprintf(text, sizeof text, "Rp %lld rb", static_cast<long long>(amount / 1000));
    else std::snprintf(text, sizeof text, "Rp %lld", static_cast<long long>(amount));
    std::string out = text;
    std::replace(out.begin(), out.end(), '.', ',');
    return out;
}

DashboardData parse(const api::Json& data) {
    DashboardData out;
    if (auto customers = data.find("customers"); customers != data.end()) {
        out.active = json_int(*customers, "active");
        out.isolated = json_int(*customers, "isolated");
        out.inactive = json_int(*customers, "inactive");
        out.total = json_int(*customers, "total");
    }
    out.money_visible = json_bool(data, "money_visible", false);
    if (auto billing = data.find("billing"); billing != data.end() && billing->is_object()) {
        out.billed = json_int(*billing, "billed");
        out.collected = json_int(*billing, "collected");
        out.overdue_total = json_int(*billing, "overdue_total");
        out.overdue_count = json_int(*billing, "overdue_count");
        out.invoices = json_int(*billing, "invoices");
        if (auto months = billing->find("months"); months != billing->end() && months->is_array())
            for (const auto& month : *months)
                out.months.push_back({json_string(month, "period"), json_int(month, "billed"), json_int(month, "collected")});
    }
    if (auto jobs = data.find("jobs"); jobs != data.end() && jobs->is_object()) {
        out.failures_today = json_int(*jobs, "failures");
        if (auto list = jobs->find("jobs"); list != jobs->end() && list->is_array())
            for (const auto& job : *list) {
                DashboardJob row{json_string(job, "name"), json_string(job, "schedule"), json_int(job, "slots_today"),
                                 json_string(job, "next_slot"), {}, {}, 0};
                if (auto runs = job.find("runs"); runs != job.end() && runs->is_array() && !runs->empty()) {
                    row.runs_today = static_cast<std::int64_t>(runs->size());
                    row.last_status = json_string((*runs)[0], "status");
                    row.last_error = json_string((*runs)[0], "error");
                }
                out.jobs.push_back(std::move(row));
            }
    }
    return out;
}

// A stat card: label, big figure, a muted line. Registry: "dashboard.stat.<id>" = the figure.
void stat_card(const char* id, const char* label, const std::string& figure, const std::string& note, ImU32 accent, float width) {
    ImGui::PushID(id);
    if (widgets::begin_card("stat", width)) {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 min = ImGui::GetWindowPos();
        draw->AddRectFilled(min, ImVec2(min.x + display().px(4), min.y + ImGui::GetWindowHeight()), accent, display().px(8),
                            ImDrawFlags_RoundCornersLeft);
        widgets::muted((std::string("dashboard.label.") + id).c_str(), label);
        ImGui::PushFont(display().fonts().title);
        widgets::text("stat", std::string("dashboard.stat.") + id, figure);
        ImGui::PopFont();
        if (!note.empty()) widgets::muted((std::string("dashboard.note.") + id).c_str(), note);
    }
    widgets::end_card();
    ImGui::PopID();
}

}  // namespace

void ViewDashboard::enter(App&) { reload(); }

void ViewDashboard::reload() {
    m_loading = true;
    api_client().get("/api/dashboard", [this](const ApiResponse& response) {
        m_loading = false;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_loaded = true;
        m_from_cache = response.from_cache;
        m_data = parse(response.body.contains("data") ? response.body["data"] : api::Json::object());
    });
}

void ViewDashboard::draw_stats(App&) {
    const bool compact = display().compact();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float full = ImGui::GetContentRegionAvail().x;
    const int per_row = compact ? 2 : 3;
    const float width = (full - spacing * float(per_row - 1)) / float(per_row);
    struct Stat {
        const char* id;
        const char* label;
        std::string figure, note;
        ImU32 accent;
    };
    std::vector<Stat> stats = {
        {"active", tr("dashboard.active"), format_thousands(m_data.active),
         i18n::tr_format("dashboard.of_total", {{"total", format_thousands(m_data.total)}}), widgets::colors::kSuccess},
        {"isolated", tr("dashboard.isolated"), format_thousands(m_data.isolated), tr("dashboard.isolated_note"), widgets::colors::kWarning},
        {"inactive", tr("dashboard.inactive"), format_thousands(m_data.inactive), tr("dashboard.inactive_note"), widgets::colors::kMuted},
    };
    if (m_data.money_visible) {
        const int rate = m_data.billed > 0 ? static_cast<int>(m_data.collected * 100 / m_data.billed) : 0;
        stats.push_back({"billed", tr("dashboard.billed"), format_rupiah(m_data.billed),
                         i18n::tr_format("dashboard.invoices_count", {{"count", format_thousands(m_data.invoices)}}),
                         widgets::colors::kAccent});
        stats.push_back({"collected", tr("dashboard.collected"), format_rupiah(m_data.collected),
                         i18n::tr_format("dashboard.collected_rate", {{"rate", std::to_string(rate)}}), widgets::colors::kSuccess});
        stats.push_back({"overdue", tr("dashboard.overdue"), format_rupiah(m_data.overdue_total),
                         i18n::tr_format("dashboard.overdue_count", {{"count", format_thousands(m_data.overdue_count)}}),
                         widgets::colors::kDanger});
    }
    for (std::size_t i = 0; i < stats.size(); ++i) {
        if (i % static_cast<std::size_t>(per_row) != 0) ImGui::SameLine();
        stat_card(stats[i].id, stats[i].label, stats[i].figure, stats[i].note, stats[i].accent, width);
    }
}

// Twelve months of billed (light) and collected (accent) bars, drawn with the window's draw list.
void ViewDashboard::draw_chart() {
    if (!widgets::begin_card("dashboard.chart.card")) {
        widgets::end_card();
        return;
    }
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", "dashboard.chart.title", tr("dashboard.chart"));
    ImGui::PopFont();
    // Legend.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float swatch = ImGui::GetFontSize() * 0.7f;
    auto legend = [&](const char* id, const char* label, ImU32 color) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float y = at.y + (ImGui::GetTextLineHeight() - swatch) * 0.5f;
        draw->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + swatch, y + swatch), color, display().px(2));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + swatch + display().px(6));
        widgets::muted(id, label);
    };
    const ImU32 billed_color = IM_COL32(186, 201, 240, 255);
    legend("dashboard.legend.billed", tr("dashboard.billed"), billed_color);
    ImGui::SameLine(0, display().px(18));
    legend("dashboard.legend.collected", tr("dashboard.collected"), widgets::colors::kAccent);

    const float height = display().px(display().compact() ? 170 : 210);
    const float label_height = ImGui::GetTextLineHeightWithSpacing();
    const float axis_width = ImGui::CalcTextSize("Rp 000,0 jt").x + display().px(8);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(width, height + label_height));
    std::int64_t top = 1;
    for (const DashboardMonth& month : m_data.months) top = std::max({top, month.billed, month.collected});
    const float plot_left = origin.x + axis_width, plot_right = origin.x + width;
    const float plot_bottom = origin.y + height - display().px(4), plot_top = origin.y + display().px(8);
    // Grid: four lines with their amounts.
    for (int line = 0; line <= 4; ++line) {
        const float y = plot_bottom - (plot_bottom - plot_top) * float(line) / 4.f;
        draw->AddLine(ImVec2(plot_left, y), ImVec2(plot_right, y), widgets::colors::kBorder, display().px(1));
        const std::string amount = short_rupiah(top * line / 4);
        draw->AddText(ImVec2(origin.x, y - ImGui::GetFontSize() * 0.5f), widgets::colors::kMuted, amount.c_str());
    }
    const int count = static_cast<int>(m_data.months.size());
    if (count == 0) {
        widgets::end_card();
        return;
    }
    const float slot = (plot_right - plot_left) / float(count);
    const float bar = std::min(slot * 0.34f, display().px(18));
    for (int i = 0; i < count; ++i) {
        const DashboardMonth& month = m_data.months[static_cast<std::size_t>(i)];
        const float centre = plot_left + slot * (float(i) + 0.5f);
        auto bar_top = [&](std::int64_t value) {
            return plot_bottom - (plot_bottom - plot_top) * static_cast<float>(static_cast<double>(value) / static_cast<double>(top));
        };
        const ImVec2 billed_min(centre - bar - display().px(1), bar_top(month.billed));
        const ImVec2 collected_max(centre + bar + display().px(1), plot_bottom);
        if (month.billed > 0)
            draw->AddRectFilled(billed_min, ImVec2(centre - display().px(1), plot_bottom), billed_color, display().px(3),
                                ImDrawFlags_RoundCornersTop);
        if (month.collected > 0)
            draw->AddRectFilled(ImVec2(centre + display().px(1), bar_top(month.collected)), collected_max, widgets::colors::kAccent,
                                display().px(3), ImDrawFlags_RoundCornersTop);
        const char* label = month_label(month.period);
        const float label_width = ImGui::CalcTextSize(label).x;
        draw->AddText(ImVec2(centre - label_width * 0.5f, plot_bottom + display().px(6)), widgets::colors::kMuted, label);
        const ImVec2 hover_min(centre - slot * 0.5f, plot_top), hover_max(centre + slot * 0.5f, plot_bottom);
        ui_registry::record_rect("bar", "dashboard.chart." + month.period, label,
                                 std::to_string(month.billed) + "/" + std::to_string(month.collected), hover_min, hover_max);
        if (ImGui::IsMouseHoveringRect(hover_min, hover_max)) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(format_period_indonesian(*parse_period(month.period)).c_str());
            ImGui::TextUnformatted((std::string(tr("dashboard.billed")) + ": " + format_rupiah(month.billed)).c_str());
            ImGui::TextUnformatted((std::string(tr("dashboard.collected")) + ": " + format_rupiah(month.collected)).c_str());
            ImGui::EndTooltip();
        }
    }
    widgets::end_card();
}

void ViewDashboard::draw_jobs() {
    if (widgets::begin_card("dashboard.jobs.card")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("title", "dashboard.jobs.title", tr("dashboard.jobs"));
        ImGui::PopFont();
        if (m_data.failures_today > 0)
            widgets::badge("dashboard.jobs.failures",
                           i18n::tr_format("dashboard.jobs_failed", {{"count", std::to_string(m_data.failures_today)}}),
                           widgets::colors::kDanger, widgets::colors::kDangerSoft);
        else
            widgets::badge("dashboard.jobs.failures", tr("dashboard.jobs_ok"), widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
        ImGui::Dummy(ImVec2(0, display().px(2)));
        for (const DashboardJob& job : m_data.jobs) {
            const std::string id = "dashboard.job." + job.name;
            const std::string key = "job." + job.name;
            const char* translated = tr(key);
            const std::string name = key == translated ? job.name : std::string(translated);
            ImGui::PushFont(display().fonts().strong);
            widgets::text("text", id + ".name", name);
            ImGui::PopFont();
            std::string line = job.slots_today == 0 ? std::string(tr("dashboard.job_not_today"))
                               : job.next_slot.empty()
                                   ? i18n::tr_format("dashboard.job_done_today", {{"count", std::to_string(job.slots_today)}})
                                   : i18n::tr_format("dashboard.job_next", {{"time", job.next_slot}});
            line += "  ·  " + job.schedule;
            widgets::muted((id + ".schedule").c_str(), line);
            if (!job.last_status.empty()) {
                ImGui::SameLine();
                const bool failed = job.last_status == "failed";
                widgets::badge(id + ".status", failed ? tr("dashboard.job_failed") : job.last_status == "running" ? tr("jobs.running")
                                                                                                                  : tr("dashboard.job_ok"),
                               failed ? widgets::colors::kDanger : widgets::colors::kSuccess,
                               failed ? widgets::colors::kDangerSoft : widgets::colors::kSuccessSoft);
                if (failed && !job.last_error.empty()) {
                    ImGui::PushTextWrapPos(0.f);
                    widgets::text("error", id + ".error", job.last_error, widgets::colors::kDanger);
                    ImGui::PopTextWrapPos();
                }
            }
            ImGui::Dummy(ImVec2(0, display().px(2)));
        }
    }
    widgets::end_card();
}

void ViewDashboard::draw_actions(App& app) {
    if (widgets::begin_card("dashboard.actions.card")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("title", "dashboard.actions.title", tr("dashboard.actions"));
        ImGui::PopFont();
        const float full = ImGui::GetContentRegionAvail().x;
        auto action = [&](const char* id, const char* label, bool primary) {
            return widgets::button(id, label, primary ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary, full);
        };
        if (app.can_open(Screen::Invoices) && app.user().can("invoices.create") &&
            action("dashboard.action.generate", tr("dashboard.action_generate"), true))
            app.open_invoice_generate();
        // Dunning is its own screen (when this build has it): the run button lives there.
        for (const NavEntry& entry : navigation_table())
            if (std::string_view(entry.id) == "nav.dunning" && app.can_open(entry.screen) &&
                action("dashboard.action.dunning", tr("dashboard.action_dunning"), false))
                app.navigate(entry.screen);
        if (app.can_open(Screen::Payments) && app.user().can("payments.create") &&
            action("dashboard.action.payment", tr("dashboard.action_payment"), false))
            app.navigate(Screen::Payments);
        if (app.can_open(Screen::Customers) && action("dashboard.action.find", tr("dashboard.action_find"), false))
            app.find_customer();
    }
    widgets::end_card();
}

void ViewDashboard::draw(App& app) {
    if (!m_error.empty()) widgets::banner("dashboard.error", m_error, true);
    if (!m_loaded) {
        widgets::muted("dashboard.loading", tr("common.loading"));
        return;
    }
    draw_stats(app);
    ImGui::Dummy(ImVec2(0, display().px(2)));
    const bool compact = display().compact();
    if (compact) {
        draw_actions(app);
        if (m_data.money_visible) draw_chart();
        draw_jobs();
        return;
    }
    // Desktop: the chart (or the jobs) on the left two-thirds, actions and jobs on the right.
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float left = (ImGui::GetContentRegionAvail().x - spacing) * 0.64f;
    ImGui::BeginGroup();
    ImGui::PushItemWidth(left);
    ImGui::BeginChild("dashboard.left", ImVec2(left, 0), false, ImGuiWindowFlags_NoBackground);
    if (m_data.money_visible) draw_chart();
    else draw_jobs();
    ImGui::EndChild();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginChild("dashboard.right", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    draw_actions(app);
    if (m_data.money_visible) draw_jobs();
    ImGui::EndChild();
}

}  // namespace kimonet
