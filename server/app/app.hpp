#pragma once
// The running application: configuration, database pool, secrets, clock, ports and route table.
// Built once by main (or a test) and shared by the HTTP server, CLI and scheduler.
#include <memory>

#include "app/clock.hpp"
#include "app/config.hpp"
#include "app/context.hpp"
#include "app/ports.hpp"
#include "app/work_signals.hpp"
#include "app/worker_log.hpp"
#include "http/router.hpp"
#include "security/secret_box.hpp"
#include "store/connection_pool.hpp"

namespace kimonet::services {
class CallbackInbox;
}

namespace kimonet::app {

class App {
public:
    // Opens the database, applies migrations, syncs roles/permissions, loads the secret key
    // and registers every route.
    // `ports` are the adapters the services reach through Context::ports (the real ones unless a
    // test swaps one).
    static Result<std::unique_ptr<App>> open(Config config, std::shared_ptr<const Clock> clock, Ports ports = production_ports());

    const Config& config() const { return m_config; }
    const Clock& clock() const { return *m_clock; }
    const security::SecretBox& secrets() const { return m_secrets; }
    const Ports& ports() const { return m_ports; }
    store::ConnectionPool& pool() { return *m_pool; }
    http::Router& router() { return m_router; }
    // Wake-on-commit for the in-process workers, and what those workers report.
    WorkSignals& signals() { return m_signals; }
    WorkerLog& worker_log() { return m_worker_log; }
    // Gateway callbacks kept and answered, confirmed and applied by its appliers (services/callback_inbox.hpp).
    services::CallbackInbox& callback_inbox() { return *m_callback_inbox; }

    Result<store::ConnectionPool::Lease> database() { return m_pool->acquire(); }
    // The ISP's time zone: the `timezone` setting when one is saved and valid, else KIMONET_TZ.
    // Every Context carries it, so "today", periods, numbers and printed times agree.
    UtcOffset offset(store::Database& db) const;
    Context context(store::Database& db, Actor actor) const;
    // The actor of an HTTP request: its principal (or "anonymous") and client IP.
    Context context(store::Database& db, const http::Request& request) const;

private:
    App(Config config, std::shared_ptr<const Clock> clock, security::SecretBox secrets, std::unique_ptr<store::ConnectionPool> pool, Ports ports)
        : m_config(std::move(config)), m_clock(std::move(clock)), m_secrets(secrets), m_pool(std::move(pool)), m_ports(std::move(ports)) {}

    Config m_config;
    std::shared_ptr<const Clock> m_clock;
    security::SecretBox m_secrets;
    std::unique_ptr<store::ConnectionPool> m_pool;
    Ports m_ports;
    http::Router m_router;
    mutable WorkSignals m_signals;
    WorkerLog m_worker_log;
    // Last: its appliers stop before the pool and the rest they use go.
    std::shared_ptr<services::CallbackInbox> m_callback_inbox;
};

// Opens a database and applies migrations (for the CLI's migrate command and tests).
Result<std::unique_ptr<store::Database>> open_migrated_database(const std::string& path);

}  // namespace kimonet::app
