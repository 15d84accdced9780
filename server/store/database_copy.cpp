#include "store/database_copy.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace kimonet::store {

namespace {

std::string upper(std::string text) {
    std::ranges::transform(text, text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// SQLite's affinity rules (the declared type decides how a value is stored).
ColumnKind sqlite_kind(const std::string& declared) {
    const std::string type = upper(declared);
    if (type.find("INT") != std::string::npos) return ColumnKind::Integer;
    if (type.find("CHAR") != std::string::npos || type.find("CLOB") != std::string::npos || type.find("TEXT") != std::string::npos)
        return ColumnKind::Text;
    if (type.empty() || type.find("BLOB") != std::string::npos) return ColumnKind::Blob;
    if (type.find("REAL") != std::string::npos || type.find("FLOA") != std::string::npos || type.find("DOUB") != std::string::npos)
        return ColumnKind::Real;
    return ColumnKind::Integer;  // NUMERIC affinity: our schema uses it for whole numbers only
}

ColumnKind postgresql_kind(const std::string& data_type) {
    if (data_type == "bigint" || data_type == "integer" || data_type == "smallint" || data_type == "boolean") return ColumnKind::Integer;
    if (data_type == "double precision" || data_type == "real" || data_type == "numeric") return ColumnKind::Real;
    if (data_type == "bytea") return ColumnKind::Blob;
    return ColumnKind::Text;
}

// Identifiers come from the database's own catalogue, never from a user; quoting keeps a name
// that happens to be a keyword working on both engines.
std::string quoted(const std::string& name) { return "\"" + name + "\""; }

// Parents first; a cycle (none in our schema) keeps the catalogue's order for what is left.
std::vector<CopyTable> in_foreign_key_order(std::vector<CopyTable> tables) {
    std::vector<CopyTable> ordered;
    std::set<std::string> placed;
    while (!tables.empty()) {
        auto ready = std::ranges::find_if(tables, [&](const CopyTable& table) {
            return std::ranges::all_of(table.parents, [&](const std::string& parent) {
                return placed.contains(parent) ||
                       std::ranges::none_of(tables, [&](const CopyTable& other) { return other.name == parent; });
            });
        });
        if (ready == tables.end()) ready = tables.begin();
        placed.insert(ready->name);
        ordered.push_back(std::move(*ready));
        tables.erase(ready);
    }
    return ordered;
}

Result<std::vector<CopyTable>> sqlite_tables(Database& db) {
    std::vector<std::string> names, virtual_tables;
    {
        auto listed = TRY(db.prepare(
            "SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        while (TRY(listed.step())) {
            const std::string name = listed.column_text(0);
            if (upper(listed.column_text(1)).starts_with("CREATE VIRTUAL TABLE")) virtual_tables.push_back(name);
            else names.push_back(name);
        }
    }
    std::vector<CopyTable> tables;
    for (const std::string& name : names) {
        // FTS5 keeps its index in shadow tables named after the virtual table.
        if (name == "schema_migrations" ||
            std::ranges::any_of(virtual_tables, [&](const std::string& owner) { return name.starts_with(owner + "_"); }))
            continue;
        CopyTable table{name, {}, {}, {}};
        std::map<std::int64_t, std::string> key_positions;
        auto columns = TRY(db.prepare("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid"));
        columns.bind(1, name);
        while (TRY(columns.step())) {
            table.columns.push_back({columns.column_text(0), sqlite_kind(columns.column_text(1))});
            if (columns.column_int(2) > 0) key_positions[columns.column_int(2)] = columns.column_text(0);
        }
        for (auto& [position, column] : key_positions) table.key.push_back(column);
        auto parents = TRY(db.prepare("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)"));
        parents.bind(1, name);
        while (TRY(parents.step()))
            if (parents.column_text(0) != name) table.parents.push_back(parents.column_text(0));
        tables.push_back(std::move(table));
    }
    return tables;
}

// Every table but schema_migrations and invoice_period_totals: the running totals (migration 0055,
// PostgreSQL only) are derived rows, which a PostgreSQL target's triggers rebuild from the invoices
// and customers copied into it (SQLite has no such table).
Result<std::vector<CopyTable>> postgresql_tables(Database& db) {
    std::map<std::string, CopyTable> tables;
    {
        auto columns = TRY(db.prepare(
            "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
            "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
            "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name NOT IN ('schema_migrations', "
            "'invoice_period_totals') "
            "ORDER BY c.table_name, c.ordinal_position"));
        while (TRY(columns.step())) {
            CopyTable& table = tables[columns.column_text(0)];
            table.name = columns.column_text(0);
            table.columns.push_back({columns.column_text(1), postgresql_kind(columns.column_text(2))});
        }
    }
    {
        auto keys = TRY(db.prepare(
            "SELECT k.table_name, k.column_name FROM information_schema.table_constraints c "
            "JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema "
            "AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name "
            "WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema() ORDER BY k.table_name, k.ordinal_position"));
        while (TRY(keys.step()))
            if (auto found = tables.find(keys.column_text(0)); found != tables.end()) found->second.key.push_back(keys.column_text(1));
    }
    {
        auto parents = TRY(db.prepare(
            "SELECT DISTINCT child.relname, parent.relname FROM pg_constraint c JOIN pg_class child ON child.oid = c.conrelid "
            "JOIN pg_class parent ON parent.oid = c.confrelid JOIN pg_namespace n ON n.oid = child.relnamespace "
            "WHERE c.contype = 'f' AND n.nspname = current_schema()"));
        while (TRY(parents.step())) {
            auto found = tables.find(parents.column_text(0));
            if (found != tables.end() && parents.column_text(1) != found->first) found->second.parents.push_back(parents.column_text(1));
        }
    }
    std::vector<CopyTable> listed;
    for (auto& [name, table] : tables) listed.push_back(std::move(table));
    return listed;
}

}  // namespace

Result<std::vector<CopyTable>> read_copy_tables(Database& db) {
    auto tables = TRY(db.engine() == Engine::Postgresql ? postgresql_tables(db) : sqlite_tables(db));
    return in_foreign_key_order(std::move(tables));
}

Result<std::vector<int>> recorded_migration_versions(Database& db) {
    std::vector<int> versions;
    {
        auto exists = TRY(db.prepare(db.engine() == Engine::Postgresql
                                         ? "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
                                         : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"));
        if (!TRY(exists.step())) return versions;
    }
    auto recorded = TRY(db.prepare("SELECT version FROM schema_migrations ORDER BY version"));
    while (TRY(recorded.step())) versions.push_back(static_cast<int>(recorded.column_int(0)));
    return versions;
}

Result<std::int64_t> count_table_rows(Database& db, const std::string& table) {
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM " + quoted(table)));
    TRY(count.step());
    return count.column_int(0);
}

Result<void> begin_read_snapshot(Database& db) {
    return db.execute(db.engine() == Engine::Postgresql ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN DEFERRED");
}

Result<void> end_read_snapshot(Database& db) { return db.execute("COMMIT"); }

Result<void> scan_table(Database& db, const CopyTable& table, const std::function<Result<void>(const Statement&)>& row) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < table.columns.size(); ++i) sql += (i ? ", " : "") + quoted(table.columns[i].name);
    sql += " FROM " + quoted(table.name);
    // Key order (ids ascending): parents before the children that reference them within a table.
    const auto& order = table.key.empty() ? std::vector<std::string>{table.columns.front().name} : table.key;
    for (std::size_t i = 0; i < order.size(); ++i) sql += (i ? ", " : " ORDER BY ") + quoted(order[i]);
    auto scan = TRY(db.prepare(sql));
    while (TRY(scan.step())) TRY_VOID(row(scan));
    return {};
}

Result<void> delete_table_rows(Database& db, const std::string& table) { return db.execute("DELETE FROM " + quoted(table)); }

Result<void> defer_foreign_keys(Database& db) {
    if (db.engine() != Engine::Sqlite) return {};
    return db.execute("PRAGMA defer_foreign_keys = ON");
}

struct TableInserter::Value {
    bool null = true;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;  // text or blob bytes
};

TableInserter::TableInserter(Database& db, const CopyTable& table)
    : m_db(db), m_table(table),
      // ~8,000 parameters per INSERT (a few hundred rows): well below both engines' limits (SQLite
      // 32,766, PostgreSQL 65,535), and few round trips, which is what PostgreSQL's time goes to.
      m_rows_per_statement(std::max<std::size_t>(1, 8000 / std::max<std::size_t>(1, table.columns.size()))) {
    m_values.reserve(m_rows_per_statement * table.columns.size());
}

TableInserter::~TableInserter() = default;

Result<void> TableInserter::add(const Statement& source) {
    for (std::size_t c = 0; c < m_table.columns.size(); ++c) {
        const int index = static_cast<int>(c);
        Value value;
        value.null = source.column_is_null(index);
        if (!value.null) {
            switch (m_table.columns[c].kind) {
                case ColumnKind::Integer: value.integer = source.column_int(index); break;
                case ColumnKind::Real: value.real = source.column_double(index); break;
                case ColumnKind::Text:
                case ColumnKind::Blob: value.text = std::string(source.column_text_view(index)); break;
            }
        }
        m_values.push_back(std::move(value));
    }
    if (m_values.size() >= m_rows_per_statement * m_table.columns.size()) return flush();
    return {};
}

Result<void> TableInserter::flush() {
    if (m_values.empty()) return {};
    TRY_VOID(insert(m_values.size() / m_table.columns.size()));
    m_values.clear();
    return {};
}

Result<void> TableInserter::insert(std::size_t rows) {
    std::string sql = "INSERT INTO " + quoted(m_table.name) + " (";
    for (std::size_t c = 0; c < m_table.columns.size(); ++c) sql += (c ? ", " : "") + quoted(m_table.columns[c].name);
    sql += ") VALUES ";
    std::string one_row = "(";
    for (std::size_t c = 0; c < m_table.columns.size(); ++c) one_row += c ? ", ?" : "?";
    one_row += ")";
    for (std::size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + one_row;
    // Full batches share one SQL text, so the statement cache prepares it once per table.
    auto statement = TRY(m_db.prepare(sql));
    int index = 1;
    for (std::size_t i = 0; i < rows * m_table.columns.size(); ++i, ++index) {
        const Value& value = m_values[i];
        if (value.null) {
            statement.bind_null(index);
            continue;
        }
        switch (m_table.columns[i % m_table.columns.size()].kind) {
            case ColumnKind::Integer: statement.bind(index, value.integer); break;
            case ColumnKind::Real: statement.bind(index, value.real); break;
            case ColumnKind::Text: statement.bind(index, std::string_view(value.text)); break;
            case ColumnKind::Blob: statement.bind_blob(index, value.text); break;
        }
    }
    return statement.run();
}

}  // namespace kimonet::store
