#include "support/postgresql_server.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

namespace kimonet::testing::postgresql_process {

// Debian's server binaries: KIMONET_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin.
std::string postgresql_bin() {
    if (const char* configured = std::getenv("KIMONET_PG_BIN"); configured && *configured) return configured;
    std::string best;
    int best_version = 0;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ignored)) {
        const int version = std::atoi(entry.path().filename().c_str());
        if (version > best_version && std::filesystem::exists(entry.path() / "bin/postgres")) {
            best_version = version;
            best = (entry.path() / "bin").string();
        }
    }
    return best;
}

bool running_as_root() { return ::geteuid() == 0; }

pid_t spawn_as(const std::string& user, int death_signal, std::vector<std::string> arguments, const std::string& log, const std::string& input,
               bool tied) {
    const bool as_user = running_as_root() && !user.empty();
    if (as_user) {
        std::vector<std::string> wrapped{"/usr/bin/setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups"};
        if (tied) wrapped.push_back(std::string("--pdeathsig=") + (death_signal == SIGTERM ? "TERM" : "INT"));
        wrapped.push_back("--");
        wrapped.insert(wrapped.end(), arguments.begin(), arguments.end());
        arguments = std::move(wrapped);
    }
    // Everything the child needs is built before fork(): between fork and exec only system calls.
    std::vector<char*> argv;
    for (std::string& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    const std::string stdin_path = input.empty() ? "/dev/null" : input;
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child == 0) {
        if (tied && !as_user) {
            ::prctl(PR_SET_PDEATHSIG, death_signal);
            if (::getppid() != parent) ::_exit(1);
        }
        const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        const int in = ::open(stdin_path.c_str(), O_RDONLY);
        if (out >= 0) {
            ::dup2(out, 1);
            ::dup2(out, 2);
        }
        if (in >= 0) ::dup2(in, 0);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return child;
}

pid_t spawn(std::vector<std::string> arguments, const std::string& log, bool tied) {
    return spawn_as("postgres", SIGINT, std::move(arguments), log, "", tied);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

int free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// Data directories of earlier runs that crashed (their process is gone; its postgres went with it).
void remove_stale_directories() {
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path(), ignored)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with("kimonet-pg-")) continue;
        const int pid = std::atoi(name.c_str() + 11);
        if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) std::filesystem::remove_all(entry.path(), ignored);
    }
}

Error failed(const std::string& message) { return make_error(ErrorCode::Unavailable, message); }

}  // namespace kimonet::testing::postgresql_process

namespace kimonet::testing {

using namespace postgresql_process;

std::vector<std::string> fast_test_settings() {
    return {"fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=300", "shared_buffers=64MB"};
}

Result<std::unique_ptr<PostgresqlServer>> PostgresqlServer::start(const std::vector<std::string>& settings) {
    remove_stale_directories();
    const std::string bin = postgresql_bin();
    if (bin.empty()) return failed("PostgreSQL server binaries not found (Debian package postgresql; or set KIMONET_PG_BIN)");
    std::unique_ptr<PostgresqlServer> server(new PostgresqlServer());
    std::random_device random;
    server->m_directory =
        (std::filesystem::temp_directory_path() / ("kimonet-pg-" + std::to_string(::getpid()) + "-" + std::to_string(random()))).string();
    const std::string& directory = server->m_directory;
    std::filesystem::create_directories(directory);
    ::chmod(directory.c_str(), 0700);
    if (running_as_root()) {
        const passwd* user = ::getpwnam("postgres");
        if (user == nullptr) return failed("running as root needs the postgres system user (Debian package postgresql)");
        if (::chown(directory.c_str(), user->pw_uid, user->pw_gid) != 0) return failed("cannot chown " + directory);
    }
    const std::string log = directory + "/server.log";
    const pid_t initdb = spawn({bin + "/initdb", "-D", directory + "/data", "-U", "kimonet", "--auth=trust", "-E", "UTF8",
                                "--locale=C.UTF-8", "--no-sync", "--no-instructions"},
                               log, false);
    int status = 0;
    ::waitpid(initdb, &status, 0);
    if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) return failed("initdb failed:\n" + read_file(log));
    for (int attempt = 0; attempt < 3 && server->m_pid == 0; ++attempt) {
        server->m_port = free_loopback_port();
        std::vector<std::string> arguments{bin + "/postgres", "-D", directory + "/data", "-p", std::to_string(server->m_port), "-k", directory,
                                           "-c", "listen_addresses=127.0.0.1"};
        for (const std::string& setting : settings) {
            arguments.push_back("-c");
            arguments.push_back(setting);
        }
        const pid_t process = spawn(arguments, log, true);
        const std::string ping = server->url("postgres");
        for (int wait = 0; wait < 600; ++wait) {  // up to 30 s
            if (::waitpid(process, &status, WNOHANG) == process) break;  // exited: port taken meanwhile?
            if (PQping(ping.c_str()) == PQPING_OK) {
                server->m_pid = process;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (server->m_pid == 0) {
            ::kill(process, SIGKILL);
            ::waitpid(process, &status, 0);
        }
    }
    if (server->m_pid == 0) return failed("postgres did not start:\n" + read_file(log));
    return server;
}

PostgresqlServer::~PostgresqlServer() { stop(); }

void PostgresqlServer::stop() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGINT);  // fast shutdown: open sessions are ended, not waited for
        int status = 0;
        bool gone = false;
        for (int wait = 0; wait < 200 && !gone; ++wait) {
            gone = ::waitpid(m_pid, &status, WNOHANG) == m_pid;
            if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (!gone) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &status, 0);
        }
        m_pid = 0;
    }
    std::error_code ignored;
    if (!m_directory.empty()) std::filesystem::remove_all(m_directory, ignored);
}

std::string PostgresqlServer::url(const std::string& database) const {
    // The unix socket in the temp dir (the server also listens on 127.0.0.1:port).
    return "postgresql://kimonet@/" + database + "?host=" + m_directory + "&port=" + std::to_string(m_port);
}

}  // namespace kimonet::testing
