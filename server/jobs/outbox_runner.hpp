#pragma once
// The outbox worker inside `kimonet serve`: a background thread that drains the notification
// outbox through the gateway chosen in settings (re-read every round, so a settings change takes
// effect without a restart), sleeping until the next message is due, at most `poll_seconds`.
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/app.hpp"

namespace kimonet::jobs {

class OutboxRunner {
public:
    explicit OutboxRunner(app::App& app, int poll_seconds = 2) : m_app(app), m_poll_seconds(poll_seconds) {}
    ~OutboxRunner() { stop(); }

    void start();
    // Wakes the thread and waits for the send in progress (bounded by the gateway timeout).
    void stop();
    // Asks the thread to look at the outbox now (e.g. right after queueing).
    void wake();

private:
    void loop();

    app::App& m_app;
    int m_poll_seconds;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_woken = false;
};

}  // namespace kimonet::jobs
