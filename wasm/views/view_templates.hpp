#pragma once
// Template pesan: the message kinds on the left, the editor on the right with the kind's
// placeholders (click to insert), a live preview rendered here by shared/messaging with its sample
// data (the same render the server uses, so it works offline), unknown placeholders reported
// before saving, Save (the server's 422 messages inline) and "Kembalikan bawaan".
#include <string>
#include <vector>

#include "core/error.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewTemplates final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    struct Template {
        std::string key, title, body, default_body;
        std::vector<std::string> placeholders;
        bool customized = false;
    };
    void reload();
    void select(int index);
    void save(bool reset);
    void draw_list(float width, float height);
    void draw_editor(App& app);

    std::vector<Template> m_templates;
    int m_selected = -1;
    std::string m_body;
    std::string m_error;
    FieldErrors m_fields;
    std::string m_notice;
    bool m_busy = false;
    bool m_loaded = false;
};

}  // namespace kimonet
