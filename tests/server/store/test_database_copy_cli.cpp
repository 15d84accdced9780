// `kimonet db copy` as the operator runs it: the real executable copies the demo database to a
// real PostgreSQL, prints one progress line per table (plain lines when not on a terminal) and the
// verification table; a second run into the filled target is refused with exit code 1; --replace
// copies again.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <fcntl.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "../billing/billing_test_support.hpp"
#include "services/database_copy_service.hpp"
#include "store/database_copy.hpp"
#include "support/test_server_support.hpp"

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

struct Run {
    int exit_code = -1;
    std::string out, err;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

pid_t start_kimonet(const TempDir& directory, std::vector<std::string> arguments) {
    const std::string binary = kimonet_binary(), out = directory.file("out.txt"), err = directory.file("err.txt");
    arguments.insert(arguments.begin(), binary);
    std::vector<char*> argv;
    for (auto& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    BOOST_TEST_REQUIRE(spawned == 0, "cannot start " << binary);
    return pid;
}

Run run_kimonet(const TempDir& directory, std::vector<std::string> arguments) {
    const pid_t pid = start_kimonet(directory, std::move(arguments));
    int status = 0;
    waitpid(pid, &status, 0);
    Run run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_file(directory.file("out.txt"));
    run.err = read_file(directory.file("err.txt"));
    return run;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database_copy_cli)

BOOST_AUTO_TEST_CASE(the_binary_copies_the_demo_database_with_progress_and_a_verification_table) {
    TestServer demo;
    TempDir directory;
    TestDatabase postgresql(store::Engine::Postgresql, directory.path().string(), false);
    const std::string from = demo.db_path().starts_with("postgres") ? demo.db_path() : "sqlite:" + demo.db_path();

    const Run copied = run_kimonet(directory, {"db", "copy", "--from", from, "--to", postgresql.url()});
    BOOST_TEST_REQUIRE(copied.exit_code == 0, copied.err);
    // Not a terminal: one plain progress line per table, no carriage returns.
    BOOST_TEST(copied.err.find('\r') == std::string::npos);
    BOOST_TEST(std::regex_search(copied.err, std::regex("\ncustomers +50/50 rows\n")), copied.err);
    BOOST_TEST(std::regex_search(copied.err, std::regex("(^|\n)users +4/4 rows\n")), copied.err);
    // The verification table: source rows, target rows, checksum, ok; then the summary line.
    BOOST_TEST(std::regex_search(copied.out, std::regex("\ncustomers +50 +50  [0-9a-f]{16}  ok\n")), copied.out);
    BOOST_TEST(std::regex_search(copied.out, std::regex("\nrouters +2 +2  [0-9a-f]{16}  ok\n")), copied.out);
    BOOST_TEST(copied.out.find("MISMATCH") == std::string::npos);
    BOOST_TEST(std::regex_search(copied.out, std::regex("\ncopied [0-9]+ rows in [0-9]+ tables in [0-9.]+ s \\(schema version [0-9]+\\)")), copied.out);

    // Again into the now filled target: refused, nothing printed as copied.
    const Run refused = run_kimonet(directory, {"db", "copy", "--from", from, "--to", postgresql.url()});
    BOOST_TEST(refused.exit_code == 1);
    BOOST_TEST(refused.err.find(messages::kCopyTargetHasData) != std::string::npos, refused.err);
    BOOST_TEST(refused.out.find("copied") == std::string::npos);

    const Run replaced = run_kimonet(directory, {"db", "copy", "--from", from, "--to", postgresql.url(), "--replace"});
    BOOST_TEST(replaced.exit_code == 0, replaced.err);
    BOOST_TEST(std::regex_search(replaced.out, std::regex("\ncustomers +50 +50  [0-9a-f]{16}  ok\n")), replaced.out);
}

BOOST_AUTO_TEST_CASE(a_copy_killed_midway_leaves_the_target_empty_and_a_rerun_copies_everything) {
    TestServer demo;
    add_bulk_customers(demo, 30000);
    TempDir directory;
    TestDatabase postgresql(store::Engine::Postgresql, directory.path().string(), false);
    const std::string from = demo.db_path().starts_with("postgres") ? demo.db_path() : "sqlite:" + demo.db_path();
    const pid_t copying = start_kimonet(directory, {"db", "copy", "--from", from, "--to", postgresql.url()});
    // Kill it once the tables before customers are written and the 30,050 customers are on their way.
    while (read_file(directory.file("err.txt")).find("\nrouters ") == std::string::npos) {
        int status = 0;
        if (waitpid(copying, &status, WNOHANG) == copying) BOOST_FAIL("the copy ended before it could be killed");
    }
    kill(copying, SIGKILL);
    int status = 0;
    waitpid(copying, &status, 0);
    BOOST_TEST_REQUIRE(WIFSIGNALED(status));
    BOOST_TEST(read_file(directory.file("out.txt")).find("copied") == std::string::npos);
    {
        auto target = store::Database::open(postgresql.url());
        BOOST_TEST_REQUIRE(target.ok());
        for (const char* table : {"users", "internet_packages", "routers", "customers"})
            BOOST_TEST(store::count_table_rows(**target, table).value() == 0, table);
    }
    // Nothing half-copied counts as data: the rerun copies everything.
    const Run rerun = run_kimonet(directory, {"db", "copy", "--from", from, "--to", postgresql.url()});
    BOOST_TEST_REQUIRE(rerun.exit_code == 0, rerun.err);
    BOOST_TEST(std::regex_search(rerun.out, std::regex("\ncustomers +30050 +30050  [0-9a-f]{16}  ok\n")), rerun.out);
}

BOOST_AUTO_TEST_CASE(without_both_databases_it_prints_its_usage) {
    TempDir directory;
    const Run run = run_kimonet(directory, {"db", "copy", "--from", "sqlite:" + directory.file("a.db")});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.err.find("usage: kimonet db copy --from") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_SUITE_END()
