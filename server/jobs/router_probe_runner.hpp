#pragma once
// The router probe inside `kimonet serve`: every router_probe_seconds it connects to each router
// once and records whether it answered, so the public network status shows what the server last
// saw without a public request ever touching a router. It also keeps the table of active PPP
// sessions by address (services/active_sessions.hpp) that the isolir page reads.
#include "app/app.hpp"
#include "jobs/background_worker.hpp"

namespace kimonet::jobs {

class RouterProbeRunner {
public:
    explicit RouterProbeRunner(app::App& app);

    void start() { m_worker.start(); }
    void stop() { m_worker.stop(); }

private:
    std::chrono::milliseconds round();

    app::App& m_app;
    std::int64_t m_last_probe = 0;  // Unix seconds of the last probe (0: none yet)
    std::int64_t m_last_sessions = 0;  // Unix seconds of the last active-sessions refresh
    BackgroundWorker m_worker;
};

}  // namespace kimonet::jobs
