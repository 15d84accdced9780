#include "jobs/network_runner.hpp"

#include <cstdio>

#include "services/network_service.hpp"

namespace kimonet::jobs {

NetworkRunner::NetworkRunner(app::App& app, std::chrono::milliseconds poll)
    : m_app(app), m_poll(poll), m_worker([this] { return round(); }) {}

std::chrono::milliseconds NetworkRunner::round() {
    auto run = [&]() -> Result<services::PendingRun> {
        auto lease = TRY(m_app.database());
        app::Context context = m_app.context(*lease, app::Actor{"system", 0, "network-worker", ""});
        return services::process_pending_network_actions(context);
    };
    auto report = run();
    if (!report && report.error().message() != m_last_problem) {
        m_last_problem = report.error().message();
        std::fprintf(stderr, "network: %s\n", m_last_problem.c_str());
    } else if (report) {
        m_last_problem.clear();
    }
    return m_poll;
}

}  // namespace kimonet::jobs
