#include "views/view_dashboard.hpp"

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/charts.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/stat_cards.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

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
        out.credited = json_int(*billing, "credited");
        out.net_billed = json_int(*billing, "net_billed", out.billed);
        out.refunded = json_int(*billing, "refunded");
        out.voucher_gross = json_int(*billing, "voucher_gross");
        out.collected_with_vouchers = json_int(*billing, "collected_with_vouchers", out.collected);
        out.overdue_total = json_int(*billing, "overdue_total");
        out.overdue_count = json_int(*billing, "overdue_count");
        out.invoices = json_int(*billing, "invoices");
        if (auto review = billing->find("gateway_review"); review != billing->end() && review->is_object()) {
            out.review_count = json_int(*review, "count");
            out.review_total = json_int(*review, "total");
        }
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
    if (auto session = data.find("whatsapp_session"); session != data.end() && session->is_object()) {
        out.whatsapp_lost = true;
        out.whatsapp_state = json_string(*session, "state");
        out.whatsapp_gateway = json_string(*session, "gateway");
    }
    return out;
}

}  // namespace

// Its figures need customers.read (GET /api/dashboard); a collector's dashboard asks nothing.
void ViewDashboard::enter(App& app) {
    if (app.user().can("customers.read")) reload();
}

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
    std::vector<widgets::StatCard> stats = {
        {"active", tr("dashboard.active"), format_thousands(m_data.active),
         i18n::tr_format("dashboard.of_total", {{"total", format_thousands(m_data.total)}}), widgets::colors::kSuccess},
        {"isolated", tr("dashboard.isolated"), format_thousands(m_data.isolated), tr("dashboard.isolated_note"), widgets::colors::kWarning},
        {"inactive", tr("dashboard.inactive"), format_thousands(m_data.inactive), tr("dashboard.inactive_note"), widgets::colors::kMuted},
    };
    if (m_data.money_visible) {
        // With credit notes this month, the rate is of what is still owed after them (the report's net billed).
        const bool credited = m_data.credited > 0;
        const std::int64_t owed = credited ? m_data.net_billed : m_data.billed;
        const int rate = owed > 0 ? static_cast<int>(m_data.collected * 100 / owed) : 0;
        std::string billed_note = i18n::tr_format("dashboard.invoices_count", {{"count", format_thousands(m_data.invoices)}});
        if (credited)
            billed_note = i18n::tr_format("dashboard.billed_credited", {{"invoices", billed_note},
                                                                        {"credited", format_rupiah(m_data.credited)},
                                                                        {"net", format_rupiah(m_data.net_billed)}});
        stats.push_back({"billed", tr("dashboard.billed"), format_rupiah(m_data.billed), billed_note, widgets::colors::kAccent});
        stats.push_back({"collected", tr("dashboard.collected"), format_rupiah(m_data.collected),
                         i18n::tr_format(credited ? "dashboard.collected_rate_net" : "dashboard.collected_rate", {{"rate", std::to_string(rate)}}),
                         widgets::colors::kSuccess});
        // Customer credit paid back this month: money out, shown only when there is some.
        if (m_data.refunded > 0)
            stats.push_back({"refunded", tr("dashboard.refunded"), format_rupiah(m_data.refunded), tr("dashboard.refunded_note"),
                             widgets::colors::kWarning});
        // Voucher money beside the invoice payments, for an owner who sells hotspot vouchers.
        if (m_data.voucher_gross > 0)
            stats.push_back({"vouchers", tr("dashboard.vouchers"), format_rupiah(m_data.voucher_gross),
                             i18n::tr_format("dashboard.vouchers_note", {{"total", format_rupiah(m_data.collected_with_vouchers)}}),
                             widgets::colors::kSuccess});
        stats.push_back({"overdue", tr("dashboard.overdue"), format_rupiah(m_data.overdue_total),
                         i18n::tr_format("dashboard.overdue_count", {{"count", format_thousands(m_data.overdue_count)}}),
                         widgets::colors::kDanger});
        // Finance's alert: a refunded, charged-back or mismatched gateway payment waits for a decision.
        if (m_data.review_count > 0)
            stats.push_back({"gateway_review", tr("dashboard.gateway_review"), format_rupiah(m_data.review_total),
                             i18n::tr_format("dashboard.gateway_review_count", {{"count", format_thousands(m_data.review_count)}}),
                             widgets::colors::kDanger});
    }
    widgets::stat_cards("dashboard", stats, display().compact() ? 2 : 3);
}

// Twelve months of billed (light) and collected (accent) bars.
void ViewDashboard::draw_chart() {
    if (widgets::begin_card("dashboard.chart.card")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("title", "dashboard.chart.title", tr("dashboard.chart"));
        ImGui::PopFont();
        std::vector<std::string> periods;
        widgets::ChartSeries billed{tr("dashboard.chart_billed"), widgets::colors::kChartLight, {}};
        widgets::ChartSeries collected{tr("dashboard.chart_collected"), widgets::colors::kAccent, {}};
        for (const DashboardMonth& month : m_data.months) {
            periods.push_back(month.period);
            billed.values.push_back(month.billed);
            collected.values.push_back(month.collected);
        }
        widgets::ChartData chart = widgets::period_chart(periods, widgets::ChartUnit::Rupiah);
        chart.series = {std::move(billed), std::move(collected)};
        widgets::chart_legend("dashboard.legend", chart.series);
        widgets::bar_chart("dashboard.chart", chart, display().px(display().compact() ? 170 : 210));
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
        // Dunning is its own screen: the run button lives there, so only a role that may run it
        // (dunning.run, which finance does not have) is offered the way to it.
        if (app.can_open(Screen{"dunning"}) && app.user().can("dunning.run") && action("dashboard.action.dunning", tr("dashboard.action_dunning"), false))
            app.navigate(Screen{"dunning"});
        if (app.can_open(Screen::Payments) && app.user().can("payments.create") &&
            action("dashboard.action.payment", tr("dashboard.action_payment"), false))
            app.navigate(Screen::Payments);
        if (app.can_open(Screen::Customers) && action("dashboard.action.find", tr("dashboard.action_find"), false))
            app.find_customer();
    }
    widgets::end_card();
}

// Issue 22: the primary WhatsApp session is lost (the health job's open incident). Shown to whoever
// can fix it (settings.update; the server leaves it out for others), with the ways to the fix;
// gone on the next load after the job finds the session back.
void ViewDashboard::draw_whatsapp_banner(App& app) {
    if (!m_data.whatsapp_lost || !app.user().can("settings.update")) return;
    const std::string key = "dashboard.whatsapp_" + (m_data.whatsapp_state.empty() ? std::string("disconnected") : m_data.whatsapp_state);
    const char* translated = tr(key);
    const std::string state = key == translated ? std::string(tr("dashboard.whatsapp_disconnected")) : std::string(translated);
    widgets::banner("dashboard.whatsapp_banner", i18n::tr_format("dashboard.whatsapp_lost", {{"state", state}, {"gateway", m_data.whatsapp_gateway}}),
                    true);
    if (app.can_open(Screen{"whatsapp"}) && widgets::button("dashboard.whatsapp_open", tr("dashboard.whatsapp_open"), widgets::ButtonStyle::Primary))
        app.navigate(Screen{"whatsapp"});
    if (app.can_open(Screen{"settings"})) {
        ImGui::SameLine();
        if (widgets::button("dashboard.whatsapp_settings", tr("dashboard.whatsapp_settings"), widgets::ButtonStyle::Secondary))
            app.navigate(Screen{"settings"});
    }
    ImGui::Dummy(ImVec2(0, display().px(2)));
}

void ViewDashboard::draw(App& app) {
    if (!m_error.empty()) widgets::banner("dashboard.error", m_error, true);
    if (!m_loaded) {
        widgets::muted("dashboard.loading", tr("common.loading"));
        return;
    }
    draw_whatsapp_banner(app);
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
