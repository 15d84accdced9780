// Benchmark: durable gateway callbacks per second. Each callback is stored raw, verified
// (Midtrans SHA-512), and applied (payment, invoice paid, next month's invoice, confirmation
// queued) in a write transaction committed before the handler would answer 200, against the same
// number of bare SQLite write transactions on the same database, same run. Two figures:
//   - one delivery at a time (handle_gateway_callback: one transaction per callback);
//   - deliveries arriving together on as many connections as the server has threads (16), through
//     CallbackGroupCommit as the HTTP route does: each still answered only after the commit that
//     holds it, several committed together. This one carries the budget.
// Every paid callback is confirmed with Midtrans' status API (GET /v2/{order_id}/status) before it
// is applied, as the server does: here the in-process gateway simulator answers it, over HTTP.
// Both engines (issue 17), each in its own database: SQLite, and a durable PostgreSQL (fsync and
// synchronous_commit on). A third figure: three servers on the same database (three groups, each
// with its own 16 connections, as three App processes have), against one, same run (the ratio).
// Budgets (exit 1 when one is missed): >= 2,000 callbacks/s with one server, on each engine
// (issues 4, 17); PostgreSQL: three servers faster than one (issue 17); SQLite (issue 23): >= 8,000/s
// with one server, a lone callback <= 41 pages (its tables and indexes are named, and counted as the
// floor) and <= 10x a bare write transaction (its verifying and applying halves timed apart).
//   bench_payments [callbacks=2000] [workdir=/tmp]   (KIMONET_BENCH_ENGINES=sqlite|postgresql runs one)
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "gateways/gateway_signatures.hpp"
#include "services/gateway_payments.hpp"
#include "services/invoice_generation.hpp"
#include "services/settings.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "bench_database.hpp"
#include "bench_engines.hpp"
#include "bench_wal_pages.hpp"

using namespace kimonet;
using bench::check;

namespace {

constexpr double kMinCallbacksPerSecond = 2000;       // issues 4, 17: one server, each engine
constexpr double kMinSqliteCallbacksPerSecond = 8000;  // issue 23: one server on SQLite
// Issue 23 asked for <= 10 pages per lone callback on SQLite. A paid callback writes 27 b-trees
// (tables and the indexes that uniqueness or a query needs: the breakdown below names them, the
// floor line counts them), each at least one page, so 10 cannot be met without giving up an
// invariant or a query's index (server/store/README.md, "Pages a paid callback writes"). The budget
// is what the path does now with a margin for page splits (35.8-36.8 measured): a regression guard.
// A regression guard, not issue 23's 10 (below the floor of the b-trees a paid callback must write;
// server/store/README.md): 36 after 0052, plus ~3 for the report indexes of 0050
// (invoices_period_billed, gateway_transactions_payment), which issue 23's report budget needs.
constexpr double kMaxLonePages = 41;
constexpr double kMaxLoneCost = 10;                    // issue 23: a lone callback vs a bare write transaction (SQLite)
constexpr std::size_t kProbed = 20;  // one-at-a-time callbacks whose pages are named (~40 each: under SQLite's 1,000-frame checkpoint)
const int kDeliveryThreads = app::Config{}.threads;  // the server's HTTP worker threads: callbacks handled at once
constexpr const char* kServerKey = "SB-Mid-server-bench";

// Pages this connection has written to the WAL so far (SQLite's own counter; 0 on PostgreSQL).
long pages_written(store::Database& db) {
    if (!db.handle()) return 0;
    int current = 0, highwater = 0;
    sqlite3_db_status(db.handle(), SQLITE_DBSTATUS_CACHE_WRITE, &current, &highwater, 0);
    return current;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Figures {
    double sequential = 0, one_server = 0, three_servers = 0, bare = 0;
    double pages_sequential = 0, pages_grouped = 0, group_size = 0, group_size_three = 0;
    long applied = 0, one_applied = 0, three_applied = 0;
    double verifying_seconds = 0, applying_seconds = 0;  // of the one-at-a-time callbacks
    std::map<std::string, int> lone_pages;  // SQLite: the last one-at-a-time callback's pages, by table or index
};

// `servers` groups (CallbackGroupCommit, one per App as routes_payments.cpp makes it), each with
// kDeliveryThreads connections of its own, delivering `bodies` between them; returns callbacks/s.
double deliver(const std::string& url, int servers, const std::vector<std::string>& bodies, const app::Context& model, long& applied,
               double& group_size, double* grouped_pages) {
    std::vector<std::unique_ptr<services::CallbackGroupCommit>> groups;
    for (int s = 0; s < servers; ++s) groups.push_back(std::make_unique<services::CallbackGroupCommit>());
    std::atomic<long> done{0}, failures{0};
    const int threads_total = servers * kDeliveryThreads;
    const auto start = std::chrono::steady_clock::now();
    {
        std::vector<std::thread> threads;
        for (int t = 0; t < threads_total; ++t)
            threads.emplace_back([&, t] {
                auto connection = store::Database::open(url);
                if (!connection) {
                    ++failures;
                    return;
                }
                app::Context own{**connection, app::Actor{"system", 0, "gateway:midtrans", "127.0.0.1"}, model.now, model.offset, model.secrets, model.ports};
                services::CallbackGroupCommit& group = *groups[static_cast<std::size_t>(t % servers)];
                for (std::size_t i = static_cast<std::size_t>(t); i < bodies.size(); i += static_cast<std::size_t>(threads_total)) {
                    auto outcome = group.handle(own, "midtrans", "application/json", bodies[i]);
                    if (!outcome) {
                        if (failures++ == 0) std::fprintf(stderr, "callback: %s\n", outcome.error().message().c_str());
                    } else if (outcome->outcome == "applied") ++done;
                }
            });
        for (auto& thread : threads) thread.join();
    }
    const double seconds = seconds_since(start);
    if (failures > 0) {
        std::fprintf(stderr, "%ld deliveries failed\n", failures.load());
        std::exit(2);
    }
    std::int64_t batches = 0, deliveries = 0;
    for (auto& group : groups) {
        batches += group->batches();
        deliveries += group->deliveries();
    }
    if (grouped_pages && groups[0]->writer())
        *grouped_pages = static_cast<double>(pages_written(*groups[0]->writer())) / static_cast<double>(bodies.size());
    group_size = batches ? static_cast<double>(deliveries) / static_cast<double>(batches) : 0;
    applied = done.load();
    return static_cast<double>(bodies.size()) / seconds;
}

Figures run_engine(store::Engine engine, long count, const std::string& workdir) {
    const long customers = 3 * count;  // a third each: one at a time, one server, three servers
    const std::string url = bench::fresh_database_url(engine, workdir, "bench_payments");
    auto opened = app::open_migrated_database(url);
    if (!opened) check(opened.error(), "open");
    store::Database& db = **opened;

    std::array<unsigned char, security::SecretBox::kKeySize> key{};
    key.fill(7);
    const security::SecretBox secrets(key);
    const app::Ports ports = app::production_ports();
    const UtcOffset offset{420};
    const std::int64_t now = unix_from_local(LocalDateTime{{2026, 1, 15}, 9, 0, 0}, offset);
    app::Context context{db, app::Actor{"system", 0, "bench", ""}, now, offset, secrets, ports};

    // Not timed: customers, their January invoices, settings and one pending attempt per invoice.
    check(db.execute("INSERT INTO internet_packages(name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES ('Home 30 Mbps', 30000, 15000, 300000, '30M')"),
          "packages");
    check(db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(customers) +
                     ") INSERT INTO customers(service_number, name, phone, package_id, status, join_date) "
                     "SELECT 'C' || i, 'Pelanggan ' || i, '62812' || (10000000 + i), 1, 'active', '2025-06-01' FROM n"),
          "customers");
    services::GenerateOptions options;
    options.period = Period{2026, 1};
    if (auto generated = services::generate_invoices(context, options); !generated) check(generated.error(), "generate");
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.midtrans_server_key = kServerKey, .sandbox_behaviours = false}};
    check(simulator.start(), "gateway simulator");
    check(services::update_settings(context, {{"midtrans_enabled", "1"}, {"midtrans_server_key", kServerKey},
                                              {"midtrans_base_url", simulator.gateway_url("midtrans")}}),
          "settings");
    check(db.execute("INSERT INTO gateway_transactions(gateway, order_id, transaction_id, invoice_id, customer_id, method, amount, status, expires_at, "
                     "created_at, updated_at) SELECT 'midtrans', 'B-' || id, 'T-' || id, id, customer_id, 'bca_va', total, 'pending', " +
                     std::to_string(now + 86400) + ", " + std::to_string(now) + ", " + std::to_string(now) + " FROM invoices"),
          "transactions");
    std::vector<std::string> bodies;
    {
        auto rows = db.prepare("SELECT order_id, amount FROM gateway_transactions ORDER BY id");
        if (!rows) check(rows.error(), "transactions");
        while (rows->step().value_or(false)) {
            const std::string order = rows->column_text(0), gross = std::to_string(rows->column_int(1)) + ".00";
            // Paid at the gateway (no callback from the simulator: the benchmark delivers its own).
            simulator.add_transaction(sim::SimTransaction{.gateway = "midtrans", .order_id = order, .transaction_id = "T-" + order.substr(2),
                                                          .reference = "T-" + order.substr(2), .bank = "bca", .payment_type = "bank_transfer",
                                                          .amount = rows->column_int(1)});
            simulator.pay(order);
            bodies.push_back(api::Json{{"order_id", order}, {"status_code", "200"}, {"gross_amount", gross}, {"transaction_status", "settlement"},
                                       {"transaction_id", "T-" + order.substr(2)}, {"fraud_status", "accept"}, {"payment_type", "bank_transfer"},
                                       {"signature_key", gateways::midtrans_signature(order, "200", gross, kServerKey)}}
                                 .dump());
        }
    }

    const auto third = static_cast<std::ptrdiff_t>(count);
    const std::vector<std::string> sequential(bodies.begin(), bodies.begin() + third), one_server(bodies.begin() + third, bodies.begin() + 2 * third),
        three_servers(bodies.begin() + 2 * third, bodies.end());
    Figures figures;

    // One delivery at a time: one write transaction (one commit) per callback.
    const long pages_before = pages_written(db);
    auto start = std::chrono::steady_clock::now();
    double probe_seconds = 0;
    for (std::size_t i = 0; i < sequential.size(); ++i) {
        // The last kProbed are also taken apart: which tables and indexes their commits wrote
        // (SQLite's WAL, emptied just before them; the checkpoint is not counted in the time).
        const bool probe = engine == store::Engine::Sqlite && i + kProbed == sequential.size();
        const auto probe_start = std::chrono::steady_clock::now();
        if (probe && !bench::truncate_wal(db)) std::fprintf(stderr, "the WAL could not be emptied: the page breakdown counts more than one callback\n");
        if (probe) probe_seconds = seconds_since(probe_start);
        // handle_gateway_callback's two halves, timed apart: verifying (signature, our transaction,
        // the gateway's status API over HTTP) and applying (the write transaction and its commit).
        const auto verify_start = std::chrono::steady_clock::now();
        auto verified = services::verify_gateway_callback(context, "midtrans", "application/json", sequential[i]);
        if (!verified) check(verified.error(), "verify");
        if (verified->answered) check(make_error(ErrorCode::Internal, "not ours: " + verified->answered->outcome), "verify");
        const auto apply_start = std::chrono::steady_clock::now();
        figures.verifying_seconds += std::chrono::duration<double>(apply_start - verify_start).count();
        auto outcome = services::apply_verified_callback(context, "midtrans", "application/json", sequential[i], verified->event);
        if (!outcome) check(outcome.error(), "callback");
        figures.applying_seconds += seconds_since(apply_start);
        if (outcome->outcome == "applied") ++figures.applied;
    }
    figures.sequential = static_cast<double>(count) / (seconds_since(start) - probe_seconds);
    figures.pages_sequential = static_cast<double>(pages_written(db) - pages_before) / static_cast<double>(count);
    if (engine == store::Engine::Sqlite && sequential.size() >= kProbed) figures.lone_pages = bench::wal_pages_by_btree(db);

    // Deliveries arriving together: one server's kDeliveryThreads connections, then three servers'.
    figures.one_server = deliver(url, 1, one_server, context, figures.one_applied, figures.group_size, &figures.pages_grouped);
    figures.three_servers = deliver(url, 3, three_servers, context, figures.three_applied, figures.group_size_three, nullptr);

    // Exactly one payment per transaction, whichever way it came.
    auto payments = db.prepare("SELECT COUNT(*), COUNT(DISTINCT invoice_id) FROM payments WHERE method = 'gateway'");
    if (!payments || !payments->step().value_or(false) || payments->column_int(0) != static_cast<std::int64_t>(bodies.size()) ||
        payments->column_int(1) != static_cast<std::int64_t>(bodies.size())) {
        std::fprintf(stderr, "expected %zu gateway payments, one per invoice\n", bodies.size());
        std::exit(2);
    }
    payments->reset();  // the read ends before the baseline writes (store/database.hpp)

    // The baseline: bare write transactions of one row (the engine's own auto-increment key).
    check(db.execute(engine == store::Engine::Sqlite ? "CREATE TABLE bench_bare(id INTEGER PRIMARY KEY, body TEXT NOT NULL)"
                                                     : "CREATE TABLE bench_bare(id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, body TEXT NOT NULL)"),
          "bare table");
    start = std::chrono::steady_clock::now();
    for (const auto& body : sequential)
        check(db.transaction([&]() -> Result<void> {
            auto insert = TRY(db.prepare("INSERT INTO bench_bare(body) VALUES (?)"));
            insert.bind(1, body);
            return insert.run();
        }),
              "bare");
    figures.bare = static_cast<double>(count) / seconds_since(start);
    return figures;
}

}  // namespace

int main(int argc, char** argv) {
    const long count = argc > 1 ? std::atol(argv[1]) : 2000;
    const std::string workdir = bench::run_directory(argc, argv, 2, "payments");
    std::vector<std::pair<store::Engine, Figures>> results;
    for (store::Engine engine : bench::engines_to_run()) results.emplace_back(engine, run_engine(engine, count, workdir));
    std::filesystem::remove_all(workdir);

    bool pass = true;
    const std::string at_once = std::to_string(kDeliveryThreads) + " deliveries at once";
    std::printf("payment callbacks (issues 4, 17), %ld per figure\n", count);
    std::printf("  %-68s", "");
    for (const auto& result : results) std::printf(" %14s", bench::engine_name(result.first));
    std::printf("\n");
    auto row = [&](const std::string& label, const char* format, auto value) {
        std::printf("  %-68s", label.c_str());
        for (const auto& result : results) std::printf(format, value(result.second));
        std::printf("\n");
    };
    row("durable verified callbacks/s, one at a time", " %14.0f", [](const Figures& f) { return f.sequential; });
    row("durable verified callbacks/s, one server, " + at_once, " %14.0f", [](const Figures& f) { return f.one_server; });
    row("durable verified callbacks/s, three servers, 3 x " + at_once, " %14.0f", [](const Figures& f) { return f.three_servers; });
    row("three servers / one server (ratio)", " %13.2fx", [](const Figures& f) { return f.three_servers / f.one_server; });
    row("callbacks per commit, one server", " %14.1f", [](const Figures& f) { return f.group_size; });
    row("callbacks per commit, three servers", " %14.1f", [](const Figures& f) { return f.group_size_three; });
    row("pages written per callback, one at a time (SQLite)", " %14.1f", [](const Figures& f) { return f.pages_sequential; });
    row("pages written per callback, one server (SQLite)", " %14.1f", [](const Figures& f) { return f.pages_grouped; });
    row("baseline: bare write transactions/s", " %14.0f", [](const Figures& f) { return f.bare; });
    row("one-at-a-time callback cost vs bare transaction", " %13.2fx", [](const Figures& f) { return f.bare / f.sequential; });
    row("  of which verifying (signature, status API over HTTP)", " %13.2fx", [&](const Figures& f) { return f.bare * f.verifying_seconds / count; });
    row("  of which applying (the write transaction and its commit)", " %13.2fx", [&](const Figures& f) { return f.bare * f.applying_seconds / count; });
    row("one server's callbacks vs bare transactions (ratio)", " %13.2fx", [](const Figures& f) { return f.one_server / f.bare; });
    if (results.size() == 2)
        std::printf("  %-68s %13.2fx\n", "PostgreSQL / SQLite, one server", results[1].second.one_server / results[0].second.one_server);
    for (const auto& [engine, figures] : results) {
        if (figures.lone_pages.empty()) continue;
        int total = 0;
        for (const auto& [name, pages] : figures.lone_pages) total += pages;
        std::printf("  %s: pages per one-at-a-time callback by table and index (the last %zu): %.1f =", bench::engine_name(engine), kProbed,
                    static_cast<double>(total) / kProbed);
        int btrees = 0;
        for (const auto& [name, pages] : figures.lone_pages) {
            std::printf(" %s %.1f;", name.c_str(), static_cast<double>(pages) / kProbed);
            if (name != "sqlite_schema" && name != "(freelist)") ++btrees;  // page 1 is written when the file grows
        }
        std::printf("\n  %s: floor: %d tables and indexes written per paid callback, each at least one page\n", bench::engine_name(engine), btrees);
    }
    auto verdict = [&](bool ok) {
        pass = pass && ok;
        return ok ? "PASS" : "FAIL";
    };
    for (const auto& [engine, figures] : results) {
        const char* name = bench::engine_name(engine);
        const bool applied = figures.applied == count && figures.one_applied == count && figures.three_applied == count;
        std::printf("  %s: budget >= %.0f callbacks/s (one server, %s): %.0f/s%s: %s\n", name, kMinCallbacksPerSecond, at_once.c_str(),
                    figures.one_server, applied ? "" : " (not every callback applied)", verdict(figures.one_server >= kMinCallbacksPerSecond && applied));
        if (engine == store::Engine::Sqlite) {
            std::printf("  %s: budget >= %.0f callbacks/s (one server, issue 23): %.0f/s: %s\n", name, kMinSqliteCallbacksPerSecond, figures.one_server,
                        verdict(figures.one_server >= kMinSqliteCallbacksPerSecond));
            std::printf("  %s: budget <= %.0f pages per lone callback (issue 23): %.1f: %s\n", name, kMaxLonePages, figures.pages_sequential,
                        verdict(figures.pages_sequential <= kMaxLonePages));
            const double verifying = figures.bare * figures.verifying_seconds / static_cast<double>(count);
            std::printf("  %s: budget <= %.0fx a bare write transaction per lone callback (issue 23): %.2fx%s: %s\n", name, kMaxLoneCost,
                        figures.bare / figures.sequential,
                        verifying > kMaxLoneCost ? " (out of reach: asking the status API alone took more, it is not skipped)" : "",
                        verdict(figures.bare / figures.sequential <= kMaxLoneCost));
        } else {
            std::printf("  %s: budget three servers > one server (issue 17): %.2fx: %s\n", name, figures.three_servers / figures.one_server,
                        verdict(figures.three_servers > figures.one_server));
        }
    }
    return pass ? 0 : 1;
}
