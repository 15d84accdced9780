#pragma once
// A thin RAII layer over SQLite: one connection, prepared statements, transactions.
// Every write in the product goes through Database::transaction.
//
// A writer must never meet SQLITE_BUSY without waiting. The busy handler (10 s) covers every
// writer that starts from no transaction; it does NOT cover a connection that still holds a read
// (a statement stepped but not finished or reset): upgrading that read to a write fails at once
// (SQLITE_BUSY, or SQLITE_BUSY_SNAPSHOT when another connection committed since the read began).
// So a write transaction, or a write outside one, is refused while another statement of the
// same connection is mid-read: the mistake fails every time, in tests, instead of now and then
// under load ("database is locked").
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet::store {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* statement) : m_db(db), m_statement(statement) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binding is 1-based like SQLite; each returns *this for chaining.
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

    // Steps once: true = a row is ready, false = done. Errors come back as Result errors.
    Result<bool> step();
    // Steps to completion (for writes).
    Result<void> run();
    void reset();

    std::int64_t column_int(int index) const;
    double column_double(int index) const;
    std::string column_text(int index) const;
    // Without a copy: valid until the next step() or reset() (for scans over many rows).
    std::string_view column_text_view(int index) const;
    bool column_is_null(int index) const;
    std::optional<std::int64_t> column_optional_int(int index) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
};

class Database {
public:
    // Opens (creating if needed) with WAL, foreign keys and a busy timeout.
    static Result<std::unique_ptr<Database>> open(const std::string& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Result<Statement> prepare(std::string_view sql);
    Result<void> execute(std::string_view sql);  // one or more statements, no parameters
    std::int64_t last_insert_id() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() { return m_db; }

    // Runs `work` inside BEGIN IMMEDIATE … COMMIT; rolls back if it returns an error.
    // Nested calls join the outer transaction. Refused while a statement of this connection is
    // still mid-read (see the note at the top).
    Result<void> transaction(const std::function<Result<void>()>& work);

    // Runs `callback` once the current outermost transaction has committed (at once when no
    // transaction is open); dropped when it rolls back. For waking a worker about work the
    // transaction created: woken before the commit, the worker would not see it yet.
    void after_commit(std::function<void()> callback);

    // The SQL of a statement of this connection that is stepped but not finished or reset
    // (holding a read snapshot), other than `except`; empty when there is none.
    std::string open_read(sqlite3_stmt* except = nullptr) const;

private:
    Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
    sqlite3* m_db = nullptr;
    std::string m_path;
    int m_transaction_depth = 0;
    std::vector<std::function<void()>> m_after_commit;
};

// Refuses a write that would upgrade a read held by another statement of the same connection.
Error open_read_error(const std::string& sql);

// Maps an SQLite result code to our error (constraint violations become 409 Conflict).
Error sqlite_error(sqlite3* db, int code, std::string_view context);

}  // namespace kimonet::store
