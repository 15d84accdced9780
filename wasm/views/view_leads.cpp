#include "views/view_leads.hpp"

#include <algorithm>

#include "api_client.hpp"
#include "app.hpp"
#include "views/admin_widgets.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kRejectDialog = "leads_reject";
constexpr const char* kStatusFilters[] = {"", "new", "converted", "rejected"};

std::string lead_id(const api::Json& lead, const char* part) { return "leads." + std::to_string(json_int(lead, "id")) + "." + part; }

void status_badge(const api::Json& lead) {
    const std::string status = json_string(lead, "status");
    const std::string id = lead_id(lead, "status");
    if (status == "converted") widgets::badge(id, tr("leads.status.converted"), widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
    else if (status == "rejected") widgets::badge(id, tr("leads.status.rejected"), widgets::colors::kDanger, widgets::colors::kDangerSoft);
    else widgets::badge(id, tr("leads.status.new"), widgets::colors::kWarning, widgets::colors::kWarningSoft);
}

}  // namespace

void ViewLeads::enter(App&) { reload(); }

void ViewLeads::reload() {
    m_leads.load(*kStatusFilters[m_filter] ? std::string("&status=") + kStatusFilters[m_filter] : std::string());
}

void ViewLeads::convert(App& app, std::int64_t id) {
    m_busy = true;
    api_client().post("/api/leads/" + std::to_string(id) + "/convert", api::Json::object(), [this, &app, id](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) return;  // the app's toast shows the server's message
        const api::Json& data = response_data(response.body);
        const std::string number = data.is_object() && data.contains("customer") ? json_string(data["customer"], "service_number") : "";
        app.toast_ok(std::string(tr("leads.converted_toast")) + " " + number);
        // The converted lead stays in view (with "open customer") until the list is reloaded, so
        // the next step — opening the new customer — is one click away.
        if (data.is_object() && data.contains("lead") && data["lead"].is_object())
            for (api::Json& lead : m_leads.rows())
                if (json_int(lead, "id") == id) lead = data["lead"];
    });
}

void ViewLeads::draw_lead(App& app, const api::Json& lead) {
    const std::int64_t id = json_int(lead, "id");
    ImGui::PushID(static_cast<int>(id));
    if (widgets::begin_card("lead")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("cell", lead_id(lead, "name"), json_string(lead, "name"));
        ImGui::PopFont();
        ImGui::SameLine();
        status_badge(lead);
        widgets::muted(lead_id(lead, "number").c_str(), "REG-" + std::to_string(id) + " · " + format_unix_time(json_int(lead, "created_at")));
        widgets::text("cell", lead_id(lead, "package"), std::string(tr("leads.package")) + ": " + json_string(lead, "package_name"));
        widgets::text("cell", lead_id(lead, "contact"), json_string(lead, "phone") + " · " + json_string(lead, "email"));
        widgets::text("cell", lead_id(lead, "address"), json_string(lead, "address"), widgets::colors::kMuted);
        if (lead.contains("latitude") && lead["latitude"].is_number())
            widgets::muted(lead_id(lead, "location").c_str(), std::string(tr("leads.location")) + ": " + std::to_string(lead["latitude"].get<double>()) +
                                                                  ", " + std::to_string(lead["longitude"].get<double>()));
        const std::string status = json_string(lead, "status");
        if (status == "new") {
            if (app.user().can("customers.create")) {
                if (widgets::button(lead_id(lead, "convert").c_str(), tr("leads.convert"), widgets::ButtonStyle::Primary, 0.f, m_busy)) convert(app, id);
                ImGui::SameLine();
                if (widgets::button(lead_id(lead, "reject").c_str(), tr("leads.reject"), widgets::ButtonStyle::Danger, 0.f, m_busy)) {
                    m_reject_id = id;
                    m_reject_reason.clear();
                    m_reject_error.clear();
                    m_reject_requested = true;
                }
            }
        } else if (status == "converted") {
            widgets::muted(lead_id(lead, "decided").c_str(),
                           std::string(tr("leads.became")) + " " + json_string(lead, "service_number") + " · " + json_string(lead, "decided_by"));
            const std::int64_t customer_id = json_int(lead, "customer_id");
            if (customer_id > 0 && widgets::button(lead_id(lead, "open").c_str(), tr("leads.open_customer"), widgets::ButtonStyle::Link))
                app.open_customer(customer_id);
        } else {
            const std::string reason = json_string(lead, "reject_reason");
            widgets::muted(lead_id(lead, "decided").c_str(), std::string(tr("leads.rejected_by")) + " " + json_string(lead, "decided_by") +
                                                                 (reason.empty() ? std::string() : " · " + reason));
        }
    }
    widgets::end_card();
    ImGui::PopID();
}

void ViewLeads::draw_reject_dialog() {
    if (m_reject_requested) {
        ImGui::OpenPopup(kRejectDialog);
        m_reject_requested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(display().px(460), viewport->Size.x - display().px(24)), 0));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(20), display().px(18)));
    const bool open = ImGui::BeginPopupModal(kRejectDialog, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    if (!open) return;
    widgets::title("leads_reject.title", tr("leads.reject_title"));
    widgets::text_field("leads_reject.reason", tr("leads.reject_reason"), m_reject_reason, m_reject_error);
    if (widgets::button("leads_reject.confirm", tr("leads.reject"), widgets::ButtonStyle::Danger, 0.f, m_busy)) {
        m_busy = true;
        api_client().post("/api/leads/" + std::to_string(m_reject_id) + "/reject", api::Json{{"reason", m_reject_reason}},
                          [this](const ApiResponse& response) {
                              m_busy = false;
                              if (!response.ok()) {
                                  const auto field = response.fields.find("reason");
                                  m_reject_error = field != response.fields.end() ? field->second : response.error_message;
                                  return;
                              }
                              m_reject_id = 0;
                              reload();
                          });
    }
    ImGui::SameLine();
    if (widgets::button("leads_reject.cancel", tr("common.cancel")) || widgets::dialog_escape()) m_reject_id = 0;
    if (m_reject_id == 0) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void ViewLeads::draw(App& app) {
    if (!m_leads.error().empty()) widgets::banner("leads.error", m_leads.error(), true);
    std::vector<std::string> filters = {tr("leads.filter.all"), tr("leads.status.new"), tr("leads.status.converted"), tr("leads.status.rejected")};
    const float width = display().compact() ? -FLT_MIN : display().px(240);
    if (widgets::select_field("leads.filter", tr("leads.filter"), filters, m_filter, {}, width)) {
        m_leads.first_page();
        reload();
    }
    const float pager_height = widgets::pager_height();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kBackground);
    ImGui::BeginChild("leads.list", ImVec2(0, -pager_height), false);
    ImGui::PopStyleColor();
    if (m_leads.loaded() && m_leads.rows().empty()) widgets::muted("leads.empty", tr("leads.empty"));
    for (const api::Json& lead : m_leads.rows()) draw_lead(app, lead);
    ImGui::EndChild();
    if (m_leads.pager("leads")) reload();
    draw_reject_dialog();
}

}  // namespace kimonet
