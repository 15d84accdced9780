#pragma once
// One database connection behind one API, on either engine: SQLite (the default, a file) or
// PostgreSQL (libpq). Prepared statements, transactions with real nesting (savepoints),
// after-commit callbacks. Every write in the product goes through Database::transaction.
// How each engine does it: server/store/README.md; the engines: sqlite_engine.cpp,
// postgresql_engine.cpp behind store/engine.hpp.
//
// Selection by the URL given to open(): `postgresql://…` (or `postgres://…`) is PostgreSQL; a
// path, or `sqlite:PATH`, is SQLite.
//
// SQLite: a writer must never meet SQLITE_BUSY without waiting. The busy handler (10 s) covers
// every writer that starts from no transaction; it does NOT cover a connection that still holds a
// read (a statement stepped but not finished or reset): upgrading that read to a write fails at
// once (SQLITE_BUSY, or SQLITE_BUSY_SNAPSHOT when another connection committed since the read
// began). So on SQLite a write transaction, or a write outside one, is refused while another
// statement of the same connection is mid-read: the mistake fails every time, in tests, instead of
// now and then under load ("database is locked"). PostgreSQL has no such rule.
//
// PostgreSQL rows are streamed (libpq single-row mode): a scan holds one row at a time, however
// large. A connection carries one command at a time, so when another statement of the same
// connection runs while a scan is still streaming, the scan's remaining rows are first read into
// that scan's own buffer (a scan that writes per row therefore holds the rest of its rows in
// memory; page by key, or scan on a second connection, when that could be millions).
#include <sqlite3.h>  // for the few callers that still tune SQLite itself through handle()

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet::store {

enum class Engine { Sqlite, Postgresql };

namespace detail {
class Connection;
class StatementBackend;
}  // namespace detail

// True for `postgresql://…` and `postgres://…`.
bool is_postgresql_url(std::string_view url);
// The file of an SQLite URL (`sqlite:PATH` or a plain path); empty for PostgreSQL.
std::string sqlite_file(std::string_view url);

class Statement {
public:
    Statement() = default;
    explicit Statement(detail::StatementBackend* backend) : m_backend(backend) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binding is 1-based like SQLite (on PostgreSQL `?` and `:name` become $1…$n, numbered the
    // way SQLite numbers them); each returns *this for chaining. The bound value's type is the
    // parameter's type on PostgreSQL (int64 → int8, text, double → float8, blob → bytea, null →
    // inferred from the SQL, or text where nothing says).
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind_blob(int index, std::string_view bytes);
    Statement& bind_null(int index);
    // Named parameters (":name"); binding a name the SQL does not use is a no-op.
    template <typename T>
    Statement& bind_named(const char* name, const T& value) {
        const int index = parameter_index(name);
        return index > 0 ? bind(index, value) : *this;
    }
    int parameter_index(const char* name) const;
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // Steps once: true = a row is ready, false = done (a further step runs the statement again,
    // with the same bindings). Errors come back as Result errors.
    Result<bool> step();
    // Steps to completion (for writes).
    Result<void> run();
    // Back to the start, bindings cleared (to NULL).
    void reset();

    std::int64_t column_int(int index) const;
    double column_double(int index) const;
    std::string column_text(int index) const;
    // Without a copy: valid until the next step() or reset() (for scans over many rows).
    std::string_view column_text_view(int index) const;
    bool column_is_null(int index) const;
    std::optional<std::int64_t> column_optional_int(int index) const;
    // Columns of the current row (after a step() that returned true).
    int column_count() const;

private:
    detail::StatementBackend* m_backend = nullptr;  // owned: released to its connection's cache
};

class Database {
public:
    // SQLite: opens (creating if needed) with WAL, foreign keys and a busy timeout.
    // PostgreSQL: connects; the database must exist (`kimonet migrate` creates the schema).
    static Result<std::unique_ptr<Database>> open(const std::string& url);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Engine engine() const { return m_engine; }
    Result<Statement> prepare(std::string_view sql);
    Result<void> execute(std::string_view sql);  // one or more statements, no parameters
    // The id of the row the last INSERT on this connection created (PostgreSQL: lastval(), the
    // last identity value this session drew; 0 before the first).
    std::int64_t last_insert_id() const;
    // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    int changes() const;
    // PostgreSQL's bulk load: `COPY <target> FROM STDIN` in text format, `rows` one line per row
    // (fields tab-separated, each escaped with append_copy_field, NULL as \N), sent in one
    // stream: a few round trips for any number of rows, several times faster than a prepared
    // INSERT per row there (bench_billing). SQLite: refused (a prepared INSERT per row is already
    // its fastest path), so a store branches on engine() and keeps its INSERTs for SQLite.
    Result<void> copy_in(std::string_view target, std::string_view rows);
    // The URL or path the database was opened with (open(path()) opens it again).
    const std::string& path() const { return m_path; }
    // The SQLite handle, or nullptr on PostgreSQL.
    sqlite3* handle();
    bool in_transaction() const { return m_transaction_depth > 0; }
    // True when the connection is gone (PostgreSQL server restarted, network): the pool drops it.
    bool broken() const;

    // Runs `work` inside a transaction (SQLite: BEGIN IMMEDIATE, the write lock at once;
    // PostgreSQL: BEGIN ISOLATION LEVEL SERIALIZABLE) and commits; rolls back if it returns an
    // error or throws. Called inside another transaction it is a SAVEPOINT: an error rolls back
    // only the inner work (and drops its after_commit callbacks) and comes back to the outer work,
    // which may go on; an outer that returns the error rolls back everything.
    // On SQLite refused while a statement of this connection is still mid-read (see the note at
    // the top). On PostgreSQL a conflict with a concurrent transaction (SQLSTATE 40001/40P01)
    // is ErrorCode::Unavailable ("try again"), never a silent lost update.
    Result<void> transaction(const std::function<Result<void>()>& work);

    // Runs `callback` once the current outermost transaction has committed (at once when no
    // transaction is open); dropped when it (or the savepoint it was registered in) rolls back.
    // For waking a worker about work the transaction created: woken before the commit, the worker
    // would not see it yet.
    void after_commit(std::function<void()> callback);

private:
    Database(std::unique_ptr<detail::Connection> connection, Engine engine, std::string path);
    Result<void> savepoint(const std::function<Result<void>()>& work);

    std::unique_ptr<detail::Connection> m_connection;
    Engine m_engine;
    std::string m_path;
    int m_transaction_depth = 0;
    std::vector<std::function<void()>> m_after_commit;
    std::shared_ptr<std::atomic<std::uint64_t>> m_commits;  // commit_counter(m_path)
};

// Counted up after every outermost COMMIT of any connection this process opened with exactly this
// URL (or path), before transaction() returns; store/change_watch.hpp reads it. On PostgreSQL every
// such COMMIT also sends `NOTIFY kimonet_changes`, which other processes' change watches hear.
std::shared_ptr<const std::atomic<std::uint64_t>> commit_counter(const std::string& url);

// Appends `value` to a copy_in() row, escaped for COPY's text format (backslash, tab, newline, CR).
void append_copy_field(std::string& row, std::string_view value);

// Refuses a write that would upgrade a read held by another statement of the same connection.
Error open_read_error(const std::string& sql);

// Maps an SQLite result code to our error (constraint violations become 409 Conflict).
Error sqlite_error(sqlite3* db, int code, std::string_view context);

// Maps a PostgreSQL SQLSTATE (and message) to our error: class 23 (unique, foreign key, check,
// not null) → Conflict as on SQLite; 40001/40P01 (serialization failure, deadlock), 55P03 (lock
// not available), class 08 and 57P0x (connection lost, server shutting down) → Unavailable;
// anything else → Internal.
Error postgresql_error(std::string_view sqlstate, std::string_view message, std::string_view context);

}  // namespace kimonet::store
