// Gateway callbacks arriving together through CallbackGroupCommit (what the HTTP route uses):
// many threads deliver valid, duplicated, forged and unknown callbacks at once, and one whose
// payment the database refuses. Each delivery gets its own outcome, every valid transaction is
// paid exactly once, the refused one leaves the others in its batch applied, and every raw
// callback is in the log — the same guarantees as one callback at a time.
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <numeric>
#include <thread>

#include "app/app.hpp"
#include "gateways/gateway_signatures.hpp"
#include "services/gateway_payments.hpp"
#include "services/invoice_generation.hpp"
#include "services/settings.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "support/test_postgresql.hpp"

using namespace kimonet;

namespace {

constexpr const char* kServerKey = "SB-Mid-server-group";
constexpr int kInvoices = 24;
constexpr int kThreads = 8;

// SQLite by default; PostgreSQL with KIMONET_TEST_ENGINE=postgresql (a migrated database of the
// test process's server), where a batch is applied without savepoints first.
std::string database_url(const std::filesystem::path& dir, std::unique_ptr<testing::TestDatabase>& postgresql) {
    if (!testing::testing_postgresql()) return (dir / "billing.db").string();
    postgresql = std::make_unique<testing::TestDatabase>(store::Engine::Postgresql, dir.string(), true);
    return postgresql->url();
}

struct GroupFixture {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("kimonet-group-" + std::to_string(::getpid()));
    std::unique_ptr<testing::TestDatabase> postgresql;
    std::string path = database_url(dir, postgresql);
    std::unique_ptr<store::Database> db;
    security::SecretBox secrets{[] {
        std::array<unsigned char, security::SecretBox::kKeySize> key{};
        key.fill(3);
        return key;
    }()};
    app::Ports ports = app::production_ports();
    UtcOffset offset{420};
    std::int64_t now = unix_from_local(LocalDateTime{{2026, 1, 15}, 9, 0, 0}, offset);
    // Paid callbacks are confirmed with Midtrans' status API: the simulator knows every order as paid.
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.midtrans_server_key = kServerKey, .sandbox_behaviours = false}};

    GroupFixture() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        auto opened = app::open_migrated_database(path);
        BOOST_TEST_REQUIRE(opened.ok());
        db = std::move(*opened);
        app::Context context = this->context(*db);
        require(db->execute("INSERT INTO internet_packages(name, download_kbps, upload_kbps, price, mikrotik_profile) "
                            "VALUES ('Home 20 Mbps', 20000, 10000, 200000, '20M')"));
        require(db->execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kInvoices) +
                            ") INSERT INTO customers(service_number, name, phone, package_id, status, join_date) "
                            "SELECT 'G' || i, 'Pelanggan ' || i, '62813' || (10000000 + i), 1, 'active', '2025-06-01' FROM n"));
        services::GenerateOptions options;
        options.period = Period{2026, 1};
        BOOST_TEST_REQUIRE(services::generate_invoices(context, options).ok());
        require(services::update_settings(context, {{"midtrans_enabled", "1"}, {"midtrans_server_key", kServerKey},
                                                     {"midtrans_base_url", simulator.gateway_url("midtrans")}}));
        require(db->execute("INSERT INTO gateway_transactions(gateway, order_id, invoice_id, customer_id, method, amount, status, expires_at, "
                            "created_at, updated_at) SELECT 'midtrans', 'G-' || id, id, customer_id, 'bca_va', total, 'pending', " +
                            std::to_string(now + 86400) + ", " + std::to_string(now) + ", " + std::to_string(now) + " FROM invoices"));
        for (std::int64_t id = 1; id <= kInvoices; ++id) {
            const std::string order = "G-" + std::to_string(id);
            simulator.add_transaction(sim::SimTransaction{.gateway = "midtrans", .order_id = order, .transaction_id = "T-" + order,
                                                          .reference = "T-" + order, .bank = "bca", .payment_type = "bank_transfer",
                                                          .amount = std::stoll(scalar("SELECT amount FROM gateway_transactions WHERE order_id = '" + order + "'")),
                                                          .status = "pending"});
            simulator.pay(order);
        }
    }
    ~GroupFixture() {
        db.reset();
        postgresql.reset();
        std::filesystem::remove_all(dir);
    }

    static void require(const Result<void>& result) { BOOST_TEST_REQUIRE(result.ok(), (result ? "" : result.error().message())); }

    app::Context context(store::Database& connection) {
        return app::Context{connection, app::Actor{"system", 0, "gateway:midtrans", "127.0.0.1"}, now, offset, secrets, ports};
    }

    std::string settlement(std::int64_t invoice_id, const std::string& key = kServerKey) {
        const std::string order = "G-" + std::to_string(invoice_id);
        const std::string gross = scalar("SELECT amount FROM gateway_transactions WHERE order_id = '" + order + "'") + ".00";
        return api::Json{{"order_id", order}, {"status_code", "200"}, {"gross_amount", gross}, {"transaction_status", "settlement"},
                         {"transaction_id", "T-" + order}, {"fraud_status", "accept"}, {"payment_type", "bank_transfer"},
                         {"signature_key", gateways::midtrans_signature(order, "200", gross, key)}}
            .dump();
    }

    // Each body delivered through `group` at once, by a thread of its own with its own connection
    // (as HTTP workers are); the outcomes in the bodies' order (a failed one's error message).
    std::vector<std::string> deliver_together(services::CallbackGroupCommit& group, const std::vector<std::string>& bodies) {
        std::vector<std::string> outcomes(bodies.size());
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < bodies.size(); ++t)
            threads.emplace_back([&, t] {
                auto connection = store::Database::open(path);
                if (!connection) return;
                app::Context own = context(**connection);
                auto outcome = group.handle(own, "midtrans", "application/json", bodies[t]);
                outcomes[t] = outcome ? outcome->outcome : outcome.error().message();
            });
        for (auto& thread : threads) thread.join();
        return outcomes;
    }

    std::string scalar(const std::string& sql) {
        auto statement = db->prepare(sql);
        BOOST_TEST_REQUIRE(statement.ok());
        BOOST_TEST_REQUIRE(statement->step().value_or(false), sql);
        return statement->column_text(0);
    }
    std::int64_t count(const std::string& sql) { return std::stoll(scalar(sql)); }
};

// Holds the first batch's leader until every other delivery of a round has joined the queue, so a
// round of concurrent deliveries is always committed together, however the threads are scheduled,
// and records every batch the group commits.
struct BatchGate {
    std::size_t round;  // deliveries in flight at once
    std::mutex mutex;
    std::condition_variable changed;
    // Deliveries queued so far, counted one by one: the queue's size a delivery reports can be from
    // before the first leader took the queue, so first batch + that size could reach the round
    // while some deliveries had not queued yet (a third batch, 1 run in ~7 under ASan).
    std::size_t queued = 0;
    bool gave_up = false;  // the round never all queued (Boost.Test is not called from these threads)
    std::vector<std::size_t> sizes;

    explicit BatchGate(std::size_t round) : round(round) {}
    void attach(services::CallbackGroupCommit& group) {
        group.observe({.delivery_queued =
                           [this](std::size_t) {
                               std::lock_guard lock(mutex);
                               ++queued;
                               changed.notify_all();
                           },
                       .batch_starting =
                           [this](std::size_t size) {
                               std::unique_lock lock(mutex);
                               sizes.push_back(size);
                               if (sizes.size() != 1) return;
                               // A bound only so that a broken group fails the test instead of hanging it.
                               gave_up = !changed.wait_for(lock, std::chrono::seconds(30), [&] { return queued >= round; });
                           }});
    }
    std::size_t largest() {
        std::lock_guard lock(mutex);
        return sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
    }
    std::int64_t total() {
        std::lock_guard lock(mutex);
        return static_cast<std::int64_t>(std::accumulate(sizes.begin(), sizes.end(), std::size_t{0}));
    }
};

struct Delivery {
    std::string body;
    std::string expected;  // outcome, or "error" for a delivery that must fail
    std::int64_t invoice_id = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(callback_group_commit)

BOOST_FIXTURE_TEST_CASE(concurrent_deliveries_each_get_their_own_outcome_and_pay_exactly_once, GroupFixture) {
    // The database refuses the payment of one invoice (as a full disk or a constraint would):
    // that delivery fails alone, inside a batch whose other members still commit.
    const std::int64_t refused = 7;
    if (db->engine() == store::Engine::Postgresql)
        require(db->execute("CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.invoice_id = " +
                            std::to_string(refused) + " THEN RAISE EXCEPTION 'payment refused by the test'; END IF; RETURN NEW; END $$; "
                            "CREATE TRIGGER refuse_one BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION refuse_one()"));
    else
        require(db->execute("CREATE TRIGGER refuse_one BEFORE INSERT ON payments WHEN NEW.invoice_id = " + std::to_string(refused) +
                            " BEGIN SELECT RAISE(ABORT, 'payment refused by the test'); END"));

    std::vector<Delivery> deliveries;
    for (std::int64_t id = 1; id <= kInvoices - 2; ++id)  // the last two only ever arrive forged
        if (id != refused) deliveries.push_back({settlement(id), "applied", id});
    for (std::int64_t id = 1; id <= 6; ++id) deliveries.push_back({settlement(id), "duplicate", id});  // replays of paid ones
    deliveries.push_back({settlement(refused), "error", refused});
    deliveries.push_back({settlement(kInvoices - 1, "wrong-server-key"), "rejected", kInvoices - 1});
    deliveries.push_back({settlement(kInvoices, "wrong-server-key"), "rejected", kInvoices});
    api::Json unknown = api::parse_json(settlement(2));
    unknown["order_id"] = "G-999";
    unknown["signature_key"] = gateways::midtrans_signature("G-999", "200", unknown["gross_amount"].get<std::string>(), kServerKey);
    deliveries.push_back({unknown.dump(), "unknown_order", 0});

    services::CallbackGroupCommit group;
    BatchGate gate(kThreads);  // every thread's first delivery is a valid one, so the first round all queues
    gate.attach(group);
    std::mutex results_mutex;
    std::map<std::int64_t, int> applied_per_invoice;
    std::vector<std::string> problems;
    {
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                auto connection = store::Database::open(path);
                if (!connection) return;
                app::Context own = context(**connection);
                for (std::size_t i = static_cast<std::size_t>(t); i < deliveries.size(); i += kThreads) {
                    const Delivery& delivery = deliveries[i];
                    auto outcome = group.handle(own, "midtrans", "application/json", delivery.body);
                    std::lock_guard lock(results_mutex);
                    const std::string got = outcome ? outcome->outcome : (delivery.expected == "rejected" ? "rejected" : "error");
                    if (outcome && outcome->outcome == "applied") ++applied_per_invoice[delivery.invoice_id];
                    // A replay may overtake its original: then the replay applies and the original is the duplicate.
                    const bool either = (delivery.expected == "applied" || delivery.expected == "duplicate") && (got == "applied" || got == "duplicate");
                    if (got != delivery.expected && !either)
                        problems.push_back("invoice " + std::to_string(delivery.invoice_id) + ": expected " + delivery.expected + ", got " + got);
                }
            });
        for (auto& thread : threads) thread.join();
    }
    BOOST_TEST(problems.empty(), problems.size() << " wrong outcomes, first: " << (problems.empty() ? "" : problems.front()));

    // Exactly one payment for each valid transaction, however its deliveries were grouped.
    for (std::int64_t id = 1; id <= kInvoices - 2; ++id) {
        if (id == refused) continue;
        BOOST_TEST(applied_per_invoice[id] == 1, "invoice " << id);
    }
    BOOST_TEST(count("SELECT COUNT(*) FROM payments") == kInvoices - 3);
    BOOST_TEST(count("SELECT COUNT(DISTINCT invoice_id) FROM payments") == kInvoices - 3);
    BOOST_TEST(count("SELECT COUNT(*) FROM invoices WHERE period = '2026-01' AND status = 'paid'") == kInvoices - 3);
    // The refused one and the forged ones changed nothing but the log.
    BOOST_TEST(scalar("SELECT status FROM invoices WHERE id = " + std::to_string(refused)) != "paid");
    BOOST_TEST(scalar("SELECT status FROM gateway_transactions WHERE order_id = 'G-" + std::to_string(refused) + "'") == "pending");
    BOOST_TEST(scalar("SELECT status FROM gateway_transactions WHERE order_id = 'G-" + std::to_string(kInvoices) + "'") == "pending");
    // Next month's invoice for each paid one; a confirmation queued for each.
    BOOST_TEST(count("SELECT COUNT(*) FROM invoices WHERE period = '2026-02'") == kInvoices - 3);
    BOOST_TEST(count("SELECT COUNT(*) FROM notifications WHERE template = 'payment_confirmation'") == kInvoices - 3);
    // Every delivery's raw body is in the log with what became of it.
    BOOST_TEST(count("SELECT COUNT(*) FROM gateway_callbacks") == static_cast<std::int64_t>(deliveries.size()));
    BOOST_TEST(count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'rejected'") == 2);
    BOOST_TEST(count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'error'") == 1);
    BOOST_TEST(count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'unknown_order'") == 1);
    BOOST_TEST(count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome IN ('applied', 'duplicate')") ==
               static_cast<std::int64_t>(deliveries.size()) - 4);
    // Only verified deliveries for our own orders go through the group; all of them were committed by it.
    BOOST_TEST(group.deliveries() == static_cast<std::int64_t>(deliveries.size()) - 3);
    // Grouped: fewer commits than deliveries, and the observer saw every delivery in some batch.
    BOOST_TEST(!gate.gave_up);
    BOOST_TEST(group.batches() < group.deliveries());
    BOOST_TEST(gate.total() == group.deliveries());
    BOOST_TEST(gate.largest() >= static_cast<std::size_t>(kThreads / 2));
    // The refused one's batch ran again with a savepoint per callback (the first run has none);
    // the other batches did not need to.
    BOOST_TEST(group.batches_with_savepoints() >= 1);
    BOOST_TEST(group.batches_with_savepoints() < group.batches());
}

BOOST_FIXTURE_TEST_CASE(callbacks_arriving_together_share_one_or_two_commits, GroupFixture) {
    services::CallbackGroupCommit group;
    BatchGate gate(kThreads);
    gate.attach(group);
    std::vector<std::string> bodies;
    for (int t = 0; t < kThreads; ++t) bodies.push_back(settlement(t + 1));
    const std::vector<std::string> outcomes = deliver_together(group, bodies);
    for (int t = 0; t < kThreads; ++t) BOOST_TEST(outcomes[static_cast<std::size_t>(t)] == "applied", "invoice " << t + 1);
    // Eight deliveries, at most two transactions: the first leader's and one for all who queued behind it.
    BOOST_TEST(!gate.gave_up);
    BOOST_TEST(group.deliveries() == kThreads);
    BOOST_TEST(group.batches() <= 2);
    BOOST_TEST(group.batches_with_savepoints() == 0, "nothing failed: no batch needed savepoints");
    BOOST_TEST(gate.total() == kThreads);
    BOOST_TEST(gate.largest() >= static_cast<std::size_t>(kThreads / 2));
    BOOST_TEST(count("SELECT COUNT(*) FROM payments") == kThreads);
    // Each batch made its payments' next invoices together just before its COMMIT: every paid
    // customer has February's, numbered without a gap (the numbers' unused block given back), each
    // logged as one payment ensuring it would log it.
    BOOST_TEST(count("SELECT COUNT(*) FROM invoices WHERE period = '2026-02' AND kind = 'monthly'") == kThreads);
    BOOST_TEST(count("SELECT COUNT(DISTINCT customer_id) FROM invoices WHERE period = '2026-02'") == kThreads);
    BOOST_TEST(count("SELECT COUNT(*) FROM invoices f JOIN invoices j ON j.customer_id = f.customer_id AND j.period = '2026-01' "
                     "WHERE f.period = '2026-02' AND j.status = 'paid'") == kThreads);
    BOOST_TEST(count("SELECT last_number FROM sequences WHERE name = 'invoice:2026-02'") == kThreads);
    BOOST_TEST(count("SELECT COUNT(DISTINCT invoice_no) FROM invoices WHERE period = '2026-02'") == kThreads);
    BOOST_TEST(count("SELECT COUNT(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.period = '2026-02'") >= kThreads);
    BOOST_TEST(count("SELECT last_number FROM sequences WHERE name = 'receipt:2026-01'") == kThreads);
    BOOST_TEST(count("SELECT COUNT(*) FROM activity_log WHERE action = 'invoice.create'") == kThreads);
}

BOOST_FIXTURE_TEST_CASE(a_lone_callback_is_committed_before_it_returns, GroupFixture) {
    services::CallbackGroupCommit group;
    auto connection = store::Database::open(path);
    BOOST_TEST_REQUIRE(connection.ok());
    app::Context own = context(**connection);
    auto outcome = group.handle(own, "midtrans", "application/json", settlement(3));
    BOOST_TEST_REQUIRE(outcome.ok());
    BOOST_TEST(outcome->outcome == "applied");
    BOOST_TEST(outcome->payment_id.has_value());
    // Another connection sees it at once: the group committed before answering.
    BOOST_TEST(scalar("SELECT status FROM invoices WHERE id = 3") == "paid");
    BOOST_TEST(count("SELECT COUNT(*) FROM payments WHERE invoice_id = 3") == 1);
    BOOST_TEST(group.batches() == 1);
    BOOST_TEST(group.deliveries() == 1);
}


BOOST_FIXTURE_TEST_CASE(a_leader_waiting_for_the_writer_lock_takes_everything_that_queued_meanwhile, GroupFixture) {
    // Another server's write transaction holds the database's writer lock (here the test's own
    // connection): this server's leader waits for it, and every delivery that arrives meanwhile
    // joins the leader's batch when it gets the lock, instead of waiting for a commit of its own.
    services::CallbackGroupCommit group;
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t waiting = 0;
    std::vector<std::size_t> sizes;
    group.observe({.delivery_queued =
                       [&](std::size_t now_waiting) {
                           std::lock_guard lock(mutex);
                           waiting = now_waiting;
                           changed.notify_all();
                       },
                   .batch_starting =
                       [&](std::size_t size) {
                           std::lock_guard lock(mutex);
                           sizes.push_back(size);
                       }});
    std::vector<std::string> bodies, outcomes(kThreads);
    for (int t = 0; t < kThreads; ++t) bodies.push_back(settlement(t + 1));
    std::vector<std::thread> threads;
    bool all_queued = false;
    const Result<void> held = db->transaction([&]() -> Result<void> {
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                auto connection = store::Database::open(path);
                if (!connection) return;
                app::Context own = context(**connection);
                auto outcome = group.handle(own, "midtrans", "application/json", bodies[static_cast<std::size_t>(t)]);
                outcomes[static_cast<std::size_t>(t)] = outcome ? outcome->outcome : outcome.error().message();
            });
        std::unique_lock lock(mutex);
        // Bounded only so that a group that takes its queue before the lock fails instead of hanging.
        all_queued = changed.wait_for(lock, std::chrono::seconds(8), [&] { return waiting == static_cast<std::size_t>(kThreads); });
        return success();
    });
    for (auto& thread : threads) thread.join();
    BOOST_TEST(held.ok());
    BOOST_TEST(all_queued, "every delivery queued behind the leader waiting for the lock");
    for (int t = 0; t < kThreads; ++t) BOOST_TEST(outcomes[static_cast<std::size_t>(t)] == "applied", "invoice " << t + 1);
    BOOST_TEST(group.batches() == 1);
    BOOST_TEST(sizes == std::vector<std::size_t>{static_cast<std::size_t>(kThreads)}, boost::test_tools::per_element());
    BOOST_TEST(count("SELECT COUNT(*) FROM payments") == kThreads);
    BOOST_TEST(count("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = 'applied'") == kThreads);
}

BOOST_FIXTURE_TEST_CASE(a_batchs_receipts_are_queued_once_each_with_their_variables_and_activity_entry, GroupFixture) {
    // The receipts of a batch are written together just before its COMMIT. What a customer and an
    // operator see must be what one at a time gave: one message per paid transaction, rendered
    // for that customer's invoice, its variables kept (for a resend), and an activity entry that
    // points at that message. A receipt key already queued (here a message an earlier run queued
    // for G-3) adds no second message and no entry.
    require(db->execute("INSERT INTO notifications(idempotency_key, customer_id, phone, template, body, message_class, status, next_attempt_at, "
                        "created_by, created_at, updated_at) VALUES ('payment:midtrans:G-3', 3, '6281310000003', 'payment_confirmation', "
                        "'queued before', 'transactional', 'queued', 0, 'test', 0, 0)"));
    services::CallbackGroupCommit group;
    BatchGate gate(kThreads);
    gate.attach(group);
    std::vector<std::string> bodies;
    for (int t = 0; t < kThreads; ++t) bodies.push_back(settlement(t + 1));  // the test's connection is not for threads
    const std::vector<std::string> outcomes = deliver_together(group, bodies);
    for (int t = 0; t < kThreads; ++t) BOOST_TEST(outcomes[static_cast<std::size_t>(t)] == "applied", "invoice " << t + 1);
    BOOST_TEST(!gate.gave_up);
    BOOST_TEST(gate.largest() >= static_cast<std::size_t>(kThreads / 2), "the receipts were written by a batch");
    BOOST_TEST(group.batches_with_savepoints() == 0);

    BOOST_TEST(count("SELECT COUNT(*) FROM notifications WHERE template = 'payment_confirmation'") == kThreads);
    BOOST_TEST(scalar("SELECT body FROM notifications WHERE idempotency_key = 'payment:midtrans:G-3'") == "queued before");
    for (int invoice = 1; invoice <= kThreads; ++invoice) {
        if (invoice == 3) continue;
        const std::string key = "'payment:midtrans:G-" + std::to_string(invoice) + "'";
        const std::string invoice_no = scalar("SELECT invoice_no FROM invoices WHERE id = " + std::to_string(invoice));
        // Rendered for this customer's invoice, to this customer, waiting for the outbox.
        BOOST_TEST(scalar("SELECT body FROM notifications WHERE idempotency_key = " + key).find(invoice_no) != std::string::npos, key);
        BOOST_TEST(count("SELECT customer_id FROM notifications WHERE idempotency_key = " + key) == invoice);
        BOOST_TEST(count("SELECT invoice_id FROM notifications WHERE idempotency_key = " + key) == invoice);
        BOOST_TEST(scalar("SELECT status FROM notifications WHERE idempotency_key = " + key) == "queued");
        // Its variables kept with it, and its activity entry pointing at it.
        BOOST_TEST(scalar("SELECT v.variables FROM notification_variables v JOIN notifications n ON n.id = v.notification_id "
                          "WHERE n.idempotency_key = " + key).find(invoice_no) != std::string::npos, key);
        BOOST_TEST(count("SELECT COUNT(*) FROM activity_log a JOIN notifications n ON n.id = a.subject_id WHERE a.action = 'notification.queue' "
                         "AND a.subject_type = 'notification' AND n.idempotency_key = " + key + " AND a.after_json LIKE '%' || n.idempotency_key || '%'") == 1,
                   key);
    }
    BOOST_TEST(count("SELECT COUNT(*) FROM activity_log WHERE action = 'notification.queue'") == kThreads - 1);
    BOOST_TEST(count("SELECT COUNT(*) FROM activity_log WHERE action = 'notification.queue' AND after_json LIKE '%G-3\"%'") == 0);
}

BOOST_FIXTURE_TEST_CASE(two_servers_batches_overlap_and_still_pay_each_transaction_once_with_gap_free_numbers, GroupFixture) {
    // PostgreSQL: two servers' batches hold the writer lock shared and run at the same time; their
    // row locks (the transaction, its invoice, its customer) decide who pays. SQLite has one writer.
    if (db->engine() != store::Engine::Postgresql) return;
    constexpr int kPaid = 16, kPerServer = 8;
    // The first batch of each server waits, inside its transaction, until the other server's batch
    // has begun too: with the writer lock taken exclusively that never happens (the wait times out).
    std::mutex mutex;
    std::condition_variable changed;
    int started = 0;
    bool overlapped = true;
    auto hold_first_batch = [&](std::size_t) {
        std::unique_lock lock(mutex);
        if (++started > 2) return;
        changed.notify_all();
        if (!changed.wait_for(lock, std::chrono::seconds(10), [&] { return started >= 2; })) overlapped = false;
    };
    services::CallbackGroupCommit servers[2];
    for (auto& server : servers) server.observe({.delivery_queued = {}, .batch_starting = hold_first_batch});
    // Both servers get a callback for every transaction at the same time (the gateway retrying on
    // another server), the second in the opposite order: their batches want the same rows.
    std::vector<std::vector<std::int64_t>> orders(2);
    std::map<std::int64_t, std::string> bodies;  // made here: the fixture's connection is this thread's
    for (std::int64_t id = 1; id <= kPaid; ++id) {
        orders[0].push_back(id);
        bodies[id] = settlement(id);
    }
    orders[1].assign(orders[0].rbegin(), orders[0].rend());
    std::mutex results_mutex;
    std::map<std::int64_t, std::vector<std::string>> outcomes;
    {
        std::vector<std::thread> threads;
        for (int server = 0; server < 2; ++server)
            for (int t = 0; t < kPerServer; ++t)
                threads.emplace_back([&, server, t] {
                    auto connection = store::Database::open(path);
                    if (!connection) return;
                    app::Context own = context(**connection);
                    for (std::size_t i = static_cast<std::size_t>(t); i < kPaid; i += kPerServer) {
                        const std::int64_t id = orders[static_cast<std::size_t>(server)][i];
                        auto outcome = servers[server].handle(own, "midtrans", "application/json", bodies.at(id));
                        std::lock_guard lock(results_mutex);
                        outcomes[id].push_back(outcome ? outcome->outcome : outcome.error().message());
                    }
                });
        for (auto& thread : threads) thread.join();
    }
    BOOST_TEST(overlapped, "the two servers' first batches ran at the same time");
    for (std::int64_t id = 1; id <= kPaid; ++id) {
        auto got = outcomes[id];
        std::sort(got.begin(), got.end());
        BOOST_TEST(got == (std::vector<std::string>{"applied", "duplicate"}), boost::test_tools::per_element());
    }
    // One payment per transaction, each invoice paid once.
    BOOST_TEST(count("SELECT COUNT(*) FROM payments") == kPaid);
    BOOST_TEST(count("SELECT COUNT(DISTINCT invoice_id) FROM payments") == kPaid);
    BOOST_TEST(count("SELECT COUNT(*) FROM gateway_transactions WHERE status = 'paid' AND payment_id IS NOT NULL") == kPaid);
    // Receipt and invoice numbers without a gap or a twice, none left provisional, the same
    // numbers in the payments' activity entries.
    BOOST_TEST(count("SELECT last_number FROM sequences WHERE name = 'receipt:2026-01'") == kPaid);
    BOOST_TEST(count("SELECT COUNT(DISTINCT receipt_no) FROM payments WHERE receipt_no BETWEEN 'KW-202601-000001' AND 'KW-202601-000016'") == kPaid);
    BOOST_TEST(count("SELECT COUNT(*) FROM payments p JOIN activity_log a ON a.action = 'payment.create' AND a.subject_id = p.invoice_id "
                     "AND a.after_json LIKE '%\"' || p.receipt_no || '\"%'") == kPaid);
    BOOST_TEST(count("SELECT COUNT(*) FROM activity_log WHERE after_json LIKE '%~%'") == 0);
    BOOST_TEST(count("SELECT last_number FROM sequences WHERE name = 'invoice:2026-02'") == kPaid);
    BOOST_TEST(count("SELECT COUNT(DISTINCT invoice_no) FROM invoices WHERE period = '2026-02'") == kPaid);
    BOOST_TEST(count("SELECT COUNT(*) FROM notifications WHERE template = 'payment_confirmation'") == kPaid);
    BOOST_TEST(count("SELECT COUNT(*) FROM gateway_callbacks") == 2 * kPaid);
    // The batches took their row locks in one order: none deadlocked and had to run again alone.
    BOOST_TEST(servers[0].batches_with_savepoints() + servers[1].batches_with_savepoints() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
