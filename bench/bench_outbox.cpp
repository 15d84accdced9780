// Outbox benchmark: 10,000 queued messages drain through the real Fonnte adapter to the
// WhatsApp simulator over loopback at exactly the configured rate (ManualClock: one drain call
// per simulated second, so the spacing is checked to the second, not slept through), with a
// simulated crash and restart halfway (one message left "sending"). Baseline: the same number of
// direct sends through the same adapter with no outbox (no durability, no rate limit).
//
//   bench_outbox [messages=10000] [rate_seconds=2]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>

#include "app/app.hpp"
#include "services/notification_service.hpp"
#include "services/outbox.hpp"
#include "services/settings.hpp"
#include "sim/whatsapp/whatsapp_simulator.hpp"

using namespace kimonet;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_outbox: %s\n", what.c_str());
    std::exit(1);
}

template <typename T>
T must(Result<T> result, const char* what) {
    if (!result) die(std::string(what) + ": " + result.error().message());
    return std::move(result).value();
}

void must(Result<void> result, const char* what) {
    if (!result) die(std::string(what) + ": " + result.error().message());
}

std::unique_ptr<app::App> open_app(const std::string& directory, std::shared_ptr<app::ManualClock> clock) {
    app::Config config;
    config.db_path = directory + "/bench.db";
    config.secret_key_file = directory + "/secret.key";
    return must(app::App::open(config, std::move(clock)), "open app");
}

std::int64_t scalar(store::Database& db, const std::string& sql) {
    auto statement = must(db.prepare(sql), "prepare");
    must(statement.step(), "step");
    return statement.column_int(0);
}

}  // namespace

int main(int argc, char** argv) {
    const int total = argc > 1 ? std::atoi(argv[1]) : 10'000;
    const int rate = argc > 2 ? std::atoi(argv[2]) : 2;
    ::setenv("KIMONET_PASSWORD_COST", "min", 1);
    const auto directory = std::filesystem::temp_directory_path() / ("kimonet-bench-outbox-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(directory);

    sim::WhatsAppSimulator simulator;
    must(simulator.start(), "start simulator");

    // Baseline: direct sends, no outbox.
    auto direct = whatsapp::make_fonnte_messenger({"fonnte", simulator.base_url(), simulator.options().sender, simulator.options().api_key, 10'000});
    const int baseline_count = std::min(total, 2000);
    const auto baseline_start = Clock::now();
    for (int i = 0; i < baseline_count; ++i)
        if (!direct->send("6281234567890", "baseline " + std::to_string(i)).delivered) die("baseline send failed");
    const double baseline_per_message = seconds_since(baseline_start) / baseline_count;
    simulator.clear();

    const std::int64_t start_time = unix_from_local(LocalDateTime{{2026, 1, 15}, 9, 0, 0}, UtcOffset{420});
    auto clock = std::make_shared<app::ManualClock>(start_time);
    auto app = open_app(directory.string(), clock);
    {
        auto lease = must(app->database(), "lease");
        app::Context context = app->context(*lease, app::Actor{"system", 0, "bench", ""});
        must(services::update_settings(context, {{"whatsapp_driver", "fonnte"}, {"whatsapp_api_url", simulator.base_url()},
                                                 {"whatsapp_sender", simulator.options().sender}, {"whatsapp_api_key", simulator.options().api_key},
                                                 {"whatsapp_rate_limit_seconds", std::to_string(rate)}, {"whatsapp_quiet_hours", "off"}}),
             "settings");
    }

    // Queue.
    const auto queue_start = Clock::now();
    {
        auto lease = must(app->database(), "lease");
        app::Context context = app->context(*lease, app::Actor{"system", 0, "bench", ""});
        for (int i = 0; i < total; ++i) {
            services::NotificationRequest request(services::MessageClass::Bulk);
            request.key = "bench:" + std::to_string(i);
            request.phone = "6281" + std::to_string(200000000 + i);
            request.body = "Pesan " + std::to_string(i);
            must(services::queue_notification(context, request), "queue");
        }
    }
    const double queue_seconds = seconds_since(queue_start);

    // Drain, one call per simulated second; crash halfway.
    auto drain_once = [&](app::App& target) {
        auto lease = must(target.database(), "lease");
        auto messenger = must(whatsapp::messenger_from_settings(*lease, target.secrets()), "messenger");
        auto limits = must(services::outbox_limits(*lease), "limits");
        return must(services::drain_outbox(*lease, target.clock(), target.config().utc_offset, *messenger, limits), "drain");
    };
    const auto drain_start = Clock::now();
    std::int64_t drain_calls = 0, sent = 0;
    bool crashed = false;
    while (true) {
        const auto report = drain_once(*app);
        ++drain_calls;
        sent += report.sent;
        if (!crashed && sent >= total / 2) {
            // Crash: a worker claimed the next message and died before recording the answer.
            {
                auto lease = must(app->database(), "lease");
                must(lease->execute("UPDATE notifications SET status = 'sending', attempts = attempts + 1, lease_until = " +
                                    std::to_string(clock->now() + 300) + " WHERE id = (SELECT MIN(id) FROM notifications WHERE status = 'queued')"),
                     "simulate crash");
            }
            app.reset();
            app = open_app(directory.string(), clock);
            crashed = true;
        }
        if (report.stopped_by == "empty") break;
        clock->advance(1);
        if (drain_calls > static_cast<std::int64_t>(total) * rate + 10'000) die("drain does not converge");
    }
    const double drain_seconds = seconds_since(drain_start);

    // Verify: every message sent exactly once (the crashed claim was never sent, so no duplicate here),
    // spacing exactly `rate` seconds between consecutive sends except across the lease wait.
    std::int64_t sent_rows = 0, bad_spacing = 0, exact_spacing = 0, span = 0;
    {
        auto lease = must(app->database(), "lease");
        sent_rows = scalar(*lease, "SELECT COUNT(*) FROM notifications WHERE status = 'sent'");
        bad_spacing = scalar(*lease,
            "SELECT COUNT(*) FROM (SELECT sent_at - LAG(sent_at) OVER (ORDER BY sent_at, id) AS gap FROM notifications) WHERE gap IS NOT NULL AND gap < " +
            std::to_string(rate));
        exact_spacing = scalar(*lease,
            "SELECT COUNT(*) FROM (SELECT sent_at - LAG(sent_at) OVER (ORDER BY sent_at, id) AS gap FROM notifications) WHERE gap = " + std::to_string(rate));
        span = scalar(*lease, "SELECT MAX(sent_at) - MIN(sent_at) FROM notifications");
    }
    std::map<std::string, int> delivered;
    for (const auto& message : simulator.messages()) delivered[message.message] += 1;
    int duplicates = 0;
    for (const auto& [body, times] : delivered) duplicates += times - 1;
    const bool lossless = sent_rows == total && static_cast<int>(delivered.size()) == total;

    std::printf("outbox benchmark: %d messages, rate 1 per %d s, Fonnte adapter -> simulator over loopback\n", total, rate);
    std::printf("  queue_notification        %8.3f s   %7.1f us/message\n", queue_seconds, queue_seconds * 1e6 / total);
    std::printf("  drain (incl. HTTP send)   %8.3f s   %7.1f us/message   %lld drain calls\n", drain_seconds, drain_seconds * 1e6 / total,
                static_cast<long long>(drain_calls));
    std::printf("  baseline direct send      %8.3f s   %7.1f us/message   (%d sends, no outbox)\n", baseline_per_message * baseline_count,
                baseline_per_message * 1e6, baseline_count);
    std::printf("  outbox overhead per message: %.1f us (%.2fx the bare send)\n", (drain_seconds / total - baseline_per_message) * 1e6,
                (drain_seconds / total) / baseline_per_message);
    std::printf("  simulated span %lld s (ideal %lld s); gaps of exactly %d s: %lld of %d; gaps below %d s: %lld\n",
                static_cast<long long>(span), static_cast<long long>(static_cast<std::int64_t>(total - 1) * rate), rate,
                static_cast<long long>(exact_spacing), total - 1, rate, static_cast<long long>(bad_spacing));
    std::printf("  restart halfway: sent %lld/%d, delivered distinct %zu, duplicates %d -> %s\n", static_cast<long long>(sent_rows), total,
                delivered.size(), duplicates, lossless && bad_spacing == 0 ? "OK" : "FAILED");
    app.reset();
    simulator.stop();
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
    return lossless && bad_spacing == 0 ? 0 : 1;
}
