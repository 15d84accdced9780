#include "views/coretax_section.hpp"

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/download_button.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {

using i18n::tr;
using platform::display;

void CoretaxSection::load(const std::string& period) {
    m_loaded_for = period;
    m_loading = true;
    m_error.clear();
    api_client().get("/api/tax/coretax/" + period, [this, period](const ApiResponse& response) {
        if (period != m_loaded_for) return;
        m_loading = false;
        if (!response.ok()) {
            m_summary = {};
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_summary = api::coretax_summary_from_json(response.body.contains("data") ? response.body["data"] : api::Json());
    });
}

void CoretaxSection::draw(App& app, const Period& month) {
    if (!app.user().can("tax.export")) return;
    if (m_period.empty()) m_period = to_string(month);
    // Drawn even while scrolled out of view (begin_card false): the summary is asked for when the
    // screen opens, not when the card first scrolls in.
    widgets::begin_card("coretax");
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", "coretax.title", tr("coretax.title"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("coretax.hint", tr("coretax.hint"));
    ImGui::PopTextWrapPos();
    const bool valid = parse_period(m_period).ok();
    widgets::text_field("coretax.period", tr("coretax.period"), m_period, valid ? std::string() : std::string(tr("coretax.period_error")),
                        0, "2026-01", display().px(160));
    if (valid && m_period != m_loaded_for) load(m_period);
    if (!m_error.empty()) widgets::banner("coretax.error", m_error, true);
    if (valid && !m_loading && m_error.empty() && m_summary.period == m_period) {
        widgets::text("text", "coretax.pending",
                      i18n::tr_format("coretax.counts", {{"pending", std::to_string(m_summary.pending)},
                                                          {"exported", std::to_string(m_summary.exported)},
                                                          {"files", std::to_string(m_summary.files)}}));
        if (!m_summary.seller_ready) widgets::banner("coretax.seller_missing", tr("coretax.seller_missing"), true);
        widgets::checkbox("coretax.again", tr("coretax.again"), m_again);
        const std::int64_t count = m_again ? m_summary.pending + m_summary.exported : m_summary.pending;
        const bool zip = count > 1000;
        const std::string path = "/api/tax/coretax/" + m_period + (zip ? "/faktur.zip" : "/faktur.xml") + (m_again ? "?again=1" : "");
        const std::string filename = "coretax-" + m_period + (zip ? ".zip" : ".xml");
        if (count > 0 && m_summary.seller_ready) {
            const auto status = widgets::download_button("coretax.download", tr(zip ? "coretax.download_zip" : "coretax.download_xml"), path,
                                                         filename, widgets::ButtonStyle::Primary);
            if (status.failed_now) app.toast_error(tr("coretax.download_failed"));
            // What was downloaded is marked exported on the server: ask for the counts again.
            if (m_running && !status.running) m_loaded_for.clear();
            m_running = status.running;
        } else if (count == 0) {
            widgets::muted("coretax.nothing", tr("coretax.nothing"));
        }
    }
    widgets::end_card();
}

}  // namespace kimonet
