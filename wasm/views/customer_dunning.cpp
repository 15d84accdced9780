#include "views/customer_dunning.hpp"

#include "api/dunning_dto.hpp"
#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

ImU32 state_color(const std::string& state) {
    if (state == "done") return widgets::colors::kSuccess;
    if (state == "failed") return widgets::colors::kDanger;
    if (state == "due" || state == "postponed" || state == "paused") return widgets::colors::kWarning;
    return widgets::colors::kMuted;
}

std::string date_text(const std::string& iso) {
    auto date = parse_date(iso);
    return date ? i18n::format_date(*date) : iso;
}

}  // namespace

void CustomerDunningPanel::open(App& app, std::int64_t customer_id) {
    if (customer_id != m_customer_id) {  // the same customer again (a refresh) keeps showing the old timeline until the new one is in
        m_data = api::Json();
        m_loaded = false;
    }
    m_customer_id = customer_id;
    m_error.clear();
    if (!app.user().can("dunning.read")) return;
    const std::int64_t requested = customer_id;
    api_client().get("/api/customers/" + std::to_string(customer_id) + "/dunning", [this, requested](const ApiResponse& response) {
        if (requested != m_customer_id) return;
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_data = response_data(response.body);
    });
}

void CustomerDunningPanel::draw(App& app) {
    if (!app.user().can("dunning.read")) return;
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "dunning.customer.title", tr("dunning.customer.title"));
    ImGui::PopFont();
    if (!m_error.empty()) widgets::banner("dunning.customer.error", m_error, true);
    if (!m_loaded || !m_data.is_object()) return;
    const api::Json& schedule = m_data.contains("schedule") ? m_data["schedule"] : api::Json();
    if (schedule.is_object())
        widgets::muted("dunning.customer.schedule",
                       i18n::tr_format("dunning.customer.schedule", {{"name", json_string(schedule, "name")},
                                                               {"source", tr(("dunning.source." + json_string(m_data, "schedule_source")).c_str())}}));
    // Outages pausing the customer (issue 21): which one, since when, and until when once it ended.
    if (m_data.contains("outage_pauses") && m_data["outage_pauses"].is_array())
        for (const api::Json& pause : m_data["outage_pauses"]) {
            const std::string ended = json_string(pause, "ended_at_text");
            const std::string text = i18n::tr_format(ended.empty() ? "dunning.customer.outage_pause" : "dunning.customer.outage_pause_ended",
                                                     {{"title", json_string(pause, "title")}, {"area", json_string(pause, "area_name")},
                                                      {"since", json_string(pause, "started_at_text")}, {"until", ended}});
            widgets::text("text", "dunning.customer.outage." + std::to_string(json_int(pause, "id")), text, widgets::colors::kWarning);
        }
    if (json_bool(m_data, "isolation_paused", false))
        widgets::text("text", "dunning.customer.isolation_paused", tr("dunning.customer.isolation_paused"), widgets::colors::kWarning);
    const std::string isolation = json_string(m_data, "isolation_date");
    if (!isolation.empty())
        widgets::text("text", "dunning.customer.isolation", i18n::tr_format("dunning.customer.isolation", {{"date", date_text(isolation)}}),
                      widgets::colors::kDanger);
    m_promises.draw(app, m_customer_id, m_data, [this, &app]() { open(app, m_customer_id); });
    const api::Json& timeline = m_data.contains("timeline") ? m_data["timeline"] : api::Json();
    if (!timeline.is_array() || timeline.empty()) {
        widgets::muted("dunning.customer.empty", tr("dunning.customer.empty"));
        return;
    }
    const bool compact = display().compact();
    if (ImGui::BeginTable("dunning.customer.timeline", compact ? 3 : 5, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(tr("dunning.col.date"), 0, 1.1f);
        ImGui::TableSetupColumn(tr("dunning.col.step"), 0, 1.2f);
        if (!compact) ImGui::TableSetupColumn(tr("dunning.col.invoice"), 0, 1.2f);
        if (!compact) ImGui::TableSetupColumn(tr("dunning.col.amount"), 0, 0.9f);
        ImGui::TableSetupColumn(tr("dunning.col.state"), 0, 0.8f);
        widgets::strong_headers_row();
        for (const api::Json& written : timeline) {
            const dunning::TimelineEntry entry = api::timeline_entry_from_json(written);
            const std::string prefix = "dunning.customer." + std::to_string(entry.invoice_id) + "." + std::to_string(entry.step.id);
            // The server's word: "postponed" (a promise to pay defers the step) has no TimelineState.
            const std::string state = json_string(written, "state", std::string(dunning::to_string(entry.state)));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            widgets::text("cell", prefix + ".date", i18n::format_date(entry.date));
            ImGui::TableNextColumn();
            widgets::text("cell", prefix + ".step",
                          dunning::day_label(entry.step.day_offset) + " · " +
                              tr(("dunning.action." + std::string(dunning::to_string(entry.step.action))).c_str()));
            if (!compact) {
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".invoice", entry.invoice_no, widgets::colors::kMuted);
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".amount", format_rupiah(entry.amount));
            }
            ImGui::TableNextColumn();
            widgets::text("cell", prefix + ".state", tr(("dunning.state." + state).c_str()), state_color(state));
        }
        ImGui::EndTable();
    }
}

}  // namespace kimonet
