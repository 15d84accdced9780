// `kimonet payment reconcile [--older-than MINUTES] [--db PATH]`: the same reconciliation the
// scheduler runs and POST /api/payments/reconcile starts.
#include <cstdio>

#include "cli/commands.hpp"
#include "services/gateway_payments.hpp"
#include "services/settings.hpp"

namespace kimonet::cli {

int command_payment_reconcile(const Args& args) {
    return with_cli_session(args, [&](CliSession& session) -> int {
        std::optional<int> older_than;
        if (args.has("older-than")) older_than = std::atoi(args.get("older-than").c_str());
        const app::Config& config = session.app.config();
        const std::string base = config.public_base_url.empty() ? "http://" + config.bind + ":" + std::to_string(config.port) : config.public_base_url;
        auto report = services::reconcile_payments(session.context, base, older_than);
        if (!report) return fail(report.error());
        std::printf("checked %d pending payment(s): %d applied, %d expired, %d failed, %d flagged for review, %d gateway error(s)\n", report->checked,
                    report->applied, report->expired, report->failed, report->flagged, report->errors);
        return 0;
    });
}

}  // namespace kimonet::cli

namespace kimonet::cli {

// `kimonet payment use-simulator --url http://127.0.0.1:18090 [--callback-base URL]`: points
// Flip, Midtrans and Duitku at a `kimonet-sim gateways` process with its default keys (demo setup).
int command_payment_use_simulator(const Args& args) {
    return with_cli_context(args, [&](app::Context& context) -> int {
        const std::string url = args.get("url", "http://127.0.0.1:18090");
        std::map<std::string, std::string> values = {
            {"flip_enabled", "1"},         {"flip_base_url", url + "/flip"},         {"flip_secret_key", "sim-flip-secret"},
            {"flip_validation_token", "sim-flip-token"},                             {"midtrans_enabled", "1"},
            {"midtrans_base_url", url + "/midtrans"},                                {"midtrans_server_key", "SB-Mid-server-sim"},
            {"duitku_enabled", "1"},       {"duitku_base_url", url + "/duitku"},     {"duitku_merchant_code", "DSIM01"},
            {"duitku_api_key", "sim-duitku-key"},
        };
        if (args.has("callback-base")) values["payment_callback_base_url"] = args.get("callback-base");
        if (auto updated = services::update_settings(context, values); !updated) return fail(updated.error());
        std::printf("payment gateways point at the simulator %s (flip, midtrans, duitku enabled)\n", url.c_str());
        return 0;
    });
}

}  // namespace kimonet::cli
