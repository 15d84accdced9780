#include "views/view_settings.hpp"

#include <algorithm>
#include <cstring>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

enum Group { kCompany, kInvoice, kTax, kTime, kSchedules, kGateways, kWhatsapp, kOther, kGroupCount };
constexpr const char* kGroupKeys[kGroupCount] = {"settings.group.company",   "settings.group.invoice",  "settings.group.tax",
                                                 "settings.group.time",      "settings.group.schedules", "settings.group.gateways",
                                                 "settings.group.whatsapp",  "settings.group.other"};

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& text, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return text.size() >= n && text.compare(text.size() - n, n, suffix) == 0;
}

// Choices for settings with a fixed set of values; empty for free text.
std::vector<std::string> choices_of(const std::string& key) {
    if (key == "tax_mode") return {"exclusive", "inclusive"};
    if (ends_with(key, "_mode")) return {"sandbox", "production"};
    if (key == "whatsapp_driver") return {"mpwa", "fonnte", "gowa"};
    if (key == "proration_rounding") return {"nearest", "up", "down", "up_100", "up_1000"};
    return {};
}

bool is_switch(const std::string& key) {
    return ends_with(key, "_enabled") || key == "isolir_skip_sundays" || key == "whatsapp_quiet_hours_transactional";
}

}  // namespace

int settings_group_of(const std::string& key) {
    if (starts_with(key, "company_") || key == "bank_accounts" || key == "payment_instructions" || key == "public_base_url") return kCompany;
    if (starts_with(key, "invoice_number") || key == "default_due_day" || key == "service_number_prefix" || key == "proration_rounding")
        return kInvoice;
    if (starts_with(key, "tax_")) return kTax;
    if (key == "timezone") return kTime;
    if (starts_with(key, "whatsapp_")) return kWhatsapp;
    if (ends_with(key, "_schedule") || starts_with(key, "isolir_") || starts_with(key, "dunning_") || starts_with(key, "reminder"))
        return kSchedules;
    if (starts_with(key, "flip_") || starts_with(key, "midtrans_") || starts_with(key, "duitku_") || starts_with(key, "payment_") ||
        key == "billing_check_rate_per_minute")
        return kGateways;
    return kOther;
}

void ViewSettings::enter(App&) {
    m_notice.clear();
    m_error.clear();
    m_fields.clear();
    reload();
}

void ViewSettings::reload() {
    api_client().get("/api/settings", [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        const api::Json& data = response.body.contains("data") ? response.body["data"] : api::Json();
        const api::Json& definitions = response.body.contains("definitions") ? response.body["definitions"] : api::Json();
        std::map<std::string, std::string> edits;  // unsaved edits of other groups survive a reload
        for (const Setting& setting : m_settings)
            if (setting.edited != setting.saved) edits[setting.key] = setting.edited;
        m_settings.clear();
        api::Json rows = definitions.is_array() ? definitions : api::Json::array();
        if (rows.empty() && data.is_object())  // a server without definitions: its keys, secrets by shape
            for (const auto& [key, value] : data.items())
                rows.push_back({{"key", key}, {"secret", value.is_object()}, {"description", ""}, {"default", ""}});
        for (const api::Json& definition : rows) {
            Setting setting;
            setting.key = json_string(definition, "key");
            setting.description = json_string(definition, "description");
            setting.default_value = json_string(definition, "default");
            setting.secret = json_bool(definition, "secret", false);
            if (auto value = data.find(setting.key); value != data.end()) {
                if (setting.secret) setting.secret_set = json_bool(*value, "set", false);
                else if (value->is_string()) setting.saved = value->get<std::string>();
            }
            setting.edited = setting.saved;
            if (auto edit = edits.find(setting.key); edit != edits.end()) setting.edited = edit->second;
            m_settings.push_back(std::move(setting));
        }
    });
}

void ViewSettings::save_group(int group) {
    api::Json body = api::Json::object();
    for (const Setting& setting : m_settings)
        if (settings_group_of(setting.key) == group && setting.edited != setting.saved) body[setting.key] = setting.edited;
    m_notice.clear();
    m_error.clear();
    m_fields.clear();
    if (body.empty()) {
        m_notice = tr("settings.unchanged");
        return;
    }
    m_busy = true;
    api_client().put("/api/settings", body, [this](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_fields = response.fields;
            m_error = m_fields.empty() ? i18n::api_error_text(response.error_code, response.error_message) : std::string(tr("error.validation"));
            return;
        }
        // Saved: forget the edits (secrets go back to an empty field) and read the stored values.
        for (Setting& setting : m_settings)
            if (settings_group_of(setting.key) == m_group) setting.edited = setting.saved;
        m_notice = tr("settings.saved");
        reload();
    });
}

void ViewSettings::draw_setting(Setting& setting, bool can_edit) {
    const std::string label_key = "setting." + setting.key;
    const char* translated = tr(label_key);
    const std::string label = label_key == translated ? setting.key : std::string(translated);
    const std::string id = "settings." + setting.key;
    const std::string error = field_error(m_fields, setting.key);
    if (!can_edit) ImGui::BeginDisabled();
    if (setting.secret) {
        ImGui::PushFont(display().fonts().strong);
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        if (setting.secret_set) widgets::badge(id + ".state", tr("settings.secret_set"), widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
        else widgets::badge(id + ".state", tr("settings.secret_unset"), widgets::colors::kWarning, widgets::colors::kWarningSoft);
        widgets::text_field(id.c_str(), "", setting.edited, error, ImGuiInputTextFlags_Password, tr("settings.secret_hint"));
    } else if (is_switch(setting.key)) {
        bool on = setting.edited == "1" || setting.edited == "true";
        if (widgets::checkbox(id.c_str(), label.c_str(), on)) setting.edited = on ? "1" : "0";
        if (!error.empty()) widgets::text("field_error", id + ".error", error, widgets::colors::kDanger);
    } else if (auto choices = choices_of(setting.key); !choices.empty()) {
        int selected = -1;
        for (int i = 0; i < static_cast<int>(choices.size()); ++i)
            if (choices[i] == setting.edited) selected = i;
        if (widgets::select_field(id.c_str(), label.c_str(), choices, selected, error) && selected >= 0) setting.edited = choices[selected];
    } else {
        widgets::text_field(id.c_str(), label.c_str(), setting.edited, error, 0,
                            setting.default_value.empty() ? nullptr : setting.default_value.c_str());
    }
    if (!can_edit) ImGui::EndDisabled();
    ImGui::PushTextWrapPos(0.f);
    widgets::muted((id + ".help").c_str(), setting.description);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, display().px(4)));
}

void ViewSettings::draw(App& app) {
    const bool can_edit = app.user().can("settings.update");
    std::vector<std::string> groups;
    for (const char* key : kGroupKeys) groups.push_back(tr(key));
    const bool compact = display().compact();
    if (compact) {
        widgets::select_field("settings.group", tr("settings.group"), groups, m_group);
    } else {
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(display().px(4), display().px(6)));
        tab_row("settings.tab", groups, m_group);
        ImGui::PopStyleVar();
    }
    if (!m_error.empty()) widgets::banner("settings.error", m_error, true);
    if (!m_notice.empty()) widgets::banner("settings.notice", m_notice, false);
    if (!m_loaded) {
        widgets::muted("settings.loading", tr("common.loading"));
        return;
    }
    const float footer = can_edit ? ImGui::GetFrameHeightWithSpacing() + display().px(8) : 0.f;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kSurface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(18), display().px(14)));
    ImGui::BeginChild("settings.form", ImVec2(compact ? 0.f : std::min(ImGui::GetContentRegionAvail().x, display().px(760)), -footer), true,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    for (Setting& setting : m_settings)
        if (settings_group_of(setting.key) == m_group) draw_setting(setting, can_edit);
    ImGui::EndChild();
    if (can_edit &&
        widgets::button("settings.save", m_busy ? tr("common.saving") : tr("settings.save"), widgets::ButtonStyle::Primary,
                        compact ? ImGui::GetContentRegionAvail().x : 0.f, m_busy))
        save_group(m_group);
}

}  // namespace kimonet
