// One schema on two engines: the SQLite migrations 0001… and the PostgreSQL baseline (plus later
// PostgreSQL migrations) produce the same tables, the same columns (names, order, nullability,
// mapped types) and the same indexes by name and uniqueness; schema_migrations records the same
// versions. The differences allowed: the customer search (FTS5 tables on SQLite, pg_trgm indexes
// named customers_search_* on PostgreSQL) and the indexes only PostgreSQL's reports read
// (kPostgresqlOnlyIndexes) and the running totals they read (kPostgresqlOnlyTables).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "server/store/engine_fixture.hpp"
#include "store/migrations.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Schema {
    std::map<std::string, std::vector<std::string>> columns;  // table → "name type NULL|NOT NULL", in order
    std::map<std::string, std::string> indexes;                // name → "table unique|plain"
    std::vector<std::int64_t> versions;
};

std::vector<std::vector<std::string>> rows_of(store::Database& db, const std::string& sql, const std::vector<std::string>& bindings = {}) {
    auto statement = db.prepare(sql);
    BOOST_TEST_REQUIRE(statement.ok(), (statement ? "" : statement.error().message()));
    for (std::size_t i = 0; i < bindings.size(); ++i) statement->bind(static_cast<int>(i) + 1, bindings[i]);
    std::vector<std::vector<std::string>> rows;
    while (true) {
        auto row = statement->step();
        BOOST_TEST_REQUIRE(row.ok(), (row ? "" : row.error().message()));
        if (!*row) break;
        std::vector<std::string> values;
        for (int c = 0; c < statement->column_count(); ++c) values.push_back(statement->column_text(c));
        rows.push_back(std::move(values));
    }
    return rows;
}

// The columns whose PostgreSQL type is not the mapped one, and why.
std::string postgresql_type_of(const std::string& table, const std::string& column, std::string sqlite_type) {
    // settings.value holds text and sealed secret bytes; PostgreSQL's text refuses NUL bytes, so bytea
    // there (0021_baseline.sql, settings_store.cpp).
    if (table == "settings" && column == "value" && sqlite_type == "TEXT") return "bytea";
    if (sqlite_type == "INTEGER") return "bigint";
    if (sqlite_type == "REAL") return "double precision";
    if (sqlite_type == "BLOB") return "bytea";
    if (sqlite_type == "TEXT") return "text";
    return "? " + sqlite_type;
}

Schema sqlite_schema(store::Database& db) {
    Schema schema;
    for (const auto& table : rows_of(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                         "AND name NOT LIKE 'customers_search%' ORDER BY name")) {
        auto& columns = schema.columns[table[0]];
        // An INTEGER PRIMARY KEY is never NULL in SQLite even though the pragma says nullable.
        for (const auto& column : rows_of(db, "SELECT name, type, \"notnull\" OR pk > 0 FROM pragma_table_info(?) ORDER BY cid", {table[0]}))
            columns.push_back(column[0] + " " + postgresql_type_of(table[0], column[0], column[1]) + (column[2] == "1" ? " NOT NULL" : " NULL"));
        for (const auto& index : rows_of(db, "SELECT l.name, l.\"unique\" FROM pragma_index_list(?) l JOIN sqlite_master m ON m.name = l.name "
                                             "WHERE m.type = 'index' AND m.sql IS NOT NULL",
                                         {table[0]}))
            schema.indexes[index[0]] = table[0] + (index[1] == "1" ? " unique" : " plain");
    }
    for (const auto& row : rows_of(db, "SELECT version FROM schema_migrations ORDER BY version")) schema.versions.push_back(std::stoll(row[0]));
    return schema;
}

Schema postgresql_schema(store::Database& db) {
    Schema schema;
    for (const auto& column : rows_of(db, "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
                                          "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"))
        schema.columns[column[0]].push_back(column[1] + " " + column[2] + (column[3] == "NO" ? " NOT NULL" : " NULL"));
    // Indexes created as such (not the ones behind PRIMARY KEY / UNIQUE constraints, which SQLite
    // names sqlite_autoindex_*), except the engine's own search indexes.
    for (const auto& index : rows_of(db, "SELECT c.relname, t.relname, i.indisunique FROM pg_index i "
                                         "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
                                         "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                                         "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
                                         "AND c.relname NOT LIKE 'customers_search%'"))
        schema.indexes[index[0]] = index[1] + (index[2] == "1" ? " unique" : " plain");
    for (const auto& row : rows_of(db, "SELECT version FROM schema_migrations ORDER BY version")) schema.versions.push_back(std::stoll(row[0]));
    return schema;
}

// Indexes only PostgreSQL's revenue report reads (migrations/postgresql/0053): SQLite folds those
// rows in C++ and finds each invoice and payment by its rowid, and there each would cost a paid
// callback a page (bench_payments).
const std::set<std::string> kPostgresqlOnlyIndexes{"invoices_paid_day", "payments_gateway_report"};
// The running totals only PostgreSQL's reports read (migrations/postgresql/0055), kept by triggers.
const std::set<std::string> kPostgresqlOnlyTables{"invoice_period_totals"};

// The kimonet binary of this build tree (as test_invoice_crash finds it).
std::string kimonet_binary() {
    const auto build = std::filesystem::read_symlink("/proc/self/exe").parent_path().parent_path();
    std::ifstream cache(build / "CMakeCache.txt");
    for (std::string line; std::getline(cache, line);)
        if (line.starts_with("KIMONET_OUTPUT_DIR:")) return line.substr(line.find('=') + 1) + "/bin/kimonet";
    return (build.parent_path() / "bin" / "kimonet").string();
}

// Runs `kimonet migrate --db=URL`; returns what it printed (and its exit status in `status`).
std::string kimonet_migrate(const std::string& url, int& status) {
    FILE* pipe = ::popen((kimonet_binary() + " migrate '--db=" + url + "' 2>&1").c_str(), "r");
    BOOST_TEST_REQUIRE(pipe != nullptr);
    std::string output;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    status = ::pclose(pipe);
    return output;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schema_agreement)

BOOST_AUTO_TEST_CASE(both_engines_have_the_same_tables_columns_indexes_and_versions) {
    EngineScratch sqlite("sqlite", true);
    EngineScratch postgresql("postgresql", true);
    const Schema expected = sqlite_schema(*sqlite.db);
    const Schema actual = postgresql_schema(*postgresql.db);
    BOOST_TEST(expected.columns.size() >= 40u);
    for (const auto& [table, columns] : expected.columns) {
        const auto found = actual.columns.find(table);
        BOOST_TEST_CONTEXT("table " << table) {
            BOOST_TEST_REQUIRE((found != actual.columns.end()), "missing on PostgreSQL");
            BOOST_TEST(found->second == columns, boost::test_tools::per_element());
        }
    }
    for (const auto& [table, columns] : actual.columns)
        BOOST_TEST((expected.columns.count(table) == 1u || kPostgresqlOnlyTables.count(table) == 1u), "only on PostgreSQL: " << table);
    for (const auto& table : kPostgresqlOnlyTables) {
        BOOST_TEST(actual.columns.count(table) == 1u, "PostgreSQL-only table missing: " << table);
        BOOST_TEST(expected.columns.count(table) == 0u, "PostgreSQL-only table on SQLite too: " << table);
    }
    for (const auto& [index, shape] : expected.indexes) {
        const auto found = actual.indexes.find(index);
        BOOST_TEST((found != actual.indexes.end() && found->second == shape), "index " << index << " (" << shape << ")");
    }
    for (const auto& [index, shape] : actual.indexes)
        BOOST_TEST((expected.indexes.count(index) == 1u || kPostgresqlOnlyIndexes.count(index) == 1u), "index only on PostgreSQL: " << index);
    for (const auto& index : kPostgresqlOnlyIndexes) {
        BOOST_TEST(actual.indexes.count(index) == 1u, "PostgreSQL-only index missing: " << index);
        BOOST_TEST(expected.indexes.count(index) == 0u, "PostgreSQL-only index on SQLite too: " << index);
    }
    BOOST_TEST(expected.versions == actual.versions, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_sqlite_migration_after_the_baseline_has_a_postgresql_twin) {
    const auto& postgresql = store::embedded_postgresql_migrations();
    BOOST_TEST_REQUIRE(!postgresql.empty());
    const int baseline = postgresql.front().version;
    for (const auto& migration : store::embedded_migrations()) {
        if (migration.version <= baseline) continue;
        bool twin = false;
        for (const auto& candidate : postgresql) twin = twin || candidate.version == migration.version;
        BOOST_TEST(twin, "server/store/migrations/postgresql/ has no " << migration.name);
    }
}

BOOST_DATA_TEST_CASE(migrating_again_applies_nothing, engines(), name) {
    EngineScratch scratch(name, true);
    auto again = store::migrate(*scratch.db);
    BOOST_TEST_REQUIRE(again.ok(), (again ? "" : again.error().message()));
    BOOST_TEST(*again == 0);
}

BOOST_DATA_TEST_CASE(kimonet_migrate_works_on_either_engine, engines(), name) {
    EngineScratch scratch(name);  // an empty database
    int status = -1;
    const std::string first = kimonet_migrate(scratch.database.url(), status);
    BOOST_TEST(status == 0, first);
    // PostgreSQL: the baseline (0021) and every pair after it (numbers may have gaps: each helper
    // of a session has its own).
    const auto postgresql_count = store::embedded_postgresql_migrations().size();
    const std::string expected = name == "postgresql" ? std::to_string(postgresql_count) + " migration(s) applied"
                                                      : std::to_string(store::embedded_migrations().size()) + " migration(s) applied";
    BOOST_TEST(first.find(expected) != std::string::npos, first);
    const std::string second = kimonet_migrate(scratch.database.url(), status);
    BOOST_TEST(status == 0, second);
    BOOST_TEST(second.find(" 0 migration(s) applied") != std::string::npos, second);
    BOOST_TEST(scratch.scalar_int("SELECT MAX(version) FROM schema_migrations") == store::embedded_migrations().back().version);
}

BOOST_AUTO_TEST_SUITE_END()
