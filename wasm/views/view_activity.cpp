#include "views/view_activity.hpp"

#include "api_client.hpp"
#include "app.hpp"
#include "core/date.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "jobs/run_words.hpp"
#include "platform/display.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;


// "YYYY-MM-DD" of a unix time in the ISP's time zone.
std::string day_of(std::int64_t unix_seconds) { return to_string(local_from_unix(unix_seconds, i18n::time_zone()).date); }

}  // namespace

void ViewActivity::enter(App&) { reload(); }

void ViewActivity::reload() {
    // The API filters by actor and subject type; the date narrows the page here (rows are newest first).
    std::string filters;
    if (!m_actor.empty()) filters += "&actor=" + url_encode(m_actor);
    if (!m_subject_type.empty()) filters += "&subject_type=" + url_encode(m_subject_type);
    m_list.load(filters, [this](const ApiResponse&) { m_expanded = -1; });
}

void ViewActivity::draw(App&) {
    const bool compact = display().compact();
    const float field = compact ? -FLT_MIN : display().px(200);
    auto filter = [&](const char* id, const char* label, std::string& value, const char* hint) {
        ImGui::BeginGroup();
        if (widgets::text_field(id, label, value, {}, ImGuiInputTextFlags_EnterReturnsTrue, hint, field)) {
            m_list.first_page();
            reload();
        }
        ImGui::EndGroup();
        if (!compact) ImGui::SameLine();
    };
    filter("activity.actor", tr("activity.actor"), m_actor, "admin");
    filter("activity.subject_type", tr("activity.subject_type"), m_subject_type, "customer");
    ImGui::BeginGroup();
    widgets::text_field("activity.date", tr("activity.date"), m_date, {}, 0, "2026-01-15", field);
    ImGui::EndGroup();
    if (!compact) ImGui::SameLine();
    ImGui::BeginGroup();
    if (!compact) ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeightWithSpacing()));
    if (widgets::button("activity.apply", tr("activity.apply"), widgets::ButtonStyle::Primary)) {
        m_list.first_page();
        reload();
    }
    ImGui::EndGroup();
    if (!m_list.error().empty()) widgets::banner("activity.error", m_list.error(), true);

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    int shown = 0;
    if (widgets::begin_table("activity.table",
                             {{tr("activity.col.time"), 1.1f}, {tr("activity.col.actor"), 0.9f, !compact},
                              {tr("activity.col.action"), 1.4f}, {tr("activity.col.subject"), 1.0f, !compact}},
                             flags, -widgets::pager_height())) {
        int index = 0;
        for (const api::Json& row : m_list.rows()) {
            const int current = index++;
            const std::int64_t at = json_int(row, "at");
            if (!m_date.empty() && day_of(at) != m_date) continue;
            ++shown;
            const std::string prefix = "activity." + std::to_string(json_int(row, "id"));
            ImGui::PushID(current);
            ImGui::TableNextRow(0, ImGui::GetFrameHeight());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", prefix + ".time", format_unix_time(at), widgets::colors::kMuted);
            if (!compact) {
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                widgets::text("cell", prefix + ".actor", json_string(row, "actor_name"));
            }
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            const api::Json before = row.contains("before") ? row["before"] : api::Json();
            const api::Json after = row.contains("after") ? row["after"] : api::Json();
            // In words (jobs/run_words.hpp): "Pengaturan diubah: company_name", not the action key and JSON.
            widgets::text("cell", prefix + ".action",
                          jobs::describe_activity(json_string(row, "action"), json_string(row, "subject_type"), json_int(row, "subject_id"), before, after),
                          widgets::colors::kAccent);
            if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (ImGui::IsItemClicked()) m_expanded = m_expanded == current ? -1 : current;
            if (!compact) {
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                const std::int64_t subject = json_int(row, "subject_id");
                widgets::text("cell", prefix + ".subject",
                              json_string(row, "subject_type") + (subject > 0 ? " #" + std::to_string(subject) : std::string()));
            }
            if (m_expanded == current) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0.f);
                widgets::muted((prefix + ".before").c_str(), std::string(tr("activity.before")) + " " + jobs::json_in_words(before));
                widgets::muted((prefix + ".after").c_str(), std::string(tr("activity.after")) + " " + jobs::json_in_words(after));
                ImGui::PopTextWrapPos();
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (m_list.loaded() && shown == 0) widgets::muted("activity.empty", tr("activity.empty"));
    if (m_list.pager("activity")) reload();
}

}  // namespace kimonet
