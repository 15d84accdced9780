// `kimonet isolir …`: the automatic run, and isolate / restore of one customer.
#include <cstdio>
#include <functional>

#include "cli/commands.hpp"
#include "services/network_reconcile.hpp"
#include "services/network_service.hpp"

namespace kimonet::cli {

int command_isolir(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    const std::int64_t id = std::atoll(args.get("id", "0").c_str());
    if (action == "auto") {
        return with_cli_context(args, [&](app::Context& context) {
            services::AutoIsolateOptions options;
            options.ignore_schedule_window = args.has("force");
            options.dry_run = args.has("dry-run");
            auto report = services::auto_isolate(context, options);
            if (!report) return fail(report.error());
            std::printf("%s\n", report->dump(2).c_str());
            return 0;
        });
    }
    if ((action == "customer" || action == "restore") && id > 0) {
        return with_cli_context(args, [&](app::Context& context) {
            auto outcome = action == "customer" ? services::isolate(context, id, args.get("reason", "manual (CLI)"))
                                                : services::restore(context, id, args.get("reason", "manual (CLI)"));
            if (!outcome) return fail(outcome.error());
            std::printf("customer %lld %s: %s%s%s\n", static_cast<long long>(id), std::string(services::to_string(outcome->action)).c_str(),
                        outcome->result.c_str(), outcome->detail.empty() ? "" : " - ", outcome->detail.c_str());
            return 0;
        });
    }
    std::fprintf(stderr, "usage: kimonet isolir auto [--force] [--dry-run] | customer --id=N [--reason=T] | restore --id=N\n");
    return 2;
}

}  // namespace kimonet::cli
