#include "views/customer_promise.hpp"

#include <cstdlib>

#include "api_client.hpp"
#include "app.hpp"
#include "core/date.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;

std::string date_text(const std::string& iso) {
    auto date = parse_date(iso);
    return date ? i18n::format_date(*date) : iso;
}

ImU32 status_color(const std::string& status) {
    if (status == "kept") return widgets::colors::kSuccess;
    if (status == "broken") return widgets::colors::kDanger;
    if (status == "active") return widgets::colors::kWarning;
    return widgets::colors::kMuted;
}

}  // namespace

void CustomerPromiseSection::draw(App& app, std::int64_t customer_id, const api::Json& dunning, const std::function<void()>& granted) {
    ImGui::Spacing();
    ImGui::PushFont(platform::display().fonts().strong);
    widgets::text("text", "promise.title", tr("promise.title"));
    ImGui::PopFont();
    const api::Json& active = dunning.contains("promise") ? dunning["promise"] : api::Json();
    if (active.is_object())
        widgets::text("text", "promise.active", i18n::tr_format("promise.active", {{"date", date_text(json_string(active, "promised_until"))}}),
                      widgets::colors::kWarning);
    const api::Json& history = dunning.contains("promises") ? dunning["promises"] : api::Json();
    if (!history.is_array() || history.empty()) widgets::muted("promise.none", tr("promise.none"));
    if (history.is_array()) {
        for (const api::Json& promise : history) {
            const std::string status = json_string(promise, "status");
            const std::string channel = json_string(promise, "channel");
            widgets::text("text", "promise." + std::to_string(json_int(promise, "id")),
                          i18n::tr_format("promise.row", {{"made", date_text(json_string(promise, "made_on"))},
                                                          {"channel", tr(("promise.channel." + channel).c_str())},
                                                          {"by", json_string(promise, "by")},
                                                          {"until", date_text(json_string(promise, "promised_until"))},
                                                          {"status", tr(("promise.status." + status).c_str())}}),
                          status_color(status));
        }
    }
    if (!app.user().can("dunning.promise_grant")) return;
    widgets::text_field("promise.grant.days", tr("promise.grant.days"), m_days, {}, ImGuiInputTextFlags_CharsDecimal);
    widgets::text_field("promise.grant.reason", tr("promise.grant.reason"), m_reason);
    if (!m_error.empty()) widgets::banner("promise.grant.error", m_error, true);
    if (!m_done.empty()) widgets::banner("promise.grant.done", m_done, false);
    if (!widgets::button("promise.grant.submit", tr("promise.grant.submit"), widgets::ButtonStyle::Primary, 0.f, m_busy)) return;
    m_busy = true;
    m_error.clear();
    m_done.clear();
    const api::Json body = {{"days", std::atoi(m_days.c_str())}, {"reason", m_reason}};
    api_client().post("/api/customers/" + std::to_string(customer_id) + "/promises", body, [this, granted](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_done = i18n::tr_format("promise.grant.done", {{"date", date_text(json_string(response_data(response.body), "promised_until"))}});
        m_reason.clear();
        granted();
    });
}

std::int64_t draw_portal_promise(const api::Json& offer, const std::string& error) {
    if (!error.empty()) widgets::banner("home.promise.error", error, true);
    if (!offer.is_object()) return 0;
    if (offer.contains("active") && offer["active"].is_object()) {
        widgets::text("text", "home.promise.active",
                      i18n::tr_format("portal.promise.active", {{"date", date_text(json_string(offer["active"], "promised_until"))}}),
                      widgets::colors::kWarning);
        return 0;
    }
    if (!json_bool(offer, "available", false)) return 0;
    widgets::muted("home.promise.help", tr("portal.promise.help"));
    const std::string label = i18n::tr_format("portal.promise.button", {{"date", date_text(json_string(offer, "until"))}});
    return widgets::button("home.promise", label.c_str()) ? json_int(offer, "invoice_id") : 0;
}

}  // namespace kimonet
