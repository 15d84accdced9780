#pragma once
// Wake-on-commit for the in-process workers. A service whose transaction creates work that is due
// now (a pending restore after a payment, a queued WhatsApp message) calls wake_after_commit; the
// worker registered for that kind of work is woken right after the COMMIT (woken before it, the
// worker could look, find nothing yet, and sleep again). Workers keep polling as the fallback for
// work written by other processes (the CLI, a second server) or a wake that found them busy.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

namespace kimonet::app {

struct Context;

enum class Work { Network, Outbox };

class WorkSignals {
public:
    using Waker = std::function<void()>;

    // Registers a worker's wake-up; the returned id unregisters it. A worker unregisters before
    // it is destroyed: signal() holds the lock while it calls, so a waker never outlives it.
    std::int64_t attach(Work work, Waker waker);
    void detach(std::int64_t id);
    // Wakes every worker registered for `work` (none registered: nothing happens).
    void signal(Work work) const;

private:
    mutable std::mutex m_mutex;
    std::int64_t m_next_id = 1;
    std::map<std::int64_t, std::pair<Work, Waker>> m_wakers;
};

// Wakes the `work` worker once the context's current transaction commits (at once outside one).
// A context without signals (a bare one built by a tool) leaves the work to the workers' poll.
void wake_after_commit(Context& context, Work work);

// A worker's registration for as long as it runs.
class WorkSubscription {
public:
    WorkSubscription(WorkSignals& signals, Work work, WorkSignals::Waker waker) : m_signals(signals), m_id(signals.attach(work, std::move(waker))) {}
    ~WorkSubscription() { m_signals.detach(m_id); }
    WorkSubscription(const WorkSubscription&) = delete;
    WorkSubscription& operator=(const WorkSubscription&) = delete;

private:
    WorkSignals& m_signals;
    std::int64_t m_id;
};

}  // namespace kimonet::app
