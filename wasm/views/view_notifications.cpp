#include "views/view_notifications.hpp"

#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "views/admin_widgets.hpp"
#include "views/dialog_routes.hpp"
#include "views/form_modal.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kNotificationsStatuses[] = {"", "queued", "sending", "sent", "failed", "cancelled"};
constexpr const char* kCustomerStatuses[] = {"active", "isolated", "inactive"};
constexpr const char* kDetail = "notification_detail";
constexpr const char* kBroadcast = "notification_broadcast";

void status_pill(const std::string& id, const std::string& status) {
    const std::string label = tr(("notifications.status." + status).c_str());
    if (status == "sent") widgets::badge(id, label, widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
    else if (status == "failed") widgets::badge(id, label, widgets::colors::kDanger, widgets::colors::kDangerSoft);
    else if (status == "cancelled") widgets::badge(id, label, widgets::colors::kMuted, IM_COL32(240, 242, 245, 255));
    else widgets::badge(id, label, widgets::colors::kWarning, widgets::colors::kWarningSoft);
}

std::string one_line(const std::string& text, std::size_t limit) {
    std::string out;
    for (char c : text) out.push_back(c == '\n' ? ' ' : c);
    if (out.size() > limit) {
        out.resize(limit);
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // whole UTF-8 characters
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
        out += "…";
    }
    return out;
}

}  // namespace

void ViewNotifications::enter(App&) {
    m_notice.clear();
    reload();
}

void ViewNotifications::reload() {
    std::string filters;
    if (m_status > 0) filters += std::string("&status=") + kNotificationsStatuses[m_status];
    if (!m_customer.empty()) filters += "&customer_id=" + url_encode(m_customer);
    m_list.load(filters, [this](const ApiResponse&) { m_error.clear(); });
}

void ViewNotifications::open(std::int64_t id) {
    m_detail_notice.clear();
    m_detail_id = id;
    m_detail_close = false;
    api_client().get("/api/notifications/" + std::to_string(id), [this, id](const ApiResponse& response) {
        if (id != m_detail_id) return;  // another one was asked for since (or it was closed)
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            m_detail_id = 0;
            m_detail_missing = true;
            return;
        }
        m_detail = response_data(response.body);
        m_detail_requested = true;
    });
}

std::string ViewNotifications::route() const {
    if (m_broadcast_requested || (m_broadcast_visible && !m_broadcast_close)) return "notifications/broadcast";
    return m_detail_id > 0 ? "notifications/" + std::to_string(m_detail_id) : std::string("notifications");
}

RouteOutcome ViewNotifications::open_subroute(App& app, const std::vector<std::string>& rest) {
    if (rest.empty() || (rest.size() == 1 && rest[0] == "broadcast")) {
        m_detail_id = 0;
        m_detail_requested = false;
        m_detail_close = m_detail_visible;
    }
    if (rest.size() == 1 && rest[0] == "broadcast") {
        if (!app.user().can("messages.send")) return RouteOutcome::Forbidden;
        if (!m_broadcast_requested && !m_broadcast_visible) open_broadcast(app);
        m_broadcast_close = false;
        return RouteOutcome::Opened;
    }
    if (m_broadcast_requested || m_broadcast_visible) {  // back from #/notifications/broadcast
        m_broadcast_requested = false;
        m_broadcast_close = m_broadcast_visible;
    }
    if (rest.empty()) return RouteOutcome::Opened;
    const std::int64_t id = rest.size() == 1 ? route_id(rest[0]) : 0;
    if (id == 0) return RouteOutcome::Unknown;
    if (id != m_detail_id) open(id);
    return RouteOutcome::Opened;
}

void ViewNotifications::resend(std::int64_t id) {
    api_client().post("/api/notifications/" + std::to_string(id) + "/resend", api::Json::object(), [this](const ApiResponse& response) {
        if (!response.ok()) {
            m_detail_notice = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_detail = response_data(response.body);
        m_detail_notice = tr("notifications.resent");
        reload();
    });
}

void ViewNotifications::send_broadcast(const api::Json& segment) {
    m_broadcast_busy = true;
    m_broadcast_fields.clear();
    m_broadcast_error.clear();
    api_client().post("/api/notifications/broadcast", api::Json{{"segment", segment}, {"message", m_message}},
                      [this](const ApiResponse& response) {
                          m_broadcast_busy = false;
                          m_confirming = false;
                          if (!response.ok()) {
                              m_broadcast_fields = response.fields;
                              m_broadcast_error = m_broadcast_fields.empty() ? i18n::api_error_text(response.error_code, response.error_message)
                                                                             : all_field_errors(m_broadcast_fields);
                              return;
                          }
                          const api::Json& data = response_data(response.body);
                          m_notice = i18n::tr_format("notifications.broadcast_done", {{"queued", std::to_string(json_int(data, "queued"))},
                                                                                       {"matched", std::to_string(json_int(data, "matched"))}});
                          m_message.clear();
                          m_broadcast_close = true;
                          reload();
                      });
}

void ViewNotifications::draw_table() {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const bool compact = display().compact();
    if (!widgets::begin_table("notifications.table",
                              {{tr("notifications.col.time"), 1.2f, !compact}, {tr("notifications.col.customer"), 1.4f},
                               {tr("notifications.col.template"), 1.0f, !compact},
                               {tr("notifications.col.message"), compact ? 1.6f : 3.0f}, {tr("notifications.col.status"), 0.9f},
                               {tr("notifications.col.attempts"), 0.6f, !compact}},
                              flags, -widgets::pager_height()))
        return;
    for (const api::Json& row : m_list.rows()) {
        const std::int64_t id = json_int(row, "id");
        const std::string prefix = "notifications." + std::to_string(id);
        ImGui::PushID(static_cast<int>(id));
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        if (!compact) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", prefix + ".time", format_unix_time(json_int(row, "created_at")), widgets::colors::kMuted);
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const std::string name = json_string(row, "customer_name");
        widgets::text("cell", prefix + ".customer", name.empty() ? json_string(row, "phone") : name, widgets::colors::kAccent);
        ui_registry::set_href("notifications/" + std::to_string(id));
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsItemClicked()) open(id);
        if (!compact) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", prefix + ".template", json_string(row, "template"));
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", prefix + ".message", one_line(json_string(row, "body"), compact ? 24 : 70));
        if (ImGui::IsItemClicked()) open(id);
        ImGui::TableNextColumn();
        status_pill(prefix + ".status", json_string(row, "status"));
        if (!compact) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", prefix + ".attempts", std::to_string(json_int(row, "attempts")));
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ViewNotifications::draw_detail(App& app) {
    if (m_detail_requested) {
        ImGui::OpenPopup(kDetail);
        m_detail_requested = false;
    }
    m_detail_visible = begin_form_modal(kDetail, "notification.title", tr("notifications.detail"), display().px(640));
    if (!m_detail_visible) return;
    if (m_detail_close) {
        m_detail_close = m_detail_visible = false;
        ImGui::CloseCurrentPopup();
        end_form_modal();
        return;
    }
    const std::int64_t id = json_int(m_detail, "id");
    const float footer = ImGui::GetFrameHeightWithSpacing() + display().px(12);
    ImGui::BeginChild("notification.body", ImVec2(0, -footer), false);
    const std::string who = json_string(m_detail, "customer_name") + " · " + json_string(m_detail, "phone");
    widgets::muted("notification.who", who);
    status_pill("notification.status", json_string(m_detail, "status"));
    ImGui::SameLine();
    widgets::muted("notification.meta", json_string(m_detail, "template") + " · " + format_unix_time(json_int(m_detail, "created_at")));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(220, 248, 198, 255));
    ImGui::BeginChild("notification.bubble", ImVec2(0, display().px(150)), true);
    ImGui::PushTextWrapPos(0.f);
    widgets::text("text", "notification.message", json_string(m_detail, "body"));
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    // A cancelled message's last_error is why it was dropped (e.g. the invoice was paid): no alarm.
    if (const std::string error = json_string(m_detail, "last_error"); !error.empty())
        widgets::text("text", "notification.last_error", error,
                      json_string(m_detail, "status") == "cancelled" ? widgets::colors::kMuted : widgets::colors::kDanger);
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "notification.attempts.title", tr("notifications.attempts"));
    ImGui::PopFont();
    const api::Json attempts = m_detail.contains("attempt_log") ? m_detail["attempt_log"] : api::Json::array();
    if (!attempts.is_array() || attempts.empty()) widgets::muted("notification.attempts.none", tr("notifications.no_attempts"));
    int index = 0;
    for (const api::Json& attempt : attempts) {
        const std::string row = "notification.attempt." + std::to_string(index++);
        widgets::text("cell", row, format_unix_time(json_int(attempt, "at")) + " · " + json_string(attempt, "gateway") + " · " +
                                        json_string(attempt, "outcome"));
        if (const std::string detail = json_string(attempt, "detail"); !detail.empty()) {
            ImGui::PushTextWrapPos(0.f);
            widgets::muted((row + ".detail").c_str(), detail);
            ImGui::PopTextWrapPos();
        }
    }
    if (!m_detail_notice.empty()) widgets::banner("notification.notice", m_detail_notice, false);
    ImGui::EndChild();
    if (widgets::button("notification.close", tr("common.close")) || widgets::dialog_escape()) {
        m_detail_id = 0;
        m_detail_visible = false;
        ImGui::CloseCurrentPopup();
    }
    if (app.user().can("messages.send")) {
        ImGui::SameLine();
        if (widgets::button("notification.resend", tr("notifications.resend"), widgets::ButtonStyle::Primary)) resend(id);
    }
    end_form_modal();
}

void ViewNotifications::open_broadcast(App& app) {
    m_broadcast_requested = true;
    m_confirming = false;
    m_broadcast_error.clear();
    m_broadcast_fields.clear();
    if (app.catalog().routers.empty() && app.user().can("routers.read")) app.catalog().reload_routers();
}

void ViewNotifications::draw_broadcast(App& app) {
    if (m_broadcast_requested) {
        ImGui::OpenPopup(kBroadcast);
        m_broadcast_requested = false;
    }
    m_broadcast_visible = begin_form_modal(kBroadcast, "broadcast.title", tr("notifications.broadcast"), display().px(560));
    if (!m_broadcast_visible) {
        m_broadcast_close = false;
        return;
    }
    if (m_broadcast_close) {
        m_broadcast_close = false;
        m_broadcast_visible = false;
        ImGui::CloseCurrentPopup();
        end_form_modal();
        return;
    }
    const Catalog& catalog = app.catalog();
    const std::vector<std::string> segments = {tr("broadcast.segment.all"), tr("broadcast.segment.router"), tr("broadcast.segment.package"),
                                               tr("broadcast.segment.status")};
    std::vector<std::string> choices;
    if (m_segment == 1)
        for (const RouterOption& router : catalog.routers) choices.push_back(router.name);
    if (m_segment == 2)
        for (const Package& package : catalog.packages) choices.push_back(package.name);
    if (m_segment == 3)
        for (const char* status : kCustomerStatuses) choices.push_back(tr((std::string("status.") + status).c_str()));
    if (begin_form_body("broadcast.body", m_broadcast_error)) {
        if (widgets::select_field("broadcast.segment", tr("broadcast.segment"), segments, m_segment)) {
            m_segment_choice = 0;
            m_confirming = false;
        }
        if (m_segment > 0 && widgets::select_field("broadcast.choice", tr("broadcast.choice"), choices, m_segment_choice))
            m_confirming = false;
        bool submitted = false;  // Ctrl+Enter in the message: "Kirim" (which still asks before sending)
        multiline_field("broadcast.message", tr("broadcast.message"), m_message, display().px(160), field_error(m_broadcast_fields, "message"),
                        &submitted);
        if (submitted && !m_message.empty()) m_confirming = true;
        if (m_confirming) widgets::banner("broadcast.confirm_text", tr("broadcast.confirm_text"), true);
    }
    end_form_body();
    api::Json segment = api::Json::object();
    if (m_segment == 0) segment["all"] = true;
    else if (m_segment == 1 && m_segment_choice < static_cast<int>(catalog.routers.size())) segment["router_id"] = catalog.routers[m_segment_choice].id;
    else if (m_segment == 2 && m_segment_choice < static_cast<int>(catalog.packages.size())) segment["package_id"] = catalog.packages[m_segment_choice].id;
    else if (m_segment == 3) segment["status"] = kCustomerStatuses[m_segment_choice];
    ImGui::Dummy(ImVec2(0, display().px(4)));
    if (!m_broadcast_error.empty()) widgets::banner("broadcast.banner", m_broadcast_error, true);
    if (widgets::button("broadcast.cancel", tr("common.cancel")) || widgets::dialog_escape()) {
        m_confirming = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (!m_confirming) {
        if (widgets::button("broadcast.send", tr("broadcast.send"), widgets::ButtonStyle::Primary, 0.f, m_message.empty())) m_confirming = true;
    } else if (widgets::button("broadcast.confirm", tr("broadcast.confirm"), widgets::ButtonStyle::Danger, 0.f, m_broadcast_busy)) {
        send_broadcast(segment);
    }
    end_form_modal();
}

void ViewNotifications::draw(App& app) {
    const std::vector<std::string> statuses = {tr("notifications.status_all"), tr("notifications.status.queued"),
                                               tr("notifications.status.sending"), tr("notifications.status.sent"),
                                               tr("notifications.status.failed"), tr("notifications.status.cancelled")};
    const bool compact = display().compact();
    const float field = compact ? -FLT_MIN : display().px(220);
    ImGui::BeginGroup();
    if (widgets::select_field("notifications.status", tr("notifications.status_filter"), statuses, m_status, {}, field)) {
        m_list.first_page();
        reload();
    }
    ImGui::EndGroup();
    if (!compact) ImGui::SameLine();
    ImGui::BeginGroup();
    if (widgets::text_field("notifications.customer", tr("notifications.customer_filter"), m_customer, {}, ImGuiInputTextFlags_CharsDecimal,
                            tr("notifications.customer_hint"), field)) {
        m_list.first_page();
        reload();
    }
    ImGui::EndGroup();
    if (app.user().can("messages.send")) {
        if (!compact) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - display().px(200));
        else ImGui::Dummy(ImVec2(0, 0));
        ImGui::BeginGroup();
        if (!compact) ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeightWithSpacing()));
        if (widgets::button("notifications.broadcast", tr("notifications.broadcast"), widgets::ButtonStyle::Primary,
                            compact ? ImGui::GetContentRegionAvail().x : display().px(200)))
            open_broadcast(app);
        ImGui::EndGroup();
    }
    if (!m_notice.empty()) widgets::banner("notifications.notice", m_notice, false);
    if (const std::string& error = m_error.empty() ? m_list.error() : m_error; !error.empty())
        widgets::banner("notifications.error", error, true);
    if (m_list.loaded() && m_list.rows().empty()) widgets::muted("notifications.empty", tr("notifications.empty"));
    draw_table();
    if (m_list.pager("notifications")) reload();
    if (std::exchange(m_detail_missing, false)) app.route_corrected();  // the address becomes #/notifications again
    draw_detail(app);
    draw_broadcast(app);
}

}  // namespace kimonet
