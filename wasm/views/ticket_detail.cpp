// One ticket on the Tickets screen (staff) or the portal's "Lapor gangguan" screen: its report,
// SLA, photos, comments and the actions the user's permissions allow.
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "tickets/ticket_rules.hpp"
#include "views/admin_widgets.hpp"
#include "views/view_tickets.hpp"
#include "widgets/download_button.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

float full_width_on_phone() { return display().compact() ? -FLT_MIN : 0.f; }

}  // namespace

void ViewTickets::draw_photos() {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "ticket.photos_title", tr("tickets.photos"));
    ImGui::PopFont();
    const api::Json& photos = m_ticket.contains("photos") && m_ticket["photos"].is_array() ? m_ticket["photos"] : api::Json::array();
    if (photos.empty()) widgets::muted("ticket.no_photos", tr("tickets.no_photos"));
    for (const api::Json& photo : photos) {
        const std::string id = std::to_string(json_int(photo, "id"));
        const std::string type = json_string(photo, "content_type");
        const std::string extension = type == "image/png" ? ".png" : type == "image/webp" ? ".webp" : ".jpg";
        widgets::muted(("ticket.photo." + id).c_str(), json_string(photo, "uploaded_by") + " · " + format_unix_time(json_int(photo, "created_at")) +
                                                          " · " + std::to_string(json_int(photo, "size_bytes") / 1024) + " KB");
        ImGui::SameLine();
        widgets::download_button("ticket.photo." + id + ".download", tr("tickets.view_photo"),
                                 base() + "/" + std::to_string(m_open_id) + "/photos/" + id,
                                 json_string(m_ticket, "number") + "-" + id + extension, widgets::ButtonStyle::Link);
    }
    if (json_string(m_ticket, "status") != "closed") {
        const bool busy = m_busy || m_pick != 0;
        if (widgets::button("ticket.add_photo", tr("tickets.add_photo"), widgets::ButtonStyle::Secondary, full_width_on_phone(), busy))
            m_pick = platform::pick_file("image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp");
        const std::string error = field_error(m_fields, "file");
        if (!error.empty()) widgets::text("field_error", "ticket.photo_error", i18n::translate_message(error), widgets::colors::kDanger);
    }
}

void ViewTickets::take_picked_photo() {
    if (m_pick == 0) return;
    const auto state = platform::picked_file_state(m_pick);
    if (state == platform::PickState::Waiting) return;
    const int handle = std::exchange(m_pick, 0);
    if (state == platform::PickState::Failed || m_open_id == 0) return;
    platform::PickedFile file = platform::take_picked_file(handle);
    m_busy = true;
    m_fields.clear();
    const std::int64_t id = m_open_id;
    // The server decides the type from the bytes; the browser's idea of it is not sent as truth.
    api_client().post_bytes(base() + "/" + std::to_string(id) + "/photos", std::move(file.bytes), "application/octet-stream",
                            [this, id](const ApiResponse& response) {
                                m_busy = false;
                                if (!response.ok()) {
                                    m_fields = response.fields;
                                    if (m_fields.empty()) m_error = i18n::api_error_text(response.error_code, response.error_message);
                                    return;
                                }
                                open_ticket(id);
                            });
}

void ViewTickets::draw_comments(App& app) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "ticket.comments_title", tr("tickets.comments"));
    ImGui::PopFont();
    const api::Json& comments = m_ticket.contains("comments") && m_ticket["comments"].is_array() ? m_ticket["comments"] : api::Json::array();
    if (comments.empty()) widgets::muted("ticket.no_comments", tr("tickets.no_comments"));
    for (const api::Json& comment : comments) {
        const std::string id = "ticket.comment." + std::to_string(json_int(comment, "id"));
        widgets::muted((id + ".by").c_str(), json_string(comment, "author") + " · " + format_unix_time(json_int(comment, "created_at")));
        if (json_bool(comment, "internal", false)) {
            ImGui::SameLine();
            widgets::badge(id + ".internal", tr("tickets.internal"), widgets::colors::kWarning, widgets::colors::kWarningSoft);
        }
        ImGui::PushTextWrapPos(0.f);
        widgets::text("cell", id, json_string(comment, "body"));
        ImGui::PopTextWrapPos();
    }
    if (json_string(m_ticket, "status") == "closed") return;
    multiline_field("ticket.comment_body", tr("tickets.comment"), m_comment, display().px(80), i18n::translate_message(field_error(m_fields, "body")));
    if (!m_portal) widgets::checkbox("ticket.internal", tr("tickets.comment_internal"), m_internal);
    const bool may_comment = m_portal || app.user().can("tickets.update");
    if (may_comment && widgets::button("ticket.send", tr("tickets.send_comment"), widgets::ButtonStyle::Primary, full_width_on_phone(), m_busy)) {
        api::Json body = {{"body", m_comment}};
        if (!m_portal) body["internal"] = m_internal;
        act(base() + "/" + std::to_string(m_open_id) + "/comments", body);
    }
}

void ViewTickets::draw_actions(App& app) {
    if (m_portal || json_string(m_ticket, "status") == "closed") return;
    const std::string path = "/api/tickets/" + std::to_string(m_open_id);
    const std::string status = json_string(m_ticket, "status");
    if (app.user().can("tickets.update") && status != "in_progress" &&
        widgets::button("ticket.start", tr("tickets.start"), widgets::ButtonStyle::Secondary, full_width_on_phone(), m_busy))
        act(path, {{"status", "in_progress"}}, true);
    if (app.user().can("tickets.assign")) {
        if (m_assignees.empty()) {
            m_assignees = api::Json::array({api::Json::object()});  // asked once per visit
            api_client().get("/api/ticket-assignees", [this](const ApiResponse& response) {
                if (response.ok() && response_data(response.body).is_array()) m_assignees = response_data(response.body);
            });
        }
        std::vector<std::string> names;
        for (const api::Json& user : m_assignees) {
            const std::string full_name = json_string(user, "full_name");
            names.push_back(full_name.empty() ? json_string(user, "username") : full_name);
        }
        widgets::select_field("ticket.assignee", tr("tickets.assign_to"), names, m_assignee, i18n::translate_message(field_error(m_fields, "user_id")));
        if (widgets::button("ticket.assign", tr("tickets.assign"), widgets::ButtonStyle::Primary, full_width_on_phone(),
                            m_busy || m_assignee < 0 || m_assignee >= static_cast<int>(m_assignees.size())))
            act(path + "/assign", {{"user_id", json_int(m_assignees[static_cast<std::size_t>(m_assignee)], "id")}});
    }
    if (app.user().can("tickets.close")) {
        std::vector<std::string> causes;
        for (auto cause : tickets::kCloseCauses) causes.push_back(tr("tickets.cause." + std::string(cause)));
        widgets::select_field("ticket.cause", tr("tickets.close_cause"), causes, m_cause, i18n::translate_message(field_error(m_fields, "cause")));
        widgets::text_field("ticket.close_note", tr("tickets.close_note"), m_close_note, i18n::translate_message(field_error(m_fields, "note")));
        if (widgets::button("ticket.close", tr("tickets.close"), widgets::ButtonStyle::Danger, full_width_on_phone(), m_busy))
            act(path + "/close", {{"cause", std::string(tickets::kCloseCauses[static_cast<std::size_t>(m_cause)])}, {"note", m_close_note}});
    }
}

void ViewTickets::draw_detail(App& app) {
    if (widgets::button("ticket.back", tr("tickets.back"), widgets::ButtonStyle::Link)) {
        m_open_id = 0;
        m_ticket = api::Json();
        reload();
        return;
    }
    if (!m_error.empty()) widgets::banner("ticket.error", i18n::translate_message(m_error), true);
    if (!m_ticket.is_object() || json_int(m_ticket, "id") != m_open_id) return;
    ImGui::BeginChild("ticket.body", ImVec2(0, 0), false);
    if (widgets::begin_card("ticket.card")) {
        ImGui::PushFont(display().fonts().strong);
        ImGui::PushTextWrapPos(0.f);
        widgets::text("text", "ticket.title", json_string(m_ticket, "number") + " · " + json_string(m_ticket, "subject"));
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        const std::string status = json_string(m_ticket, "status");
        widgets::badge("ticket.status", tr("tickets.status." + status), widgets::colors::kAccent, widgets::colors::kNeutralSoft);
        ImGui::SameLine();
        widgets::badge("ticket.priority", tr("tickets.priority." + json_string(m_ticket, "priority")), widgets::colors::kText,
                       widgets::colors::kNeutralSoft);
        const api::Json& sla = m_ticket.contains("sla") ? m_ticket["sla"] : api::Json::object();
        if (json_bool(sla, "breached", false))
            widgets::text("cell", "ticket.breach", tr("tickets.breach." + json_string(sla, "breach", "resolve")), widgets::colors::kDanger);
        if (!m_portal)
            widgets::muted("ticket.customer", json_string(m_ticket, "service_number") + " · " + json_string(m_ticket, "customer_name"));
        widgets::muted("ticket.category", tr("tickets.category." + json_string(m_ticket, "category")));
        widgets::muted("ticket.opened", std::string(tr("tickets.opened")) + ": " + format_unix_time(json_int(m_ticket, "created_at")));
        widgets::muted("ticket.due", std::string(tr("tickets.due")) + ": " + format_unix_time(json_int(m_ticket, "resolve_due_at")));
        const std::string assignee = json_string(m_ticket, "assignee_name");
        widgets::muted("ticket.assignee_name",
                       std::string(tr("tickets.assignee")) + ": " + (assignee.empty() ? std::string(tr("tickets.unassigned")) : assignee));
        if (status == "closed")
            widgets::text("cell", "ticket.closed_with",
                          i18n::tr_format("tickets.closed_with", {{"cause", tr("tickets.cause." + json_string(m_ticket, "close_cause"))}}),
                          widgets::colors::kSuccess);
        ImGui::PushTextWrapPos(0.f);
        widgets::text("cell", "ticket.message", json_string(m_ticket, "message"));
        ImGui::PopTextWrapPos();
    }
    widgets::end_card();
    draw_actions(app);
    draw_photos();
    draw_comments(app);
    ImGui::EndChild();
}

}  // namespace kimonet
