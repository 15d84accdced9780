#pragma once
// The scheduler's leadership among N servers on one PostgreSQL (issue 17), and the housekeeping the
// leader does for the shared state of the servers. PostgreSQL only: SQLite is one process, whose
// scheduler always runs (jobs::LeaderElection never calls these there).
//
// The lock is a session-level advisory lock (pg_try_advisory_lock) on a connection the leader keeps
// for nothing else: it is held as long as that session lives and freed by the server the moment
// the session ends (the process died and the kernel closed its socket, or the connection broke),
// so another server's next try takes it.
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace kimonet::store {

// The scheduler's lock (differs from the writer lock of every write transaction, postgresql_engine.cpp).
inline constexpr std::int64_t kSchedulerLockKey = 7731283942160150388;

// Names the session (application_name, so `pg_stat_activity` shows which server leads) and makes
// the PostgreSQL server notice a dead peer host within seconds (TCP keepalives and user timeout on
// its side of this connection; with a unix socket they do not apply and are harmless).
Result<void> prepare_leader_session(Database& db, const std::string& application_name);
// pg_try_advisory_lock: true when this session holds the scheduler's lock (again: it is re-entrant,
// so a holder asks once and keeps count at one; see LeaderElection).
Result<bool> try_scheduler_lock(Database& db);
// True while the session is alive (a round trip); an error when the connection is gone.
Result<void> ping_leader_session(Database& db);
// The operating-system process id of the server holding the scheduler's lock, taken from its
// application_name ("kimonet-scheduler pid=N"); 0 when nobody holds it. For tests and operators.
Result<std::int64_t> scheduler_leader_pid(Database& db);

}  // namespace kimonet::store
