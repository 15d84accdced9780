// `kimonet voucher …`: push a batch to its router (a bar on a terminal), push every queued or
// interrupted batch, and the expiry run, through the services the routes and the vouchers job call.
#include <unistd.h>

#include <cstdio>
#include <functional>

#include "cli/commands.hpp"
#include "core/voucher_messages.hpp"
#include "services/voucher_push.hpp"

namespace kimonet::cli {

namespace {

constexpr const char* kVoucherUsage = "usage: kimonet voucher push BATCH_ID | push --pending | expire\n";

int push_one(const Args& args, std::int64_t batch_id) {
    return with_cli_context(args, [&](app::Context& context) {
        const bool terminal = ::isatty(STDERR_FILENO) == 1;
        auto report = services::push_voucher_batch(context, batch_id, 1000, terminal ? services::VoucherPushProgress(draw_progress) : nullptr);
        if (terminal) std::fprintf(stderr, "\n");
        if (!report) return fail(report.error());
        std::printf("batch %lld %s: %d of %d on the router (%d added, %d already there, %d refused)\n", static_cast<long long>(batch_id),
                    report->status.c_str(), report->pushed, report->total, report->added, report->found_on_router, report->refused);
        if (!report->error.empty()) std::printf("%s\n", report->error.c_str());
        return report->status == "pushed" ? 0 : 1;
    });
}

}  // namespace

int command_voucher(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    if (action == "push" && args.has("pending")) {
        return with_cli_context(args, [&](app::Context& context) {
            auto pushed = services::push_pending_voucher_batches(context);
            if (!pushed) return fail(pushed.error());
            std::printf("%s\n", pushed->dump(2).c_str());
            return 0;
        });
    }
    if (action == "push") {
        const std::int64_t batch_id = args.positional.size() == 2 ? std::atoll(args.positional[1].c_str()) : 0;
        if (batch_id <= 0) return fail(validation_error({{"batch_id", messages::kVoucherBatchIdRequired}}));
        return push_one(args, batch_id);
    }
    if (action == "expire") {
        return with_cli_context(args, [&](app::Context& context) {
            auto report = services::expire_vouchers(context);
            if (!report) return fail(report.error());
            std::printf("vouchers checked %d, used up %d, expired %d, removed from the router %d, routers unreachable %d\n", report->checked,
                        report->used_up, report->expired, report->removed, report->unreachable_routers);
            return report->unreachable_routers > 0 ? 1 : 0;
        });
    }
    std::fprintf(stderr, "%s", kVoucherUsage);
    return 2;
}

}  // namespace kimonet::cli
