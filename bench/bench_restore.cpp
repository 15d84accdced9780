// Benchmark (issues 5 and 15): a customer who pays is restored on the router, and gets the receipt
// on WhatsApp, without waiting for a poll. The demo data (plus copies of its customers, so a p99
// means something) on a scratch database, both demo routers as in-process RouterOS simulators, the
// in-process WhatsApp simulator behind the Fonnte driver, and the network and outbox workers that
// `kimonet serve` runs, woken on commit. Isolated customers pay their invoice through
// record_payment (what POST /api/payments and the gateway callbacks share). From the payment's
// COMMIT the bench times
//   - restore: the simulated router holds the package profile again AND the worker has recorded
//     the read-back (the payment's network action is done, "applied");
//   - receipt: the payment confirmation has been accepted by the WhatsApp simulator.
// Baselines in the same run: a direct services::restore() (switch, kick, read back, log) of other
// isolated customers, and a direct send through the same WhatsApp driver with no outbox.
// Settings for the receipt: whatsapp_quiet_hours off, whatsapp_rate_limit_seconds 0 (the limit is
// whole seconds; at 1 every second receipt in the same second would wait for it and the figure
// would measure the rate limit, not the latency).
// Budgets: restore p99 <= 50 ms, receipt p99 <= 100 ms, none over 1,000 ms, and no worker reporting
// a problem (e.g. "database is locked"). Exit 1 over budget, 2 when it could not run.
//   bench_restore [customers=100] [workdir=/tmp]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "app/clock.hpp"
#include "cli/seed_demo.hpp"
#include "jobs/network_runner.hpp"
#include "jobs/outbox_runner.hpp"
#include "routeros/routeros_router_control.hpp"
#include "services/invoice_generation.hpp"
#include "services/network_service.hpp"
#include "services/outbox.hpp"
#include "services/payment_service.hpp"
#include "services/router_service.hpp"
#include "services/settings.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "sim/whatsapp/whatsapp_simulator.hpp"
#include "whatsapp/messenger.hpp"

using namespace kimonet;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kMaxBudgetMs = 1000;
constexpr double kRestoreP99BudgetMs = 50;
constexpr double kReceiptP99BudgetMs = 100;
constexpr double kNever = 1e9;

template <typename T>
T must(Result<T> result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", what, result.error().message().c_str());
        std::exit(2);
    }
    return std::move(result).value();
}

void must(Result<void> result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", what, result.error().message().c_str());
        std::exit(2);
    }
}

double milliseconds_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

double percentile(std::vector<double> values, double fraction) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

struct Subject {
    std::int64_t id;
    std::string name;
    std::string profile;
    int router;  // index into the simulators
    std::int64_t invoice_id;
    std::string invoice_no;
    std::int64_t outstanding;
};

// Copies of demo customers (same package, router and phone), each with its PPP secret on its router,
// until `wanted` active customers have a router and a PPPoE name.
void add_customers(app::Context& context, sim::RouterOsSimulator* routers, int wanted) {
    auto count = must(context.db.prepare("SELECT COUNT(*) FROM customers WHERE status = 'active' AND router_id IS NOT NULL AND pppoe_username <> ''"),
                      "count");
    must(count.step(), "count");
    const int have = static_cast<int>(count.column_int(0));
    count.reset();
    std::vector<std::int64_t> sources;
    {
        auto select = must(context.db.prepare("SELECT id FROM customers WHERE status = 'active' AND router_id IS NOT NULL AND pppoe_username <> '' ORDER BY id"),
                           "sources");
        while (must(select.step(), "sources")) sources.push_back(select.column_int(0));
    }
    must(context.db.transaction([&]() -> Result<void> {
        for (int copy = 0; copy < wanted - have; ++copy) {
            auto insert = TRY(context.db.prepare(
                "INSERT INTO customers(service_number, name, phone, package_id, router_id, pppoe_username, status, join_date, due_day) "
                "SELECT 'BENCH' || ?1, name || ' ' || ?1, phone, package_id, router_id, 'bench' || ?1, 'active', join_date, due_day "
                "FROM customers WHERE id = ?2"));
            insert.bind(1, copy).bind(2, sources[static_cast<std::size_t>(copy) % sources.size()]);
            TRY_VOID(insert.run());
        }
        return {};
    }), "add customers");
    auto secrets = must(context.db.prepare("SELECT c.pppoe_username, p.mikrotik_profile, c.router_id FROM customers c "
                                           "JOIN internet_packages p ON p.id = c.package_id WHERE c.service_number LIKE 'BENCH%'"),
                        "secrets");
    while (must(secrets.step(), "secrets")) {
        const std::string name = secrets.column_text(0), profile = secrets.column_text(1);
        routers[secrets.column_int(2) - 1].with_state([&](sim::RouterState& state) {
            state.menu("/ppp/secret")->add({{"name", name}, {"password", "ppp-" + name}, {"service", "pppoe"}, {"profile", profile},
                                             {"disabled", "false"}, {"comment", "bench"}});
            return 0;
        });
    }
}

void drain_everything(app::App& app) {
    auto lease = must(app.database(), "database");
    auto messenger = must(whatsapp::messenger_from_settings(*lease, app.secrets()), "messenger");
    const auto limits = must(services::outbox_limits(*lease), "limits");
    for (;;) {
        const auto report = must(services::drain_outbox(*lease, app.clock(), app.config().utc_offset, *messenger, limits), "drain");
        if (report.stopped_by == "empty") return;
        if (report.sent == 0) {
            std::fprintf(stderr, "outbox does not drain: %s\n", report.stopped_by.c_str());
            std::exit(2);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::max(2, std::atoi(argv[1])) : 100;
    const std::string workdir = argc > 2 ? argv[2] : "/tmp";
    const std::string base = workdir + "/kimonet-bench-restore-" + std::to_string(getpid());
    app::Config config;
    config.db_path = base + ".db";
    config.secret_key_file = base + ".key";
    config.threads = 2;
    auto app = must(app::App::open(config, std::make_shared<app::SystemClock>()), "open");
    auto lease = must(app->database(), "database");
    app::Context context = app->context(*lease, app::Actor{"system", 0, "bench", ""});
    must(cli::seed_demo(context), "seed");

    sim::RouterOsSimulator routers[2];
    for (int index = 0; index < 2; ++index) {
        if (!routers[index].start()) return 2;
        sim::seed_demo_router(routers[index], index);
        must(services::update_router(context, index + 1, api::Json{{"port", routers[index].port()}, {"password", "billing-demo"}}), "router port");
    }
    sim::WhatsAppSimulator whatsapp_simulator;
    must(whatsapp_simulator.start(), "whatsapp simulator");
    must(services::update_settings(context, {{"whatsapp_driver", "fonnte"}, {"whatsapp_api_url", whatsapp_simulator.base_url()},
                                             {"whatsapp_sender", whatsapp_simulator.options().sender},
                                             {"whatsapp_api_key", whatsapp_simulator.options().api_key},
                                             {"whatsapp_rate_limit_seconds", "0"}, {"whatsapp_quiet_hours", "off"}}),
         "whatsapp settings");
    add_customers(context, routers, 2 * count + 8);
    const Date today = context.today();
    services::GenerateOptions generate;
    generate.period = Period{today.year, today.month};
    must(services::generate_invoices(context, generate), "generate");

    // Active customers with an open invoice: half restored directly (baseline), half by paying.
    std::vector<Subject> subjects;
    {
        auto statement = must(context.db.prepare(
                                  "SELECT c.id, c.pppoe_username, p.mikrotik_profile, c.router_id, i.id, i.invoice_no, i.total - i.paid_amount "
                                  "FROM customers c JOIN internet_packages p ON p.id = c.package_id JOIN invoices i ON i.customer_id = c.id "
                                  "WHERE c.status = 'active' AND c.router_id IS NOT NULL AND i.status = 'unpaid' ORDER BY c.id LIMIT ?"),
                              "select");
        statement.bind(1, 2 * count);
        while (must(statement.step(), "step"))
            subjects.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2),
                                static_cast<int>(statement.column_int(3) - 1), statement.column_int(4), statement.column_text(5),
                                statement.column_int(6)});
    }
    if (static_cast<int>(subjects.size()) < 2 * count) {
        std::fprintf(stderr, "only %zu customers with an open invoice\n", subjects.size());
        return 2;
    }
    for (const auto& subject : subjects) must(services::isolate(context, subject.id, "bench"), "isolate");
    // The isolation notices go out before the timed part, so receipts do not queue behind them.
    drain_everything(*app);
    auto profile_on_router = [&](const Subject& subject) {
        auto row = routers[subject.router].find("/ppp/secret", subject.name);
        return row ? row->at("profile") : std::string();
    };
    auto restore_verified = [&](const Subject& subject) {
        auto action = must(context.db.prepare("SELECT status = 'done' AND result = 'applied' FROM network_actions WHERE customer_id = ? "
                                              "AND invoice_id = ? AND action = 'restore' ORDER BY id DESC LIMIT 1"),
                           "action");
        action.bind(1, subject.id).bind(2, subject.invoice_id);
        return must(action.step(), "action") && action.column_int(0) == 1;
    };
    std::size_t receipts_seen = 0;
    auto receipt_sent = [&](const Subject& subject) {
        const auto messages = whatsapp_simulator.messages();
        for (std::size_t index = receipts_seen; index < messages.size(); ++index)
            if (messages[index].message.find(subject.invoice_no) != std::string::npos) return true;
        return false;
    };

    std::vector<double> direct, direct_send, restored, receipted;
    for (int index = 0; index < count; ++index) {
        const auto start = Clock::now();
        must(services::restore(context, subjects[static_cast<std::size_t>(index)].id, "bench"), "restore");
        direct.push_back(milliseconds_since(start));
    }
    drain_everything(*app);
    {
        auto messenger = whatsapp::make_fonnte_messenger({"fonnte", whatsapp_simulator.base_url(), whatsapp_simulator.options().sender,
                                                          whatsapp_simulator.options().api_key, 10'000});
        for (int index = 0; index < count; ++index) {
            const auto start = Clock::now();
            if (!messenger->send("6281234567890", "baseline " + std::to_string(index)).delivered) return 2;
            direct_send.push_back(milliseconds_since(start));
        }
    }

    jobs::NetworkRunner network_worker(*app);
    jobs::OutboxRunner outbox_worker(*app);
    network_worker.start();
    outbox_worker.start();
    for (int index = count; index < 2 * count; ++index) {
        const Subject& subject = subjects[static_cast<std::size_t>(index)];
        receipts_seen = whatsapp_simulator.messages().size();
        Clock::time_point committed;
        must(context.db.transaction([&]() -> Result<void> {
            // Registered first, so it runs before the wake-ups the payment queues: the clock starts at the COMMIT.
            context.db.after_commit([&] { committed = Clock::now(); });
            context.now = app->clock().now();
            TRY(services::record_payment(context, api::Json{{"invoice_id", subject.invoice_id}, {"amount", subject.outstanding},
                                                            {"method", "cash"}}));
            return {};
        }), "payment");
        double restore_ms = kNever, receipt_ms = kNever;
        while ((restore_ms == kNever || receipt_ms == kNever) && milliseconds_since(committed) < 10 * kMaxBudgetMs) {
            if (restore_ms == kNever && profile_on_router(subject) == subject.profile && restore_verified(subject))
                restore_ms = milliseconds_since(committed);
            if (receipt_ms == kNever && receipt_sent(subject)) receipt_ms = milliseconds_since(committed);
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        }
        restored.push_back(restore_ms);
        receipted.push_back(receipt_ms);
    }
    network_worker.stop();
    outbox_worker.stop();
    const auto problems = app->worker_log().problem_count();
    for (const auto& entry : app->worker_log().entries())
        if (entry.problem) std::printf("worker problem: %s: %s\n", entry.worker.c_str(), entry.message.c_str());
    routeros::close_cached_connections();
    std::filesystem::remove(config.db_path);
    std::filesystem::remove(config.db_path + "-wal");
    std::filesystem::remove(config.db_path + "-shm");
    std::filesystem::remove(config.secret_key_file);

    const double direct_median = percentile(direct, 0.5), send_median = percentile(direct_send, 0.5);
    const double restore_median = percentile(restored, 0.5), restore_p99 = percentile(restored, 0.99);
    const double receipt_median = percentile(receipted, 0.5), receipt_p99 = percentile(receipted, 0.99);
    const double slowest = std::max(*std::max_element(restored.begin(), restored.end()), *std::max_element(receipted.begin(), receipted.end()));
    const bool restore_ok = restore_p99 <= kRestoreP99BudgetMs, receipt_ok = receipt_p99 <= kReceiptP99BudgetMs;
    const bool ok = restore_ok && receipt_ok && slowest <= kMaxBudgetMs && problems == 0;
    std::printf("payment -> restored on the router and verified: median %.1f ms, p99 %.1f ms, max %.1f ms over %d customers\n", restore_median,
                restore_p99, *std::max_element(restored.begin(), restored.end()), count);
    std::printf("payment -> receipt handed to the WhatsApp provider: median %.1f ms, p99 %.1f ms, max %.1f ms\n", receipt_median, receipt_p99,
                *std::max_element(receipted.begin(), receipted.end()));
    std::printf("baseline direct restore (switch, kick, read back, log): median %.1f ms; direct WhatsApp send: median %.1f ms\n", direct_median,
                send_median);
    std::printf("ratio restore p99 / direct restore median: %.1fx; budget p99 <= %.0f ms -> %s\n", restore_p99 / std::max(direct_median, 0.001),
                kRestoreP99BudgetMs, restore_ok ? "OK" : "OVER BUDGET");
    std::printf("ratio receipt p99 / direct send median: %.1fx; budget p99 <= %.0f ms -> %s\n", receipt_p99 / std::max(send_median, 0.001),
                kReceiptP99BudgetMs, receipt_ok ? "OK" : "OVER BUDGET");
    std::printf("slowest of either %.1f ms (budget %.0f ms); worker problems (e.g. database is locked): %lld -> %s\n", slowest, kMaxBudgetMs,
                static_cast<long long>(problems), ok ? "OK" : "OVER BUDGET");
    return ok ? 0 : 1;
}
