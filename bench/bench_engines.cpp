#include "bench_engines.hpp"

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>

#include "support/postgresql_server.hpp"

namespace kimonet::bench {

namespace {

// Production-like durability; memory and WAL sizes for a million-row run (no checkpoint forced
// in the middle of a timed phase by a small max_wal_size; the benchmarks CHECKPOINT before each).
const std::vector<std::string> kDurableSettings{"fsync=on",           "synchronous_commit=on", "full_page_writes=on",
                                                "max_connections=200", "shared_buffers=256MB",  "max_wal_size=4GB"};

[[noreturn]] void stop(const std::string& what, const std::string& message) {
    std::fprintf(stderr, "%s: %s\n", what.c_str(), message.c_str());
    std::exit(2);
}

testing::PostgresqlServer& postgresql() {
    static std::unique_ptr<testing::PostgresqlServer> server;
    if (!server) {
        // KIMONET_BENCH_PG_SETTINGS: more `name=value` settings, space-separated (e.g. logging for a diagnosis).
        std::vector<std::string> settings = kDurableSettings;
        if (const char* extra = std::getenv("KIMONET_BENCH_PG_SETTINGS")) {
            std::istringstream words(extra);
            for (std::string word; words >> word;) settings.push_back(word);
        }
        auto started = testing::PostgresqlServer::start(settings);
        if (!started) stop("postgresql", started.error().message());
        server = std::move(*started);
    }
    return *server;
}

}  // namespace

std::vector<store::Engine> engines_to_run() {
    const char* configured = std::getenv("KIMONET_BENCH_ENGINES");
    const std::string names = configured && *configured ? configured : "sqlite,postgresql";
    std::vector<store::Engine> engines;
    if (names.find("sqlite") != std::string::npos) engines.push_back(store::Engine::Sqlite);
    if (names.find("postgres") != std::string::npos) engines.push_back(store::Engine::Postgresql);
    if (engines.empty()) stop("KIMONET_BENCH_ENGINES", "expected sqlite, postgresql or both, got " + names);
    return engines;
}

const char* engine_name(store::Engine engine) { return engine == store::Engine::Sqlite ? "SQLite" : "PostgreSQL"; }

std::string fresh_database_url(store::Engine engine, const std::string& directory, const std::string& name) {
    if (engine == store::Engine::Sqlite) {
        const std::string path = directory + "/" + name + ".db";
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
        return path;
    }
    postgresql_admin(postgresql().url("postgres"), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    postgresql_admin(postgresql().url("postgres"), "CREATE DATABASE " + name);
    return postgresql().url(name);
}

void postgresql_admin(const std::string& url, const std::string& sql) {
    PGconn* connection = PQconnectdb(url.c_str());
    if (PQstatus(connection) != CONNECTION_OK) {
        const std::string message = PQerrorMessage(connection);
        PQfinish(connection);
        stop("postgresql " + sql, message);
    }
    PGresult* result = PQexec(connection, sql.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
    const std::string message = ok ? "" : PQresultErrorMessage(result);
    PQclear(result);
    PQfinish(connection);
    if (!ok) stop("postgresql " + sql, message);
}

}  // namespace kimonet::bench
