// Failover from the gateway's point of view: a kimonet server on a PostgreSQL primary with a
// synchronous standby, given the libpq URL of both hosts (target_session_attrs=read-write), takes
// a storm of signed Midtrans callbacks. Mid-storm the primary's postmaster is killed with SIGKILL
// and the standby promoted. Every callback that got its 200 is in the promoted database (one
// payment per transaction, none twice), a callback that could not be committed got a 503 (so the
// gateway retries it) and never a 200, and the server carries on on the new primary by itself.
// Prints the time from the kill to the first callback committed on the new primary.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "gateways/gateway_signatures.hpp"
#include "jobs/scheduler.hpp"
#include "services/callback_inbox.hpp"
#include "services/settings.hpp"
#include "server/store/engine_fixture.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "store/connection_pool.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using Instant = std::chrono::steady_clock::time_point;

namespace {

constexpr const char* kServerKey = "SB-Mid-server-failover";
constexpr const char* kDatabase = "kimonet_failover";
constexpr int kOrders = 400;
constexpr int kSenders = 8;           // the gateway's concurrent deliveries
constexpr int kAnsweredBeforeKill = 120;

void require(const Result<void>& result) { BOOST_TEST_REQUIRE(result.ok(), (result ? "" : result.error().message())); }

std::int64_t count(store::Database& db, const std::string& sql) {
    auto statement = db.prepare(sql);
    BOOST_TEST_REQUIRE(statement.ok(), sql);
    auto row = statement->step();
    BOOST_TEST_REQUIRE((row.ok() && *row), sql << ": " << (row ? "no row" : row.error().message()));
    return statement->column_int(0);
}

// What the gateway saw, shared by its sending threads and the test.
struct Storm {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::pair<int, Instant>> to_send;  // order index, not before (a failed one is retried a little later)
    std::set<int> answered;                       // orders that got their 200
    std::map<int, int> failures;                  // HTTP status (or -curl code) → count, for anything but 200
    std::vector<std::string> problems;
    int answered_before_kill = 0, failed_before_kill = 0, failed_after_promotion = 0, failed_after_recovery = 0;
    double slowest_after_promotion = 0;  // ms, of a delivery sent after the promotion
    bool killing = false;  // set just before the kill: an answer that came earlier came from the healthy primary
    std::optional<Instant> killed_at, promoted_at, first_on_new_primary;
    bool stopping = false;
};

struct FailoverFixture {
    TestPostgresqlStandbyPair pair;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.midtrans_server_key = kServerKey, .sandbox_behaviours = false}};
    TempDir dir;
    std::shared_ptr<app::ManualClock> clock =
        std::make_shared<app::ManualClock>(unix_from_local(LocalDateTime{{2026, 1, 15}, 9, 0, 0}, UtcOffset{420}));
    std::unique_ptr<app::App> app;
    std::unique_ptr<http::HttpServer> server;
    std::vector<std::string> orders, callbacks;  // each order and its signed settlement

    FailoverFixture() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        {
            auto admin = store::Database::open(pair.primary_url("postgres"));
            BOOST_TEST_REQUIRE(admin.ok(), (admin ? "" : admin.error().message()));
            require((*admin)->execute(std::string("CREATE DATABASE ") + kDatabase));
        }
        app::Config config;
        config.db_path = pair.failover_url(kDatabase);  // the server knows both hosts, nothing else
        config.secret_key_file = dir.file("secret.key");
        config.threads = kSenders;
        auto opened = app::App::open(config, clock);
        BOOST_TEST_REQUIRE(opened.ok(), (opened ? "" : opened.error().message()));
        app = std::move(opened).value();
        seed();
        server = std::make_unique<http::HttpServer>(*app);
        require(server->start("127.0.0.1", 0, kSenders));
    }
    ~FailoverFixture() {
        if (server) server->stop();
    }

    void seed() {
        auto lease = app->database();
        BOOST_TEST_REQUIRE(lease.ok());
        store::Database& db = **lease;
        app::Context context = app->context(db, app::Actor{"system", 0, "failover-test", ""});
        require(db.execute("INSERT INTO internet_packages(name, download_kbps, upload_kbps, price, mikrotik_profile) "
                           "VALUES ('Home 20 Mbps', 20000, 10000, 200000, '20M')"));
        require(db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kOrders) +
                           ") INSERT INTO customers(service_number, name, phone, package_id, status, join_date) "
                           "SELECT 'F' || i, 'Pelanggan ' || i, '62813' || (10000000 + i), 1, 'active', '2025-06-01' FROM n"));
        // The month's invoices, written directly: this test is about the callbacks that pay them.
        require(db.execute("INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
                           "status, created_at) SELECT 'INV/2026-01/' || id, id, '2026-01', 'monthly', id, '2026-01-01', '2026-01-20', "
                           "200000, 0, 200000, 'unpaid', " + std::to_string(clock->now()) + " FROM customers ORDER BY id"));
        require(services::update_settings(context, {{"midtrans_enabled", "1"}, {"midtrans_server_key", kServerKey},
                                                    {"midtrans_base_url", simulator.gateway_url("midtrans")}}));
        const std::string now = std::to_string(clock->now());
        require(db.execute("INSERT INTO gateway_transactions(gateway, order_id, invoice_id, customer_id, method, amount, status, expires_at, "
                           "created_at, updated_at) SELECT 'midtrans', 'F-' || id, id, customer_id, 'bca_va', total, 'pending', " +
                           std::to_string(clock->now() + 86400) + ", " + now + ", " + now + " FROM invoices ORDER BY id"));
        auto rows = db.prepare("SELECT order_id, amount FROM gateway_transactions ORDER BY id");
        BOOST_TEST_REQUIRE(rows.ok());
        while (rows->step().value_or(false)) {
            const std::string order = rows->column_text(0);
            const std::int64_t amount = rows->column_int(1);
            simulator.add_transaction(sim::SimTransaction{.gateway = "midtrans", .order_id = order, .transaction_id = "T-" + order,
                                                          .reference = "T-" + order, .bank = "bca", .payment_type = "bank_transfer",
                                                          .amount = amount, .status = "pending"});
            simulator.pay(order);
            orders.push_back(order);
            const std::string gross = std::to_string(amount) + ".00";
            callbacks.push_back(api::Json{{"order_id", order}, {"status_code", "200"}, {"gross_amount", gross},
                                          {"transaction_status", "settlement"}, {"transaction_id", "T-" + order},
                                          {"fraud_status", "accept"}, {"payment_type", "bank_transfer"},
                                          {"signature_key", gateways::midtrans_signature(order, "200", gross, kServerKey)}}
                                    .dump());
        }
        BOOST_TEST_REQUIRE(callbacks.size() == static_cast<std::size_t>(kOrders));
    }

    // One of the gateway's sending threads: takes the next order due, delivers it, and on anything
    // but a 200 queues it again a little later, as a gateway retries.
    void send(Storm& storm) {
        const std::string url = "http://127.0.0.1:" + std::to_string(server->port()) + "/payment/callback/midtrans";
        std::unique_lock lock(storm.mutex);
        while (true) {
            storm.changed.wait(lock, [&] { return storm.stopping || !storm.to_send.empty(); });
            if (storm.stopping) return;
            const auto [order, not_before] = storm.to_send.front();
            if (not_before > std::chrono::steady_clock::now()) {
                storm.changed.wait_until(lock, not_before);  // the retry interval, not a synchronisation
                continue;
            }
            storm.to_send.pop_front();
            const bool after_promotion = storm.promoted_at.has_value();
            // Half a second after the first 200 on the new primary, the server is plainly back.
            const bool recovered = storm.first_on_new_primary &&
                                   std::chrono::steady_clock::now() > *storm.first_on_new_primary + std::chrono::milliseconds(500);
            lock.unlock();
            const Instant sent_at = std::chrono::steady_clock::now();
            const HttpReply reply = http_request("POST", url, callbacks[static_cast<std::size_t>(order)], {{"Content-Type", "application/json"}});
            const Instant answered_at = std::chrono::steady_clock::now();
            lock.lock();
            if (after_promotion)
                storm.slowest_after_promotion =
                    std::max(storm.slowest_after_promotion, std::chrono::duration<double, std::milli>(answered_at - sent_at).count());
            if (reply.status == 200) {
                const std::string outcome = reply.json().value("outcome", "");
                // "accepted": kept, applied after the answer (services/callback_inbox.hpp); "duplicate": an
                // earlier delivery was applied, but its answer was lost with the primary.
                if (outcome != "accepted" && outcome != "duplicate") storm.problems.push_back("200 with outcome " + reply.body);
                storm.answered.insert(order);
                if (!storm.killing) ++storm.answered_before_kill;
                if (after_promotion && !storm.first_on_new_primary) storm.first_on_new_primary = answered_at;
            } else {
                ++storm.failures[reply.status];
                if (!storm.killing) ++storm.failed_before_kill;
                if (after_promotion) ++storm.failed_after_promotion;
                if (recovered) ++storm.failed_after_recovery;
                storm.to_send.emplace_back(order, answered_at + std::chrono::milliseconds(20));
            }
            storm.changed.notify_all();
        }
    }
};

double milliseconds(Instant from, Instant to) { return std::chrono::duration<double, std::milli>(to - from).count(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(postgresql_failover)

// After a failover every idle connection in the pool points at a server that is gone. The pool
// notices before handing one out (its socket has the server's goodbye), so the first requests on
// the new primary do not fail on the old connections.
BOOST_AUTO_TEST_CASE(idle_pooled_connections_the_server_ended_are_replaced_before_anyone_uses_them) {
    EngineScratch scratch("postgresql");
    auto pool = store::ConnectionPool::open(scratch.database.url(), 4);
    BOOST_TEST_REQUIRE(pool.ok(), (pool ? "" : pool.error().message()));
    const auto backend = [](store::Database& db) {
        auto statement = db.prepare("SELECT pg_backend_pid()");
        auto row = statement->step();
        return row && *row ? statement->column_int(0) : std::int64_t{-1};
    };
    std::set<std::int64_t> old_backends;
    {
        auto first = (*pool)->acquire();
        auto second = (*pool)->acquire();
        BOOST_TEST_REQUIRE((first.ok() && second.ok()));
        old_backends = {backend(**first), backend(**second)};
    }
    BOOST_TEST_REQUIRE(old_backends.size() == 2u);
    BOOST_TEST_REQUIRE(!old_backends.contains(-1));
    std::string list;
    for (std::int64_t pid : old_backends) list += (list.empty() ? "" : ",") + std::to_string(pid);
    EngineScratch::must(scratch.db->execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid IN (" + list + ")"));
    // Observable end: the backends are gone (their sockets closed), with a deadline.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (scratch.scalar_int("SELECT COUNT(*) FROM pg_stat_activity WHERE pid IN (" + list + ")") != 0 &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::yield();
    BOOST_TEST_REQUIRE(scratch.scalar_int("SELECT COUNT(*) FROM pg_stat_activity WHERE pid IN (" + list + ")") == 0);
    auto first = (*pool)->acquire();
    auto second = (*pool)->acquire();
    BOOST_TEST_REQUIRE((first.ok() && second.ok()));
    for (store::Database* db : {&**first, &**second}) {
        const std::int64_t pid = backend(*db);
        BOOST_TEST(pid > 0, "the lease works at once");
        BOOST_TEST(!old_backends.contains(pid), "a new connection, not one the server ended");
    }
}

// While the database cannot be reached (the primary gone, its standby still being promoted), a
// storm of requests is not a storm of connection attempts on the standby: the pool tries again
// after a growing pause and answers Unavailable (503) in between. Once the database is back, the
// next try after the pause (at most kMaxBackoff) connects.
BOOST_AUTO_TEST_CASE(while_the_database_is_away_the_pool_tries_again_after_a_pause_not_per_request) {
    TempDir dir;
    TestDatabase database(store::Engine::Postgresql, dir.path().string(), false);
    const std::string& url = database.url();
    const std::string name = url.substr(url.find("@/") + 2, url.find('?') - url.find("@/") - 2);
    auto pool = store::ConnectionPool::open(url, 4);
    BOOST_TEST_REQUIRE(pool.ok(), (pool ? "" : pool.error().message()));
    auto admin = store::Database::open(TestPostgresql::instance().url("postgres"));
    BOOST_TEST_REQUIRE(admin.ok());
    const auto sessions = [&] { return count(**admin, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" + name + "'"); };
    // The database goes away: its sessions end and new ones are refused.
    require((*admin)->execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false"));
    require((*admin)->execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'"));
    const auto gone_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (sessions() != 0 && std::chrono::steady_clock::now() < gone_deadline) std::this_thread::yield();
    BOOST_TEST_REQUIRE(sessions() == 0);

    // Four workers asking at once for 300 ms, as HTTP workers of a server under load would.
    const std::int64_t attempts_before = (*pool)->connection_attempts();
    std::atomic<int> requests{0}, unavailable{0};
    const auto storm_end = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
    {
        std::vector<std::thread> workers;
        for (int worker = 0; worker < 4; ++worker)
            workers.emplace_back([&] {
                while (std::chrono::steady_clock::now() < storm_end) {
                    auto lease = (*pool)->acquire();
                    ++requests;
                    if (!lease && lease.error().code == ErrorCode::Unavailable) ++unavailable;
                }
            });
        for (auto& worker : workers) worker.join();
    }
    const std::int64_t attempts = (*pool)->connection_attempts() - attempts_before;
    BOOST_TEST(unavailable.load() == requests.load(), "every request meanwhile is told Unavailable");
    BOOST_TEST(requests.load() > 100);
    // Until the first try has failed nobody knows (each worker may try once, as a pool grows);
    // then one at a time at 25, 75, 175 ms (then every 200 ms): a handful, whatever the number of
    // requests. Without the pause every request was a connection attempt.
    BOOST_TEST(attempts >= 2);
    BOOST_TEST(attempts <= 4 + 4, attempts << " connection attempts for " << requests.load() << " requests");
    BOOST_TEST(sessions() == 0, "no try got through while the database refused connections");
    std::printf("postgresql_failover: database away 300 ms: %d requests from 4 workers, all 503 at once, %lld connection attempts\n",
                requests.load(), static_cast<long long>(attempts));

    require((*admin)->execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true"));
    const auto back_at = std::chrono::steady_clock::now();
    std::optional<store::ConnectionPool::Lease> lease;
    while (!lease && std::chrono::steady_clock::now() < back_at + std::chrono::seconds(5)) {
        auto acquired = (*pool)->acquire();
        if (acquired) lease.emplace(std::move(acquired).value());
        else std::this_thread::yield();
    }
    BOOST_TEST_REQUIRE(lease.has_value(), "the pool connects again once the database is back");
    const double waited = milliseconds(back_at, std::chrono::steady_clock::now());
    BOOST_TEST(waited < static_cast<double>(store::ConnectionPool::kMaxBackoff.count()) + 300.0, waited << " ms");
    std::printf("postgresql_failover: database back: connected after %.0f ms\n", waited);
    BOOST_TEST(count(**lease, "SELECT 1") == 1);
    // Back means back: every further request gets a connection at once (new ones opened, no
    // pause left over from the outage), the pool's full size of them.
    std::vector<store::ConnectionPool::Lease> more;
    for (int i = 0; i < 3; ++i) {
        auto acquired = (*pool)->acquire();
        BOOST_TEST_REQUIRE(acquired.ok(), "refused once the database is back: " << (acquired ? "" : acquired.error().message()));
        more.push_back(std::move(acquired).value());
        BOOST_TEST(count(*more.back(), "SELECT 1") == 1);
    }
}

BOOST_FIXTURE_TEST_CASE(every_answered_callback_survives_the_primarys_death_and_the_server_carries_on_on_the_promoted_standby,
                        FailoverFixture) {
    Storm storm;
    for (int order = 0; order < kOrders; ++order) storm.to_send.emplace_back(order, Instant{});
    std::vector<std::thread> senders;
    for (int i = 0; i < kSenders; ++i) senders.emplace_back([&] { send(storm); });
    const auto stop_senders = [&] {
        {
            std::lock_guard lock(storm.mutex);
            storm.stopping = true;
            storm.changed.notify_all();
        }
        for (auto& sender : senders) sender.join();
        senders.clear();
    };

    std::unique_lock lock(storm.mutex);
    const bool storming = storm.changed.wait_for(lock, std::chrono::seconds(30), [&] { return storm.answered.size() >= kAnsweredBeforeKill; });
    lock.unlock();
    if (!storming) stop_senders();
    BOOST_TEST_REQUIRE(storming, "the storm did not get going on the primary");

    // Mid-storm: the primary dies without a word; the operator promotes the standby once the
    // server has refused a delivery for want of a primary (a 503, which the gateway retries). How
    // quickly the gap ends is the operator's; what the server does in it is this test's, so the
    // gap always holds at least one delivery (at most 30 s are waited for it).
    lock.lock();
    storm.killing = true;
    lock.unlock();
    pair.kill_primary();
    lock.lock();
    storm.killed_at = std::chrono::steady_clock::now();
    const bool refused_in_gap = storm.changed.wait_for(lock, std::chrono::seconds(30), [&] { return !storm.failures.empty(); });
    lock.unlock();
    const auto promoted = pair.promote_standby();
    lock.lock();
    storm.promoted_at = std::chrono::steady_clock::now();
    // The server reconnects by itself: the gateway's deliveries (new ones and retries) all end in a 200.
    const bool finished = storm.changed.wait_for(lock, std::chrono::seconds(40), [&] { return storm.answered.size() == kOrders; });
    lock.unlock();
    stop_senders();
    BOOST_TEST_REQUIRE(promoted.ok(), (promoted ? "" : promoted.error().message()));
    BOOST_TEST(refused_in_gap, "no delivery was refused in 30 s without a primary");
    BOOST_TEST_REQUIRE(finished, "answered " << storm.answered.size() << " of " << kOrders << " after the promotion");

    int failed = 0;
    for (const auto& [status, times] : storm.failures) {
        failed += times;
        // Unavailable: the gateway retries. Never a 4xx (it would give up) nor a dropped connection.
        BOOST_TEST(status == 503, times << " deliveries answered " << status);
    }
    BOOST_TEST(storm.problems.empty(), (storm.problems.empty() ? "" : storm.problems.front()));
    BOOST_TEST(storm.failed_before_kill == 0, "no delivery failed while the primary was healthy");
    BOOST_TEST(storm.failed_after_recovery == 0, "deliveries refused once the server was back on the new primary");
    BOOST_TEST(failed > 0, "the storm ran through the gap (deliveries were refused while no primary accepted writes)");
    BOOST_TEST_REQUIRE(storm.first_on_new_primary.has_value());
    std::printf("postgresql_failover: %d callbacks answered 200 before the kill, %d answered 503 during the gap; kill -> standby promoted "
                "%.0f ms, promoted -> first 200 %.0f ms, kill -> first 200 on the new primary %.0f ms\n",
                storm.answered_before_kill, failed, milliseconds(*storm.killed_at, *storm.promoted_at),
                milliseconds(*storm.promoted_at, *storm.first_on_new_primary), milliseconds(*storm.killed_at, *storm.first_on_new_primary));
    std::printf("postgresql_failover: after the promotion %d deliveries answered 503, the slowest delivery took %.0f ms\n",
                storm.failed_after_promotion, storm.slowest_after_promotion);

    // Every callback answered 200 was kept on the primary that answered it. What its applier could
    // not apply during the gap was put off; the scheduler's tick after that takes it up again.
    BOOST_TEST_REQUIRE(app->callback_inbox().settle(std::chrono::seconds(60)));
    clock->advance(services::CallbackInbox::kMaxRetrySeconds);
    jobs::Scheduler scheduler(*app, {});
    BOOST_TEST_REQUIRE(scheduler.tick().ok());
    BOOST_TEST_REQUIRE(app->callback_inbox().settle(std::chrono::seconds(60)));

    // The promoted standby holds every callback that was answered 200: each transaction paid once,
    // by exactly one payment, and no payment twice for an invoice; nothing left waiting.
    server->stop();
    server.reset();
    app.reset();
    auto promoted_db = store::Database::open(pair.standby_url(kDatabase));
    BOOST_TEST_REQUIRE(promoted_db.ok(), (promoted_db ? "" : promoted_db.error().message()));
    store::Database& db = **promoted_db;
    std::set<std::string> paid;
    auto rows = db.prepare("SELECT order_id FROM gateway_transactions WHERE status = 'paid' AND payment_id IS NOT NULL");
    BOOST_TEST_REQUIRE(rows.ok());
    while (rows->step().value_or(false)) paid.insert(rows->column_text(0));
    for (int order : storm.answered)
        BOOST_TEST(paid.contains(orders[static_cast<std::size_t>(order)]), orders[static_cast<std::size_t>(order)] << " was answered 200 but is not paid");
    BOOST_TEST(paid.size() == static_cast<std::size_t>(kOrders));
    BOOST_TEST(count(db, "SELECT COUNT(*) FROM payments") == kOrders);
    BOOST_TEST(count(db, "SELECT COUNT(DISTINCT invoice_id) FROM payments") == kOrders);
    BOOST_TEST(count(db, "SELECT COUNT(DISTINCT payment_id) FROM gateway_transactions WHERE payment_id IS NOT NULL") == kOrders);
    BOOST_TEST(count(db, "SELECT COUNT(*) FROM invoices WHERE status = 'paid'") == kOrders);
    BOOST_TEST(count(db, "SELECT COUNT(*) FROM callback_inbox") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
