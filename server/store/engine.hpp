#pragma once
// What each database engine implements under store::Database / store::Statement (database.hpp).
// Only server/store/ includes this. Two implementations: SqliteConnection (sqlite_engine.cpp) and
// PostgresqlConnection (postgresql_engine.cpp).
//
// Why an abstract backend (virtual calls) rather than a compile-time choice: one binary serves
// either engine, chosen by the URL at start-up, and tests run both in one process. A virtual call
// per bind/column is a few nanoseconds beside the engine's own work; a Statement holds one pointer
// to its backend, which the connection's statement cache keeps and hands out again, so a prepare
// that hits the cache allocates nothing (as before).
#include <cstdint>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::store::detail {

class StatementBackend {
public:
    virtual ~StatementBackend() = default;
    virtual void bind_int(int index, std::int64_t value) = 0;
    virtual void bind_double(int index, double value) = 0;
    virtual void bind_text(int index, std::string_view value) = 0;
    virtual void bind_blob(int index, std::string_view bytes) = 0;
    virtual void bind_null(int index) = 0;
    virtual int parameter_index(const char* name) const = 0;
    virtual Result<bool> step() = 0;
    virtual void reset() = 0;
    virtual std::int64_t column_int(int index) const = 0;
    virtual double column_double(int index) const = 0;
    virtual std::string_view column_text_view(int index) const = 0;
    virtual bool column_is_null(int index) const = 0;
    virtual int column_count() const = 0;
    // The Statement is done with it: back to its connection's cache (reset), or deleted.
    virtual void release() = 0;
};

class Connection {
public:
    virtual ~Connection() = default;
    virtual Result<StatementBackend*> prepare(std::string_view sql) = 0;
    virtual Result<void> execute(std::string_view sql) = 0;
    // Starts the outermost transaction.
    virtual Result<void> begin() = 0;
    // Starts it holding the writer lock shared (PostgreSQL: beside other such transactions, never
    // beside one from begin()); SQLite has one writer lock, taken as begin() takes it.
    virtual Result<void> begin_sharing_the_writer_lock() { return begin(); }
    // The outermost transaction ended (after its COMMIT or ROLLBACK, whether that succeeded).
    virtual void ended() {}
    virtual std::int64_t last_insert_id() = 0;
    // COPY … FROM STDIN (PostgreSQL only; see Database::copy_in).
    virtual Result<void> copy_in(std::string_view target, std::string_view rows) {
        (void)rows;
        return make_error(ErrorCode::Internal, messages::with_detail(messages::kCopyInNeedsPostgresql, target.substr(0, 60)));
    }
    virtual int changes() const = 0;
    virtual sqlite3* sqlite_handle() { return nullptr; }
    virtual bool broken() const { return false; }
};

Result<std::unique_ptr<Connection>> open_sqlite(const std::string& file);
Result<std::unique_ptr<Connection>> open_postgresql(const std::string& url);

}  // namespace kimonet::store::detail
