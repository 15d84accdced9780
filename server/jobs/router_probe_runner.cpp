#include "jobs/router_probe_runner.hpp"

#include <algorithm>

#include "services/active_sessions.hpp"
#include "services/network_status.hpp"
#include "services/settings.hpp"

namespace kimonet::jobs {

namespace {

// How often the worker looks at the clock and the setting: a changed router_probe_seconds takes
// effect within a second, without a restart.
constexpr std::chrono::seconds kTick{1};
// The isolir page names its visitor from the sessions table: it should know a customer who just
// reconnected within half a minute, even when reachability is probed less often.
constexpr std::int64_t kSessionRefreshSeconds = 30;

}  // namespace

RouterProbeRunner::RouterProbeRunner(app::App& app) : m_app(app), m_worker([this] { return round(); }) {}

std::chrono::milliseconds RouterProbeRunner::round() {
    auto run = [&]() -> Result<void> {
        auto lease = TRY(m_app.database());
        const std::int64_t interval = TRY(services::get_setting_int(*lease, "router_probe_seconds"));
        const std::int64_t now = m_app.clock().now();
        if (interval <= 0) return success();
        app::Context context = m_app.context(*lease, app::Actor{"system", 0, "router-probe", ""});
        const std::int64_t session_interval = std::min(interval, kSessionRefreshSeconds);
        if (m_last_sessions == 0 || now - m_last_sessions >= session_interval || now < m_last_sessions) {
            m_last_sessions = now;
            TRY(services::refresh_active_sessions(context, services::active_sessions(m_app)));
        }
        if (m_last_probe > 0 && now - m_last_probe < interval && now >= m_last_probe) return success();
        m_last_probe = now;
        TRY(services::probe_routers(context));
        return success();
    };
    auto probed = run();
    if (!probed) m_app.worker_log().problem("router-probe", probed.error().message());
    else m_app.worker_log().done("router-probe", "");
    return kTick;
}

}  // namespace kimonet::jobs
