// The engine-neutral half of store::Database: choosing the engine by URL, forwarding statements to
// the engine's backend, and the transaction rules (outermost BEGIN … COMMIT, nested SAVEPOINTs,
// after-commit callbacks) that are the same on both engines.
#include "store/database.hpp"

#include <atomic>
#include <map>
#include <mutex>

#include "store/engine.hpp"
#include "store/transaction_memo.hpp"

namespace kimonet::store {

namespace {

// transaction_without_savepoints and the remembered values (transaction_memo.hpp). Per thread: a
// transaction begins, runs and ends on one thread (a pooled connection may move to another thread
// between transactions, and nothing here outlives a transaction).
struct JoinedTransaction {
    const Database* db = nullptr;  // whose nested transactions join instead of savepoints
    bool nested_failed = false;
    std::uint64_t id = 0;
    std::vector<std::function<Result<void>()>> before_commit;
    bool shared = false;  // PostgreSQL: holds the writer lock shared
};
thread_local JoinedTransaction t_joined;
std::atomic<std::uint64_t> g_joined_transactions{0};

struct Remembered {
    const Database* db;
    std::string key;
    std::optional<std::string> value;
};
thread_local std::vector<Remembered> t_remembered;

void forget_of(const Database* db) {
    if (t_remembered.empty()) return;
    std::erase_if(t_remembered, [db](const Remembered& entry) { return entry.db == db; });
}

}  // namespace

const std::optional<std::string>* remembered(const Database& db, std::string_view key) {
    for (const auto& entry : t_remembered)
        if (entry.db == &db && entry.key == key) return &entry.value;
    return nullptr;
}

void remember(const Database& db, std::string key, std::optional<std::string> value) {
    if (!db.in_transaction() || t_remembered.size() >= 64) return;
    t_remembered.push_back(Remembered{&db, std::move(key), std::move(value)});
}

void forget_remembered(const Database& db) { forget_of(&db); }

std::uint64_t transaction_without_savepoints_id(const Database& db) { return t_joined.db == &db ? t_joined.id : 0; }

void before_commit_without_savepoints(const Database& db, std::function<Result<void>()> flush) {
    if (t_joined.db == &db) t_joined.before_commit.push_back(std::move(flush));
}

bool shares_the_writer_lock(const Database& db) { return t_joined.db == &db && t_joined.shared; }

namespace {

Result<bool> run_without_savepoints(Database& db, const std::function<Result<void>()>& work, bool shared) {
    if (db.in_transaction() || t_joined.db) {
        TRY_VOID(db.transaction(work));
        return true;
    }
    t_joined = JoinedTransaction{&db, false, ++g_joined_transactions, {}, shared && db.engine() == Engine::Postgresql};
    struct Restore {
        ~Restore() { t_joined = JoinedTransaction{}; }
    } restore;
    Result<void> result = db.transaction([&]() -> Result<void> {
        TRY_VOID(work());
        // By index, and each flush copied before it runs: a flush may register another (its first
        // activity entry does), which can move the list while the flush is still running.
        for (std::size_t i = 0; i < t_joined.before_commit.size() && !t_joined.nested_failed; ++i)
            if (const auto flush = t_joined.before_commit[i]; !flush()) t_joined.nested_failed = true;
        if (t_joined.nested_failed) return make_error(ErrorCode::Conflict);  // only to roll back: the caller is told false
        return {};
    });
    if (t_joined.nested_failed) return false;  // rolled back, whatever the outer work made of the error
    TRY_VOID(std::move(result));
    return true;
}

}  // namespace

Result<bool> transaction_without_savepoints(Database& db, const std::function<Result<void>()>& work) {
    return run_without_savepoints(db, work, false);
}

Result<bool> transaction_without_savepoints_sharing_the_writer_lock(Database& db, const std::function<Result<void>()>& work) {
    return run_without_savepoints(db, work, true);
}

bool is_postgresql_url(std::string_view url) { return url.starts_with("postgresql://") || url.starts_with("postgres://"); }

std::string sqlite_file(std::string_view url) {
    if (is_postgresql_url(url)) return {};
    if (url.starts_with("sqlite:")) url.remove_prefix(7);
    return std::string(url);
}

Statement::Statement(Statement&& other) noexcept : m_backend(other.m_backend) { other.m_backend = nullptr; }

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        if (m_backend) m_backend->release();
        m_backend = other.m_backend;
        other.m_backend = nullptr;
    }
    return *this;
}

Statement::~Statement() {
    if (m_backend) m_backend->release();
}

Statement& Statement::bind(int index, std::int64_t value) {
    m_backend->bind_int(index, value);
    return *this;
}
Statement& Statement::bind(int index, double value) {
    m_backend->bind_double(index, value);
    return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
    m_backend->bind_text(index, value);
    return *this;
}
Statement& Statement::bind_blob(int index, std::string_view bytes) {
    m_backend->bind_blob(index, bytes);
    return *this;
}
Statement& Statement::bind_null(int index) {
    m_backend->bind_null(index);
    return *this;
}

int Statement::parameter_index(const char* name) const { return m_backend->parameter_index(name); }
Result<bool> Statement::step() { return m_backend->step(); }

Result<void> Statement::run() {
    while (true) {
        auto row = step();
        if (!row) return std::move(row).error();
        if (!*row) return {};
    }
}

void Statement::reset() { m_backend->reset(); }
std::int64_t Statement::column_int(int index) const { return m_backend->column_int(index); }
double Statement::column_double(int index) const { return m_backend->column_double(index); }
std::string Statement::column_text(int index) const { return std::string(m_backend->column_text_view(index)); }
std::string_view Statement::column_text_view(int index) const { return m_backend->column_text_view(index); }
bool Statement::column_is_null(int index) const { return m_backend->column_is_null(index); }
std::optional<std::int64_t> Statement::column_optional_int(int index) const {
    if (column_is_null(index)) return std::nullopt;
    return column_int(index);
}
int Statement::column_count() const { return m_backend->column_count(); }

// One counter per URL for the life of the process's connections to it (a test process opens
// hundreds of scratch databases: counters nobody holds are dropped).
static std::shared_ptr<std::atomic<std::uint64_t>> shared_commit_counter(const std::string& url) {
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<std::atomic<std::uint64_t>>> counters;
    std::lock_guard lock(mutex);
    if (auto existing = counters[url].lock()) return existing;
    std::erase_if(counters, [](const auto& entry) { return entry.second.expired(); });
    auto counter = std::make_shared<std::atomic<std::uint64_t>>(0);
    counters[url] = counter;
    return counter;
}

std::shared_ptr<const std::atomic<std::uint64_t>> commit_counter(const std::string& url) { return shared_commit_counter(url); }

Database::Database(std::unique_ptr<detail::Connection> connection, Engine engine, std::string path)
    : m_connection(std::move(connection)), m_engine(engine), m_path(std::move(path)), m_commits(shared_commit_counter(m_path)) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(const std::string& url) {
    if (is_postgresql_url(url)) {
        auto connection = TRY(detail::open_postgresql(url));
        return std::unique_ptr<Database>(new Database(std::move(connection), Engine::Postgresql, url));
    }
    auto connection = TRY(detail::open_sqlite(sqlite_file(url)));
    return std::unique_ptr<Database>(new Database(std::move(connection), Engine::Sqlite, url));
}

Result<Statement> Database::prepare(std::string_view sql) {
    detail::StatementBackend* backend = TRY(m_connection->prepare(sql));
    return Statement(backend);
}

Result<void> Database::execute(std::string_view sql) {
    forget_of(this);
    return m_connection->execute(sql);
}
Result<void> Database::copy_in(std::string_view target, std::string_view rows) { return m_connection->copy_in(target, rows); }

void append_copy_field(std::string& row, std::string_view value) {
    for (const char c : value) {
        switch (c) {
            case '\\': row += "\\\\"; break;
            case '\t': row += "\\t"; break;
            case '\n': row += "\\n"; break;
            case '\r': row += "\\r"; break;
            default: row.push_back(c);
        }
    }
}

std::int64_t Database::last_insert_id() const { return m_connection->last_insert_id(); }
int Database::changes() const { return m_connection->changes(); }
sqlite3* Database::handle() { return m_connection->sqlite_handle(); }
bool Database::broken() const { return m_connection->broken(); }

void Database::after_commit(std::function<void()> callback) {
    if (m_transaction_depth == 0) {
        callback();
        return;
    }
    m_after_commit.push_back(std::move(callback));
}

// The work of a transaction or savepoint; an exception is an error like any other (rolled back).
static Result<void> run_work(const std::function<Result<void>()>& work) {
    try {
        return work();
    } catch (const std::exception& exception) {
        return make_error(ErrorCode::Internal, exception.what());
    }
}

Result<void> Database::savepoint(const std::function<Result<void>()>& work) {
    if (t_joined.db == this) {
        ++m_transaction_depth;
        Result<void> result = run_work(work);
        --m_transaction_depth;
        if (!result) t_joined.nested_failed = true;  // cannot be undone alone: the whole transaction goes
        return result;
    }
    const std::string name = "kimonet_" + std::to_string(m_transaction_depth);
    TRY_VOID(m_connection->execute("SAVEPOINT " + name));
    const std::size_t callbacks = m_after_commit.size();
    ++m_transaction_depth;
    Result<void> result = run_work(work);
    --m_transaction_depth;
    if (!result) {
        // Only the inner work is undone (PostgreSQL: the transaction is usable again); its
        // callbacks go with it. The outer work decides whether the error ends everything.
        m_after_commit.resize(callbacks);
        forget_of(this);
        (void)m_connection->execute("ROLLBACK TO SAVEPOINT " + name);
        (void)m_connection->execute("RELEASE SAVEPOINT " + name);
        return result;
    }
    if (auto released = m_connection->execute("RELEASE SAVEPOINT " + name); !released) {
        m_after_commit.resize(callbacks);
        forget_of(this);
        (void)m_connection->execute("ROLLBACK TO SAVEPOINT " + name);
        (void)m_connection->execute("RELEASE SAVEPOINT " + name);
        return released;
    }
    return {};
}

Result<void> Database::transaction(const std::function<Result<void>()>& work) {
    if (m_transaction_depth > 0) return savepoint(work);
    TRY_VOID(shares_the_writer_lock(*this) ? m_connection->begin_sharing_the_writer_lock() : m_connection->begin());
    m_transaction_depth = 1;
    m_after_commit.clear();
    forget_of(this);
    Result<void> result = run_work(work);
    m_transaction_depth = 0;
    forget_of(this);
    std::vector<std::function<void()>> after_commit;
    after_commit.swap(m_after_commit);
    if (!result) {
        (void)m_connection->execute("ROLLBACK");
        m_connection->ended();
        return result;
    }
    // PostgreSQL: the notice goes out with the COMMIT (one round trip, delivered only if it commits).
    const char* commit = m_engine == Engine::Postgresql ? "NOTIFY kimonet_changes; COMMIT" : "COMMIT";
    if (auto committed = m_connection->execute(commit); !committed) {
        (void)m_connection->execute("ROLLBACK");
        m_connection->ended();
        return committed;
    }
    m_connection->ended();
    if (m_commits) ++*m_commits;
    for (auto& callback : after_commit) callback();
    return {};
}

}  // namespace kimonet::store
