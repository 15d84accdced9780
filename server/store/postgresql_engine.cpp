// The PostgreSQL engine on libpq. How it maps our SQLite-shaped API (server/store/README.md):
// - placeholders `?`/`:name` become $n once per SQL text (postgresql_sql.cpp);
// - a parameter's type is the bound value's type; the server-side prepared statement is cached by
//   the connection per (SQL text, parameter types);
// - rows stream in single-row mode; another command on the same connection first buffers the rest
//   of a scan that is still streaming (database.hpp);
// - transaction() takes one writer lock per database, like SQLite's BEGIN IMMEDIATE.
#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "store/engine.hpp"
#include "store/postgresql_sql.hpp"

namespace kimonet::store::detail {

namespace {

constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kText = 25, kFloat8 = 701, kUnknown = 0;
// Server-side prepared statements and translated SQL texts a connection keeps (then starts over).
constexpr std::size_t kMaxPrepared = 512;
// The advisory lock every write transaction holds: one writer per database at a time, the model
// the services were written for on SQLite (BEGIN IMMEDIATE). Lifting it (row locks, SKIP LOCKED,
// SERIALIZABLE with retries) is done per table as the store layer grows; see README.md.
constexpr const char* kBegin = "BEGIN; SELECT pg_advisory_xact_lock(7731283942160150387)";
// The same lock shared: CallbackGroupCommit's batches, which lock the rows they change (FOR UPDATE)
// and may run beside each other, but never beside a kBegin transaction (store/transaction_memo.hpp).
constexpr const char* kBeginShared = "BEGIN; SELECT pg_advisory_xact_lock_shared(7731283942160150387)";

class PostgresqlStatement;

struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

Error result_error(PGconn* connection, const PGresult* result, std::string_view context) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(connection));
    if (message.empty()) message = trimmed(PQerrorMessage(connection));
    // libpq reports a lost connection without an SQLSTATE.
    if (!state && PQstatus(connection) == CONNECTION_BAD) state = "08006";
    return postgresql_error(state ? state : "", message, context);
}

// What one connection keeps: the libpq connection, its caches, and the statement whose rows are
// still arriving. Shared with its statements, so a Statement outliving its Database is harmless.
struct Session {
    PGconn* connection = nullptr;
    std::unordered_map<std::string, std::shared_ptr<const TranslatedSql>, Hash, std::equal_to<>> translations;
    std::unordered_map<std::string, std::string> prepared;  // SQL + parameter types → statement name
    PostgresqlStatement* streaming = nullptr;
    int changes = 0;
    int next_name = 0;

    ~Session() { PQfinish(connection); }
    void settle(const PostgresqlStatement* except);
    void note_changes(const PGresult* result) {
        const std::string_view status = PQcmdStatus(const_cast<PGresult*>(result));
        if (status.starts_with("INSERT") || status.starts_with("UPDATE") || status.starts_with("DELETE") || status.starts_with("MERGE"))
            changes = std::atoi(PQcmdTuples(const_cast<PGresult*>(result)));
    }
    Result<void> execute(std::string_view sql, std::string_view context);
    Result<std::string> prepared_name(const std::string& sql, const TranslatedSql& translated, const std::vector<Oid>& types);
};

class PostgresqlStatement final : public StatementBackend {
public:
    PostgresqlStatement(std::shared_ptr<Session> session, std::string sql, std::shared_ptr<const TranslatedSql> translated)
        : m_session(std::move(session)), m_sql(std::move(sql)), m_translated(std::move(translated)),
          m_parameters(static_cast<std::size_t>(m_translated->parameters)) {}
    ~PostgresqlStatement() override { reset(); }

    void bind_int(int index, std::int64_t value) override { set(index, kInt8, std::to_string(value), false); }
    void bind_double(int index, double value) override {
        char text[32];
        std::snprintf(text, sizeof text, "%.17g", value);
        set(index, kFloat8, text, false);
    }
    void bind_text(int index, std::string_view value) override { set(index, kText, std::string(value), false); }
    void bind_blob(int index, std::string_view bytes) override { set(index, kBytea, std::string(bytes), true); }
    void bind_null(int index) override {
        if (Parameter* parameter = at(index)) *parameter = Parameter{};
    }
    int parameter_index(const char* name) const override {
        for (std::size_t i = 0; i < m_translated->names.size(); ++i)
            if (m_translated->names[i] == name) return static_cast<int>(i) + 1;
        return 0;
    }

    Result<bool> step() override {
        clear_row();
        if (m_state == State::Idle) TRY_VOID(start());
        if (m_state == State::Buffered) {
            if (!m_buffer.empty()) {
                m_row = m_buffer.front();
                m_buffer.pop_front();
                return true;
            }
            m_state = State::Idle;
            if (m_buffered_error) {
                Error error = std::move(*m_buffered_error);
                m_buffered_error.reset();
                return error;
            }
            return false;
        }
        PGresult* result = PQgetResult(m_session->connection);
        if (!result) {
            finish_stream();
            return false;
        }
        switch (PQresultStatus(result)) {
            case PGRES_SINGLE_TUPLE: m_row = result; return true;
            case PGRES_TUPLES_OK:
            case PGRES_COMMAND_OK:
                m_session->note_changes(result);
                PQclear(result);
                finish_stream();
                return false;
            default: {
                Error error = result_error(m_session->connection, result, label());
                PQclear(result);
                finish_stream();
                return error;
            }
        }
    }

    void reset() override {
        clear_row();
        if (m_state == State::Streaming) finish_stream();
        for (PGresult* row : m_buffer) PQclear(row);
        m_buffer.clear();
        m_buffered_error.reset();
        m_state = State::Idle;
        for (Parameter& parameter : m_parameters) parameter = Parameter{};
    }

    std::int64_t column_int(int index) const override {
        if (column_is_null(index)) return 0;
        const char* text = PQgetvalue(m_row, 0, index);
        const Oid type = PQftype(m_row, index);
        if (type == kBool) return text[0] == 't' ? 1 : 0;
        const std::string_view view(text);
        // A real number truncates, as sqlite3_column_int64 does.
        if (view.find_first_of(".eE") != std::string_view::npos && type != kText) return static_cast<std::int64_t>(std::strtod(text, nullptr));
        return std::strtoll(text, nullptr, 10);
    }
    double column_double(int index) const override {
        if (column_is_null(index)) return 0.0;
        const char* text = PQgetvalue(m_row, 0, index);
        if (PQftype(m_row, index) == kBool) return text[0] == 't' ? 1.0 : 0.0;
        return std::strtod(text, nullptr);
    }
    std::string_view column_text_view(int index) const override {
        if (column_is_null(index)) return {};
        const Oid type = PQftype(m_row, index);
        // SQLite has no booleans: a comparison reads back as 1 or 0.
        if (type == kBool) return PQgetvalue(m_row, 0, index)[0] == 't' ? "1" : "0";
        if (type == kBytea) {
            if (m_decoded.size() <= static_cast<std::size_t>(index)) m_decoded.resize(static_cast<std::size_t>(index) + 1);
            auto& decoded = m_decoded[static_cast<std::size_t>(index)];
            if (!decoded) {
                std::size_t length = 0;
                unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(m_row, 0, index)), &length);
                decoded = std::string(reinterpret_cast<const char*>(bytes), length);
                PQfreemem(bytes);
            }
            return *decoded;
        }
        return {PQgetvalue(m_row, 0, index), static_cast<std::size_t>(PQgetlength(m_row, 0, index))};
    }
    bool column_is_null(int index) const override {
        return !m_row || index < 0 || index >= PQnfields(m_row) || PQgetisnull(m_row, 0, index);
    }
    int column_count() const override { return m_row ? PQnfields(m_row) : 0; }

    void release() override { delete this; }

    // Another command needs the connection: the rest of this scan is read into its own buffer.
    void buffer_rest() {
        while (PGresult* result = PQgetResult(m_session->connection)) {
            switch (PQresultStatus(result)) {
                case PGRES_SINGLE_TUPLE: m_buffer.push_back(result); continue;
                case PGRES_TUPLES_OK:
                case PGRES_COMMAND_OK: m_session->note_changes(result); break;
                default: m_buffered_error = result_error(m_session->connection, result, label()); break;
            }
            PQclear(result);
        }
        m_session->streaming = nullptr;
        m_state = State::Buffered;
    }

private:
    struct Parameter {
        Oid type = kUnknown;
        std::string value;
        bool null = true;
        bool binary = false;
    };
    enum class State { Idle, Streaming, Buffered };

    Parameter* at(int index) {
        if (index < 1 || index > static_cast<int>(m_parameters.size())) return nullptr;  // SQLite ignores it too
        return &m_parameters[static_cast<std::size_t>(index - 1)];
    }
    void set(int index, Oid type, std::string value, bool binary) {
        if (Parameter* parameter = at(index)) *parameter = Parameter{type, std::move(value), false, binary};
    }
    std::string label() const { return "query failed: " + m_sql.substr(0, 60); }

    Result<void> start() {
        m_session->settle(this);
        std::vector<Oid> types;
        std::vector<const char*> values;
        std::vector<int> lengths, formats;
        for (const Parameter& parameter : m_parameters) {
            types.push_back(parameter.type);
            values.push_back(parameter.null ? nullptr : parameter.value.data());
            lengths.push_back(static_cast<int>(parameter.value.size()));
            formats.push_back(parameter.binary ? 1 : 0);
        }
        const std::string name = TRY(m_session->prepared_name(m_sql, *m_translated, types));
        PGconn* connection = m_session->connection;
        if (!PQsendQueryPrepared(connection, name.c_str(), static_cast<int>(values.size()), values.data(), lengths.data(), formats.data(), 0))
            return result_error(connection, nullptr, label());
        PQsetSingleRowMode(connection);
        m_session->streaming = this;
        m_state = State::Streaming;
        return {};
    }

    void finish_stream() {
        while (PGresult* rest = PQgetResult(m_session->connection)) PQclear(rest);
        if (m_session->streaming == this) m_session->streaming = nullptr;
        m_state = State::Idle;
    }

    void clear_row() {
        if (m_row) PQclear(m_row);
        m_row = nullptr;
        m_decoded.clear();
    }

    std::shared_ptr<Session> m_session;
    std::string m_sql;
    std::shared_ptr<const TranslatedSql> m_translated;
    std::vector<Parameter> m_parameters;
    State m_state = State::Idle;
    PGresult* m_row = nullptr;
    std::deque<PGresult*> m_buffer;
    std::optional<Error> m_buffered_error;
    mutable std::vector<std::optional<std::string>> m_decoded;  // bytea columns of the current row
};

void Session::settle(const PostgresqlStatement* except) {
    if (streaming && streaming != except) streaming->buffer_rest();
}

Result<void> Session::execute(std::string_view sql, std::string_view context) {
    settle(nullptr);
    PGresult* result = PQexec(connection, std::string(sql).c_str());
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        Error error = result_error(connection, result, context);
        PQclear(result);
        return error;
    }
    note_changes(result);
    PQclear(result);
    return {};
}

// The number N of "could not determine data type of parameter $N".
int indeterminate_parameter(const PGresult* result) {
    const char* message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    const char* dollar = message ? std::strchr(message, '$') : nullptr;
    return dollar ? std::atoi(dollar + 1) : 0;
}

Result<std::string> Session::prepared_name(const std::string& sql, const TranslatedSql& translated, const std::vector<Oid>& types) {
    std::string key = sql;
    key.push_back('\x1f');
    for (Oid type : types) key += std::to_string(type) + ",";
    if (auto found = prepared.find(key); found != prepared.end()) return found->second;
    if (prepared.size() >= kMaxPrepared) {
        TRY_VOID(execute("DEALLOCATE ALL", "DEALLOCATE ALL"));
        prepared.clear();
    }
    const std::string name = "k" + std::to_string(++next_name);
    // A failed prepare would abort the open transaction: inside one, it is tried in a savepoint.
    // The first try types each parameter by its bound value. Where SQLite's loose typing was
    // relied on (an int compared with a text column, an int8 where a function takes int4) the
    // second lets the server infer every parameter from the SQL; a parameter nothing in the SQL
    // types (`? IS NULL`) then gets its value's type, or text for a NULL.
    const bool in_transaction = PQtransactionStatus(connection) == PQTRANS_INTRANS;
    std::vector<Oid> attempt = types;
    bool inferred = false;
    for (std::size_t tries = 0; tries <= attempt.size() + 1; ++tries) {
        if (in_transaction) TRY_VOID(execute("SAVEPOINT kimonet_prepare", "SAVEPOINT"));
        PGresult* result = PQprepare(connection, name.c_str(), translated.sql.c_str(), static_cast<int>(attempt.size()), attempt.data());
        if (result && PQresultStatus(result) == PGRES_COMMAND_OK) {
            PQclear(result);
            if (in_transaction) TRY_VOID(execute("RELEASE SAVEPOINT kimonet_prepare", "RELEASE"));
            prepared.emplace(std::move(key), name);
            return name;
        }
        const std::string state = result && PQresultErrorField(result, PG_DIAG_SQLSTATE) ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : "";
        const int parameter = state == "42P18" ? indeterminate_parameter(result) : 0;
        Error error = result_error(connection, result, "prepare failed: " + sql.substr(0, 60));
        PQclear(result);
        if (in_transaction) {
            TRY_VOID(execute("ROLLBACK TO SAVEPOINT kimonet_prepare", "ROLLBACK TO"));
            TRY_VOID(execute("RELEASE SAVEPOINT kimonet_prepare", "RELEASE"));
        }
        if (parameter >= 1 && parameter <= static_cast<int>(attempt.size()) && attempt[static_cast<std::size_t>(parameter - 1)] == kUnknown) {
            const Oid natural = types[static_cast<std::size_t>(parameter - 1)];
            attempt[static_cast<std::size_t>(parameter - 1)] = natural == kUnknown ? kText : natural;
            continue;
        }
        if ((state == "42883" || state == "42804" || state == "42725") && !inferred) {
            inferred = true;
            for (Oid& type : attempt)
                if (type != kBytea) type = kUnknown;
            continue;
        }
        return error;
    }
    return make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotPrepareStatement, sql.substr(0, 60)));
}

class PostgresqlConnection final : public Connection {
public:
    explicit PostgresqlConnection(std::shared_ptr<Session> session) : m_session(std::move(session)) {}

    Result<StatementBackend*> prepare(std::string_view sql) override {
        auto found = m_session->translations.find(sql);
        if (found == m_session->translations.end()) {
            if (m_session->translations.size() >= kMaxPrepared) m_session->translations.clear();
            found = m_session->translations.emplace(std::string(sql), std::make_shared<const TranslatedSql>(translate_placeholders(sql))).first;
        }
        return static_cast<StatementBackend*>(new PostgresqlStatement(m_session, std::string(sql), found->second));
    }

    Result<void> execute(std::string_view sql) override {
        const auto start = sql.find_first_not_of(" \t\r\n");
        return m_session->execute(sql, start == std::string_view::npos ? std::string_view() : sql.substr(start, 60));
    }

    Result<void> begin() override { return begin_with(kBegin); }
    Result<void> begin_sharing_the_writer_lock() override { return begin_with(kBeginShared); }

    Result<void> begin_with(const char* begin_sql) {
        auto begun = m_session->execute(begin_sql, "BEGIN");
        // The lock wait timed out (55P03) or the connection failed after BEGIN: end the
        // transaction block, so the connection is usable for the next caller.
        if (!begun) (void)m_session->execute("ROLLBACK", "ROLLBACK");
        return begun;
    }

    Result<void> copy_in(std::string_view target, std::string_view rows) override {
        m_session->settle(nullptr);
        PGconn* connection = m_session->connection;
        const std::string sql = "COPY " + std::string(target) + " FROM STDIN";
        PGresult* result = PQexec(connection, sql.c_str());
        if (PQresultStatus(result) != PGRES_COPY_IN) {
            Error error = result_error(connection, result, "COPY " + std::string(target.substr(0, 60)));
            PQclear(result);
            return error;
        }
        PQclear(result);
        // libpq buffers what it is given and sends as the socket takes it (blocking connection).
        constexpr std::size_t kChunk = 1 << 16;
        bool sent = true;
        for (std::size_t offset = 0; offset < rows.size() && sent; offset += kChunk) {
            const std::size_t length = std::min(kChunk, rows.size() - offset);
            sent = PQputCopyData(connection, rows.data() + offset, static_cast<int>(length)) == 1;
        }
        // A failed send still ends the COPY (with an error), so the connection is usable again.
        PQputCopyEnd(connection, sent ? nullptr : "client failed to send COPY data");
        std::optional<Error> error;
        while ((result = PQgetResult(connection))) {
            if (PQresultStatus(result) == PGRES_COMMAND_OK) m_session->note_changes(result);
            else if (!error) error = result_error(connection, result, "COPY " + std::string(target.substr(0, 60)));
            PQclear(result);
        }
        if (error) return *error;
        return {};
    }

    std::int64_t last_insert_id() override {
        m_session->settle(nullptr);
        // lastval() is defined from the start: the connection drew once from a sequence of its own.
        PGresult* result = PQexec(m_session->connection, "SELECT lastval()");
        std::int64_t id = 0;
        if (result && PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1) id = std::strtoll(PQgetvalue(result, 0, 0), nullptr, 10);
        PQclear(result);
        return id;
    }

    int changes() const override { return m_session->changes; }
    bool broken() const override {
        PGconn* connection = m_session->connection;
        if (PQstatus(connection) != CONNECTION_OK) return true;
        // An idle connection has nothing to read: the server speaks only when asked. If its socket
        // is readable (or hung up), the server ended the session meanwhile (killed, restarted,
        // failed over; its FATAL or EOF is waiting): found here, before a caller's statement
        // fails on it. One poll() without waiting; a query in progress is not looked at.
        if (m_session->streaming || PQtransactionStatus(connection) == PQTRANS_ACTIVE) return false;
        pollfd socket{PQsocket(connection), POLLIN, 0};
        return socket.fd < 0 || ::poll(&socket, 1, 0) != 0;
    }

private:
    std::shared_ptr<Session> m_session;
};

void ignore_notice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<Connection>> open_postgresql(const std::string& url) {
    auto session = std::make_shared<Session>();
    session->connection = PQconnectdb(url.c_str());
    if (!session->connection || PQstatus(session->connection) != CONNECTION_OK) {
        const std::string message = session->connection ? trimmed(PQerrorMessage(session->connection)) : "out of memory";
        return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kCannotConnectPostgresql, message));
    }
    PQsetNoticeProcessor(session->connection, ignore_notice, nullptr);
    // A writer waits for the writer lock as long as SQLite's busy timeout, then is told to retry.
    // The temporary sequence makes lastval() defined before this connection's first INSERT.
    TRY_VOID(session->execute(
        "SET lock_timeout = '10s'; SET client_min_messages = warning; "
        "CREATE TEMPORARY SEQUENCE kimonet_lastval MINVALUE 0 START 0; SELECT nextval('kimonet_lastval')",
        "connection setup"));
    return std::unique_ptr<Connection>(std::make_unique<PostgresqlConnection>(std::move(session)));
}

}  // namespace kimonet::store::detail

namespace kimonet::store {

Error postgresql_error(std::string_view sqlstate, std::string_view message, std::string_view context) {
    const std::string text = messages::with_detail(
        messages::kDatabaseStatementFailed,
        std::string(context) + ": " + std::string(message) + (sqlstate.empty() ? "" : " (SQLSTATE " + std::string(sqlstate) + ")"));
    if (sqlstate.starts_with("23")) return make_error(ErrorCode::Conflict, text);
    if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03" || sqlstate.starts_with("08") || sqlstate.starts_with("57P"))
        return make_error(ErrorCode::Unavailable, text);
    return make_error(ErrorCode::Internal, text);
}

}  // namespace kimonet::store
