#include "views/view_settings.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <utility>

#include "api/setting_choices.hpp"
#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

enum Group { kCompany, kBilling, kPayment, kWhatsapp, kNetwork, kSecurity, kOther };
constexpr const char* kGroupKeys[kSettingsGroupCount] = {"company", "billing", "payment", "whatsapp", "network", "security", "other"};

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& text, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return text.size() >= n && text.compare(text.size() - n, n, suffix) == 0;
}

// A setting with the values "0" and "1" is a switch (api/setting_choices.hpp).
bool is_switch(const std::string& key) {
    const auto* choices = api::find_setting_choices(key);
    return choices && choices->is_switch();
}

bool is_schedule(const std::string& key) { return ends_with(key, "_schedule"); }

// The translated text of `key`, or `fallback` when the catalogue has none.
std::string text_or(const std::string& key, const std::string& fallback) {
    const char* translated = tr(key);
    return key == translated ? fallback : std::string(translated);
}

std::string clock_text(int hour, int minute) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", hour % 24, minute % 60);
    return text;
}

// "08:00" / "8:5" → hour and minute; false when it is not a time of day.
bool parse_clock(const std::string& text, int& hour, int& minute) {
    int h = -1, m = -1;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%d:%d%c", &h, &m, &tail) != 2) return false;
    if (h < 0 || h > 23 || m < 0 || m > 59) return false;
    hour = h;
    minute = m;
    return true;
}

constexpr jobs::PresetKind kKinds[] = {jobs::PresetKind::Monthly, jobs::PresetKind::Daily, jobs::PresetKind::Weekly,
                                       jobs::PresetKind::EveryMinutes, jobs::PresetKind::Advanced};
constexpr const char* kKindKeys[] = {"settings.schedule.monthly", "settings.schedule.daily", "settings.schedule.weekly",
                                     "settings.schedule.every", "settings.schedule.advanced"};
constexpr int kEveryChoices[] = {1, 2, 5, 10, 15, 20, 30};

}  // namespace

int settings_group_of(const std::string& key) {
    if (starts_with(key, "company_") || key == "public_base_url" || key == "timezone" || key == "billing_base_domain") return kCompany;
    if (key == "bank_accounts" || key == "payment_instructions" || key == "transfer_unique_code" || starts_with(key, "flip_") || starts_with(key, "midtrans_") ||
        starts_with(key, "duitku_") || starts_with(key, "payment_"))
        return kPayment;
    if (starts_with(key, "invoice_") || key == "default_due_day" || key == "service_number_prefix" || key == "proration_rounding" ||
        starts_with(key, "tax_") || key == "pkp" || key == "ppn_rules" || starts_with(key, "coretax_") || starts_with(key, "dunning_") ||
        starts_with(key, "reminder") || key == "credit_note_number_format")
        return kBilling;
    // The messages group: WhatsApp and, since issue 22, email (smtp_*).
    if (starts_with(key, "whatsapp_") || starts_with(key, "smtp_")) return kWhatsapp;
    if (starts_with(key, "isolir_") || key == "network_retry_schedule" || key == "router_probe_seconds" || key == "voucher_schedule" ||
        key == "hotspot_login_url" || starts_with(key, "radius_"))
        return kNetwork;
    if (key == "billing_check_rate_per_minute" || key == "register_rate_per_minute" || key == "register_email_required" || key == "cors_allowed_origins" || key == "trusted_proxies")
        return kSecurity;
    return kOther;
}

const char* settings_group_key(int group) { return kGroupKeys[std::clamp(group, 0, kSettingsGroupCount - 1)]; }

std::string ViewSettings::route() const {
    return m_group == 0 ? std::string("settings") : std::string("settings/") + settings_group_key(m_group);
}

RouteOutcome ViewSettings::open_subroute(App&, const std::vector<std::string>& rest) {
    if (rest.size() > 1) return RouteOutcome::Unknown;
    int group = 0;
    if (!rest.empty()) {
        const auto found = std::find(std::begin(kGroupKeys), std::end(kGroupKeys), rest[0]);
        if (found == std::end(kGroupKeys)) return RouteOutcome::Unknown;
        group = static_cast<int>(found - std::begin(kGroupKeys));
    }
    m_group = group;
    return RouteOutcome::Opened;
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
        m_logo = response.body.contains("logo") ? response.body["logo"] : api::Json();
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
            if (is_schedule(setting.key)) {
                setting.preset = jobs::preset_from_cron(setting.edited);
                setting.time = clock_text(setting.preset.hour, setting.preset.minute);
            }
            if (setting.key == "bank_accounts") m_bank_rows = billing::parse_bank_accounts(setting.edited);
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

// A schedule as a preset ("setiap tanggal 1 jam 00:01") with cron as the advanced choice; the
// cron string it makes is what is saved.
void ViewSettings::draw_schedule(Setting& setting, const std::string& label, const std::string& error) {
    const std::string id = "settings." + setting.key;
    jobs::SchedulePreset& preset = setting.preset;
    std::vector<std::string> kinds;
    int kind = 0;
    for (int i = 0; i < 5; ++i) {
        kinds.push_back(tr(kKindKeys[i]));
        if (kKinds[i] == preset.kind) kind = i;
    }
    bool changed = false;
    if (widgets::select_field((id + ".kind").c_str(), label.c_str(), kinds, kind)) {
        const std::string cron = jobs::cron_from_preset(preset);
        preset.kind = kKinds[kind];
        if (preset.kind == jobs::PresetKind::Advanced) preset.cron = cron;  // start from what the preset said
        changed = true;
    }
    const bool compact = display().compact();
    const float narrow = compact ? -FLT_MIN : display().px(180);
    float row_y = 0.f;  // where the row of fields under the kind starts
    auto same_line = [&] {  // the next field beside the last one, its label on the same line
        if (compact) return;
        ImGui::SameLine();
        ImGui::SetCursorPosY(row_y);
        ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset = 0.f;  // the label starts at the top, as the first one
    };
    std::string time_error;
    auto time_field = [&] {
        ImGui::BeginGroup();
        if (widgets::text_field((id + ".time").c_str(), tr("settings.schedule.time"), setting.time, {}, 0, "08:00", narrow)) {
            changed = true;
        }
        ImGui::EndGroup();
        int hour = 0, minute = 0;
        if (parse_clock(setting.time, hour, minute)) {
            preset.hour = hour;
            preset.minute = minute;
        } else {
            time_error = tr("settings.schedule.bad_time");
        }
    };
    row_y = ImGui::GetCursorPosY();
    switch (preset.kind) {
        case jobs::PresetKind::Monthly: {
            std::vector<std::string> days;
            for (int day = 1; day <= 28; ++day) days.push_back(std::to_string(day));
            int selected = std::clamp(preset.day, 1, 28) - 1;
            ImGui::BeginGroup();
            if (widgets::select_field((id + ".day").c_str(), tr("settings.schedule.day"), days, selected, {}, narrow)) {
                preset.day = selected + 1;
                changed = true;
            }
            ImGui::EndGroup();
            same_line();
            time_field();
            break;
        }
        case jobs::PresetKind::Daily: time_field(); break;
        case jobs::PresetKind::Weekly: {
            std::vector<std::string> weekdays;
            for (int day = 0; day < 7; ++day) weekdays.push_back(jobs::weekday_name(day));
            int selected = std::clamp(preset.day, 0, 6);
            ImGui::BeginGroup();
            if (widgets::select_field((id + ".weekday").c_str(), tr("settings.schedule.weekday"), weekdays, selected, {}, narrow)) {
                preset.day = selected;
                changed = true;
            }
            ImGui::EndGroup();
            same_line();
            time_field();
            break;
        }
        case jobs::PresetKind::EveryMinutes: {
            std::vector<std::string> choices;
            int selected = 0;
            for (int i = 0; i < static_cast<int>(std::size(kEveryChoices)); ++i) {
                choices.push_back(std::to_string(kEveryChoices[i]));
                if (kEveryChoices[i] == preset.every_minutes) selected = i;
            }
            if (widgets::select_field((id + ".minutes").c_str(), tr("settings.schedule.minutes"), choices, selected, {}, narrow)) {
                preset.every_minutes = kEveryChoices[selected];
                changed = true;
            }
            break;
        }
        case jobs::PresetKind::Advanced:
            if (widgets::text_field(id.c_str(), tr("settings.schedule.cron"), preset.cron, error, 0, setting.default_value.c_str())) changed = true;
            break;
    }
    if (changed && time_error.empty()) setting.edited = jobs::cron_from_preset(preset);
    if (!time_error.empty()) widgets::text("field_error", id + ".time.error", time_error, widgets::colors::kDanger);
    if (preset.kind != jobs::PresetKind::Advanced && !error.empty()) widgets::text("field_error", id + ".error", error, widgets::colors::kDanger);
    widgets::text("text", id + ".summary", jobs::describe_schedule(setting.edited), widgets::colors::kAccent);
}

// Bank accounts as rows (bank, number, holder) with add, remove and reorder; saved as the
// setting's "BANK NUMBER a.n. HOLDER|…" text, checked again by the server.
void ViewSettings::draw_bank_accounts(Setting& setting, const std::string& label, const std::string& error) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "settings.bank_accounts.label", label);
    ImGui::PopFont();
    const bool compact = display().compact();
    const float column = compact ? -FLT_MIN : display().px(150);
    bool changed = false;
    int move_from = -1, move_to = -1, removed = -1;
    if (m_bank_rows.empty()) widgets::muted("settings.bank.empty", tr("settings.bank.empty"));
    for (int i = 0; i < static_cast<int>(m_bank_rows.size()); ++i) {
        billing::BankAccount& row = m_bank_rows[static_cast<std::size_t>(i)];
        const std::string prefix = "settings.bank." + std::to_string(i);
        ImGui::PushID(i);
        const float row_y = ImGui::GetCursorPosY();
        auto beside = [&] {  // the next field beside the last one, its label on the same line
            if (compact) return;
            ImGui::SameLine();
            ImGui::SetCursorPosY(row_y);
            ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset = 0.f;  // the label starts at the top, as the first one
        };
        ImGui::BeginGroup();
        changed |= widgets::text_field((prefix + ".bank").c_str(), tr("settings.bank.bank"), row.bank, {}, 0, "BCA", column);
        ImGui::EndGroup();
        beside();
        ImGui::BeginGroup();
        changed |= widgets::text_field((prefix + ".number").c_str(), tr("settings.bank.number"), row.number, {}, ImGuiInputTextFlags_CharsDecimal,
                                       "1234567890", column);
        ImGui::EndGroup();
        beside();
        ImGui::BeginGroup();
        changed |= widgets::text_field((prefix + ".holder").c_str(), tr("settings.bank.holder"), row.holder, {}, 0, "PT Kimonet Net",
                                       compact ? -FLT_MIN : display().px(200));
        ImGui::EndGroup();
        if (widgets::button((prefix + ".up").c_str(), tr("settings.bank.up"), widgets::ButtonStyle::Secondary, 0.f, i == 0)) move_from = i, move_to = i - 1;
        ImGui::SameLine();
        if (widgets::button((prefix + ".down").c_str(), tr("settings.bank.down"), widgets::ButtonStyle::Secondary, 0.f,
                            i + 1 == static_cast<int>(m_bank_rows.size())))
            move_from = i, move_to = i + 1;
        ImGui::SameLine();
        if (widgets::button((prefix + ".remove").c_str(), tr("settings.bank.remove"), widgets::ButtonStyle::Danger)) removed = i;
        if (auto problem = billing::bank_account_problem(row)) widgets::text("field_error", prefix + ".error", *problem, widgets::colors::kWarning);
        ImGui::PopID();
        ImGui::Separator();
    }
    if (move_from >= 0) {
        std::swap(m_bank_rows[static_cast<std::size_t>(move_from)], m_bank_rows[static_cast<std::size_t>(move_to)]);
        changed = true;
    }
    if (removed >= 0) {
        m_bank_rows.erase(m_bank_rows.begin() + removed);
        changed = true;
    }
    if (m_bank_rows.size() < billing::kMaxBankAccounts && widgets::button("settings.bank.add", tr("settings.bank.add"))) {
        m_bank_rows.push_back({});
        changed = true;
    }
    if (changed) setting.edited = billing::format_bank_accounts(m_bank_rows);
    if (!error.empty()) widgets::text("field_error", "settings.bank_accounts.error", error, widgets::colors::kDanger);
}

void ViewSettings::draw_logo(bool can_edit) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "settings.logo.title", tr("settings.logo.title"));
    ImGui::PopFont();
    const bool has_logo = m_logo.is_object() && !json_string(m_logo, "content_type").empty();
    if (has_logo)
        widgets::text("text", "settings.logo.state",
                      i18n::tr_format("settings.logo.current", {{"type", json_string(m_logo, "content_type")},
                                                               {"width", std::to_string(json_int(m_logo, "width"))},
                                                               {"height", std::to_string(json_int(m_logo, "height"))}}),
                      widgets::colors::kSuccess);
    else
        widgets::text("text", "settings.logo.state", tr("settings.logo.none"), widgets::colors::kMuted);
    if (can_edit) {
        const bool busy = m_logo_busy || m_logo_pick != 0;
        if (widgets::button("settings.logo.upload", busy ? tr("settings.logo.sending") : tr(has_logo ? "settings.logo.replace" : "settings.logo.upload"),
                            widgets::ButtonStyle::Primary, 0.f, busy))
            m_logo_pick = platform::pick_file("image/png,image/jpeg,.png,.jpg,.jpeg");
        if (has_logo) {
            ImGui::SameLine();
            if (widgets::button("settings.logo.remove", tr("settings.logo.remove"), widgets::ButtonStyle::Danger, 0.f, busy)) {
                m_logo_busy = true;
                api_client().remove("/api/settings/logo", [this](const ApiResponse& response) {
                    m_logo_busy = false;
                    if (!response.ok()) {
                        m_error = i18n::api_error_text(response.error_code, response.error_message);
                        return;
                    }
                    m_notice = tr("settings.logo.removed");
                    reload();
                });
            }
        }
    }
    const std::string error = field_error(m_fields, "logo");
    if (!error.empty()) widgets::text("field_error", "settings.logo.error", i18n::translate_message(error), widgets::colors::kDanger);
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("settings.logo.help", tr("settings.logo.help"));
    ImGui::PopTextWrapPos();
    ImGui::Separator();
}

void ViewSettings::take_picked_logo() {
    if (m_logo_pick == 0) return;
    const auto state = platform::picked_file_state(m_logo_pick);
    if (state == platform::PickState::Waiting) return;
    const int handle = std::exchange(m_logo_pick, 0);
    if (state == platform::PickState::Failed) return;  // cancelled
    platform::PickedFile file = platform::take_picked_file(handle);
    m_logo_busy = true;
    m_notice.clear();
    m_error.clear();
    m_fields.clear();
    // The server reads the type from the bytes; the name and the browser's type are not sent as truth.
    api_client().post_bytes("/api/settings/logo", std::move(file.bytes), "application/octet-stream", [this](const ApiResponse& response) {
        m_logo_busy = false;
        if (!response.ok()) {
            m_fields = response.fields;
            m_error = m_fields.empty() ? i18n::api_error_text(response.error_code, response.error_message) : std::string(tr("error.validation"));
            return;
        }
        m_notice = tr("settings.logo.saved");
        reload();
    });
}

// A setting with a fixed set of values as a choice of Indonesian labels, the chosen one's help
// beneath; the value saved is the one the server knows. A stored value outside the set (written by
// hand in the database) shows as no choice, never as itself.
void ViewSettings::draw_choice(Setting& setting, const api::SettingChoices& choices, const std::string& label, const std::string& error) {
    const std::string id = "settings." + setting.key;
    std::vector<std::string> labels;
    int selected = -1;
    for (std::size_t i = 0; i < choices.values.size(); ++i) {
        const std::string value(choices.values[i]);
        labels.push_back(tr("setting_choice." + setting.key + "." + value));
        if (value == setting.edited) selected = static_cast<int>(i);
    }
    if (widgets::select_field(id.c_str(), label.c_str(), labels, selected, i18n::translate_message(error)) && selected >= 0)
        setting.edited = std::string(choices.values[static_cast<std::size_t>(selected)]);
    if (selected >= 0) {
        ImGui::PushTextWrapPos(0.f);
        widgets::text("text", id + ".choice_help",
                      tr("setting_choice_help." + setting.key + "." + std::string(choices.values[static_cast<std::size_t>(selected)])),
                      widgets::colors::kAccent);
        ImGui::PopTextWrapPos();
    }
}

void ViewSettings::draw_setting(Setting& setting, bool can_edit) {
    const std::string label = text_or("setting." + setting.key, setting.key);
    const std::string help = text_or("setting_help." + setting.key, setting.description);
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
    } else if (is_schedule(setting.key)) {
        draw_schedule(setting, label, i18n::translate_message(error));
    } else if (setting.key == "bank_accounts") {
        draw_bank_accounts(setting, label, i18n::translate_message(error));
    } else if (is_switch(setting.key)) {
        bool on = setting.edited == "1" || setting.edited == "true";
        if (widgets::checkbox(id.c_str(), label.c_str(), on)) setting.edited = on ? "1" : "0";
        if (!error.empty()) widgets::text("field_error", id + ".error", error, widgets::colors::kDanger);
    } else if (const auto* choices = api::find_setting_choices(setting.key)) {
        draw_choice(setting, *choices, label, error);
    } else {
        widgets::text_field(id.c_str(), label.c_str(), setting.edited, error, 0,
                            setting.default_value.empty() ? nullptr : setting.default_value.c_str());
    }
    if (!can_edit) ImGui::EndDisabled();
    ImGui::PushTextWrapPos(0.f);
    widgets::muted((id + ".help").c_str(), help);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, display().px(4)));
}

void ViewSettings::draw(App& app) {
    take_picked_logo();
    const bool can_edit = app.user().can("settings.update");
    std::vector<std::string> groups;
    for (const char* key : kGroupKeys) groups.push_back(tr(std::string("settings.task.") + key));
    const bool compact = display().compact();
    if (compact) {
        widgets::select_field("settings.group", tr("settings.group"), groups, m_group);
    } else {
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(display().px(4), display().px(6)));
        tab_row("settings.tab", groups, m_group);
        ImGui::PopStyleVar();
    }
    m_group = std::clamp(m_group, 0, kSettingsGroupCount - 1);
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
    if (m_group != m_drawn_group) ImGui::SetScrollY(0.f);  // another group starts at its top
    m_drawn_group = m_group;
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("settings.group_help", tr(std::string("settings.task_help.") + kGroupKeys[m_group]));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, display().px(4)));
    if (m_group == kCompany) draw_logo(can_edit);
    // What an operator sets first comes first (when invoices are made, the tax, the due day, when
    // isolation runs), then the rest in the server's order.
    static const std::vector<std::string> kFirst = {"invoice_schedule", "pkp", "ppn_rules", "tax_rate", "tax_mode", "default_due_day",
                                                    "isolir_schedule"};
    auto rank = [](const std::string& key) {
        const auto found = std::find(kFirst.begin(), kFirst.end(), key);
        return found == kFirst.end() ? kFirst.size() : static_cast<std::size_t>(found - kFirst.begin());
    };
    std::vector<Setting*> shown;
    for (Setting& setting : m_settings)
        if (settings_group_of(setting.key) == m_group) shown.push_back(&setting);
    std::stable_sort(shown.begin(), shown.end(), [&](const Setting* a, const Setting* b) { return rank(a->key) < rank(b->key); });
    for (Setting* setting : shown) draw_setting(*setting, can_edit);
    ImGui::EndChild();
    if (can_edit &&
        widgets::button("settings.save", m_busy ? tr("common.saving") : tr("settings.save"), widgets::ButtonStyle::Primary,
                        compact ? ImGui::GetContentRegionAvail().x : 0.f, m_busy))
        save_group(m_group);
}

}  // namespace kimonet
