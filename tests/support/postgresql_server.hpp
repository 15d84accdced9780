#pragma once
// A scratch PostgreSQL server of this process: initdb into a temp dir, postgres on a free loopback
// port with its unix socket in that dir, stopped (and the dir removed) when the object dies.
// Shared by the tests (tests/support/test_postgresql.cpp: fsync off, one server per test process)
// and the benchmarks (bench/bench_engines.cpp: durable, fsync and synchronous_commit on).
//
// The binaries: Debian's /usr/lib/postgresql/<newest>/bin, or KIMONET_PG_BIN. Running as root (CI
// does), initdb and postgres run as the `postgres` system user through setpriv, the temp dir owned
// by it. postgres is started with a parent-death signal (SIGINT, fast shutdown): if this process
// crashes or is killed, the server goes with it; a later start removes the directories such runs
// left behind.
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kimonet::testing {

class PostgresqlServer {
public:
    // `settings`: extra `name=value` server settings (`-c`), after listen_addresses.
    static Result<std::unique_ptr<PostgresqlServer>> start(const std::vector<std::string>& settings);
    ~PostgresqlServer();
    PostgresqlServer(const PostgresqlServer&) = delete;
    PostgresqlServer& operator=(const PostgresqlServer&) = delete;

    // A URL of `database` over the unix socket in the temp dir.
    std::string url(const std::string& database) const;
    const std::string& directory() const { return m_directory; }

private:
    PostgresqlServer() = default;
    void stop();

    std::string m_directory;
    int m_port = 0;
    int m_pid = 0;
};

// The process helpers the servers above and the tests' primary + standby pair share.
namespace postgresql_process {
// Debian's server binaries: KIMONET_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin.
std::string postgresql_bin();
bool running_as_root();
// Starts `arguments` (as the postgres user when we are root) with output to `log`; with `tied`,
// the child gets SIGINT when this process dies.
int spawn(std::vector<std::string> arguments, const std::string& log, bool tied);
// The same for any server a test starts (the tests' MariaDB too): as `user` when we are root and
// `user` is not empty, stdout and stderr appended to `log`, stdin from `input` (a file; empty =
// /dev/null); with `tied`, the child gets `death_signal` when this process dies.
int spawn_as(const std::string& user, int death_signal, std::vector<std::string> arguments, const std::string& log, const std::string& input,
             bool tied);
std::string read_file(const std::string& path);
int free_loopback_port();
// Removes the temp directories of earlier runs whose process is gone.
void remove_stale_directories();
}  // namespace postgresql_process

// The settings of a throwaway test server: nothing is flushed to disk (fsync, synchronous_commit
// and full_page_writes off).
std::vector<std::string> fast_test_settings();

}  // namespace kimonet::testing
