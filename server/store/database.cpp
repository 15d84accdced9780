#include "store/database.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace kimonet::store {

namespace {

// Prepared statements kept per connection, keyed by their SQL: a Statement from
// Database::prepare goes back to its connection's cache (reset, bindings cleared) when it is
// destroyed, so hot paths (gateway callbacks, bill checks) parse each SQL text once per
// connection instead of once per call. The caches live here, keyed by connection, so the
// header (included everywhere) stays as it is. A Statement outliving its Database finds no
// cache and finalizes itself.
class StatementCaches {
public:
    static constexpr std::size_t kMaxPerConnection = 256;
    static constexpr std::size_t kMaxPerSql = 4;

    sqlite3_stmt* take(sqlite3* db, std::string_view sql) {
        std::lock_guard lock(m_mutex);
        auto connection = m_caches.find(db);
        if (connection == m_caches.end()) return nullptr;
        auto found = connection->second.idle.find(sql);
        if (found == connection->second.idle.end() || found->second.empty()) return nullptr;
        sqlite3_stmt* statement = found->second.back();
        found->second.pop_back();
        --connection->second.count;
        return statement;
    }

    // Keeps an idle statement for reuse; false when its connection is gone or the cache is full.
    bool give_back(sqlite3* db, sqlite3_stmt* statement) {
        std::lock_guard lock(m_mutex);
        auto connection = m_caches.find(db);
        if (connection == m_caches.end() || connection->second.count >= kMaxPerConnection) return false;
        // sqlite3_sql is the text the statement was prepared from (without any unparsed tail).
        const std::string_view sql = sqlite3_sql(statement);
        auto found = connection->second.idle.find(sql);
        if (found == connection->second.idle.end()) found = connection->second.idle.emplace(std::string(sql), std::vector<sqlite3_stmt*>()).first;
        if (found->second.size() >= kMaxPerSql) return false;
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
        found->second.push_back(statement);
        ++connection->second.count;
        return true;
    }

    void open(sqlite3* db) {
        std::lock_guard lock(m_mutex);
        m_caches[db];
    }

    void close(sqlite3* db) {
        std::lock_guard lock(m_mutex);
        auto connection = m_caches.find(db);
        if (connection == m_caches.end()) return;
        for (auto& [sql, statements] : connection->second.idle)
            for (sqlite3_stmt* statement : statements) sqlite3_finalize(statement);
        m_caches.erase(connection);
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    struct Cache {
        std::unordered_map<std::string, std::vector<sqlite3_stmt*>, Hash, std::equal_to<>> idle;
        std::size_t count = 0;
    };
    std::mutex m_mutex;
    std::unordered_map<sqlite3*, Cache> m_caches;
};

StatementCaches& statement_caches() {
    static StatementCaches* caches = new StatementCaches();  // never destroyed: statements may die during exit
    return *caches;
}

void release_statement(sqlite3* db, sqlite3_stmt* statement) {
    if (statement && !statement_caches().give_back(db, statement)) sqlite3_finalize(statement);
}

// The start of one SQL statement, for error messages.
std::string statement_label(std::string_view text) {
    const auto start = text.find_first_not_of(" \t\r\n");
    return start == std::string_view::npos ? std::string() : std::string(text.substr(start, 60));
}

// A statement of `db` that is stepped but neither finished nor reset holds a read transaction.
std::string open_read_sql(sqlite3* db, sqlite3_stmt* except) {
    for (sqlite3_stmt* statement = sqlite3_next_stmt(db, nullptr); statement; statement = sqlite3_next_stmt(db, statement)) {
        if (statement != except && sqlite3_stmt_busy(statement)) {
            const char* sql = sqlite3_sql(statement);
            return sql ? sql : "?";
        }
    }
    return {};
}

}  // namespace

Error sqlite_error(sqlite3* db, int code, std::string_view context) {
    const int primary = code & 0xFF;
    std::string message = std::string(context) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    // Name the kind of busy: SQLITE_BUSY_SNAPSHOT (a read upgraded to a write) is a programming
    // mistake, plain SQLITE_BUSY after the busy timeout is load.
    if (code == SQLITE_BUSY_SNAPSHOT) message += " (SQLITE_BUSY_SNAPSHOT)";
    else if (code == SQLITE_BUSY_RECOVERY) message += " (SQLITE_BUSY_RECOVERY)";
    else if (code == SQLITE_BUSY_TIMEOUT) message += " (SQLITE_BUSY_TIMEOUT)";
    message = messages::with_detail(messages::kDatabaseStatementFailed, message);
    if (primary == SQLITE_CONSTRAINT) return make_error(ErrorCode::Conflict, message);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return make_error(ErrorCode::Unavailable, message);
    return make_error(ErrorCode::Internal, message);
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_statement(other.m_statement) {
    other.m_statement = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        release_statement(m_db, m_statement);
        m_db = other.m_db;
        m_statement = other.m_statement;
        other.m_statement = nullptr;
    }
    return *this;
}

Statement::~Statement() { release_statement(m_db, m_statement); }

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

Error open_read_error(const std::string& sql) {
    return make_error(ErrorCode::Internal, messages::with_detail(messages::kWriteWhileReadOpen, sql.substr(0, 120)));
}

Result<bool> Statement::step() {
    // A write outside a transaction while another statement of this connection is mid-read would
    // upgrade that read and could fail with SQLITE_BUSY at once (see database.hpp).
    if (m_statement && !sqlite3_stmt_busy(m_statement) && !sqlite3_stmt_readonly(m_statement) && sqlite3_get_autocommit(m_db)) {
        if (std::string open = open_read_sql(m_db, m_statement); !open.empty()) return open_read_error(open);
    }
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
std::string_view Statement::column_text_view(int index) const {
    const auto* text = sqlite3_column_text(m_statement, index);
    return text ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index)))
                : std::string_view();
}
bool Statement::column_is_null(int index) const { return sqlite3_column_type(m_statement, index) == SQLITE_NULL; }
std::optional<std::int64_t> Statement::column_optional_int(int index) const {
    if (column_is_null(index)) return std::nullopt;
    return column_int(index);
}

// The database and its -wal/-shm hold every customer record and sealed secret: owner-only.
// SQLite gives the -wal and -shm files the database file's own mode, so creating the database
// 0600 (and tightening an existing one) covers all three; existing sidecars are fixed too.
// An existing file is never opened here: closing any descriptor of a database file drops every
// POSIX lock this process holds on it (other connections' locks included), so only chmod().
static Result<void> restrict_database_files(const std::string& path) {
    if (path.empty() || path == ":memory:" || path.starts_with("file:")) return {};
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
        ::close(fd);  // a new, empty file: nobody holds locks on it yet
    } else if (errno != EEXIST) {
        return make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotCreateDatabase, path + ": " + std::strerror(errno)));
    }
    // Best effort on files that already exist (another owner's file is left as it is).
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::chmod((path + suffix).c_str(), 0600);
    return {};
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path) {
    TRY_VOID(restrict_database_files(path));
    sqlite3* db = nullptr;
    const int code = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        Error error = make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotOpenDatabase, path + ": " + sqlite3_errstr(code)));
        sqlite3_close(db);
        return error;
    }
    std::unique_ptr<Database> database(new Database(db, path));
    statement_caches().open(db);
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 10000);
    TRY_VOID(database->execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"));
    return database;
}

Database::~Database() {
    statement_caches().close(m_db);
    sqlite3_close_v2(m_db);
}

Result<Statement> Database::prepare(std::string_view sql) {
    if (sqlite3_stmt* cached = statement_caches().take(m_db, sql)) return Statement(m_db, cached);
    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (code != SQLITE_OK) return sqlite_error(m_db, code, "prepare failed");
    return Statement(m_db, statement);
}

Result<void> Database::execute(std::string_view sql) {
    // Statement by statement (rather than sqlite3_exec) so each write gets the open-read check.
    const char* cursor = sql.data();
    const char* const end = sql.data() + sql.size();
    while (cursor < end) {
        sqlite3_stmt* statement = nullptr;
        const char* tail = nullptr;
        int code = sqlite3_prepare_v2(m_db, cursor, static_cast<int>(end - cursor), &statement, &tail);
        const std::string_view text(cursor, static_cast<std::size_t>((tail ? tail : end) - cursor));
        const std::string context = statement_label(text);
        if (code != SQLITE_OK) return sqlite_error(m_db, code, context);
        cursor = tail ? tail : end;
        if (!statement) continue;  // only whitespace or a comment
        if (!sqlite3_stmt_readonly(statement) && sqlite3_get_autocommit(m_db)) {
            if (std::string open = open_read_sql(m_db, statement); !open.empty()) {
                sqlite3_finalize(statement);
                return open_read_error(open);
            }
        }
        while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
        }
        if (code != SQLITE_DONE) {
            Error error = sqlite_error(m_db, code, context);
            sqlite3_finalize(statement);
            return error;
        }
        sqlite3_finalize(statement);
    }
    return {};
}

std::string Database::open_read(sqlite3_stmt* except) const { return open_read_sql(m_db, except); }

void Database::after_commit(std::function<void()> callback) {
    if (m_transaction_depth == 0) {
        callback();
        return;
    }
    m_after_commit.push_back(std::move(callback));
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
    // BEGIN IMMEDIATE waits for the write lock through the busy handler only when this connection
    // holds no read: with one open, it would fail at once (see database.hpp).
    if (std::string open = open_read(); !open.empty()) return open_read_error(open);
    TRY_VOID(execute("BEGIN IMMEDIATE"));
    m_transaction_depth = 1;
    m_after_commit.clear();
    Result<void> result = [&]() -> Result<void> {
        try {
            return work();
        } catch (const std::exception& exception) {
            return make_error(ErrorCode::Internal, exception.what());
        }
    }();
    m_transaction_depth = 0;
    std::vector<std::function<void()>> after_commit;
    after_commit.swap(m_after_commit);
    if (!result) {
        (void)execute("ROLLBACK");
        return result;
    }
    if (auto committed = execute("COMMIT"); !committed) {
        (void)execute("ROLLBACK");
        return committed;
    }
    for (auto& callback : after_commit) callback();
    return {};
}

}  // namespace kimonet::store
