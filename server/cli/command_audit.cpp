// `kimonet audit verify`: walks the cash ledger's hash chain (services/cash_ledger.hpp) and names
// the first broken row; exit 0 when it holds, 1 when it does not (or the database cannot be read).
// `kimonet audit anchor`: writes the chain's head to the activity log (a daily cron line keeps
// a record a later rewrite cannot match).
#include <cstdio>

#include "cli/command_audit.hpp"
#include "cli/commands.hpp"
#include "services/cash_ledger.hpp"

namespace kimonet::cli {

int command_audit(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    if (action != "verify" && action != "anchor") {
        std::fprintf(stderr, "usage: kimonet audit verify|anchor [--db PATH]\n");
        return 2;
    }
    return with_cli_context(args, [&](app::Context& context) {
        if (action == "anchor") {
            auto anchored = services::anchor_cash_ledger(context);
            if (!anchored) return fail(anchored.error());
            std::printf("cash ledger head anchored in the activity log\n");
            return 0;
        }
        auto result = services::verify_cash_ledger(context.db);
        if (!result) return fail(result.error());
        if (!result->ok) {
            std::printf("cash ledger: BROKEN at row %lld: %s\n", static_cast<long long>(result->broken_seq), result->reason.c_str());
            return 1;
        }
        std::printf("cash ledger: ok, %lld rows, head %lld %s\n", static_cast<long long>(result->rows),
                    static_cast<long long>(result->head_seq), result->head_hash.c_str());
        return 0;
    });
}

}  // namespace kimonet::cli
