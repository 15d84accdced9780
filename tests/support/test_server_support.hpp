#pragma once
// Integration-test support: a real App on a fresh database (an SQLite file in a temp directory, or
// with KIMONET_TEST_ENGINE=postgresql a fresh PostgreSQL database, see test_postgresql.hpp), served
// by the real Pistache server on an ephemeral loopback port, and a libcurl HTTP client.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "app/app.hpp"
#include "http/http_server.hpp"
#include "support/test_postgresql.hpp"

namespace kimonet::testing {

struct HttpReply {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;
    api::Json json() const { return api::parse_json(body); }
    // error.code of a `{"success":false,"error":{…}}` reply, or "" when the body is not that shape.
    std::string error_code() const;
    // True when the body is exactly the product's error envelope with a string code and message.
    bool is_error_envelope() const;
};

// A directory removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// `source_ip` (e.g. "127.0.0.2") binds the client socket to another loopback address, so the
// server sees a different client IP (per-IP rate limits); empty = the default 127.0.0.1.
HttpReply http_request(const std::string& method, const std::string& url, const std::string& body = {},
                       const std::map<std::string, std::string>& headers = {}, const std::string& source_ip = {});

class TestServer {
public:
    // Starts at 2026-01-15 09:00 WIB unless told otherwise; `seed` adds the demo data.
    explicit TestServer(bool seed = true);
    // An App on the database at `db_url` whatever KIMONET_TEST_ENGINE says (e.g. `kimonet db
    // copy`'s target, or an SQLite file made here), opened with that data's secret key file
    // (copied into this server's directory; empty: a new key), seeded with the demo if `seed`.
    struct Existing {
        std::string db_url;
        std::string secret_key_file;
        bool seed = false;
    };
    explicit TestServer(const Existing& existing);
    ~TestServer();

    app::App& app() { return *m_app; }
    app::ManualClock& clock() { return *m_clock; }
    std::string url(const std::string& path) const;
    // The SQLite file, or the PostgreSQL URL (store::Database::open takes either).
    const std::string& db_path() const { return m_db_path; }
    // The App's key file (in the test's temp dir on both engines), for a second App on the same database.
    std::string secret_key_file() const { return m_dir.file("secret.key"); }

    HttpReply get(const std::string& path, const std::string& token = {});
    HttpReply post(const std::string& path, const std::string& body, const std::string& token = {});
    HttpReply put(const std::string& path, const std::string& body, const std::string& token = {});
    HttpReply del(const std::string& path, const std::string& token = {});
    HttpReply call(const std::string& method, const std::string& path, const std::string& body, const std::string& token,
                   const std::string& source_ip = {});
    // A login attempt from `source_ip` (any 127.x.y.z address); returns the raw reply.
    HttpReply login_attempt(const std::string& username, const std::string& password, const std::string& source_ip = {});

    // Waits until the gateway callbacks this server kept are confirmed and applied (or put off):
    // the route answers a gateway before applying (services/callback_inbox.hpp). False on timeout.
    bool callbacks_settled(int timeout_ms = 10'000);

    // Logs in and returns the token (fails the test if login fails).
    std::string login(const std::string& username, const std::string& password = "demo12345");
    // Runs SQL directly against the database (a second connection), returns the first column of the first row.
    std::string scalar(const std::string& sql);
    // The first column of every row, as stored (text or the raw bytes of a blob/bytea), for
    // checks that must run on both engines: search in C++ instead of SQLite's instr/hex/group_concat.
    std::vector<std::string> column_values(const std::string& sql);
    // column_values joined by `separator` (what group_concat gave; order the rows in the SQL).
    std::string joined(const std::string& sql, const std::string& separator = ",");
    // How many of the values hold `needle` anywhere (byte-exact).
    int count_containing(const std::string& sql, const std::string& needle);
    // The number of user tables (sqlite_master on SQLite, information_schema on PostgreSQL).
    int table_count();
    // A fingerprint of every user table's contents, to prove a request changed nothing.
    std::string snapshot();

private:
    void start(bool seed);

    TempDir m_dir;
    std::unique_ptr<TestDatabase> m_database;  // PostgreSQL: dropped after the App is gone
    std::string m_db_path;
    // PostgreSQL: one connection for scalar()/snapshot() (a new backend per call re-reads the catalog,
    // seconds per snapshot-heavy test) and the table list; closed before the database is dropped.
    std::unique_ptr<store::Database> m_inspector;
    std::vector<std::pair<std::string, int>> m_snapshot_tables;
    store::Database& inspector(std::unique_ptr<store::Database>& scratch);
    std::shared_ptr<app::ManualClock> m_clock;
    std::unique_ptr<app::App> m_app;
    std::unique_ptr<http::HttpServer> m_server;
};

// Seeds the demo data (same as `kimonet seed-demo`) through the services.
Result<void> seed_demo_data(app::App& app);

}  // namespace kimonet::testing
