#include "jobs/outbox_runner.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "services/outbox.hpp"

namespace kimonet::jobs {

void OutboxRunner::start() {
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable()) return;
    m_stopping = false;
    m_thread = std::thread([this] { loop(); });
}

void OutboxRunner::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void OutboxRunner::wake() {
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

void OutboxRunner::loop() {
    std::string last_problem;
    for (;;) {
        std::int64_t wait_seconds = m_poll_seconds;
        auto round = [&]() -> Result<services::DrainReport> {
            auto lease = TRY(m_app.database());
            auto messenger = TRY(whatsapp::messenger_from_settings(*lease, m_app.secrets()));
            const auto limits = TRY(services::outbox_limits(*lease));
            return services::drain_outbox(*lease, m_app.clock(), m_app.config().utc_offset, *messenger, limits);
        };
        auto report = round();
        if (!report) {
            // Not configured yet or the database is busy: say so once, keep polling.
            if (report.error().message() != last_problem) {
                last_problem = report.error().message();
                std::fprintf(stderr, "outbox: %s\n", last_problem.c_str());
            }
        } else {
            last_problem.clear();
            if (report->next_due_at) wait_seconds = std::clamp<std::int64_t>(*report->next_due_at - m_app.clock().now(), 0, m_poll_seconds);
        }
        std::unique_lock lock(m_mutex);
        // At least a moment between rounds, so a rate-limit wait never spins.
        m_wake.wait_for(lock, std::chrono::milliseconds(std::max<std::int64_t>(wait_seconds * 1000, 200)), [this] { return m_stopping || m_woken; });
        m_woken = false;
        if (m_stopping) return;
    }
}

}  // namespace kimonet::jobs
