#include "store/database.hpp"

namespace kimonet::store {

Error sqlite_error(sqlite3* db, int code, std::string_view context) {
    const int primary = code & 0xFF;
    std::string message = std::string(context) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    if (primary == SQLITE_CONSTRAINT) return make_error(ErrorCode::Conflict, message);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return make_error(ErrorCode::Unavailable, message);
    return make_error(ErrorCode::Internal, message);
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_statement(other.m_statement) {
    other.m_statement = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_db = other.m_db;
        m_statement = other.m_statement;
        other.m_statement = nullptr;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_statement); }

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}
Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(m_statement, index, value);
    return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(m_statement, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind_blob(int index, std::string_view bytes) {
    sqlite3_bind_blob(m_statement, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(m_statement, index);
    return *this;
}

int Statement::parameter_index(const char* name) const { return sqlite3_bind_parameter_index(m_statement, name); }

Result<bool> Statement::step() {
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    Error error = sqlite_error(m_db, code, "query failed");
    sqlite3_reset(m_statement);
    return error;
}

Result<void> Statement::run() {
    while (true) {
        auto row = step();
        if (!row) return std::move(row).error();
        if (!*row) return {};
    }
}

void Statement::reset() {
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(m_statement, index); }
double Statement::column_double(int index) const { return sqlite3_column_double(m_statement, index); }
std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_text(m_statement, index);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index)))
                : std::string();
}
bool Statement::column_is_null(int index) const { return sqlite3_column_type(m_statement, index) == SQLITE_NULL; }
std::optional<std::int64_t> Statement::column_optional_int(int index) const {
    if (column_is_null(index)) return std::nullopt;
    return column_int(index);
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path) {
    sqlite3* db = nullptr;
    const int code = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        Error error = make_error(ErrorCode::Internal, "cannot open database " + path + ": " + sqlite3_errstr(code));
        sqlite3_close(db);
        return error;
    }
    std::unique_ptr<Database> database(new Database(db, path));
    sqlite3_busy_timeout(db, 10000);
    TRY_VOID(database->execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"));
    return database;
}

Database::~Database() { sqlite3_close_v2(m_db); }

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (code != SQLITE_OK) return sqlite_error(m_db, code, "prepare failed");
    return Statement(m_db, statement);
}

Result<void> Database::execute(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    const int code = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        Error error = sqlite_error(m_db, code, message ? message : "exec failed");
        sqlite3_free(message);
        return error;
    }
    return {};
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }

Result<void> Database::transaction(const std::function<Result<void>()>& work) {
    if (m_transaction_depth > 0) {
        ++m_transaction_depth;
        auto result = work();
        --m_transaction_depth;
        return result;
    }
    TRY_VOID(execute("BEGIN IMMEDIATE"));
    m_transaction_depth = 1;
    Result<void> result = [&]() -> Result<void> {
        try {
            return work();
        } catch (const std::exception& exception) {
            return make_error(ErrorCode::Internal, exception.what());
        }
    }();
    m_transaction_depth = 0;
    if (!result) {
        (void)execute("ROLLBACK");
        return result;
    }
    if (auto committed = execute("COMMIT"); !committed) {
        (void)execute("ROLLBACK");
        return committed;
    }
    return {};
}

}  // namespace kimonet::store
