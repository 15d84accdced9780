#pragma once
// Internet packages: table with price and speeds, create/edit and deactivation.
#include <cstdint>
#include <string>
#include <vector>

#include "views/view_package_form.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewPackages final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // #/packages/new, #/packages/3/edit
    std::string route() const override;
    RouteOutcome open_subroute(App& app, const std::vector<std::string>& rest) override;

private:
    void open_create(App& app);
    void open_edit(App& app, const Package& package);
    void draw_table(App& app);
    void draw_cards(App& app);
    void draw_row_actions(App& app, const Package& package);
    void deactivate(App& app, const Package& package);

    std::string m_error;
    std::string m_notice;
    ViewPackageForm m_form;
    std::int64_t m_pending_edit = 0;  // an address's package, opened once the list is here
    int m_answers_at_enter = 0;       // the catalog's packages_answers when the screen was entered
};

}  // namespace kimonet
