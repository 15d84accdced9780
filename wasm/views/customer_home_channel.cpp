// The portal profile's channel preference (issue 22, docs/email.md): the customer chooses how
// invoices and receipts reach them — automatic (WhatsApp when there is a number), WhatsApp, email or
// both. Its own endpoint (GET/PUT /api/portal/channel), saved after the profile when it changed.
#include "api_client.hpp"
#include "i18n.hpp"
#include "views/view_customer_home.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {
namespace {

constexpr const char* kPortalChannelPreferences[] = {"", "whatsapp", "email", "both"};

}  // namespace

void ViewCustomerHome::load_channel_preference() {
    api_client().get("/api/portal/channel", [this](const ApiResponse& response) {
        if (!response.ok()) return;  // the profile works without it
        const std::string value = json_string(api::response_data(response.body), "channel_preference");
        m_channel_index = 0;
        for (int index = 0; index < 4; ++index)
            if (value == kPortalChannelPreferences[index]) m_channel_index = index;
        m_channel_loaded = m_channel_index;
    });
}

void ViewCustomerHome::draw_channel_preference() {
    const std::vector<std::string> choices{i18n::tr("channel_preference.default"), i18n::tr("channel_preference.whatsapp"),
                                           i18n::tr("channel_preference.email"), i18n::tr("channel_preference.both")};
    widgets::select_field("profile.channel", i18n::tr("channel_preference.label"), choices, m_channel_index,
                          i18n::field_message(m_profile_errors, "channel_preference"));
}

void ViewCustomerHome::save_channel_preference() {
    if (m_channel_index == m_channel_loaded) return;
    m_profile_busy = true;
    api_client().put("/api/portal/channel", api::Json{{"channel_preference", kPortalChannelPreferences[m_channel_index]}},
                     [this](const ApiResponse& response) {
                         m_profile_busy = false;
                         if (!response.ok()) {
                             m_profile_notice.clear();
                             m_profile_errors = response.fields;
                             if (m_profile_errors.empty())
                                 m_profile_errors["form"] = i18n::api_error_text(response.error_code, response.error_message);
                             return;
                         }
                         m_channel_loaded = m_channel_index;
                     });
}

}  // namespace kimonet
