#include "views/customer_tickets.hpp"

#include "api_client.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

void CustomerTicketsSection::draw(std::int64_t customer_id) {
    using i18n::tr;
    if (m_loaded_for != customer_id) {
        m_loaded_for = customer_id;
        m_rows = api::Json::array();
        api_client().get("/api/tickets?customer_id=" + std::to_string(customer_id) + "&per_page=50", [this, customer_id](const ApiResponse& response) {
            if (m_loaded_for != customer_id || !response.ok()) return;
            const api::Json& data = response_data(response.body);
            if (data.is_array()) m_rows = data;
        });
    }
    ImGui::PushFont(platform::display().fonts().strong);
    widgets::text("text", "customer_detail.tickets.title", tr("tickets.history"));
    ImGui::PopFont();
    if (m_rows.empty()) widgets::muted("customer_detail.tickets.empty", tr("tickets.empty"));
    for (const api::Json& ticket : m_rows) {
        const std::string id = "customer_detail.ticket." + std::to_string(json_int(ticket, "id"));
        const bool breached = ticket.contains("sla") && json_bool(ticket["sla"], "breached", false) && json_string(ticket, "status") != "closed";
        widgets::text("cell", id, json_string(ticket, "number") + " · " + json_string(ticket, "subject") + " · " +
                                      tr("tickets.status." + json_string(ticket, "status")) +
                                      (breached ? std::string(" · ") + tr("tickets.breached") : std::string()),
                      breached ? widgets::colors::kDanger : 0);
        widgets::muted((id + ".when").c_str(), format_unix_time(json_int(ticket, "created_at")) + " · " +
                                                   tr("tickets.category." + json_string(ticket, "category")));
    }
}

}  // namespace kimonet
