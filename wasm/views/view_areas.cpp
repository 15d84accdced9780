#include "views/view_areas.hpp"

#include <sstream>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

std::string field_error(const FieldErrors& errors, const char* field) {
    const auto found = errors.find(field);
    return found == errors.end() ? std::string() : i18n::translate_message(found->second);
}

// "KMN-0001, KMN-0002\nKMN-0003" → each nomor layanan (commas, spaces, semicolons and new lines separate).
std::vector<std::string> service_numbers_of(const std::string& text) {
    std::string spaced = text;
    for (char& c : spaced)
        if (c == ',' || c == ';' || c == '\n' || c == '\t') c = ' ';
    std::istringstream words(spaced);
    std::vector<std::string> out;
    for (std::string word; words >> word;) out.push_back(word);
    return out;
}

float full_width_on_phone() { return display().compact() ? ImGui::GetContentRegionAvail().x : 0.f; }

}  // namespace

void ViewAreas::enter(App&) {
    m_open = 0;
    reload();
    api_client().get("/api/cash/collectors", [this](const ApiResponse& response) {
        if (!response.ok()) return;
        m_collectors.clear();
        for (const auto& row : api::response_data(response.body)) {
            const std::string username = api::json_string(row, "username"), full_name = api::json_string(row, "full_name");
            m_collectors.push_back({api::json_int(row, "id"), full_name.empty() ? username : username + " (" + full_name + ")"});
        }
    });
}

void ViewAreas::reload() {
    api_client().get("/api/cash/areas", [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_areas.clear();
        for (const auto& row : api::response_data(response.body)) {
            Area area{api::json_int(row, "id"), api::json_string(row, "name"), api::json_int(row, "customer_count"), {}};
            if (const auto ids = row.find("collector_ids"); row.is_object() && ids != row.end() && ids->is_array())
                for (const auto& id : *ids)
                    if (id.is_number_integer()) area.collector_ids.push_back(id.get<std::int64_t>());
            m_areas.push_back(std::move(area));
        }
    });
    if (m_open != 0) open(m_open);
}

void ViewAreas::open(std::int64_t area_id) {
    m_open = area_id;
    m_errors.clear();
    m_members.clear();
    for (const Area& area : m_areas)
        if (area.id == area_id) {
            m_name = area.name;
            m_chosen.clear();
            for (const std::int64_t id : area.collector_ids) m_chosen[id] = true;
        }
    api_client().get("/api/cash/areas/" + std::to_string(area_id) + "/customers", [this, area_id](const ApiResponse& response) {
        if (!response.ok() || m_open != area_id) return;
        m_members.clear();
        for (const auto& row : api::response_data(response.body))
            m_members.push_back(api::json_string(row, "service_number") + " · " + api::json_string(row, "name"));
    });
}

void ViewAreas::send(App& app, const char* method, const std::string& path, const api::Json& body, const char* done_key) {
    m_busy = true;
    m_errors.clear();
    auto answered = [this, &app, done_key](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_errors = response.fields;
            if (m_errors.empty()) app.toast_error(i18n::api_error_text(response.error_code, response.error_message));
            return;
        }
        app.toast_ok(tr(done_key));
        m_new_name.clear();
        m_service_numbers.clear();
        reload();
    };
    if (std::string_view(method) == "POST") api_client().post(path, body, answered);
    else api_client().put(path, body, answered);
}

void ViewAreas::draw_new(App& app) {
    if (widgets::begin_card("areas.new")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("title", "areas.new.title", tr("areas.new"));
        ImGui::PopFont();
        widgets::text_field("areas.new.name", tr("areas.name"), m_new_name, m_open == 0 ? field_error(m_errors, "name") : std::string(),
                            ImGuiInputTextFlags_None, tr("areas.name_hint"));
        if (widgets::button("areas.create", tr("areas.create"), widgets::ButtonStyle::Primary, full_width_on_phone(), m_busy)) {
            m_open = 0;
            send(app, "POST", "/api/cash/areas", {{"name", m_new_name}}, "areas.created");
        }
    }
    widgets::end_card();
}

void ViewAreas::draw_editor(App& app, const Area& area) {
    const std::string prefix = "areas." + std::to_string(area.id) + ".";
    const std::string path = "/api/cash/areas/" + std::to_string(area.id);
    widgets::text_field((prefix + "name").c_str(), tr("areas.name"), m_name, field_error(m_errors, "name"));
    if (widgets::button((prefix + "rename").c_str(), tr("areas.rename"), widgets::ButtonStyle::Secondary, full_width_on_phone(), m_busy))
        send(app, "PUT", path, {{"name", m_name}}, "areas.saved");

    ImGui::Dummy(ImVec2(0, display().px(6)));
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", prefix + "collectors_title", tr("areas.collectors"));
    ImGui::PopFont();
    if (m_collectors.empty()) widgets::muted((prefix + "no_collectors").c_str(), tr("areas.no_collectors"));
    for (const Person& person : m_collectors)
        widgets::checkbox((prefix + "collector." + std::to_string(person.id)).c_str(), person.label.c_str(), m_chosen[person.id]);
    const std::string collectors_error = field_error(m_errors, "user_ids");
    if (!collectors_error.empty()) widgets::text("error", prefix + "collectors_error", collectors_error, widgets::colors::kDanger);
    if (widgets::button((prefix + "save_collectors").c_str(), tr("areas.save_collectors"), widgets::ButtonStyle::Secondary,
                        full_width_on_phone(), m_busy)) {
        api::Json ids = api::Json::array();
        for (const auto& [id, chosen] : m_chosen)
            if (chosen) ids.push_back(id);
        send(app, "PUT", path + "/collectors", {{"user_ids", ids}}, "areas.saved");
    }

    ImGui::Dummy(ImVec2(0, display().px(6)));
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", prefix + "customers_title", tr("areas.customers"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.f);
    widgets::muted((prefix + "customers_hint").c_str(), tr("areas.customers_hint"));
    ImGui::PopTextWrapPos();
    widgets::text_field((prefix + "service_numbers").c_str(), tr("areas.service_numbers"), m_service_numbers,
                        field_error(m_errors, "service_numbers"), ImGuiInputTextFlags_None, "KMN-0001, KMN-0002");
    if (widgets::button((prefix + "add_customers").c_str(), tr("areas.add_customers"), widgets::ButtonStyle::Primary, full_width_on_phone(),
                        m_busy || service_numbers_of(m_service_numbers).empty())) {
        send(app, "PUT", path + "/customers", {{"service_numbers", service_numbers_of(m_service_numbers)}}, "areas.saved");
    }
    for (std::size_t i = 0; i < m_members.size(); ++i) widgets::text("cell", prefix + "customer." + std::to_string(i), m_members[i]);
}

void ViewAreas::draw_area(App& app, const Area& area) {
    const std::string prefix = "areas." + std::to_string(area.id) + ".";
    ImGui::PushID(static_cast<int>(area.id));
    if (widgets::begin_card("areas.area")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("title", prefix + "title", area.name);
        ImGui::PopFont();
        std::string names;
        for (const std::int64_t id : area.collector_ids)
            for (const Person& person : m_collectors)
                if (person.id == id) names += (names.empty() ? "" : ", ") + person.label;
        ImGui::PushTextWrapPos(0.f);
        widgets::muted((prefix + "summary").c_str(),
                       i18n::tr_format("areas.summary", {{"count", std::to_string(area.customer_count)},
                                                         {"collectors", names.empty() ? std::string(tr("areas.nobody")) : names}}));
        ImGui::PopTextWrapPos();
        if (m_open == area.id) {
            draw_editor(app, area);
            if (widgets::button((prefix + "close").c_str(), tr("areas.close"), widgets::ButtonStyle::Link)) m_open = 0;
        } else if (widgets::button((prefix + "open").c_str(), tr("areas.open"), widgets::ButtonStyle::Secondary, full_width_on_phone())) {
            open(area.id);
        }
        ui_registry::name_with(prefix + "open", area.name);
    }
    widgets::end_card();
    ImGui::PopID();
}

void ViewAreas::draw(App& app) {
    if (!m_error.empty()) widgets::banner("areas.error", m_error, true);
    draw_new(app);
    if (m_loaded && m_areas.empty()) widgets::muted("areas.empty", tr("areas.empty"));
    for (const Area& area : m_areas) draw_area(app, area);
}

}  // namespace kimonet
