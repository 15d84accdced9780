// The customer form's channel preference (issue 22, docs/email.md): how invoices and receipts reach
// the customer — automatic (WhatsApp when there is a number, else email), WhatsApp, email or both.
// It has its own endpoint (PUT /api/customers/{id}/channel), so like the coordinates it is loaded
// when the form opens and saved after the customer, only when it changed.
#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "views/view_customer_form.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {
namespace {

constexpr const char* kChannelPreferences[] = {"", "whatsapp", "email", "both"};

int channel_preference_index(const std::string& value) {
    for (int index = 0; index < 4; ++index)
        if (value == kChannelPreferences[index]) return index;
    return 0;
}

}  // namespace

void ViewCustomerForm::load_channel(App& app) {
    m_channel_index = 0;
    m_channel_loaded = 0;
    if (!m_editing || !app.user().can("customers.read")) return;
    const std::int64_t id = m_base.id;
    api_client().get("/api/customers/" + std::to_string(id) + "/channel", [this, id](const ApiResponse& response) {
        if (!response.ok() || m_base.id != id) return;
        m_channel_index = channel_preference_index(json_string(api::response_data(response.body), "channel_preference"));
        m_channel_loaded = m_channel_index;
    });
}

void ViewCustomerForm::draw_channel_field(const std::function<void()>& cell) {
    const std::vector<std::string> choices{i18n::tr("channel_preference.default"), i18n::tr("channel_preference.whatsapp"),
                                           i18n::tr("channel_preference.email"), i18n::tr("channel_preference.both")};
    cell();
    widgets::select_field("customer_form.channel", i18n::tr("channel_preference.label"), choices, m_channel_index,
                          field_error({}, "channel_preference", false));
}

void ViewCustomerForm::save_channel(App& app, const Customer& stored) {
    if (!app.user().can("customers.update") || m_channel_index == m_channel_loaded) {
        save_location(app, stored);
        return;
    }
    m_busy = true;
    api_client().put("/api/customers/" + std::to_string(stored.id) + "/channel",
                     api::Json{{"channel_preference", kChannelPreferences[m_channel_index]}},
                     [this, &app, stored](const ApiResponse& response) {
                         m_busy = false;
                         if (response.ok()) {
                             m_channel_loaded = m_channel_index;
                             save_location(app, stored);
                             return;
                         }
                         m_editing = true;
                         m_base = stored;
                         m_server_errors = response.fields;
                         m_banner = response.error_code == "validation_failed" ? "form.fix_errors" : "error." + response.error_code;
                         m_banner_detail = response.error_message;
                     });
}

}  // namespace kimonet
