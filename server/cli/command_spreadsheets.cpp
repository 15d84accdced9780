#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "services/customer_import_service.hpp"
#include "services/export_service.hpp"

namespace kimonet::cli {

void draw_progress(std::int64_t done, std::int64_t total) {
    if (total <= 0) return;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(done * kWidth / total);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(kWidth - filled), '-');
    std::fprintf(stderr, "\r[%s] %3lld%%  %lld/%lld", bar.c_str(), static_cast<long long>(done * 100 / total),
                 static_cast<long long>(done), static_cast<long long>(total));
    std::fflush(stderr);
}

// kimonet export customers --format xlsx --out pelanggan.xlsx [--from 2025-01 --to 2025-12]
int command_export(const Args& args) {
    if (args.positional.empty() || !args.has("out")) {
        std::fprintf(stderr, "usage: kimonet export customers|invoices|payments|revenue|customers-report|billing|bhp-uso --format xlsx|csv|pdf --out FILE\n");
        return 2;
    }
    auto format = spreadsheets::parse_export_format(args.get("format", "xlsx"));
    if (!format) return fail(format.error());
    return with_cli_context(args, [&](app::Context& context) -> int {
        auto file = services::export_file(context, args.positional[0], *format, args.get("from"), args.get("to"), args.get("per"));
        if (!file) return fail(file.error());
        std::ofstream out(args.get("out"), std::ios::binary);
        out.write(file->bytes.data(), static_cast<std::streamsize>(file->bytes.size()));
        if (!out) return fail(make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotWriteFile, args.get("out"))));
        std::printf("%s: %zu bytes\n", args.get("out").c_str(), file->bytes.size());
        return 0;
    });
}

namespace {

void print_outcome(const services::ImportOutcome& outcome) {
    std::printf("%s (%s): %lld rows, %lld valid, %zu with errors\n", outcome.format.c_str(), outcome.encoding.c_str(),
                static_cast<long long>(outcome.rows), static_cast<long long>(outcome.valid), outcome.errors.size());
    for (std::size_t i = 0; i < outcome.headers.size(); ++i) {
        const auto& field = i < outcome.mapping.columns.size() ? outcome.mapping.columns[i] : std::nullopt;
        std::printf("  column \"%s\" -> %s\n", outcome.headers[i].c_str(), field ? std::string(to_string(*field)).c_str() : "(ignored)");
    }
    for (const auto& error : outcome.errors)
        for (const auto& [field, message] : error.fields) std::printf("  row %zu: %s: %s\n", error.row, field.c_str(), message.c_str());
}

}  // namespace

// kimonet customer import pelanggan.xlsx [--dry-run]
int command_customer(const Args& args) {
    if (args.positional.size() < 2 || args.positional[0] != "import") {
        std::fprintf(stderr, "usage: kimonet customer import FILE.xlsx|FILE.csv [--dry-run]\n");
        return 2;
    }
    std::ifstream in(args.positional[1], std::ios::binary);
    if (!in) return fail(make_error(ErrorCode::NotFound, messages::with_detail(messages::kCannotReadFile, args.positional[1])));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const bool dry_run = args.has("dry-run");
    return with_cli_context(args, [&](app::Context& context) -> int {
        const bool terminal = ::isatty(STDERR_FILENO) == 1;
        auto outcome = services::import_customers(context, bytes.str(), dry_run, terminal ? draw_progress : services::ImportProgress{});
        if (terminal) std::fprintf(stderr, "\n");
        if (!outcome) return fail(outcome.error());
        print_outcome(*outcome);
        if (!outcome->errors.empty()) {
            std::printf("nothing imported: fix the rows above and run again\n");
            return 1;
        }
        if (dry_run) std::printf("dry run: %lld customers would be imported\n", static_cast<long long>(outcome->valid));
        else std::printf("imported %lld customers\n", static_cast<long long>(outcome->imported));
        return 0;
    });
}

}  // namespace kimonet::cli
