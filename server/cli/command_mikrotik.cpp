// `kimonet mikrotik …`: router test, drift sync, import of existing secrets, pending actions.
#include <cstdio>
#include <functional>

#include "cli/commands.hpp"
#include "services/network_reconcile.hpp"
#include "services/network_service.hpp"
#include "services/router_test.hpp"

namespace kimonet::cli {

static int print_json(const Result<api::Json>& result) {
    if (!result) return fail(result.error());
    std::printf("%s\n", result->dump(2).c_str());
    return 0;
}

int command_mikrotik(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    const std::int64_t server = std::atoll(args.get("server", "0").c_str());
    if (action == "test") {
        if (server <= 0) return fail(make_error(ErrorCode::ValidationFailed, messages::kServerIdRequired));
        return with_cli_context(args, [&](app::Context& context) {
            auto status = services::test_router(context, server);
            if (!status) return fail(status.error());
            // One line per interface: which works, and exactly why the other does not.
            for (const auto& diagnosis : status->transports)
                std::printf("%-4s %-28s %-18s %s\n", diagnosis.transport.c_str(), diagnosis.endpoint.c_str(),
                            std::string(network::to_string(diagnosis.problem)).c_str(), diagnosis.message.c_str());
            std::printf("router %lld OK over %s: RouterOS %s, uptime %s, board %s, CPU %s%%\n", static_cast<long long>(server),
                        status->transport.c_str(), status->version.c_str(), status->uptime.c_str(), status->board_name.c_str(),
                        status->cpu_load.c_str());
            return 0;
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
    std::fprintf(stderr, "usage: kimonet mikrotik test --server=ID | sync [--server=ID] [--dry-run] | import --server=ID [--dry-run] | pending\n");
    return 2;
}

}  // namespace kimonet::cli
