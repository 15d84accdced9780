#pragma once
// Which of N `kimonet serve` processes on one PostgreSQL runs the scheduler (issue 17): the one
// holding a session-level advisory lock (store/leader_store.hpp) on a connection of its own.
//
// Takeover bound: every server that does not lead tries the lock every kElectionInterval (2 s).
// A leader that dies (kill -9, crash) loses its session at once — the kernel closes its socket and
// PostgreSQL frees the lock — so another server leads within 2 s (plus its first tick). A leader
// whose host vanishes without closing the socket is noticed by PostgreSQL's TCP keepalives/user
// timeout on that session within ~5 s: at most ~7 s. A leader that loses its session (network,
// PostgreSQL restart) stops leading at its next poll and tries again like the others.
// SQLite is one process: poll() is always true there, and the scheduler runs as it always did.
#include <chrono>
#include <memory>
#include <string>

#include "store/database.hpp"

namespace kimonet::jobs {

inline constexpr std::chrono::seconds kElectionInterval{2};

class LeaderElection {
public:
    // `url`: the database the server runs on (the App's configuration).
    explicit LeaderElection(std::string url);
    ~LeaderElection();
    LeaderElection(const LeaderElection&) = delete;
    LeaderElection& operator=(const LeaderElection&) = delete;

    // Becomes or stays the leader if it can: true when this server leads now. Never blocks on
    // another server (pg_try_advisory_lock). `problem` gets the reason when the database failed.
    bool poll(std::string& problem);
    // Gives the lock up (closes the session).
    void resign();

private:
    std::string m_url;
    bool m_postgresql = false;
    bool m_leading = false;
    std::unique_ptr<store::Database> m_session;
};

}  // namespace kimonet::jobs
