#pragma once
// Internet packages: table with price and speeds, create/edit and deactivation.
#include <string>

#include "views/view_package_form.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewPackages final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void draw_table(App& app);
    void draw_cards(App& app);
    void draw_row_actions(App& app, const Package& package);
    void deactivate(App& app, const Package& package);

    std::string m_error;
    std::string m_notice;
    ViewPackageForm m_form;
};

}  // namespace kimonet
