#pragma once
// Pengaturan: the server's setting definitions (GET /api/settings → data + definitions) grouped
// into forms — company, invoice numbering, tax, time zone, schedules, payment gateways, WhatsApp,
// other. Each group saves only what changed; the server's 422 messages show under their fields.
// Secrets are write-only: the field is empty, a badge says "Tersimpan" or "Belum diisi", and an
// empty field keeps the stored secret.
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewSettings final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    struct Setting {
        std::string key, description, default_value;
        bool secret = false;
        bool secret_set = false;
        std::string saved, edited;
    };
    void reload();
    void save_group(int group);
    void draw_setting(Setting& setting, bool can_edit);

    std::vector<Setting> m_settings;
    int m_group = 0;
    bool m_loaded = false;
    bool m_busy = false;
    std::string m_error, m_notice;
    FieldErrors m_fields;
};

// The group (index into settings_group_names()) a setting key belongs to.
int settings_group_of(const std::string& key);

}  // namespace kimonet
