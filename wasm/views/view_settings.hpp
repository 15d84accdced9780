#pragma once
// Pengaturan: the server's setting definitions (GET /api/settings → data + definitions + logo)
// grouped by task — Perusahaan, Penagihan, Pembayaran, WhatsApp, Jaringan, Keamanan (Lainnya for
// keys without a group) — with Indonesian labels and a help line each (i18n_catalogue_settings.cpp);
// the keys stay the same on the wire. A setting with a fixed set of values (api/setting_choices.hpp)
// is a choice of Indonesian labels with the chosen one's help, or a switch; never its raw value.
// Schedules are chosen from presets ("setiap tanggal 1 jam 00:01", jobs/schedule_presets.hpp) with
// cron as the advanced choice; bank accounts are rows
// (billing/bank_accounts.hpp); the logo is uploaded as a file (POST /api/settings/logo).
// Each group saves only what changed; the server's 422 messages show under their fields.
// Secrets are write-only: the field is empty, a badge says "Tersimpan" or "Belum diisi", and an
// empty field keeps the stored secret.
#include <map>
#include <string>
#include <vector>

#include "billing/bank_accounts.hpp"
#include "api/json_fields.hpp"
#include "api/setting_choices.hpp"
#include "core/error.hpp"
#include "jobs/schedule_presets.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewSettings final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // #/settings (the first group), #/settings/<group>: billing, payment, whatsapp, network,
    // security, other (settings_group_key).
    std::string route() const override;
    RouteOutcome open_subroute(App& app, const std::vector<std::string>& rest) override;

private:
    struct Setting {
        std::string key, description, default_value;
        bool secret = false;
        bool secret_set = false;
        std::string saved, edited;
        jobs::SchedulePreset preset;  // schedules: the preset being edited
        std::string time;             // schedules: "HH:MM" as typed
    };
    void reload();
    void save_group(int group);
    void draw_setting(Setting& setting, bool can_edit);
    void draw_schedule(Setting& setting, const std::string& label, const std::string& error);
    void draw_bank_accounts(Setting& setting, const std::string& label, const std::string& error);
    void draw_choice(Setting& setting, const api::SettingChoices& choices, const std::string& label, const std::string& error);
    void draw_logo(bool can_edit);
    void take_picked_logo();

    std::vector<Setting> m_settings;
    std::vector<billing::BankAccount> m_bank_rows;
    int m_group = 0;
    int m_drawn_group = -1;
    bool m_loaded = false;
    bool m_busy = false;
    std::string m_error, m_notice;
    FieldErrors m_fields;
    api::Json m_logo;  // {content_type, width, height} or null
    int m_logo_pick = 0;
    bool m_logo_busy = false;
};

// The task group (index into the tab row) a setting key belongs to.
int settings_group_of(const std::string& key);
// A group's address ("company", "billing", ...): #/settings/billing.
const char* settings_group_key(int group);
inline constexpr int kSettingsGroupCount = 7;

}  // namespace kimonet
