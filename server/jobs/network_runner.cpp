#include "jobs/network_runner.hpp"

#include <cstdio>

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
        m_app.worker_log().report("network", true, report.error().message());
        if (report.error().message() != m_last_problem) {
            m_last_problem = report.error().message();
            std::fprintf(stderr, "network: %s\n", m_last_problem.c_str());
        }
    } else {
        m_last_problem.clear();
        if (report->due > 0 || report->superseded > 0)
            m_app.worker_log().report("network", false, "due " + std::to_string(report->due) + ", applied " + std::to_string(report->applied) +
                                                            ", pending " + std::to_string(report->still_pending) + ", failed " +
                                                            std::to_string(report->failed));
    }
    return m_poll;
}

}  // namespace kimonet::jobs
