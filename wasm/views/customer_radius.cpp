#include "views/customer_radius.hpp"

#include <cstdio>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;

std::string format_duration(std::int64_t seconds) {
    const std::int64_t hours = seconds / 3600, minutes = (seconds % 3600) / 60;
    if (hours > 0) return i18n::tr_format("radius.hours_minutes", {{"hours", std::to_string(hours)}, {"minutes", std::to_string(minutes)}});
    return i18n::tr_format("radius.minutes", {{"minutes", std::to_string(minutes)}});
}

}  // namespace

std::string format_bytes(std::int64_t bytes) {
    static const char* const kUnits[] = {"B", "KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1000.0 && unit < 4) {
        value /= 1000.0;
        ++unit;
    }
    char text[32];
    if (unit == 0 || value >= 10.0) std::snprintf(text, sizeof text, "%.0f %s", value, kUnits[unit]);
    else std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[unit]);
    std::string out = text;
    if (auto dot = out.find('.'); dot != std::string::npos) out[dot] = ',';  // Indonesian decimal comma
    return out;
}

void CustomerRadiusPanel::open(App& app, std::int64_t customer_id, bool radius) {
    m_customer_id = customer_id;
    m_shown = radius && app.user().can("network.read");
    m_loaded = false;
    if (!m_shown) return;
    const std::int64_t requested = customer_id;
    api_client().get("/api/customers/" + std::to_string(requested) + "/radius", [this, requested](const ApiResponse& response) {
        if (requested != m_customer_id || !response.ok()) return;
        const api::Json& data = response_data(response.body);
        m_online = json_bool(data, "online", false);
        const api::Json sessions = data.contains("sessions") ? data["sessions"] : api::Json::array();
        if (m_online && sessions.is_array() && !sessions.empty()) {
            m_online_address = json_string(sessions[0], "framed_ip");
            m_online_since = json_int(sessions[0], "started_at");
        }
        const api::Json last = data.contains("last_session") ? data["last_session"] : api::Json();
        m_has_last = last.is_object();
        if (m_has_last) {
            m_last_started = json_int(last, "started_at");
            m_last_seconds = json_int(last, "session_seconds");
            m_last_cause = json_string(last, "terminate_cause");
        }
        const api::Json usage = data.contains("usage_month") ? data["usage_month"] : api::Json::object();
        m_download = json_int(usage, "download_bytes");
        m_upload = json_int(usage, "upload_bytes");
        m_loaded = true;
    });
}

void CustomerRadiusPanel::draw() {
    if (!m_shown || !m_loaded) return;
    std::string online = m_online ? std::string(tr("radius.online_yes")) : std::string(tr("radius.online_no"));
    if (m_online && !m_online_address.empty()) online += " · " + m_online_address;
    if (m_online && m_online_since > 0) online += " · " + i18n::tr_format("radius.since", {{"at", i18n::format_date_time(m_online_since)}});
    widgets::text("text", "customer_detail.radius.online", std::string(tr("radius.online")) + ": " + online,
                  m_online ? widgets::colors::kSuccess : 0);
    std::string last = tr("radius.none");
    if (m_has_last) {
        last = i18n::format_date_time(m_last_started) + " · " + format_duration(m_last_seconds);
        if (!m_last_cause.empty()) last += " · " + m_last_cause;
    }
    widgets::text("text", "customer_detail.radius.last", std::string(tr("radius.last_session")) + ": " + last);
    widgets::text("text", "customer_detail.radius.usage",
                  std::string(tr("radius.usage_month")) + ": " +
                      i18n::tr_format("radius.usage", {{"download", format_bytes(m_download)}, {"upload", format_bytes(m_upload)}}));
}

}  // namespace kimonet
