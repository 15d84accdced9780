#include "views/customer_network.hpp"

#include "api_client.hpp"
#include "app.hpp"
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

ImU32 result_color(const std::string& result) {
    if (result == "applied" || result == "unchanged") return widgets::colors::kSuccess;
    if (result == "pending") return widgets::colors::kWarning;
    return widgets::colors::kDanger;
}

}  // namespace

void CustomerNetworkPanel::open(App& app, std::int64_t customer_id) {
    m_customer_id = customer_id;
    m_log.clear();
    m_log_loaded = false;
    m_busy = false;
    m_reason.clear();
    m_notice.clear();
    m_error.clear();
    if (app.user().can("network.read")) load_log();
}

void CustomerNetworkPanel::refresh(App& app) {
    if (app.user().can("network.read")) load_log();
}

void CustomerNetworkPanel::load_log() {
    const std::int64_t requested = m_customer_id;
    api_client().get("/api/customers/" + std::to_string(requested) + "/isolation-log", [this, requested](const ApiResponse& response) {
        if (requested != m_customer_id) return;
        m_log_loaded = true;
        if (!response.ok()) return;
        m_log.clear();
        const api::Json& rows = response_data(response.body);
        if (!rows.is_array()) return;
        for (const api::Json& row : rows) {
            m_log.push_back({json_int(row, "id"), json_int(row, "at"), json_string(row, "action"), json_string(row, "reason"),
                             json_string(row, "result"), json_string(row, "router_name"), json_string(row, "profile_before"),
                             json_string(row, "profile_after"), json_string(row, "detail"), json_string(row, "actor_name")});
        }
    });
}

void CustomerNetworkPanel::act(const std::string& action, const std::function<void()>& changed) {
    m_busy = true;
    m_notice.clear();
    m_error.clear();
    const std::int64_t requested = m_customer_id;
    api::Json body = api::Json::object();
    if (!m_reason.empty()) body["reason"] = m_reason;
    api_client().post("/api/customers/" + std::to_string(requested) + "/" + action, body,
                      [this, requested, action, changed](const ApiResponse& response) {
                          if (requested != m_customer_id) return;
                          m_busy = false;
                          if (!response.ok()) {
                              m_error = i18n::api_error_text(response.error_code, response.error_message);
                              return;
                          }
                          const api::Json& data = response_data(response.body);
                          const std::string result = json_string(data, "result");
                          const std::string profile = json_string(data, "profile_after");
                          if (result == "pending")
                              m_notice = i18n::tr_format("network.pending", {{"detail", json_string(data, "detail")}});
                          else
                              m_notice = i18n::tr_format(action == "isolate" ? "network.isolated" : "network.restored", {{"profile", profile}});
                          m_reason.clear();
                          load_log();
                          if (changed) changed();
                      });
}

void CustomerNetworkPanel::draw_log() {
    if (m_log_loaded && m_log.empty()) {
        widgets::muted("customer_detail.isolation.empty", tr("network.log_empty"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp;
    const bool compact = display().compact();
    if (!ImGui::BeginTable("customer_detail.isolation", compact ? 3 : 5, flags)) return;
    ImGui::TableSetupColumn(tr("network.col.at"), 0, 1.3f);
    ImGui::TableSetupColumn(tr("network.col.action"), 0, 0.9f);
    if (!compact) ImGui::TableSetupColumn(tr("network.col.reason"), 0, 2.0f);
    if (!compact) ImGui::TableSetupColumn(tr("network.col.router"), 0, 1.0f);
    ImGui::TableSetupColumn(tr("network.col.result"), 0, 1.6f);
    widgets::strong_headers_row();
    for (const LogRow& row : m_log) {
        const std::string id = "customer_detail.isolation." + std::to_string(row.id);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.f);  // a narrow column puts the time under the date instead of cutting it
        widgets::text("cell", id + ".at", i18n::format_date_time(row.at));
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".action", tr(("network.action." + row.action).c_str()));
        if (!compact) {
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.f);
            widgets::text("cell", id + ".reason", row.reason + " · " + row.actor_name);
            ImGui::PopTextWrapPos();
            ImGui::TableNextColumn();
            widgets::text("cell", id + ".router", row.router_name);
        }
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.f);
        std::string result = tr(("network.result." + row.result).c_str());
        if (!row.profile_after.empty()) result += " · " + row.profile_before + " -> " + row.profile_after;
        if (!row.detail.empty()) result += " · " + row.detail;
        widgets::text("cell", id + ".result", result, result_color(row.result));
        ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
}

// Isolating cuts a paying customer off: it needs a reason (it is in the log and on the isolir
// page's audit) and a second, explicit step that says what will happen.
void CustomerNetworkPanel::draw_isolate(const std::function<void()>& changed) {
    if (m_focus_reason) {
        m_focus_reason = false;
        ImGui::SetScrollHereY(0.3f);
        ImGui::SetKeyboardFocusHere();
    }
    if (widgets::text_field("customer_detail.isolate_reason", tr("network.reason"), m_reason, m_reason_error, 0, tr("network.reason_hint"))) {
        m_reason_error.clear();
        m_confirming_isolate = false;
    }
    if (!m_confirming_isolate) {
        if (widgets::button("customer_detail.isolate", tr("network.isolate"), widgets::ButtonStyle::Danger, 0.f, m_busy)) {
            if (m_reason.find_first_not_of(" \t") == std::string::npos) m_reason_error = tr("network.reason_required");
            else m_confirming_isolate = true;
        }
        return;
    }
    ImGui::PushTextWrapPos(0.f);
    widgets::text("text", "customer_detail.isolate_question", tr("network.isolate_question"), widgets::colors::kDanger);
    ImGui::PopTextWrapPos();
    if (widgets::button("customer_detail.isolate_confirm", tr("network.isolate_confirm"), widgets::ButtonStyle::Danger, 0.f, m_busy)) {
        m_confirming_isolate = false;
        act("isolate", changed);
    }
    ImGui::SameLine();
    if (widgets::button("customer_detail.isolate_cancel", tr("common.cancel"), widgets::ButtonStyle::Secondary)) m_confirming_isolate = false;
}

void CustomerNetworkPanel::draw(App& app, CustomerStatus status, const std::function<void()>& changed) {
    if (!app.user().can("network.read") && !app.user().can("network.control")) return;
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "customer_detail.network.title", tr("network.title"));
    ImGui::PopFont();
    if (!m_notice.empty()) widgets::banner("customer_detail.network.notice", m_notice, false);
    if (!m_error.empty()) widgets::banner("customer_detail.network.error", m_error, true);
    const bool connected = status == CustomerStatus::Active || status == CustomerStatus::Isolated;
    if (app.user().can("network.control") && connected) {
        if (status == CustomerStatus::Active) {
            draw_isolate(changed);
        } else {
            if (widgets::button("customer_detail.restore", tr("network.restore"), widgets::ButtonStyle::Primary, 0.f, m_busy))
                act("restore", changed);
            ImGui::SameLine();
            widgets::muted("customer_detail.restore_hint", tr("network.restore_hint"));
        }
    }
    ImGui::Dummy(ImVec2(0, display().px(4)));
    if (app.user().can("network.read")) draw_log();
}

}  // namespace kimonet
