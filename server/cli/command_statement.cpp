// `kimonet statement import FILE --bank bca|mandiri|bri|bni [--account ID]`: a bank statement
// ("mutasi rekening") through services::import_bank_statement, the function behind POST
// /api/bank-statements/import, with a bar on a terminal for a big file. Prints what was paid, what
// waits for review and what was imported before; exit 0, or 1 when the file was refused.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "cli/commands.hpp"
#include "core/bank_transfer_messages.hpp"
#include "core/money.hpp"
#include "services/bank_statement_service.hpp"

namespace kimonet::cli {

namespace {

constexpr const char* kStatementUsage = "usage: kimonet statement import FILE --bank bca|mandiri|bri|bni [--account ID] [--db PATH]\n";

}  // namespace

int command_statement(const Args& args) {
    if (args.positional.size() != 2 || args.positional[0] != "import") {
        std::fprintf(stderr, "%s", kStatementUsage);
        return 2;
    }
    services::StatementImportOptions options;
    if (args.has("bank")) {
        options.bank = payments::parse_bank(args.get("bank"));
        if (!options.bank) return fail(validation_error({{"bank", messages::kStatementBankChoice}}));
    }
    options.account = args.get("account");
    std::ifstream in(args.positional[1], std::ios::binary);
    if (!in) return fail(make_error(ErrorCode::NotFound, messages::with_detail(messages::kCannotReadFile, args.positional[1])));
    std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (file.size() > services::kMaxStatementBytes) return fail(make_error(ErrorCode::PayloadTooLarge, messages::kPayloadTooLarge));
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    if (terminal) options.progress = draw_progress;
    return with_cli_context(args, [&](app::Context& context) {
        auto summary = services::import_bank_statement(context, file, options);
        if (terminal) std::fprintf(stderr, "\n");
        if (!summary) return fail(summary.error());
        std::printf("%s %s (%s): %lld credit lines; matched and paid %lld (%s), review %lld, duplicate %lld; %lld debits and %lld pending not imported\n",
                    summary->bank.c_str(), summary->account.empty() ? "-" : summary->account.c_str(), summary->format.c_str(),
                    static_cast<long long>(summary->credits), static_cast<long long>(summary->paid), format_rupiah(summary->paid_amount).c_str(),
                    static_cast<long long>(summary->review), static_cast<long long>(summary->repeated), static_cast<long long>(summary->debits),
                    static_cast<long long>(summary->pending));
        return 0;
    });
}

}  // namespace kimonet::cli
