#include "app/work_signals.hpp"

#include "app/context.hpp"

namespace kimonet::app {

std::int64_t WorkSignals::attach(Work work, Waker waker) {
    std::lock_guard lock(m_mutex);
    const std::int64_t id = m_next_id++;
    m_wakers.emplace(id, std::pair{work, std::move(waker)});
    return id;
}

void WorkSignals::detach(std::int64_t id) {
    std::lock_guard lock(m_mutex);
    m_wakers.erase(id);
}

void WorkSignals::signal(Work work) const {
    std::lock_guard lock(m_mutex);
    for (const auto& [id, registered] : m_wakers)
        if (registered.first == work) registered.second();
}

void wake_after_commit(Context& context, Work work) {
    if (!context.signals) return;
    WorkSignals* signals = context.signals;
    context.db.after_commit([signals, work] { signals->signal(work); });
}

}  // namespace kimonet::app
