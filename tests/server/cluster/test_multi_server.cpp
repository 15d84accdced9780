// Three real `kimonet serve` processes on one PostgreSQL (issue 17, "N servers"): logins, isolations,
// gateway callbacks and the public bill-check limit spread across them, then the month's invoice
// run with its leader killed (kill -9) in the middle. Asserts what one server guarantees: one
// invoice per customer with gap-free numbers, one payment per transaction, every message sent once
// (counted at the WhatsApp simulator), every router action applied once (isolation_log, one row per
// push, and the simulated routers' end state), a source limited across all servers as by one, and
// a new leader finishing the run within the stated bound (jobs/leader_election.hpp).
// PostgreSQL only (ctest: server.postgresql.multi_server); on SQLite — one process by design — the
// case says so and does nothing. Every wait polls an observable (database, HTTP) with a deadline.
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include "routeros/routeros_router_control.hpp"
#include "services/settings.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "sim/whatsapp/whatsapp_simulator.hpp"
#include "store/leader_store.hpp"
#include "support/test_server_support.hpp"

extern char** environ;

using namespace kimonet;
using namespace kimonet::testing;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kBulkCustomers = 60000;          // enough for the run to be caught in the middle
constexpr auto kTakeoverBound = std::chrono::seconds(10);
const char* const kParked = "0 0 31 2 *";      // 31 February: a schedule that is never due

std::string kimonet_binary() {
    if (const char* bin = std::getenv("KIMONET_BIN")) return std::string(bin) + "/kimonet";
    const auto build = std::filesystem::read_symlink("/proc/self/exe").parent_path().parent_path();
    std::ifstream cache(build / "CMakeCache.txt");
    for (std::string line; std::getline(cache, line);)
        if (line.starts_with("KIMONET_OUTPUT_DIR:")) return line.substr(line.find('=') + 1) + "/bin/kimonet";
    return (build.parent_path() / "bin" / "kimonet").string();
}

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// One `kimonet serve` child: killed with the test process (parent-death signal), its output in a log.
struct ServeProcess {
    pid_t pid = 0;
    int port = 0;
    std::string log;
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port) + path; }
};

ServeProcess spawn_serve(const std::string& db_url, const std::string& key_file, const std::string& directory, int index) {
    ServeProcess process;
    process.port = free_port();
    process.log = directory + "/serve" + std::to_string(index) + ".log";
    const std::string binary = kimonet_binary();
    std::vector<std::string> environment;
    for (char** entry = environ; *entry; ++entry)
        if (!std::string_view(*entry).starts_with("KIMONET_")) environment.emplace_back(*entry);
    environment.push_back("KIMONET_DB=" + db_url);
    environment.push_back("KIMONET_BIND=127.0.0.1");
    environment.push_back("KIMONET_PORT=" + std::to_string(process.port));
    environment.push_back("KIMONET_SECRET_KEY_FILE=" + key_file);
    environment.push_back("KIMONET_THREADS=4");
    environment.push_back("KIMONET_SCHEDULER_SECONDS=1");
    std::vector<char*> envp;
    for (auto& entry : environment) envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::string serve = "serve";
    std::vector<char*> argv{const_cast<char*>(binary.c_str()), serve.data(), nullptr};
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(1);
        if (::chdir(directory.c_str()) != 0) ::_exit(1);
        const int out = ::open(process.log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (out >= 0) {
            ::dup2(out, 1);
            ::dup2(out, 2);
        }
        ::execve(binary.c_str(), argv.data(), envp.data());
        ::_exit(127);
    }
    process.pid = child;
    return process;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Polls `ready` until it holds or `deadline` passes (no sleep decides an outcome: each pass asks again).
bool poll_until(const std::function<bool()>& ready, Steady::duration timeout) {
    const auto deadline = Steady::now() + timeout;
    while (Steady::now() < deadline) {
        if (ready()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return ready();
}

std::int64_t as_int(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

HttpReply call(const ServeProcess& server, const std::string& method, const std::string& path, const std::string& body = {},
               const std::string& token = {}, const std::string& source_ip = {}) {
    std::map<std::string, std::string> headers{{"Content-Type", "application/json"}};
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    return http_request(method, server.url(path), body, headers, source_ip);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multi_server, *boost::unit_test::label("slow"))

BOOST_AUTO_TEST_CASE(three_servers_on_one_postgresql_behave_like_one_and_survive_the_leader_killed_mid_run) {
    if (!testing_postgresql()) {
        BOOST_TEST_MESSAGE("multi_server: N servers share one PostgreSQL; SQLite is one process (run with KIMONET_TEST_ENGINE=postgresql)");
        BOOST_TEST(!testing_postgresql());
        return;
    }
    TestServer server;  // the demo data on a fresh PostgreSQL database; used here only to set up and to read
    const std::string superadmin = server.login("superadmin");

    // The simulated world: two routers, the WhatsApp provider, the payment gateway.
    std::unique_ptr<sim::RouterOsSimulator> routers[2];
    for (int index = 0; index < 2; ++index) {
        routers[index] = std::make_unique<sim::RouterOsSimulator>();
        BOOST_TEST_REQUIRE(routers[index]->start().ok());
        sim::seed_demo_router(*routers[index], index);
        auto reply = server.put("/api/routers/" + std::to_string(index + 1),
                                api::Json{{"port", routers[index]->port()}, {"password", "billing-demo"}}.dump(), superadmin);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    }
    sim::WhatsAppSimulator whatsapp{sim::WhatsAppSimulatorOptions{.webhook_secret = "hook-secret"}};
    BOOST_TEST_REQUIRE(whatsapp.start().ok());
    sim::PaymentGatewaySimulator gateway{sim::GatewaySimulatorOptions{.sandbox_behaviours = false, .retry_delay_ms = 100, .max_retries = 5}};
    BOOST_TEST_REQUIRE(gateway.start().ok());
    {
        auto lease = server.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        const auto& options = gateway.options();
        auto configured = services::update_settings(
            context, {{"whatsapp_driver", "fonnte"},
                      {"whatsapp_api_url", whatsapp.base_url()},
                      {"whatsapp_sender", whatsapp.options().sender},
                      {"whatsapp_api_key", whatsapp.options().api_key},
                      {"whatsapp_webhook_secret", "hook-secret"},
                      {"whatsapp_timeout_seconds", "2"},
                      {"flip_enabled", "1"},
                      {"flip_base_url", gateway.gateway_url("flip")},
                      {"flip_secret_key", options.flip_secret_key},
                      {"flip_validation_token", options.flip_validation_token},
                      {"payment_callback_base_url", server.url("")},
                      // Every job parked until the test starts the invoice run; network_retry runs.
                      {"invoice_schedule", kParked},
                      {"isolir_schedule", kParked},
                      {"dunning_schedule", kParked},
                      {"payment_reconcile_schedule", kParked}});
        BOOST_TEST_REQUIRE(configured.ok(), (configured ? "" : configured.error().message()));
    }
    const std::string finance = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 200);
    // The customers isolated, paid and restored across the servers, with their open invoice.
    std::vector<std::pair<int, std::int64_t>> paying;
    for (int customer = 2; customer <= 9; ++customer) {
        const std::int64_t invoice = as_int(server.scalar(
            "SELECT COALESCE(MIN(i.id), 0) FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.id = " + std::to_string(customer) +
            " AND c.status = 'active' AND c.router_id IS NOT NULL AND c.pppoe_username <> '' AND i.status = 'unpaid'"));
        if (invoice != 0) paying.push_back({customer, invoice});
    }
    BOOST_TEST_REQUIRE(paying.size() >= 4u);
    {
        auto db = store::Database::open(server.db_path());
        BOOST_TEST_REQUIRE(db.ok());
        auto inserted = (*db)->execute(
            "INSERT INTO customers(service_number, name, phone, package_id, status, join_date) "
            "SELECT 'BULK' || i, 'Pelanggan ' || i, '62813' || (10000000 + i), 1 + i % 4, 'active', '2025-06-01' "
            "FROM generate_series(1, " + std::to_string(kBulkCustomers) + ") AS i");
        BOOST_TEST_REQUIRE(inserted.ok(), (inserted ? "" : inserted.error().message()));
    }

    // Three servers on the database, as behind a load balancer.
    TempDir directory;
    std::vector<ServeProcess> servers;
    for (int index = 0; index < 3; ++index)
        servers.push_back(spawn_serve(server.db_path(), server.app().config().secret_key_file, directory.path().string(), index));
    for (const auto& serve : servers) {
        int exited = -1;
        const bool up = poll_until([&] {
            if (::waitpid(serve.pid, &exited, WNOHANG) == serve.pid) return true;
            return http_request("GET", serve.url("/api/health")).status == 200;
        }, std::chrono::seconds(60));
        BOOST_TEST_REQUIRE((up && exited == -1), "server on port " << serve.port << " did not start (exit status " << exited << "): " << read_text(serve.log));
    }
    auto observer = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(observer.ok());
    auto leader_pid = [&]() -> std::int64_t {
        auto pid = store::scheduler_leader_pid(**observer);
        return pid ? *pid : 0;
    };
    BOOST_TEST_REQUIRE(poll_until([&] { return leader_pid() != 0; }, std::chrono::seconds(10)), "no server took the scheduler's lock");

    // Logins on one server, the session used on the next (sessions live in the database).
    const char* users[] = {"superadmin", "admin", "finance", "technician"};
    for (int i = 0; i < 4; ++i) {
        auto login = call(servers[i % 3], "POST", "/api/auth/login", api::Json{{"username", users[i]}, {"password", "demo12345"}}.dump());
        BOOST_TEST_REQUIRE(login.status == 200, login.body);
        const std::string token = login.json()["token"].get<std::string>();
        BOOST_TEST(call(servers[(i + 1) % 3], "GET", "/api/auth/sessions", {}, token).status == 200, users[i]);
    }
    // The public bill check from one address, round robin: the three servers share its bucket.
    const std::int64_t per_minute = 30;  // billing_check_rate_per_minute's default
    int allowed = 0;
    for (int i = 0; i < 3 * static_cast<int>(per_minute); ++i)
        if (call(servers[i % 3], "POST", "/billing/check", R"({"customer_number":"CUST999"})", {}, "127.0.9.1").status != 429) ++allowed;
    BOOST_TEST_MESSAGE("bill check from one address across 3 servers: " << allowed << " answered of " << 3 * per_minute << " (limit " << per_minute
                                                                       << "/min)");
    BOOST_TEST(allowed >= per_minute);
    BOOST_TEST(allowed <= per_minute + 2);  // a token or two may refill while the loop runs; never 3×

    // Isolations, payments and callbacks spread across the servers; the restores race on the three
    // network workers, the receipts on the three outbox workers.
    // Tokens from the servers themselves (their clock is the real one; the set-up server's is January).
    auto technician_login = call(servers[2], "POST", "/api/auth/login", R"({"username":"technician","password":"demo12345"})");
    BOOST_TEST_REQUIRE(technician_login.status == 200, technician_login.body);
    const std::string technician = technician_login.json()["token"].get<std::string>();
    auto superadmin_login = call(servers[1], "POST", "/api/auth/login", R"({"username":"superadmin","password":"demo12345"})");
    BOOST_TEST_REQUIRE(superadmin_login.status == 200, superadmin_login.body);
    const std::string operator_token = superadmin_login.json()["token"].get<std::string>();
    for (std::size_t i = 0; i < paying.size(); ++i) {
        const auto& [customer, invoice] = paying[i];
        auto isolated = call(servers[i % 3], "POST", "/api/customers/" + std::to_string(customer) + "/isolate", R"({"reason":"tunggakan"})", technician);
        BOOST_TEST_REQUIRE(isolated.status == 200, isolated.body);
        auto paid = call(servers[(i + 1) % 3], "POST", "/billing/pay",
                         api::Json{{"invoice_id", invoice}, {"gateway", "flip"}, {"method", "bni_va"}}.dump(), {}, "127.0.9." + std::to_string(10 + i));
        BOOST_TEST_REQUIRE(paid.status == 201, paid.body << "\n" << read_text(servers[(i + 1) % 3].log));
        gateway.set_callback_base(servers[(i + 2) % 3].url(""));
        BOOST_TEST_REQUIRE(gateway.pay(paid.json()["transaction_id"].get<std::string>()));
        BOOST_TEST_REQUIRE(gateway.wait_idle());
    }
    BOOST_TEST_REQUIRE(poll_until([&] {
        // Kept callbacks first: each is deleted in the transaction that applies it and creates its restore and receipt.
        return as_int(server.scalar("SELECT COUNT(*) FROM callback_inbox")) == 0 &&
               as_int(server.scalar("SELECT COUNT(*) FROM network_actions WHERE status = 'pending'")) == 0 &&
               as_int(server.scalar("SELECT COUNT(*) FROM notifications WHERE status IN ('queued','sending') AND message_class = 'transactional'")) == 0;
    }, std::chrono::seconds(20)), "restores or receipts still pending");

    // The month's invoice run, started by the leader; the leader killed in the middle of it.
    BOOST_TEST_REQUIRE(call(servers[0], "PUT", "/api/settings", R"({"invoice_schedule":"1 0 1 * *"})", operator_token).status == 200);
    std::string period;
    BOOST_TEST_REQUIRE(poll_until([&] {
        period = server.scalar("SELECT COALESCE(MAX(key), '') FROM job_runs WHERE job = 'invoice_generation'").substr(0, 7);
        return period.size() == 7;
    }, std::chrono::seconds(10)), "the leader did not start the invoice run");
    const std::string where = " FROM invoices WHERE period = '" + period + "' AND kind = 'monthly'";
    const std::int64_t total = as_int(server.scalar("SELECT COUNT(*) FROM customers WHERE status IN ('active','isolated') AND join_date <= '" +
                                                    period + "-31'"));
    std::int64_t seen = 0;
    BOOST_TEST_REQUIRE(poll_until([&] {
        seen = as_int(server.scalar("SELECT COUNT(*)" + where));
        return seen > 0;
    }, std::chrono::seconds(20)), "no invoice of " << period << " appeared");
    BOOST_TEST_REQUIRE(seen < total, "the run finished before it could be interrupted (" << seen << " of " << total << ")");
    const std::int64_t killed = leader_pid();
    BOOST_TEST_REQUIRE(killed != 0);
    auto victim = std::find_if(servers.begin(), servers.end(), [&](const ServeProcess& serve) { return serve.pid == killed; });
    BOOST_TEST_REQUIRE((victim != servers.end()), "the leader " << killed << " is not one of ours");
    const auto killed_at = Steady::now();
    BOOST_TEST_REQUIRE(::kill(victim->pid, SIGKILL) == 0);
    int status = 0;
    ::waitpid(victim->pid, &status, 0);
    const std::int64_t at_kill = as_int(server.scalar("SELECT COUNT(*)" + where));
    BOOST_TEST_MESSAGE("leader " << killed << " killed with " << at_kill << " of " << total << " invoices of " << period << " committed");
    const ServeProcess survivor = victim == servers.begin() ? servers[1] : servers[0];
    servers.erase(victim);

    std::int64_t successor = 0;
    BOOST_TEST_REQUIRE(poll_until([&] {
        successor = leader_pid();
        return successor != 0 && successor != killed;
    }, kTakeoverBound), "no new leader within " << kTakeoverBound.count() << " s");
    const auto takeover = std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - killed_at);
    BOOST_TEST_REQUIRE(poll_until([&] {
        return server.scalar("SELECT COALESCE(MAX(status), '') FROM job_runs WHERE job = 'invoice_generation' AND key LIKE '" + period + "%'") == "succeeded";
    }, std::chrono::seconds(40)), "the new leader did not finish the run");
    const auto finished = std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - killed_at);
    BOOST_TEST_MESSAGE("takeover: new leader " << successor << " " << takeover.count() << " ms after kill -9; run finished "
                                               << finished.count() << " ms after it");
    BOOST_TEST(takeover < kTakeoverBound);

    // One invoice per customer, numbers 1..N without gaps.
    BOOST_TEST(as_int(server.scalar("SELECT COUNT(*)" + where)) == total);
    BOOST_TEST(as_int(server.scalar("SELECT COUNT(DISTINCT customer_id)" + where)) == total);
    BOOST_TEST(as_int(server.scalar("SELECT COUNT(DISTINCT sequence)" + where)) == total);
    BOOST_TEST(as_int(server.scalar("SELECT MIN(sequence)" + where)) == 1);
    BOOST_TEST(as_int(server.scalar("SELECT MAX(sequence)" + where)) == total);
    // One payment per transaction; each paying customer restored once, on the router too.
    for (const auto& [customer, invoice] : paying) {
        const std::string id = std::to_string(customer);
        BOOST_TEST(server.scalar("SELECT COUNT(*) FROM payments WHERE method = 'gateway' AND invoice_id = " + std::to_string(invoice)) == "1", id);
        BOOST_TEST(server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(invoice)) == "paid", id);
        BOOST_TEST(server.scalar("SELECT COUNT(*) FROM isolation_log WHERE action = 'isolate' AND customer_id = " + id) == "1", id);
        BOOST_TEST(server.scalar("SELECT COUNT(*) FROM isolation_log WHERE action = 'restore' AND customer_id = " + id) == "1", id);
        BOOST_TEST(server.scalar("SELECT status FROM customers WHERE id = " + id) == "active", id);
        char name[16];
        std::snprintf(name, sizeof name, "cust%03d", customer);
        auto secret = routers[customer % 2 == 0 ? 0 : 1]->find("/ppp/secret", name);
        BOOST_TEST((secret && secret->at("profile") != "ISOLIR"), id);
    }
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM gateway_transactions WHERE status = 'paid'") == std::to_string(paying.size()));
    // Every message the database calls sent reached the provider once, and nothing else did.
    const auto messages = whatsapp.messages();
    std::map<std::pair<std::string, std::string>, int> per_message;
    for (const auto& message : messages) ++per_message[{message.to, message.message}];
    for (const auto& [key, count] : per_message) BOOST_TEST(count == 1, key.first << ": " << key.second);
    BOOST_TEST(static_cast<std::int64_t>(messages.size()) == as_int(server.scalar("SELECT COUNT(*) FROM notifications WHERE status = 'sent'")));
    BOOST_TEST(messages.size() >= paying.size());  // at least the receipts
    BOOST_TEST_MESSAGE("messages sent: " << messages.size() << "; servers left: " << servers.size() << " (survivor on port " << survivor.port << ")");

    for (const auto& serve : servers) ::kill(serve.pid, SIGTERM);
    for (const auto& serve : servers) ::waitpid(serve.pid, &status, 0);
    routeros::close_cached_connections();
}

BOOST_AUTO_TEST_SUITE_END()
