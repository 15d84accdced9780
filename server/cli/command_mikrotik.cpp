// `kimonet mikrotik …`: router test, drift sync, import of existing secrets, pending actions.
#include <cstdio>
#include <functional>

#include "cli/commands.hpp"
#include "services/network_reconcile.hpp"
#include "services/network_service.hpp"
#include "services/router_fix.hpp"
#include "services/router_test.hpp"

namespace kimonet::cli {

static int print_json(const Result<api::Json>& result) {
    if (!result) return fail(result.error());
    std::printf("%s\n", result->dump(2).c_str());
    return 0;
}

// One line per interface (which works, and exactly why the other does not), then what --fix
// changed or would change: the interface, the isolir firewall rules.
static int print_router_fix(std::int64_t server, const services::RouterFix& fix, bool applied) {
    const auto& test = fix.examination.test;
    for (const auto& diagnosis : test.transports)
        std::printf("%-4s %-28s %-18s %s\n", diagnosis.transport.c_str(), diagnosis.endpoint.c_str(),
                    std::string(network::to_string(diagnosis.problem)).c_str(), diagnosis.message.c_str());
    if (!fix.working_mode.empty())
        std::printf(fix.mode_switched ? "fixed: api_mode %s -> %s (the configured interface does not work, %s does)\n"
                                      : "fix: api_mode %s -> %s would work (%s answers); run again with --fix\n",
                    fix.mode_before.c_str(), fix.working_mode.c_str(), fix.working_mode.c_str());
    if (fix.examination.failure) return fail(*fix.examination.failure);
    std::printf("router %lld OK over %s: RouterOS %s, uptime %s, board %s, CPU %s%%\n", static_cast<long long>(server), test.transport.c_str(),
                test.version.c_str(), test.uptime.c_str(), test.board_name.c_str(), test.cpu_load.c_str());
    for (const auto& rule : fix.rules)
        std::printf("isolir rule %-6s %-26s %s\n", rule.table.c_str(), rule.comment.c_str(),
                    rule.present ? "present" : rule.added ? "added" : applied ? "missing" : "missing (add with --fix)");
    if (fix.rules_problem) {
        if (fix.rules_problem->code == ErrorCode::Conflict)
            std::printf("the kimonet-isolir filter rules are incomplete, so their order cannot be kept: remove them and run again\n");
        else if (fix.rules_problem->code == ErrorCode::ValidationFailed)
            std::printf("the router needs the billing server's IPv4 address: pass --billing-address=IP[:PORT]\n");
        return fail(*fix.rules_problem);
    }
    return 0;
}

int command_mikrotik(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    const std::int64_t server = std::atoll(args.get("server", "0").c_str());
    if (action == "test") {
        if (server <= 0) return fail(make_error(ErrorCode::ValidationFailed, messages::kServerIdRequired));
        return with_cli_context(args, [&](app::Context& context) {
            services::RouterFixOptions options{args.has("fix"), args.get("billing-address", "")};
            auto fix = services::fix_router(context, server, options);
            if (!fix) return fail(fix.error());
            return print_router_fix(server, *fix, options.apply);
        });
    }
    if (action == "sync") {
        return with_cli_context(args, [&](app::Context& context) {
            const bool repair = !args.has("dry-run");
            if (repair) {
                auto pending = services::process_pending_network_actions(context);
                if (!pending) return fail(pending.error());
                std::printf("pending actions: %d due, %d applied, %d still pending, %d failed\n", pending->due, pending->applied,
                            pending->still_pending, pending->failed);
            }
            return print_json(services::network_drift(context, repair, server > 0 ? std::optional(server) : std::nullopt));
        });
    }
    if (action == "import") {
        if (server <= 0) return fail(make_error(ErrorCode::ValidationFailed, messages::kServerIdRequired));
        return with_cli_context(args, [&](app::Context& context) { return print_json(services::import_from_router(context, server, args.has("dry-run"))); });
    }
    if (action == "pending") {
        return with_cli_context(args, [&](app::Context& context) {
            auto pending = services::process_pending_network_actions(context);
            if (!pending) return fail(pending.error());
            std::printf("pending actions: %d due, %d applied, %d still pending, %d failed, %d superseded\n", pending->due, pending->applied,
                        pending->still_pending, pending->failed, pending->superseded);
            return 0;
        });
    }
    std::fprintf(stderr, "usage: kimonet mikrotik test --server=ID [--fix] [--billing-address=IP[:PORT]] | sync [--server=ID] [--dry-run] | import --server=ID [--dry-run] | pending\n");
    return 2;
}

}  // namespace kimonet::cli
