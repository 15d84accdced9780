#pragma once
// The email outbox worker inside `kimonet serve` (issue 22, docs/email.md): drains email_outbox
// through the SMTP server the smtp_* settings name (re-read every round), sleeping until the next
// message is due, at most `poll_seconds`, or until a service that queued a message wakes it on
// commit (the outbox's signal). Not configured: it polls quietly. Problems go to the WorkerLog.
#include "app/app.hpp"
#include "jobs/background_worker.hpp"

namespace kimonet::jobs {

class EmailRunner {
public:
    explicit EmailRunner(app::App& app, int poll_seconds = 5);

    void start() { m_worker.start(); }
    void stop() { m_worker.stop(); }
    void wake() { m_worker.wake(); }

private:
    std::chrono::milliseconds round();

    app::App& m_app;
    int m_poll_seconds;
    BackgroundWorker m_worker;
    app::WorkSubscription m_subscription;  // after m_worker: unregistered before the worker goes
};

}  // namespace kimonet::jobs
