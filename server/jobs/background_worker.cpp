#include "jobs/background_worker.hpp"

#include <algorithm>

namespace kimonet::jobs {

void BackgroundWorker::start() {
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable()) return;
    m_stopping = false;
    m_thread = std::thread([this] { loop(); });
}

void BackgroundWorker::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void BackgroundWorker::wake() {
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

void BackgroundWorker::loop() {
    for (;;) {
        // At least a moment between rounds, so a round asking for no wait never spins.
        const auto wait = std::max(m_round(), std::chrono::milliseconds(100));
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, wait, [this] { return m_stopping || m_woken; });
        m_woken = false;
        if (m_stopping) return;
    }
}

}  // namespace kimonet::jobs
