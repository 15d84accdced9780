// kimonet db copy --from URL --to URL [--replace]: moves an ISP's data between engines
// (services/database_copy_service.hpp). Progress on stderr, one line per table (redrawn in place
// on a terminal, one plain line per finished table otherwise); the verification table on stdout.
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "services/database_copy_service.hpp"

namespace kimonet::cli {

namespace {

class TableProgress {
public:
    explicit TableProgress(bool terminal) : m_terminal(terminal) {}

    void update(const std::string& table, std::int64_t done, std::int64_t total) {
        if (table != m_table) finish();
        m_table = table;
        m_done = done;
        m_total = total;
        if (m_terminal) draw();
    }
    // Ends the current table's line.
    void finish() {
        if (m_table.empty()) return;
        if (m_terminal) {
            draw();
            std::fputc('\n', stderr);
        } else {
            std::fprintf(stderr, "%-28s %lld/%lld rows\n", m_table.c_str(), static_cast<long long>(m_done), static_cast<long long>(m_total));
        }
        std::fflush(stderr);
        m_table.clear();
    }

private:
    void draw() const {
        constexpr int kWidth = 20;
        const std::int64_t total = m_total > 0 ? m_total : 1;
        const int filled = m_total > 0 ? static_cast<int>(m_done * kWidth / total) : kWidth;
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.append(static_cast<std::size_t>(kWidth - filled), '-');
        std::fprintf(stderr, "\r%-28s [%s] %3lld%%  %lld/%lld", m_table.c_str(), bar.c_str(),
                     static_cast<long long>(m_total > 0 ? m_done * 100 / total : 100), static_cast<long long>(m_done),
                     static_cast<long long>(m_total));
        std::fflush(stderr);
    }

    bool m_terminal;
    std::string m_table;
    std::int64_t m_done = 0;
    std::int64_t m_total = 0;
};

void print_verification(const services::CopyReport& report) {
    std::printf("%-28s %12s %12s  %-16s  %s\n", "table", "source rows", "target rows", "checksum", "check");
    std::int64_t target_rows = 0;
    for (const auto& table : report.tables) {
        target_rows += table.target_rows;
        std::printf("%-28s %12lld %12lld  %-16s  %s\n", table.table.c_str(), static_cast<long long>(table.source_rows),
                    static_cast<long long>(table.target_rows), table.source_checksum.substr(0, 16).c_str(),
                    table.matches() ? "ok" : "MISMATCH");
    }
    std::printf("%-28s %12lld %12lld\n", "total", static_cast<long long>(report.total_rows()), static_cast<long long>(target_rows));
}

int command_db_copy(const Args& args) {
    if (!args.has("from") || !args.has("to")) {
        std::fprintf(stderr, "usage: kimonet db copy --from sqlite:data/kimonet.db --to postgresql://user@host/db [--replace]\n");
        return 2;
    }
    // Two databases, neither opened as the App: the source must not be migrated by opening it
    // (a source at another schema version is refused), and the target is migrated by the copy.
    auto source = store::Database::open(args.get("from"));
    if (!source) return fail(source.error());
    auto target = store::Database::open(args.get("to"));
    if (!target) return fail(target.error());

    TableProgress progress(::isatty(STDERR_FILENO) == 1);
    services::CopyOptions options;
    options.replace = args.has("replace");
    options.progress = [&](const std::string& table, std::int64_t done, std::int64_t total) { progress.update(table, done, total); };
    // A duration, not a time of day: the steady clock is the right one (the App's Clock is not open here).
    const auto started = std::chrono::steady_clock::now();
    auto report = services::copy_database(**source, **target, options);
    progress.finish();
    if (!report) return fail(report.error());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    print_verification(*report);
    if (!report->committed) return fail(make_error(ErrorCode::Internal, messages::kCopyVerificationFailed));
    std::printf("copied %lld rows in %zu tables in %.1f s (schema version %d); the target verified and committed\n",
                static_cast<long long>(report->total_rows()), report->tables.size(), seconds, report->schema_version);
    return 0;
}

}  // namespace

int command_db(const Args& args) {
    if (!args.positional.empty() && args.positional[0] == "copy") return command_db_copy(args);
    std::fprintf(stderr, "usage: kimonet db copy --from sqlite:data/kimonet.db --to postgresql://user@host/db [--replace]\n");
    return 2;
}

}  // namespace kimonet::cli
