#include "jobs/network_runner.hpp"

#include "services/network_service.hpp"

namespace kimonet::jobs {

NetworkRunner::NetworkRunner(app::App& app, std::chrono::milliseconds poll)
    : m_app(app), m_poll(poll), m_worker([this] { return round(); }),
      m_subscription(app.signals(), app::Work::Network, [this] { m_worker.wake(); }) {}

std::chrono::milliseconds NetworkRunner::round() {
    auto run = [&]() -> Result<services::PendingRun> {
        auto lease = TRY(m_app.database());
        app::Context context = m_app.context(*lease, app::Actor{"system", 0, "network-worker", ""});
        return services::process_pending_network_actions(context);
    };
    auto report = run();
    if (!report) {
        m_app.worker_log().problem("network", report.error().message());
    } else {
        const bool busy = report->due > 0 || report->superseded > 0;
        m_app.worker_log().done("network", !busy ? "" : "due " + std::to_string(report->due) + ", applied " + std::to_string(report->applied) +
                                                     ", pending " + std::to_string(report->still_pending) + ", failed " +
                                                     std::to_string(report->failed));
    }
    return m_poll;
}

}  // namespace kimonet::jobs
