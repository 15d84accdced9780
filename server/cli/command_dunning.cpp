// `kimonet dunning run [--dry-run]`: the same dunning run as POST /api/dunning/run and the daily job.
#include <cstdio>

#include "cli/commands.hpp"
#include "services/dunning_service.hpp"

namespace kimonet::cli {

int command_dunning(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    if (action != "run") {
        std::fprintf(stderr, "usage: kimonet dunning run [--dry-run] [--db PATH]\n");
        return 2;
    }
    return with_cli_context(args, [&](app::Context& context) {
        services::DunningOptions options;
        options.dry_run = args.has("dry-run");
        auto report = services::run_dunning(context, options);
        if (!report) return fail(report.error());
        std::printf("%s\n", report->dump(2).c_str());
        return report->at("failed").get<int>() > 0 ? 1 : 0;
    });
}

}  // namespace kimonet::cli
