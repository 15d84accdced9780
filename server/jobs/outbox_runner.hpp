#pragma once
// The outbox worker inside `kimonet serve`: drains the notification outbox through the gateway
// chosen in settings (re-read every round, so a settings change takes effect without a restart),
// sleeping until the next message is due, at most `poll_seconds`, or until a service that queued a
// message wakes it on commit (app::wake_after_commit). Problems and sends go to the App's WorkerLog.
#include "app/app.hpp"
#include "jobs/background_worker.hpp"

namespace kimonet::jobs {

class OutboxRunner {
public:
    explicit OutboxRunner(app::App& app, int poll_seconds = 2);

    void start() { m_worker.start(); }
    // Waits for the send in progress (bounded by the gateway timeout).
    void stop() { m_worker.stop(); }
    // Asks the worker to look at the outbox now (e.g. right after queueing).
    void wake() { m_worker.wake(); }

private:
    std::chrono::milliseconds round();

    app::App& m_app;
    int m_poll_seconds;
    BackgroundWorker m_worker;
    app::WorkSubscription m_subscription;  // after m_worker: unregistered before the worker goes
};

}  // namespace kimonet::jobs
