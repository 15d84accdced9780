#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "api/billing_dto.hpp"
#include "cli/commands.hpp"
#include "core/date_window.hpp"
#include "core/money.hpp"
#include "services/invoice_generation.hpp"
#include "services/payment_service.hpp"
#include "services/payment_void_service.hpp"

namespace kimonet::cli {

namespace {

int run_generation(const Args& args, bool joined_in_period_only) {
    return with_cli_context(args, [&](app::Context& context) -> int {

        services::GenerateOptions options;
        options.period = period_of(context.today());
        if (args.has("period")) {
            auto period = parse_period(args.get("period"));
            if (!period) return fail(validation_error({{"period", messages::kPeriodFormat}}));
            if (auto problem = billing_period_problem(*period, context.today())) return fail(validation_error({{"period", *problem}}));
            options.period = *period;
        }
        options.notify = args.has("notify");
        options.dry_run = args.has("dry-run");
        options.joined_in_period_only = joined_in_period_only;
        if (args.has("batch")) options.batch_size = std::atoi(args.get("batch").c_str());
        const bool terminal = ::isatty(STDERR_FILENO) == 1;
        if (terminal) options.progress = draw_progress;

        const auto started = std::chrono::steady_clock::now();
        auto summary = services::generate_invoices(context, options);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (terminal) std::fprintf(stderr, "\n");
        if (!summary) return fail(summary.error());
        std::printf("%s%s %s: created %lld, skipped %lld, total %s, time %.2f s\n", options.dry_run ? "[dry run] " : "",
                    joined_in_period_only ? "prorate" : "generate", to_string(options.period).c_str(),
                    static_cast<long long>(summary->created), static_cast<long long>(summary->skipped),
                    format_rupiah(summary->total_amount).c_str(), seconds);
        if (options.notify) std::printf("WhatsApp: %lld new invoice message(s) queued\n", static_cast<long long>(summary->notified));
        return 0;
    });
}

}  // namespace

// prepare|approve|discard|run (cli/command_invoice_run.cpp).
int command_invoice_run(const Args& args, const std::string& action);

int command_invoice(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    if (action == "generate") return run_generation(args, false);
    if (action == "prorate") return run_generation(args, true);
    if (action == "prepare" || action == "approve" || action == "discard" || action == "run") return command_invoice_run(args, action);
    std::fprintf(stderr,
                 "usage: kimonet invoice generate [--period=2026-01] [--notify] [--dry-run] [--db PATH]\n"
                 "       kimonet invoice prorate [--period=2026-01] [--dry-run] [--db PATH]\n"
                 "       kimonet invoice prepare [--period=2026-01]    (drafts for approval: nothing numbered or sent)\n"
                 "       kimonet invoice run|approve|discard --id N    (show, approve or discard a prepared run)\n");
    return 2;
}

// The console is the server's operator: payments.void_any (any payment, any age; a gateway payment
// still needs its refund reference).
static int command_payment_void(const Args& args, bool correct) {
    return with_cli_context(args, [&](app::Context& context) -> int {
        api::Json input = {{"reason", args.get("reason")}};
        if (args.has("gateway-refund-reference")) input["gateway_refund_reference"] = args.get("gateway-refund-reference");
        if (correct) input["amount"] = args.get("amount");
        if (args.has("confirm")) input["confirm"] = args.get("confirm");
        const std::int64_t id = std::atoll(args.get("id").c_str());
        auto outcome = correct ? services::correct_payment(context, id, input, true) : services::void_payment(context, id, input, true);
        if (!outcome) return fail(outcome.error());
        std::printf("receipt %s %s: invoice %s now %s (paid %s of %s)%s\n", outcome->payment.receipt_no.c_str(),
                    outcome->already_void ? "was already void" : "voided", outcome->invoice.invoice_no.c_str(),
                    std::string(billing::to_string(outcome->invoice.status)).c_str(), format_rupiah(outcome->invoice.paid_amount).c_str(),
                    format_rupiah(outcome->invoice.totals.total).c_str(),
                    outcome->correction ? (", corrected by " + outcome->correction->payment.receipt_no).c_str() : "");
        return 0;
    });
}

int command_payment(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    if (action == "reconcile") return command_payment_reconcile(args);
    if (action == "use-simulator") return command_payment_use_simulator(args);
    if (action == "void" || action == "correct") return command_payment_void(args, action == "correct");
    if (action != "add") {
        std::fprintf(stderr,
                     "usage: kimonet payment add --invoice ID --amount N [--method cash|bank_transfer] [--paid-at YYYY-MM-DD] "
                     "[--note TEXT] [--confirm partial|overpayment] [--db PATH]\n"
                     "       kimonet payment void --id N --reason TEXT [--gateway-refund-reference REF]\n"
                     "       kimonet payment correct --id N --amount 750rb --reason TEXT [--confirm partial|overpayment]\n"
                     "       (--amount as a cashier writes it: 750000, 750.000, 750rb, 1,5jt; an amount other than what is owed\n"
                     "        needs --confirm naming what will happen)\n");
        return 2;
    }
    return with_cli_context(args, [&](app::Context& context) -> int {
        api::Json input = {{"invoice_id", std::atoll(args.get("invoice").c_str())},
                           {"amount", args.get("amount")},  // read as typed: atoll("750rb") was a silent Rp 750
                           {"method", args.get("method", "cash")}};
        if (args.has("paid-at")) input["paid_at"] = args.get("paid-at");
        if (args.has("note")) input["note"] = args.get("note");
        if (args.has("confirm")) input["confirm"] = args.get("confirm");
        auto receipt = services::record_payment(context, input);
        if (!receipt) return fail(receipt.error());
        std::printf("receipt %s: %s on %s, invoice now %s (paid %s of %s)%s\n", receipt->payment.receipt_no.c_str(),
                    format_rupiah(receipt->payment.amount).c_str(), receipt->invoice.invoice_no.c_str(),
                    std::string(billing::to_string(receipt->invoice.status)).c_str(), format_rupiah(receipt->invoice.paid_amount).c_str(),
                    format_rupiah(receipt->invoice.totals.total).c_str(),
                    receipt->credit_added > 0 ? (", credit +" + format_rupiah(receipt->credit_added)).c_str() : "");
        return 0;
    });
}

}  // namespace kimonet::cli
