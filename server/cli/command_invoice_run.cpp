// kimonet invoice prepare|approve|discard|run: the billing-run approval (issue 20) from the console,
// through the same services as POST /api/invoice-runs/... The console is the server's operator.
#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "core/date_window.hpp"
#include "core/money.hpp"
#include "services/invoice_runs.hpp"

namespace kimonet::cli {

namespace {

void print_summary(const services::InvoiceRunSummary& summary, double seconds) {
    const auto& run = summary.run;
    std::printf("run %lld %s %s: %lld invoice(s), total %s; new %lld, leaving %lld, prorated %lld, package changed %lld, "
                "amount changed %lld, excluded %lld, issued %lld, skipped %lld; time %.2f s\n",
                static_cast<long long>(run.id), run.period.c_str(), run.status.c_str(), static_cast<long long>(run.invoice_count),
                format_rupiah(run.total_amount).c_str(), static_cast<long long>(summary.new_customers),
                static_cast<long long>(summary.leaving), static_cast<long long>(summary.prorations),
                static_cast<long long>(summary.package_changes), static_cast<long long>(summary.amount_changes),
                static_cast<long long>(summary.excluded), static_cast<long long>(summary.issued), static_cast<long long>(summary.skipped),
                seconds);
}

double seconds_since(std::chrono::steady_clock::time_point started) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

int command_invoice_run(const Args& args, const std::string& action) {
    return with_cli_context(args, [&](app::Context& context) -> int {
        const auto started = std::chrono::steady_clock::now();
        std::int64_t run_id = std::atoll(args.get("id").c_str());
        if (action == "prepare") {
            services::PrepareRunOptions options{period_of(context.today()), std::nullopt};
            if (args.has("period")) {
                auto period = parse_period(args.get("period"));
                if (!period) return fail(validation_error({{"period", messages::kPeriodFormat}}));
                if (auto problem = billing_period_problem(*period, context.today())) return fail(validation_error({{"period", *problem}}));
                options.period = *period;
            }
            if (args.has("batch")) options.batch_size = std::atoi(args.get("batch").c_str());
            auto prepared = services::prepare_invoice_run(context, options);
            if (!prepared) return fail(prepared.error());
            run_id = *prepared;
        } else if (action == "approve") {
            services::ApproveRunOptions options;
            if (args.has("batch")) options.batch_size = std::atoi(args.get("batch").c_str());
            if (auto approved = services::approve_invoice_run(context, run_id, options); !approved) return fail(approved.error());
        } else if (action == "discard") {
            if (auto discarded = services::discard_invoice_run(context, run_id); !discarded) return fail(discarded.error());
            std::printf("run %lld discarded\n", static_cast<long long>(run_id));
            return 0;
        }
        const double seconds = seconds_since(started);
        auto summary = services::invoice_run_summary(context, run_id);
        if (!summary) return fail(summary.error());
        print_summary(*summary, seconds);
        return 0;
    });
}

}  // namespace kimonet::cli
