#pragma once
// What every service function receives: a database connection, who is acting, "now", and the
// ports to the outside world (app/ports.hpp).
// The same service is called by the HTTP route, the CLI and the scheduler with their own actor.
#include <cstdint>
#include <string>

#include "app/work_signals.hpp"
#include "core/date.hpp"
#include "security/secret_box.hpp"
#include "store/database.hpp"

namespace kimonet::app {

struct Ports;

struct Actor {
    std::string type = "system";  // "user", "customer", "system"
    std::int64_t id = 0;
    std::string name = "system";
    std::string ip;
};

struct Context {
    store::Database& db;
    Actor actor;
    std::int64_t now = 0;  // Unix seconds
    UtcOffset offset;
    const security::SecretBox& secrets;
    // The App's adapters' factories (routers, payment gateways, WhatsApp): services ask these,
    // never construct an adapter themselves.
    const Ports& ports;
    // The App's wake-on-commit hub (app/work_signals.hpp); null in a bare context (workers poll).
    WorkSignals* signals = nullptr;

    Date today() const { return local_from_unix(now, offset).date; }
};

}  // namespace kimonet::app
