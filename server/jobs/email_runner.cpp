#include "jobs/email_runner.hpp"

#include <algorithm>

#include "services/email_outbox.hpp"

namespace kimonet::jobs {

EmailRunner::EmailRunner(app::App& app, int poll_seconds)
    : m_app(app), m_poll_seconds(poll_seconds), m_worker([this] { return round(); }),
      m_subscription(app.signals(), app::Work::Outbox, [this] { m_worker.wake(); }) {}

std::chrono::milliseconds EmailRunner::round() {
    auto drain = [&]() -> Result<services::EmailDrainReport> {
        auto lease = TRY(m_app.database());
        if (!TRY(services::email_configured(*lease))) return services::EmailDrainReport{};
        const auto settings = TRY(services::mailer_settings(*lease, m_app.secrets()));
        // The SMTP adapter is made here, per round, from the settings just read (like the
        // outbox's Messenger); tests drive services::drain_email_outbox with the same adapter.
        auto mailer = email::make_smtp_mailer(settings);
        const auto limits = TRY(services::email_limits(*lease));
        return services::drain_email_outbox(*lease, m_app.clock(), m_app.offset(*lease), *mailer, settings, limits,
                                            m_app.config().public_base_url);
    };
    std::int64_t wait_seconds = m_poll_seconds;
    auto report = drain();
    if (!report) {
        m_app.worker_log().problem("email", report.error().message());
    } else {
        const bool busy = report->sent + report->retried + report->failed > 0;
        m_app.worker_log().done("email", !busy ? "" : "sent " + std::to_string(report->sent) + ", retried " + std::to_string(report->retried) +
                                                   ", failed " + std::to_string(report->failed));
        if (report->next_due_at) wait_seconds = std::clamp<std::int64_t>(*report->next_due_at - m_app.clock().now(), 0, m_poll_seconds);
    }
    return std::chrono::milliseconds(std::max<std::int64_t>(wait_seconds * 1000, 200));
}

}  // namespace kimonet::jobs
