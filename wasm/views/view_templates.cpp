#include "views/view_templates.hpp"

#include <algorithm>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "messaging/templates.hpp"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

// The message of shared/'s validation, for showing before the server is asked.
std::string local_problem(const std::string& key, const std::string& body) {
    auto valid = messaging::validate_template(key, body);
    if (valid) return {};
    const Error& error = valid.error();
    if (!error.fields.empty()) return i18n::translate_message(error.fields.begin()->second);
    return i18n::translate_message(error.message());
}

std::string unknown_placeholders(const std::string& key, const std::string& body) {
    const auto* definition = messaging::find_template_definition(key);
    std::string out;
    for (const std::string& name : messaging::placeholders_in(body)) {
        const bool known = definition && std::find(definition->placeholders.begin(), definition->placeholders.end(), name) !=
                                             definition->placeholders.end();
        if (known) continue;
        if (!out.empty()) out += ", ";
        out += "{" + name + "}";
    }
    return out;
}

}  // namespace

void ViewTemplates::enter(App&) {
    m_notice.clear();
    reload();
}

void ViewTemplates::reload() {
    api_client().get("/api/message-templates", [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        const std::string current = m_selected >= 0 && m_selected < static_cast<int>(m_templates.size()) ? m_templates[m_selected].key : "";
        m_templates.clear();
        const api::Json& data = response_data(response.body);
        if (!data.is_array()) return;
        for (const api::Json& row : data) {
            Template item{json_string(row, "key"), json_string(row, "title"), json_string(row, "body"), json_string(row, "default_body"),
                          {}, json_bool(row, "customized", false)};
            if (auto found = row.find("placeholders"); found != row.end() && found->is_array())
                for (const api::Json& name : *found)
                    if (name.is_string()) item.placeholders.push_back(name.get<std::string>());
            m_templates.push_back(std::move(item));
        }
        int index = 0;
        for (int i = 0; i < static_cast<int>(m_templates.size()); ++i)
            if (m_templates[i].key == current) index = i;
        if (!m_templates.empty()) select(index);
    });
}

void ViewTemplates::select(int index) {
    m_selected = index;
    m_body = m_templates[index].body;
    m_fields.clear();
}

void ViewTemplates::save(bool reset) {
    if (m_selected < 0) return;
    const std::string key = m_templates[m_selected].key;
    m_busy = true;
    m_notice.clear();
    m_fields.clear();
    m_error.clear();
    const api::Json body = reset ? api::Json{{"reset", true}} : api::Json{{"body", m_body}};
    api_client().put("/api/message-templates/" + url_encode(key), body, [this, reset](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_fields = response.fields;
            if (m_fields.empty()) m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        const api::Json& data = response_data(response.body);
        if (m_selected >= 0) {
            m_templates[m_selected].body = json_string(data, "body", m_body);
            m_templates[m_selected].customized = json_bool(data, "customized", !reset);
            m_body = m_templates[m_selected].body;
        }
        m_notice = reset ? tr("templates.reset_done") : tr("templates.saved");
    });
}

void ViewTemplates::draw_list(float width, float height) {
    ImGui::BeginChild("templates.list", ImVec2(width, height), true);
    for (int index = 0; index < static_cast<int>(m_templates.size()); ++index) {
        const Template& item = m_templates[index];
        ImGui::PushID(index);
        const std::string label = item.title + (item.customized ? "  •" : "");
        if (ImGui::Selectable(label.c_str(), index == m_selected, 0, ImVec2(0, ImGui::GetFrameHeight()))) {
            select(index);
            m_notice.clear();
        }
        ui_registry::record("button", "templates.item." + item.key, label);
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void ViewTemplates::draw_editor(App& app) {
    if (m_selected < 0 || m_selected >= static_cast<int>(m_templates.size())) {
        widgets::muted("templates.none", m_loaded ? tr("templates.pick") : tr("common.loading"));
        return;
    }
    Template& item = m_templates[m_selected];
    const bool can_edit = app.user().can("settings.update");
    widgets::title("templates.editor.title", item.title);
    widgets::muted("templates.editor.key", item.key + (item.customized ? " · " + std::string(tr("templates.customized")) : ""));
    // Placeholders: a click appends "{name}" to the text.
    widgets::muted("templates.placeholders.label", tr("templates.placeholders"));
    float line = 0.f;
    const float available = ImGui::GetContentRegionAvail().x;
    for (const std::string& name : item.placeholders) {
        const std::string label = "{" + name + "}";
        const float width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (line > 0.f && line + width < available) ImGui::SameLine(0, display().px(4));
        else line = 0.f;
        line += width + display().px(4);
        if (widgets::button(("templates.placeholder." + name).c_str(), label.c_str(), widgets::ButtonStyle::Link, 0.f, !can_edit)) m_body += label;
    }
    if (can_edit && widgets::button("templates.clear", tr("templates.clear"), widgets::ButtonStyle::Link)) m_body.clear();
    const std::string unknown = unknown_placeholders(item.key, m_body);
    std::string problem = unknown.empty() ? local_problem(item.key, m_body) : i18n::tr_format("templates.unknown", {{"names", unknown}});
    if (problem.empty()) problem = field_error(m_fields, "body");
    const bool compact = display().compact();
    bool submitted = false;  // Ctrl+Enter in the body: Save
    multiline_field("templates.body", tr("templates.body"), m_body, display().px(compact ? 200 : 230), problem, &submitted);

    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "templates.preview.label", tr("templates.preview"));
    ImGui::PopFont();
    const std::string preview = messaging::render_template(m_body, messaging::sample_variables());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(220, 248, 198, 255));  // WhatsApp's bubble
    ImGui::BeginChild("templates.preview", ImVec2(0, display().px(compact ? 200 : 180)), true);
    ImGui::PushTextWrapPos(0.f);
    widgets::text("text", "templates.preview", preview);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();

    if (!m_error.empty()) widgets::banner("templates.error", m_error, true);
    if (!m_notice.empty()) widgets::banner("templates.notice", m_notice, false);
    if (can_edit) {
        const float width = compact ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f : 0.f;
        const bool can_save = !m_busy && unknown.empty() && local_problem(item.key, m_body).empty();
        if (widgets::button("templates.save", m_busy ? tr("common.saving") : tr("common.save"), widgets::ButtonStyle::Primary, width,
                            !can_save) ||
            (submitted && can_save))
            save(false);
        ImGui::SameLine();
        if (widgets::button("templates.reset", tr("templates.reset"), widgets::ButtonStyle::Secondary, width, m_busy || !item.customized))
            save(true);
    }
}

void ViewTemplates::draw(App& app) {
    if (display().compact()) {
        std::vector<std::string> titles;
        for (const Template& item : m_templates) titles.push_back(item.title);
        int selected = m_selected;
        if (widgets::select_field("templates.pick", tr("templates.kind"), titles, selected) && selected >= 0) select(selected);
        draw_editor(app);
        return;
    }
    const float list_width = display().px(240);
    draw_list(list_width, 0.f);
    ImGui::SameLine();
    ImGui::BeginChild("templates.editor", ImVec2(0, 0), false);
    draw_editor(app);
    ImGui::EndChild();
}

}  // namespace kimonet
