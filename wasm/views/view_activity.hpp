#pragma once
// Log aktivitas: every write with who, what, on which subject and when; filters for the actor,
// the subject type and a date (the page of that day), paged newest first. A row opens its
// before/after JSON.
#include <string>

#include "api/json_fields.hpp"

namespace kimonet {

class App;

class ViewActivity {
public:
    void enter(App& app);
    void draw(App& app);

private:
    void reload();

    std::string m_actor, m_subject_type, m_date;
    int m_page = 1;
    int m_total = 0;
    api::Json m_rows = api::Json::array();
    bool m_loaded = false;
    std::string m_error;
    int m_expanded = -1;
};

}  // namespace kimonet
