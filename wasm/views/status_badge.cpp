#include "views/status_badge.hpp"

#include "i18n.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

void status_badge(const std::string& id, CustomerStatus status) {
    using namespace widgets::colors;
    switch (status) {
    case CustomerStatus::Active: widgets::badge(id, i18n::status_label(status), kSuccess, kSuccessSoft); break;
    case CustomerStatus::Isolated: widgets::badge(id, i18n::status_label(status), kWarning, kWarningSoft); break;
    case CustomerStatus::Inactive: widgets::badge(id, i18n::status_label(status), kMuted, kNeutralSoft); break;
    case CustomerStatus::Terminated: widgets::badge(id, i18n::status_label(status), kDanger, kDangerSoft); break;
    }
}

}  // namespace kimonet
