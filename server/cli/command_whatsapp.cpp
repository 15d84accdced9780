// `kimonet whatsapp send|drain|status|reminder`: the same outbox services as the API and the server's
// worker. `send` queues one message and delivers it now (respecting the rate limit); `reminder`
// queues the dunning reminder/warning steps due today (services/dunning_service) and delivers them.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "cli/commands.hpp"
#include "network/peer_replies.hpp"
#include "security/crypto.hpp"
#include "services/dunning_service.hpp"
#include "services/notification_service.hpp"
#include "services/outbox_failover.hpp"

namespace kimonet::cli {

namespace {

// Drains until nothing more is due now, sleeping through rate-limit waits (never through
// quiet hours or retry backoff). Returns the totals.
Result<services::DrainReport> drain_now(app::App& app, store::Database& db, int max_messages) {
    int left = max_messages;
    services::DrainReport total;
    for (;;) {
        // The primary and, when configured, the backup (failover), as the server's worker drains.
        const auto report =
            TRY(services::drain_configured_outbox(db, app.ports(), app.secrets(), app.clock(), app.offset(db), std::max(left, 1)));
        total.sent += report.sent;
        total.retried += report.retried;
        total.failed += report.failed;
        total.expired_leases += report.expired_leases;
        total.stopped_by = report.stopped_by;
        total.next_due_at = report.next_due_at;
        total.failed_over += report.failed_over;
        left -= report.sent + report.retried + report.failed;
        if (report.stopped_by != "rate_limit" || left <= 0 || !report.next_due_at) break;
        const std::int64_t wait = *report.next_due_at - app.clock().now();
        std::this_thread::sleep_for(std::chrono::milliseconds(std::max<std::int64_t>(wait, 0) * 1000 + 50));
    }
    return total;
}

void print_report(const services::DrainReport& report) {
    std::printf("sent %d, retrying %d, failed %d (stopped: %s)\n", report.sent, report.retried, report.failed, report.stopped_by.c_str());
}


int run_whatsapp(const std::string& action, const Args& args, CliSession& session) {
    app::Context& context = session.context;

    if (action == "send") {
        services::NotificationRequest request(services::MessageClass::Transactional);
        request.key = "cli:" + std::to_string(context.now) + ":" + security::random_token(6);
        request.phone = args.get("to");
        request.body = args.get("message");
        auto queued = services::queue_notification(context, request);
        if (!queued) return fail(queued.error());
        std::printf("queued notification %lld\n", static_cast<long long>(queued->id));
        auto report = drain_now(session.app, session.database, 1000);
        if (!report) return fail(report.error());
        auto row = services::get_notification(session.database, queued->id);
        if (!row) return fail(row.error());
        const std::string status = (*row)["status"];
        std::printf("status: %s%s%s\n", status.c_str(), (*row)["last_error"].get<std::string>().empty() ? "" : " — ",
                    (*row)["last_error"].get<std::string>().c_str());
        return status == "sent" ? 0 : 1;
    }
    if (action == "drain") {
        auto report = drain_now(session.app, session.database, args.has("max") ? std::atoi(args.get("max").c_str()) : 100000);
        if (!report) return fail(report.error());
        print_report(*report);
        return 0;
    }
    if (action == "status") {
        auto messenger = session.app.ports().configured_messenger(session.database, session.app.secrets());
        if (!messenger) return fail(messenger.error());
        auto status = (*messenger)->device_status();
        if (!status) return fail(status.error());
        // The QR field is the provider's: escaped for the terminal, never cut (a data: URI is long).
        std::printf("%s: %s%s%s\n", (*messenger)->gateway_key().c_str(), status->connected ? "connected" : "not connected",
                    status->qr_code.empty() ? "" : ", scan QR: ", network::peer_words(status->qr_code, network::kMaxPeerReplyBytes).c_str());
        return status->connected ? 0 : 1;
    }
    if (action == "reminder") {
        // The reminder and warning steps of dunning due today, queued in the outbox, then delivered.
        services::DunningOptions options;
        options.dry_run = args.has("dry-run");
        options.only = {dunning::StepAction::Remind, dunning::StepAction::Warn};
        auto run = services::run_dunning(context, options);
        if (!run) return fail(run.error());
        std::printf("reminders: %d queued, %d skipped, %d failed\n", run->at("done").get<int>(), run->at("skipped").get<int>(),
                    run->at("failed").get<int>());
        if (options.dry_run) return 0;
        auto report = drain_now(session.app, session.database, 100000);
        if (!report) return fail(report.error());
        print_report(*report);
        return 0;
    }
    std::fprintf(stderr, "usage: kimonet whatsapp send --to 0812… --message TEXT | drain [--max N] | status | reminder [--dry-run]\n");
    return 2;
}

}  // namespace

int command_whatsapp(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    return with_cli_session(args, [&](CliSession& session) { return run_whatsapp(action, args, session); }, "cli");
}

}  // namespace kimonet::cli
