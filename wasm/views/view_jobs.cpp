#include "views/view_jobs.hpp"

#include <cstdio>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "jobs/run_words.hpp"
#include "jobs/schedule_presets.hpp"
#include "platform/display.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

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
    m_runs.load({}, [this](const ApiResponse& response) {
        m_jobs = response.body.contains("jobs") && response.body["jobs"].is_array() ? response.body["jobs"] : api::Json::array();
    });
}

void ViewJobs::draw(App&) {
    if (!m_runs.error().empty()) widgets::banner("jobs.error", m_runs.error(), true);
    const bool compact = display().compact();
    // Scheduled jobs: one card each with the schedule and the latest run.
    if (widgets::begin_card("jobs.schedule")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "jobs.schedule.title", tr("jobs.scheduled"));
        ImGui::PopFont();
        if (widgets::begin_table("jobs.list",
                                 {{tr("jobs.col.job"), 1.2f}, {tr("jobs.col.schedule"), 1.0f},
                                  {tr("jobs.col.last_run"), 1.4f, !compact}, {tr("jobs.col.status"), 0.8f, !compact}},
                                 ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
            for (const api::Json& job : m_jobs) {
                const std::string name = json_string(job, "name");
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                widgets::text("cell", "jobs." + name + ".name", jobs::job_title(name));
                ImGui::TableNextColumn();
                widgets::text("cell", "jobs." + name + ".schedule", jobs::describe_schedule(json_string(job, "schedule")), widgets::colors::kMuted);
                if (compact) continue;
                const api::Json* last = nullptr;
                for (const api::Json& run : m_runs.rows())
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
    if (widgets::begin_table("jobs.runs",
                             {{tr("jobs.col.started"), 1.2f}, {tr("jobs.col.job"), 1.0f}, {tr("jobs.col.duration"), 0.6f, !compact},
                              {tr("jobs.col.status"), 0.7f}, {tr("jobs.col.result"), 2.4f, !compact}},
                             flags, -widgets::pager_height())) {
        for (const api::Json& run : m_runs.rows()) {
            const std::string prefix = "jobs.run." + std::to_string(json_int(run, "id"));
            const std::string status = json_string(run, "status");
            ImGui::TableNextRow(0, ImGui::GetFrameHeight());
            ImGui::TableNextColumn();
            widgets::text("cell", prefix + ".started", format_unix_time(json_int(run, "started_at")), widgets::colors::kMuted);
            ImGui::TableNextColumn();
            widgets::text("cell", prefix + ".job", jobs::job_title(json_string(run, "job")));
            if (!compact) {
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".duration", duration_text(run));
            }
            ImGui::TableNextColumn();
            widgets::text("cell", prefix + ".status", status, status == "failed" ? widgets::colors::kDanger : widgets::colors::kSuccess);
            if (!compact) {
                ImGui::TableNextColumn();
                // In words, not JSON: "Penagihan bulanan: 312 tagihan dibuat" (jobs/run_words.hpp).
                const api::Json result = run.contains("result") ? run["result"] : api::Json();
                std::string text = jobs::describe_job_run(json_string(run, "job"), status, result);
                if (text.size() > 160) text = text.substr(0, 157) + "...";
                widgets::text("cell", prefix + ".result", text, widgets::colors::kMuted);
            }
        }
        ImGui::EndTable();
    }
    if (m_runs.loaded() && m_runs.rows().empty()) widgets::muted("jobs.empty", tr("jobs.empty"));
    if (m_runs.pager("jobs")) reload();
}

}  // namespace kimonet
