#include "views/view_dashboard.hpp"

#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {

using i18n::tr;

void ViewDashboard::draw(App& app) {
    widgets::title("dashboard.welcome", i18n::tr_format("dashboard.welcome", {{"name", app.user().name}}));
    ImGui::Dummy(ImVec2(0, platform::display().px(6)));
    if (widgets::begin_card("dashboard.card")) {
        ImGui::PushTextWrapPos(0.f);
        widgets::muted("dashboard.placeholder", tr("dashboard.placeholder"));
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, platform::display().px(4)));
        bool first = true;
        if (app.can_open(Screen::Customers)) {
            first = false;
            if (widgets::button("dashboard.customers", tr("nav.customers"), widgets::ButtonStyle::Primary))
                app.navigate(Screen::Customers);
        }
        if (app.can_open(Screen::Packages)) {
            if (!first) ImGui::SameLine();
            if (widgets::button("dashboard.packages", tr("nav.packages"))) app.navigate(Screen::Packages);
        }
    }
    widgets::end_card();
}

}  // namespace kimonet
