// Crash safety: kill -9 the CLI in the middle of a 100,000-customer run, rerun, and every
// customer has exactly one invoice with numbers 1..N.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <fcntl.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <string_view>
#include <vector>

#include "billing_test_support.hpp"

extern char** environ;

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// The kimonet executable of this build: $KIMONET_BIN/kimonet, else KIMONET_OUTPUT_DIR from the
// CMakeCache.txt of the build tree this test binary lives in (<build>/tests/test_server).
std::string kimonet_binary() {
    if (const char* bin = std::getenv("KIMONET_BIN")) return std::string(bin) + "/kimonet";
    const auto build = std::filesystem::read_symlink("/proc/self/exe").parent_path().parent_path();
    std::ifstream cache(build / "CMakeCache.txt");
    for (std::string line; std::getline(cache, line);)
        if (line.starts_with("KIMONET_OUTPUT_DIR:")) return line.substr(line.find('=') + 1) + "/bin/kimonet";
    return (build.parent_path() / "bin" / "kimonet").string();
}

pid_t spawn_generate(TestServer& server, const std::string& period) {
    const std::string binary = kimonet_binary();
    const std::string db = "--db=" + server.db_path(), period_arg = "--period=" + period;
    // The test server's key file: with a PostgreSQL URL the CLI would otherwise make data/secret.key
    // in the current directory.
    const std::string key_file = "KIMONET_SECRET_KEY_FILE=" + server.app().config().secret_key_file;
    std::vector<char*> environment;
    for (char** variable = environ; *variable; ++variable)
        if (!std::string_view(*variable).starts_with("KIMONET_SECRET_KEY_FILE=")) environment.push_back(*variable);
    environment.push_back(const_cast<char*>(key_file.c_str()));
    environment.push_back(nullptr);
    const char* argv[] = {binary.c_str(), "invoice", "generate", db.c_str(), period_arg.c_str(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, binary.c_str(), &actions, nullptr, const_cast<char**>(argv), environment.data());
    posix_spawn_file_actions_destroy(&actions);
    BOOST_TEST_REQUIRE(spawned == 0, "cannot start " << binary);
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(invoice_crash)

BOOST_AUTO_TEST_CASE(kill_9_mid_run_then_rerun_converges_to_one_gap_free_invoice_each) {
    TestServer server;
    add_bulk_customers(server, 100000);
    const std::string period = "2026-02";
    const std::int64_t total = billable_count(server, period);
    BOOST_TEST_REQUIRE(total > 100000);

    const pid_t child = spawn_generate(server, period);
    // Poll the committed invoice count; kill as soon as some but not all batches are in.
    std::int64_t seen = 0;
    while (true) {
        seen = scalar_int(server, "SELECT COUNT(*) FROM invoices WHERE period = '" + period + "'");
        if (seen > 0 && seen < total) break;
        if (seen >= total) break;
        int status = 0;
        if (waitpid(child, &status, WNOHANG) == child) BOOST_FAIL("generator exited before it could be killed");
    }
    BOOST_TEST_REQUIRE(seen < total, "the run finished before it was killed");
    kill(child, SIGKILL);
    const int status = wait_exit(child);
    BOOST_TEST(WIFSIGNALED(status));
    BOOST_TEST(WTERMSIG(status) == SIGKILL);
    const std::int64_t after_kill = scalar_int(server, "SELECT COUNT(*) FROM invoices WHERE period = '" + period + "'");
    BOOST_TEST_MESSAGE("killed with " << after_kill << " of " << total << " invoices committed");
    BOOST_TEST(after_kill < total);
    // Whatever committed is whole batches, numbered without gaps.
    BOOST_TEST(scalar_int(server, "SELECT COALESCE(MAX(sequence), 0) FROM invoices WHERE period = '" + period + "'") == after_kill);

    const int rerun = wait_exit(spawn_generate(server, period));
    BOOST_TEST_REQUIRE(WIFEXITED(rerun));
    BOOST_TEST_REQUIRE(WEXITSTATUS(rerun) == 0);
    check_complete_and_gap_free(server, period);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.period = '" +
                                      period + "'") == total);
}

BOOST_AUTO_TEST_SUITE_END()
