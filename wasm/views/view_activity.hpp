#pragma once
// Log aktivitas: every write with who, what, on which subject and when; filters for the actor,
// the subject type and a date (the page of that day), paged newest first. A row opens its
// before/after JSON.
#include <string>

#include "api/json_fields.hpp"
#include "view.hpp"
#include "views/paged_list.hpp"

namespace kimonet {

class App;

class ViewActivity final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();

    std::string m_actor, m_subject_type, m_date;
    PagedList m_list{"/api/activity", 50};
    int m_expanded = -1;
};

}  // namespace kimonet
