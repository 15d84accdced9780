#include "views/view_tickets.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "tickets/ticket_rules.hpp"
#include "ui_registry.hpp"
#include "views/admin_widgets.hpp"
#include "views/view_invoice_detail.hpp"
#include "widgets/download_button.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kStatusFilter[] = {"", "active", "open", "assigned", "in_progress", "closed"};

template <std::size_t N>
std::vector<std::string> labels_of(const char* prefix, const std::array<std::string_view, N>& words, bool with_all) {
    std::vector<std::string> out;
    if (with_all) out.push_back(tr("tickets.filter.all"));
    for (auto word : words) out.push_back(tr(std::string(prefix) + std::string(word)));
    return out;
}

std::string row_id(std::int64_t id, const char* part) { return "tickets." + std::to_string(id) + "." + part; }

// "2:05" hours and minutes (at most days of hours: a target is never further).
std::string hours_minutes(std::int64_t seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld", static_cast<long long>(seconds / 3600), static_cast<long long>((seconds % 3600) / 60));
    return text;
}

void status_badge(const std::string& id, const std::string& status) {
    const std::string label = tr("tickets.status." + status);
    if (status == "closed") widgets::badge(id, label, widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
    else if (status == "open") widgets::badge(id, label, widgets::colors::kWarning, widgets::colors::kWarningSoft);
    else widgets::badge(id, label, widgets::colors::kAccent, widgets::colors::kNeutralSoft);
}

// The SLA line: past a target in red, otherwise the time left to the next one.
void sla_line(const std::string& id, const api::Json& ticket) {
    const api::Json& sla = ticket.contains("sla") && ticket["sla"].is_object() ? ticket["sla"] : api::Json::object();
    if (json_bool(sla, "breached", false)) {
        widgets::badge(id, tr("tickets.breached"), widgets::colors::kDanger, widgets::colors::kDangerSoft);
        if (!display().compact()) ImGui::SameLine();
        widgets::text("cell", id + "_reason", tr("tickets.breach." + json_string(sla, "breach", "resolve")), widgets::colors::kDanger);
    } else if (sla.contains("seconds_left") && sla["seconds_left"].is_number_integer()) {
        widgets::muted((id + "_left").c_str(), i18n::tr_format("tickets.left", {{"time", hours_minutes(sla["seconds_left"].get<std::int64_t>())}}));
    }
}

}  // namespace

ViewTickets::ViewTickets(bool portal) : m_portal(portal), m_list(portal ? "/api/portal/tickets" : "/api/tickets", 20) {}

void ViewTickets::enter(App&) {
    m_open_id = 0;
    m_ticket = api::Json();
    if (m_report_key.empty()) m_report_key = new_idempotency_key();
    reload();
}

std::string ViewTickets::route() const {
    const std::string screen = m_portal ? "trouble" : "tickets";
    return m_open_id > 0 ? screen + "/" + std::to_string(m_open_id) : screen;
}

RouteOutcome ViewTickets::open_subroute(App&, const std::vector<std::string>& rest) {
    if (rest.empty()) {
        m_open_id = 0;
        return RouteOutcome::Opened;
    }
    if (rest.size() != 1 || rest[0].empty() || rest[0].size() > 12 || rest[0].find_first_not_of("0123456789") != std::string::npos)
        return RouteOutcome::Unknown;
    open_ticket(std::stoll(rest[0]));
    return RouteOutcome::Opened;
}

void ViewTickets::reload() {
    std::string filters;
    if (!m_portal) {
        if (*kStatusFilter[m_status]) filters += std::string("&status=") + kStatusFilter[m_status];
        if (m_priority > 0) filters += "&priority=" + std::string(tickets::kPriorities[static_cast<std::size_t>(m_priority - 1)]);
        if (m_category > 0) filters += "&category=" + std::string(tickets::kCategories[static_cast<std::size_t>(m_category - 1)]);
        if (m_breach_only) filters += "&breach=1";
        if (m_mine_only && m_user_id > 0) filters += "&assignee=" + std::to_string(m_user_id);
    }
    m_list.load(filters);
}

void ViewTickets::open_ticket(std::int64_t id) {
    m_open_id = id;
    m_error.clear();
    m_fields.clear();
    api_client().get(base() + "/" + std::to_string(id), [this, id](const ApiResponse& response) {
        if (m_open_id != id) return;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_ticket = response_data(response.body);
    });
}

void ViewTickets::act(const std::string& path, const api::Json& body, bool put) {
    m_busy = true;
    m_fields.clear();
    m_error.clear();
    const std::int64_t id = m_open_id;
    auto done = [this, id](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_fields = response.fields;
            m_error = m_fields.empty() ? i18n::api_error_text(response.error_code, response.error_message) : all_field_errors(m_fields);
            return;
        }
        m_comment.clear();
        m_close_note.clear();
        m_internal = false;
        open_ticket(id);
        reload();
    };
    if (put) api_client().put(path, body, done);
    else api_client().post(path, body, done);
}

void ViewTickets::draw_filters(App& app) {
    m_user_id = app.user().id;
    const bool compact = display().compact();
    const float width = compact ? -FLT_MIN : display().px(200);
    std::vector<std::string> statuses = {tr("tickets.filter.all"), tr("tickets.filter.active")};
    for (std::size_t i = 2; i < std::size(kStatusFilter); ++i) statuses.push_back(tr(std::string("tickets.status.") + kStatusFilter[i]));
    bool changed = widgets::select_field("tickets.filter.status", tr("tickets.filter.status"), statuses, m_status, {}, width);
    if (!compact) ImGui::SameLine();
    changed |= widgets::select_field("tickets.filter.priority", tr("tickets.filter.priority"), labels_of("tickets.priority.", tickets::kPriorities, true),
                                     m_priority, {}, width);
    if (!compact) ImGui::SameLine();
    changed |= widgets::select_field("tickets.filter.category", tr("tickets.filter.category"), labels_of("tickets.category.", tickets::kCategories, true),
                                     m_category, {}, width);
    changed |= widgets::checkbox("tickets.filter.breach", tr("tickets.filter.breach"), m_breach_only);
    if (!compact) ImGui::SameLine();
    changed |= widgets::checkbox("tickets.filter.mine", tr("tickets.filter.mine"), m_mine_only);
    if (changed) {
        m_list.first_page();
        reload();
    }
}

void ViewTickets::draw_report_form(App& app) {
    if (!widgets::begin_card("trouble.form")) {
        widgets::end_card();
        return;
    }
    widgets::title("trouble.form_title", tr("trouble.title"));
    widgets::select_field("trouble.category", tr("tickets.filter.category"), labels_of("tickets.category.", tickets::kCategories, false),
                          m_report_category, i18n::translate_message(field_error(m_fields, "category")));
    multiline_field("trouble.message", tr("tickets.message"), m_report_message, display().px(110),
                    i18n::translate_message(field_error(m_fields, "message")));
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("trouble.help", tr("tickets.report_help"));
    ImGui::PopTextWrapPos();
    if (widgets::button("trouble.send", tr("tickets.report"), widgets::ButtonStyle::Primary, display().compact() ? -FLT_MIN : 0.f, m_busy)) {
        m_busy = true;
        m_fields.clear();
        const api::Json body = {{"category", std::string(tickets::kCategories[static_cast<std::size_t>(m_report_category)])},
                                {"message", m_report_message},
                                {"idempotency_key", m_report_key}};
        api_client().post(base(), body, [this, &app](const ApiResponse& response) {
            m_busy = false;
            if (!response.ok()) {
                m_fields = response.fields;
                return;
            }
            app.toast_ok(tr("tickets.reported"));
            m_report_message.clear();
            // The next report is a new one (a fresh key: the server takes 1-128 of letters, digits and
            // "-_.:"); this one, sent again, stays the same ticket.
            m_report_key = new_idempotency_key();
            reload();
        });
    }
    widgets::end_card();
}

void ViewTickets::draw_row(const api::Json& ticket) {
    const std::int64_t id = json_int(ticket, "id");
    const bool breached = ticket.contains("sla") && json_bool(ticket["sla"], "breached", false);
    ImGui::PushID(static_cast<int>(id));
    if (breached) ImGui::PushStyleColor(ImGuiCol_Border, widgets::colors::kDanger);
    if (widgets::begin_card("ticket")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("cell", row_id(id, "title"), json_string(ticket, "number") + " · " + json_string(ticket, "subject"));
        ImGui::PopFont();
        status_badge(row_id(id, "status"), json_string(ticket, "status"));
        ImGui::SameLine();
        widgets::badge(row_id(id, "priority"), tr("tickets.priority." + json_string(ticket, "priority")), widgets::colors::kText,
                       widgets::colors::kNeutralSoft);
        if (json_string(ticket, "status") != "closed") {
            if (!display().compact()) ImGui::SameLine();
            sla_line(row_id(id, "sla"), ticket);
        }
        ImGui::PushTextWrapPos(0.f);  // a phone wraps the long lines instead of cutting them
        std::string who = m_portal ? std::string() : json_string(ticket, "service_number") + " · " + json_string(ticket, "customer_name") + " · ";
        widgets::muted(row_id(id, "about").c_str(), who + tr("tickets.category." + json_string(ticket, "category")) + " · " +
                                                       format_unix_time(json_int(ticket, "created_at")));
        const std::string assignee = json_string(ticket, "assignee_name");
        widgets::muted(row_id(id, "assignee").c_str(),
                       std::string(tr("tickets.assignee")) + ": " + (assignee.empty() ? std::string(tr("tickets.unassigned")) : assignee));
        ImGui::PopTextWrapPos();
        if (widgets::button(row_id(id, "open").c_str(), tr("tickets.open"), widgets::ButtonStyle::Secondary, display().compact() ? -FLT_MIN : 0.f))
            open_ticket(id);
        ui_registry::name_with(row_id(id, "open"), json_string(ticket, "number"));
    }
    widgets::end_card();
    if (breached) ImGui::PopStyleColor();
    ImGui::PopID();
}

void ViewTickets::draw(App& app) {
    take_picked_photo();
    if (m_open_id > 0) {
        draw_detail(app);
        return;
    }
    if (!m_list.error().empty()) widgets::banner("tickets.error", m_list.error(), true);
    const float pager_height = widgets::pager_height();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kBackground);
    ImGui::BeginChild("tickets.list", ImVec2(0, m_portal ? 0.f : -pager_height), false);
    ImGui::PopStyleColor();
    // The form and the filters scroll with the list: on a phone they would leave it no room otherwise.
    if (m_portal) draw_report_form(app);
    else draw_filters(app);
    if (m_portal) widgets::title("tickets.my", tr("tickets.my"));
    if (m_list.loaded() && m_list.rows().empty()) widgets::muted("tickets.empty", tr("tickets.empty"));
    for (const api::Json& ticket : m_list.rows()) draw_row(ticket);
    ImGui::EndChild();
    if (!m_portal && m_list.pager("tickets")) reload();
}

}  // namespace kimonet
