#include "views/view_jobs.hpp"

#include <cstdio>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr int kPerPage = 50;

std::string duration_text(const api::Json& run) {
    if (!run.contains("duration_ms") || !run["duration_ms"].is_number_integer()) return tr("jobs.running");
    const std::int64_t ms = run["duration_ms"].get<std::int64_t>();
    if (ms < 1000) return std::to_string(ms) + " ms";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000.0);
    return text;
}

}  // namespace

void ViewJobs::enter(App&) { reload(); }

void ViewJobs::reload() {
    api_client().get("/api/jobs?page=" + std::to_string(m_page) + "&per_page=" + std::to_string(kPerPage), [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        const api::Json& data = response_data(response.body);
        m_runs = data.is_array() ? data : api::Json::array();
        m_jobs = response.body.contains("jobs") && response.body["jobs"].is_array() ? response.body["jobs"] : api::Json::array();
        m_total = static_cast<int>(json_int(response.body, "total", static_cast<std::int64_t>(m_runs.size())));
    });
}

void ViewJobs::draw(App&) {
    if (!m_error.empty()) widgets::banner("jobs.error", m_error, true);
    const bool compact = display().compact();
    // Scheduled jobs: one card each with the schedule and the latest run.
    if (widgets::begin_card("jobs.schedule")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "jobs.schedule.title", tr("jobs.scheduled"));
        ImGui::PopFont();
        if (ImGui::BeginTable("jobs.list", compact ? 2 : 4, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn(tr("jobs.col.job"), 0, 1.2f);
            ImGui::TableSetupColumn(tr("jobs.col.schedule"), 0, 1.0f);
            if (!compact) {
                ImGui::TableSetupColumn(tr("jobs.col.last_run"), 0, 1.4f);
                ImGui::TableSetupColumn(tr("jobs.col.status"), 0, 0.8f);
            }
            widgets::strong_headers_row();
            for (const api::Json& job : m_jobs) {
                const std::string name = json_string(job, "name");
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                widgets::text("cell", "jobs." + name + ".name", name);
                ImGui::TableNextColumn();
                widgets::text("cell", "jobs." + name + ".schedule", json_string(job, "schedule"), widgets::colors::kMuted);
                if (compact) continue;
                const api::Json* last = nullptr;
                for (const api::Json& run : m_runs)
                    if (json_string(run, "job") == name) {
                        last = &run;
                        break;
                    }
                ImGui::TableNextColumn();
                widgets::text("cell", "jobs." + name + ".last", last ? format_unix_time(json_int(*last, "started_at")) + " · " + duration_text(*last)
                                                                     : std::string(tr("jobs.never")));
                ImGui::TableNextColumn();
                const std::string status = last ? json_string(*last, "status") : "";
                widgets::text("cell", "jobs." + name + ".status", status.empty() ? tr("common.none") : status,
                              status == "failed" ? widgets::colors::kDanger : widgets::colors::kSuccess);
            }
            ImGui::EndTable();
        }
    }
    widgets::end_card();

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("jobs.runs", compact ? 3 : 5, flags, ImVec2(0, -widgets::pager_height()))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("jobs.col.started"), 0, 1.2f);
        ImGui::TableSetupColumn(tr("jobs.col.job"), 0, 1.0f);
        if (!compact) ImGui::TableSetupColumn(tr("jobs.col.duration"), 0, 0.6f);
        ImGui::TableSetupColumn(tr("jobs.col.status"), 0, 0.7f);
        if (!compact) ImGui::TableSetupColumn(tr("jobs.col.result"), 0, 2.4f);
        widgets::strong_headers_row();
        for (const api::Json& run : m_runs) {
            const std::string prefix = "jobs.run." + std::to_string(json_int(run, "id"));
            const std::string status = json_string(run, "status");
            ImGui::TableNextRow(0, ImGui::GetFrameHeight());
            ImGui::TableNextColumn();
            widgets::text("cell", prefix + ".started", format_unix_time(json_int(run, "started_at")), widgets::colors::kMuted);
            ImGui::TableNextColumn();
            widgets::text("cell", prefix + ".job", json_string(run, "job"));
            if (!compact) {
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".duration", duration_text(run));
            }
            ImGui::TableNextColumn();
            widgets::text("cell", prefix + ".status", status, status == "failed" ? widgets::colors::kDanger : widgets::colors::kSuccess);
            if (!compact) {
                ImGui::TableNextColumn();
                const api::Json result = run.contains("result") ? run["result"] : api::Json();
                std::string text = result.is_null() ? std::string() : result.dump(-1, ' ', false, api::Json::error_handler_t::replace);
                if (text.size() > 120) text = text.substr(0, 117) + "...";
                widgets::text("cell", prefix + ".result", text, widgets::colors::kMuted);
            }
        }
        ImGui::EndTable();
    }
    if (m_loaded && m_runs.empty()) widgets::muted("jobs.empty", tr("jobs.empty"));
    if (widgets::pager("jobs", m_page, m_total, kPerPage)) reload();
}

}  // namespace kimonet
