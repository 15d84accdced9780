#pragma once
// A scratch MariaDB server for the PHPNuxBill import's live-connection test, started the way the
// tests' PostgreSQL is: Debian's mariadb-server (`mariadb-install-db` into a temp dir, `mariadbd` on
// a free loopback port with its socket in that dir, as the `mysql` system user through setpriv
// when running as root, with a parent-death signal), stopped and removed when the object dies.
// Data is loaded with Debian's own `mariadb` client (the real server runs the dump, not our parser).
// Nothing is made durable (a 4 MiB redo log, no doublewrite, no flush at commit): a scratch server.
#include <mariadb/mysql.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "support/postgresql_server.hpp"

namespace kimonet::testing {

class TestMariadb {
public:
    TestMariadb() {
        std::random_device random;
        m_directory = (std::filesystem::temp_directory_path() / ("kimonet-mariadb-" + std::to_string(::getpid()) + "-" + std::to_string(random()))).string();
        std::filesystem::create_directories(m_directory);
        ::chmod(m_directory.c_str(), 0700);
        if (::geteuid() == 0) {
            const passwd* user = ::getpwnam("mysql");
            BOOST_TEST_REQUIRE(user != nullptr, "running as root needs the mysql system user (Debian package mariadb-server)");
            BOOST_TEST_REQUIRE(::chown(m_directory.c_str(), user->pw_uid, user->pw_gid) == 0);
        }
        const std::string log = m_directory + "/setup.log";
        BOOST_TEST_REQUIRE(wait_for(spawn({"/usr/bin/mariadb-install-db", "--no-defaults", "--datadir=" + m_directory + "/data",
                                           "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve", "--innodb-log-file-size=4M",
                                           "--innodb-buffer-pool-size=16M", "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0"},
                                          log, "", true, false)) == 0,
                           "mariadb-install-db failed:\n" << postgresql_process::read_file(log));
        m_port = postgresql_process::free_loopback_port();
        m_pid = spawn({"/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + m_directory + "/data", "--socket=" + socket(),
                       "--port=" + std::to_string(m_port), "--bind-address=127.0.0.1", "--skip-name-resolve", "--skip-log-bin",
                       "--innodb-flush-log-at-trx-commit=0", "--innodb-buffer-pool-size=16M", "--innodb-log-file-size=4M", "--innodb-doublewrite=0",
                       "--pid-file=" + m_directory + "/mariadbd.pid"},
                      m_directory + "/server.log", "", true, true);
        // Ready when a root connection over the socket succeeds (polled, with a deadline).
        bool ready = false;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!ready && std::chrono::steady_clock::now() < deadline) {
            MYSQL* connection = mysql_init(nullptr);
            ready = mysql_real_connect(connection, nullptr, "root", "", nullptr, 0, socket().c_str(), 0) != nullptr;
            mysql_close(connection);
            int status = 0;
            if (!ready && ::waitpid(m_pid, &status, WNOHANG) == m_pid) break;
            if (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        BOOST_TEST_REQUIRE(ready, "mariadbd did not start:\n" << postgresql_process::read_file(m_directory + "/server.log"));
    }
    ~TestMariadb() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
        }
        std::error_code ignored;
        std::filesystem::remove_all(m_directory, ignored);
    }
    TestMariadb(const TestMariadb&) = delete;
    TestMariadb& operator=(const TestMariadb&) = delete;

    int port() const { return m_port; }
    std::string socket() const { return m_directory + "/mariadbd.sock"; }
    // Runs SQL (a string, or a file's contents as standard input) through the `mariadb` client as root.
    void run_sql(const std::string& sql, const std::string& database = "") {
        std::vector<std::string> arguments{"/usr/bin/mariadb", "--no-defaults", "--socket=" + socket(), "-u", "root", "-e", sql};
        if (!database.empty()) arguments.push_back(database);
        const std::string log = m_directory + "/client.log";
        BOOST_TEST_REQUIRE(wait_for(spawn(arguments, log, "", false, false)) == 0, "mariadb failed:\n" << postgresql_process::read_file(log));
    }
    void load_file(const std::string& path, const std::string& database) {
        const std::string log = m_directory + "/client.log";
        BOOST_TEST_REQUIRE(wait_for(spawn({"/usr/bin/mariadb", "--no-defaults", "--socket=" + socket(), "-u", "root", database}, log, path, false, false)) == 0,
                           "mariadb < " << path << " failed:\n" << postgresql_process::read_file(log));
    }

private:
    static int wait_for(pid_t child) {
        int status = 0;
        ::waitpid(child, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    // `as_server`: as the mysql user when root; `tied`: SIGTERM when this process dies.
    static pid_t spawn(std::vector<std::string> arguments, const std::string& log, const std::string& input, bool as_server, bool tied) {
        return postgresql_process::spawn_as(as_server ? "mysql" : "", SIGTERM, std::move(arguments), log, input, tied);
    }

    std::string m_directory;
    int m_port = 0;
    pid_t m_pid = 0;
};

}  // namespace kimonet::testing
