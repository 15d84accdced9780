#include "services/database_copy_service.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "security/crypto.hpp"
#include "store/database_copy.hpp"
#include "store/migrations.hpp"

namespace kimonet::services {

namespace {

// A table's checksum: the sum, lane by lane (4 × 64 bits, wrapping), of the SHA-256 of each row's
// canonical text. The sum does not depend on the order the engines return rows in (their text
// collations differ), and a missing, extra or changed row changes it. The canonical text is built
// here in C++ from typed values, so both engines' rows are hashed exactly the same way.
class TableChecksum {
public:
    void add(const store::Statement& row, const std::vector<store::CopyColumn>& columns) {
        m_text.clear();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const int index = static_cast<int>(c);
            if (row.column_is_null(index)) {
                m_text += "N;";
                continue;
            }
            switch (columns[c].kind) {
                case store::ColumnKind::Integer: m_text += "i" + std::to_string(row.column_int(index)) + ";"; break;
                case store::ColumnKind::Real: {
                    char real[40];
                    std::snprintf(real, sizeof real, "r%.17g;", row.column_double(index));
                    m_text += real;
                    break;
                }
                case store::ColumnKind::Text:
                case store::ColumnKind::Blob: {
                    const std::string_view bytes = row.column_text_view(index);
                    m_text += "s" + std::to_string(bytes.size()) + ":";
                    m_text += bytes;
                    m_text += ";";
                    break;
                }
            }
        }
        const std::string digest = security::sha256_hex(m_text);
        for (std::size_t lane = 0; lane < m_lanes.size(); ++lane) m_lanes[lane] += std::stoull(digest.substr(lane * 16, 16), nullptr, 16);
        ++m_rows;
    }
    std::int64_t rows() const { return m_rows; }
    std::string hex() const {
        std::string text;
        char lane[17];
        for (std::uint64_t value : m_lanes) {
            std::snprintf(lane, sizeof lane, "%016llx", static_cast<unsigned long long>(value));
            text += lane;
        }
        return text;
    }

private:
    std::array<std::uint64_t, 4> m_lanes{};
    std::int64_t m_rows = 0;
    std::string m_text;
};

bool same_database(const store::Database& source, const store::Database& target) {
    if (source.path() == target.path()) return true;
    if (source.engine() != store::Engine::Sqlite || target.engine() != store::Engine::Sqlite) return false;
    std::error_code error;
    return std::filesystem::equivalent(store::sqlite_file(source.path()), store::sqlite_file(target.path()), error);
}

// Every version this program's migrations record (a PostgreSQL baseline records SQLite's list up to
// its number, so both engines record the same list).
Result<void> check_schema_version(store::Database& db) {
    std::vector<int> expected;
    for (const auto& migration : store::embedded_migrations()) expected.push_back(migration.version);
    const std::vector<int> recorded = TRY(store::recorded_migration_versions(db));
    if (recorded == expected) return {};
    // The engine, not the URL: a PostgreSQL URL may carry a password.
    const std::string detail = std::string(db.engine() == store::Engine::Postgresql ? "postgresql" : "sqlite") + " " +
                               std::to_string(recorded.empty() ? 0 : recorded.back()) + " / " +
                               std::to_string(expected.empty() ? 0 : expected.back());
    return make_error(ErrorCode::Conflict, messages::with_detail(messages::kCopySchemaVersion, detail));
}

Result<void> check_same_tables(const std::vector<store::CopyTable>& source, const std::vector<store::CopyTable>& target) {
    std::map<std::string, std::set<std::string>> target_columns;
    for (const auto& table : target)
        for (const auto& column : table.columns) target_columns[table.name].insert(column.name);
    for (const auto& table : source) {
        std::set<std::string> columns;
        for (const auto& column : table.columns) columns.insert(column.name);
        auto found = target_columns.find(table.name);
        if (found == target_columns.end() || found->second != columns)
            return make_error(ErrorCode::Conflict, messages::with_detail(messages::kCopySchemaDiffers, table.name));
        target_columns.erase(found);
    }
    if (!target_columns.empty())
        return make_error(ErrorCode::Conflict, messages::with_detail(messages::kCopySchemaDiffers, target_columns.begin()->first));
    return {};
}

// The rows a freshly migrated database already holds, per table (the migrations' seed rows, such as
// the default dunning schedule): more than these in the target means someone's data is there.
Result<std::map<std::string, std::int64_t>> rows_after_migrations(const std::vector<store::CopyTable>& tables) {
    auto fresh = TRY(store::Database::open(":memory:"));
    TRY(store::migrate(*fresh));
    std::map<std::string, std::int64_t> rows;
    for (const auto& table : tables) rows[table.name] = TRY(store::count_table_rows(*fresh, table.name));
    return rows;
}

Result<bool> target_has_data(store::Database& target, const std::vector<store::CopyTable>& tables) {
    const auto seeded = TRY(rows_after_migrations(tables));
    for (const auto& table : tables)
        if (TRY(store::count_table_rows(target, table.name)) > seeded.at(table.name)) return true;
    return false;
}

// A value travels as the target's column declares it: the one column whose type differs between
// the engines, settings.value (TEXT on SQLite, bytea on PostgreSQL, where sealed secrets need
// bytes), is bound as bytes into PostgreSQL and as text into SQLite, the same bytes either way.
void written_as_the_target_declares(std::vector<store::CopyTable>& tables, const std::vector<store::CopyTable>& target_tables) {
    for (auto& table : tables) {
        const auto target = std::ranges::find(target_tables, table.name, &store::CopyTable::name);
        if (target == target_tables.end()) continue;
        for (auto& column : table.columns) {
            const auto declared = std::ranges::find(target->columns, column.name, &store::CopyColumn::name);
            if (declared != target->columns.end()) column.kind = declared->kind;
        }
    }
}

constexpr std::int64_t kProgressEvery = 1000;

Result<void> copy_tables(store::Database& source, store::Database& target, const std::vector<store::CopyTable>& tables,
                         const std::map<std::string, std::int64_t>& totals, const CopyOptions& options, CopyReport& report) {
    TRY_VOID(store::defer_foreign_keys(target));
    // Children first, so no delete trips a foreign key (the migrations' seed rows, or --replace).
    for (auto table = tables.rbegin(); table != tables.rend(); ++table) TRY_VOID(store::delete_table_rows(target, table->name));
    for (const auto& table : tables) {
        const std::int64_t total = totals.at(table.name);
        TableChecksum checksum;
        store::TableInserter inserter(target, table);
        if (options.progress) options.progress(table.name, 0, total);
        auto written = store::scan_table(source, table, [&](const store::Statement& row) -> Result<void> {
            checksum.add(row, table.columns);
            TRY_VOID(inserter.add(row));
            if (options.progress && checksum.rows() % kProgressEvery == 0) options.progress(table.name, checksum.rows(), total);
            return {};
        });
        if (written) written = inserter.flush();
        // The engine's message names a statement; the operator needs the table too.
        if (!written)
            return make_error(written.error().code,
                              messages::with_detail(messages::kCopyTableFailed, table.name + ": " + written.error().message()));
        if (options.progress) options.progress(table.name, checksum.rows(), total);
        report.tables.push_back({table.name, checksum.rows(), 0, checksum.hex(), {}});
        if (options.after_table) TRY_VOID(options.after_table(target, table.name));
    }
    TRY_VOID(store::reset_identity_sequences(target));
    // Read back what the target now holds (its own uncommitted rows), hashed the same way.
    bool all_match = true;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        TableChecksum checksum;
        TRY_VOID(store::scan_table(target, tables[i], [&](const store::Statement& row) -> Result<void> {
            checksum.add(row, tables[i].columns);
            return {};
        }));
        report.tables[i].target_rows = checksum.rows();
        report.tables[i].target_checksum = checksum.hex();
        all_match = all_match && report.tables[i].matches();
    }
    if (!all_match) return make_error(ErrorCode::Internal, messages::kCopyVerificationFailed);
    return {};
}

}  // namespace

std::int64_t CopyReport::total_rows() const {
    std::int64_t rows = 0;
    for (const auto& table : tables) rows += table.source_rows;
    return rows;
}

Result<CopyReport> copy_database(store::Database& source, store::Database& target, const CopyOptions& options) {
    if (same_database(source, target)) return make_error(ErrorCode::BadRequest, messages::kCopySameDatabase);
    TRY_VOID(check_schema_version(source));
    TRY(store::migrate(target));
    TRY_VOID(check_schema_version(target));

    CopyReport report;
    report.schema_version = store::embedded_migrations().empty() ? 0 : store::embedded_migrations().back().version;
    TRY_VOID(store::begin_read_snapshot(source));
    auto copied = [&]() -> Result<void> {
        auto tables = TRY(store::read_copy_tables(source));
        const auto target_tables = TRY(store::read_copy_tables(target));
        TRY_VOID(check_same_tables(tables, target_tables));
        written_as_the_target_declares(tables, target_tables);
        std::map<std::string, std::int64_t> totals;
        for (const auto& table : tables) totals[table.name] = TRY(store::count_table_rows(source, table.name));
        return target.transaction([&]() -> Result<void> {
            if (!options.replace && TRY(target_has_data(target, tables)))
                return make_error(ErrorCode::Conflict, messages::kCopyTargetHasData);
            return copy_tables(source, target, tables, totals, options, report);
        });
    }();
    // The snapshot only read: ending it cannot lose anything, and the copy's outcome is what counts.
    (void)store::end_read_snapshot(source);
    if (!copied) {
        // The verification ran (every table has its target checksum) and found a difference: the
        // report says where (committed == false). Any other error came before it.
        const bool verification_failed = !report.tables.empty() && !report.tables.back().target_checksum.empty();
        if (verification_failed) return report;
        return copied.error();
    }
    report.committed = true;
    return report;
}

}  // namespace kimonet::services
