#include "jobs/outbox_runner.hpp"

#include <algorithm>

#include "services/outbox_failover.hpp"

namespace kimonet::jobs {

OutboxRunner::OutboxRunner(app::App& app, int poll_seconds)
    : m_app(app), m_poll_seconds(poll_seconds), m_worker([this] { return round(); }),
      m_subscription(app.signals(), app::Work::Outbox, [this] { m_worker.wake(); }) {}

std::chrono::milliseconds OutboxRunner::round() {
    auto drain = [&]() -> Result<services::DrainReport> {
        auto lease = TRY(m_app.database());
        // The primary, and the backup when one is configured (issue 22 failover).
        return services::drain_configured_outbox(*lease, m_app.ports(), m_app.secrets(), m_app.clock(), m_app.offset(*lease));
    };
    std::int64_t wait_seconds = m_poll_seconds;
    auto report = drain();
    if (!report) {
        // Not configured yet or the database is busy: said once, the worker keeps polling.
        m_app.worker_log().problem("outbox", report.error().message());
    } else {
        const bool busy = report->sent + report->retried + report->failed > 0;
        m_app.worker_log().done("outbox", !busy ? "" : "sent " + std::to_string(report->sent) + ", retried " + std::to_string(report->retried) +
                                                    ", failed " + std::to_string(report->failed));
        if (report->next_due_at) wait_seconds = std::clamp<std::int64_t>(*report->next_due_at - m_app.clock().now(), 0, m_poll_seconds);
    }
    return std::chrono::milliseconds(std::max<std::int64_t>(wait_seconds * 1000, 200));
}

}  // namespace kimonet::jobs
