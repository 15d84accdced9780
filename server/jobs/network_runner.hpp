#pragma once
// The network worker inside `kimonet serve`: carries out pending router actions (restores that
// a payment requested, isolations a router was down for) as soon as they are due, so a customer
// who pays is restored within a second, outside the payment's transaction. Failed attempts back
// off per action (services::retry_delay_seconds), so a router that is down is not hammered.
// Woken on commit by the services that create due actions (app::wake_after_commit); the poll is
// the fallback for actions written by other processes. Problems and busy rounds go to the App's
// WorkerLog (and problems to stderr, once per change).
#include "app/app.hpp"
#include "jobs/background_worker.hpp"

namespace kimonet::jobs {

class NetworkRunner {
public:
    explicit NetworkRunner(app::App& app, std::chrono::milliseconds poll = std::chrono::milliseconds(250));

    void start() { m_worker.start(); }
    void stop() { m_worker.stop(); }
    void wake() { m_worker.wake(); }

private:
    std::chrono::milliseconds round();

    app::App& m_app;
    std::chrono::milliseconds m_poll;
    BackgroundWorker m_worker;
    app::WorkSubscription m_subscription;  // after m_worker: unregistered before the worker goes
};

}  // namespace kimonet::jobs
