#include "support/test_server_support.hpp"

#include "services/callback_inbox.hpp"

#include "support/column_values.hpp"

#include <curl/curl.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <random>

#include "cli/seed_demo.hpp"
#include "security/crypto.hpp"

namespace kimonet::testing {

TempDir::TempDir() {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() / ("kimonet-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

static std::size_t collect(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

static std::size_t collect_header(char* data, std::size_t size, std::size_t count, void* out) {
    std::string line(data, size * count);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
        (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
    }
    return size * count;
}

std::string HttpReply::error_code() const {
    const api::Json parsed = json();
    if (!is_error_envelope()) return {};
    return parsed["error"]["code"].get<std::string>();
}

bool HttpReply::is_error_envelope() const {
    const api::Json parsed = json();
    if (!parsed.is_object() || !parsed.contains("success") || parsed["success"] != false) return false;
    const auto error = parsed.find("error");
    return error != parsed.end() && error->is_object() && error->contains("code") && (*error)["code"].is_string() &&
           error->contains("message") && (*error)["message"].is_string() && !(*error)["message"].get<std::string>().empty();
}

HttpReply http_request(const std::string& method, const std::string& url, const std::string& body,
                       const std::map<std::string, std::string>& headers, const std::string& source_ip) {
    HttpReply reply;
    CURL* curl = curl_easy_init();
    curl_slist* header_list = nullptr;
    for (const auto& [name, value] : headers) header_list = curl_slist_append(header_list, (name + ": " + value).c_str());
    header_list = curl_slist_append(header_list, "Expect:");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply.headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (!source_ip.empty()) curl_easy_setopt(curl, CURLOPT_INTERFACE, ("host!" + source_ip).c_str());
    if (!body.empty() || method == "POST" || method == "PUT") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    reply.status = code == CURLE_OK ? static_cast<int>(status) : -static_cast<int>(code);
    curl_slist_free_all(header_list);
    curl_easy_cleanup(curl);
    return reply;
}

TestServer::TestServer(bool seed) {
    ::setenv("KIMONET_PASSWORD_COST", "min", 1);
    if (testing_postgresql()) {
        m_database = std::make_unique<TestDatabase>(store::Engine::Postgresql, m_dir.path().string());
        m_db_path = m_database->url();
    } else {
        m_db_path = m_dir.file("kimonet.db");
    }
    start(seed);
}

TestServer::TestServer(const Existing& existing) {
    ::setenv("KIMONET_PASSWORD_COST", "min", 1);
    m_db_path = existing.db_url;
    if (!existing.secret_key_file.empty()) std::filesystem::copy_file(existing.secret_key_file, secret_key_file());
    start(existing.seed);
}

void TestServer::start(bool seed) {
    // 2026-01-15 09:00:00 WIB
    m_clock = std::make_shared<app::ManualClock>(unix_from_local(LocalDateTime{{2026, 1, 15}, 9, 0, 0}, UtcOffset{420}));
    app::Config config;
    config.db_path = m_db_path;
    config.secret_key_file = m_dir.file("secret.key");
    config.threads = 2;
    auto opened = app::App::open(config, m_clock);
    BOOST_TEST_REQUIRE(opened.ok(), (opened ? "" : opened.error().message()));
    m_app = std::move(opened).value();
    if (seed) {
        auto seeded = seed_demo_data(*m_app);
        BOOST_TEST_REQUIRE(seeded.ok(), (seeded ? "" : seeded.error().message()));
    }
    m_server = std::make_unique<http::HttpServer>(*m_app);
    auto started = m_server->start("127.0.0.1", 0, 2);
    BOOST_TEST_REQUIRE(started.ok(), (started ? "" : started.error().message()));
}

TestServer::~TestServer() {
    m_server->stop();
    m_inspector.reset();  // before m_database drops the PostgreSQL database
}

std::string TestServer::url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_server->port()) + path; }

HttpReply TestServer::call(const std::string& method, const std::string& path, const std::string& body, const std::string& token,
                           const std::string& source_ip) {
    std::map<std::string, std::string> headers{{"Content-Type", "application/json"}};
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    return http_request(method, url(path), body, headers, source_ip);
}

HttpReply TestServer::login_attempt(const std::string& username, const std::string& password, const std::string& source_ip) {
    return call("POST", "/api/auth/login", api::Json{{"username", username}, {"password", password}}.dump(), {}, source_ip);
}

HttpReply TestServer::get(const std::string& path, const std::string& token) { return call("GET", path, {}, token); }
HttpReply TestServer::post(const std::string& path, const std::string& body, const std::string& token) { return call("POST", path, body, token); }
HttpReply TestServer::put(const std::string& path, const std::string& body, const std::string& token) { return call("PUT", path, body, token); }
HttpReply TestServer::del(const std::string& path, const std::string& token) { return call("DELETE", path, {}, token); }

bool TestServer::callbacks_settled(int timeout_ms) { return m_app->callback_inbox().settle(std::chrono::milliseconds(timeout_ms)); }

std::string TestServer::login(const std::string& username, const std::string& password) {
    auto reply = post("/api/auth/login", api::Json{{"username", username}, {"password", password}}.dump());
    BOOST_TEST_REQUIRE(reply.status == 200, "login " << username << ": " << reply.body);
    return reply.json()["token"].get<std::string>();
}

store::Database& TestServer::inspector(std::unique_ptr<store::Database>& scratch) {
    // SQLite: a fresh connection per call, as before (nothing held open between checks).
    if (m_inspector) return *m_inspector;
    auto db = store::Database::open(m_db_path);
    BOOST_TEST_REQUIRE(db.ok());
    if ((*db)->engine() == store::Engine::Postgresql) {
        m_inspector = std::move(*db);
        return *m_inspector;
    }
    scratch = std::move(*db);
    return *scratch;
}

std::string TestServer::scalar(const std::string& sql) {
    std::unique_ptr<store::Database> scratch;
    auto& db = inspector(scratch);
    auto statement = db.prepare(sql);
    BOOST_TEST_REQUIRE(statement.ok(), sql << (statement ? "" : ": " + statement.error().message()));
    auto row = statement->step();
    BOOST_TEST_REQUIRE((row.ok() && *row), sql);
    return statement->column_text(0);
}

std::vector<std::string> TestServer::column_values(const std::string& sql) {
    std::unique_ptr<store::Database> scratch;
    auto& db = inspector(scratch);
    auto statement = db.prepare(sql);
    BOOST_TEST_REQUIRE(statement.ok(), sql << (statement ? "" : ": " + statement.error().message()));
    std::vector<std::string> values;
    for (;;) {
        auto row = statement->step();
        BOOST_TEST_REQUIRE(row.ok(), sql);
        if (!*row) break;
        values.push_back(statement->column_text(0));
    }
    return values;
}

std::string TestServer::joined(const std::string& sql, const std::string& separator) {
    std::string out;
    for (const auto& value : column_values(sql)) out += (out.empty() ? "" : separator) + value;
    return out;
}

int TestServer::count_containing(const std::string& sql, const std::string& needle) {
    int count = 0;
    for (const auto& value : column_values(sql)) count += value.find(needle) != std::string::npos ? 1 : 0;
    return count;
}

int TestServer::table_count() {
    std::unique_ptr<store::Database> scratch;
    const bool postgresql = inspector(scratch).engine() == store::Engine::Postgresql;
    return std::stoi(scalar(postgresql ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                                         "AND table_type = 'BASE TABLE'"
                                       : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));
}

std::vector<std::string> column_values(TestServer& server, const std::string& sql) { return server.column_values(sql); }

std::string TestServer::snapshot() {
    std::unique_ptr<store::Database> scratch;
    auto& db = inspector(scratch);
    const bool postgresql = db.engine() == store::Engine::Postgresql;
    // PostgreSQL keeps the list from the first call (the tests do not change the schema).
    // Not compared: login_attempts and rate_limit_buckets (PostgreSQL's shared limits) count the
    // attempts themselves, refused ones included; they are state of the limiters, not data.
    if (!postgresql || m_snapshot_tables.empty()) {
        auto tables = db.prepare(
            postgresql ? "SELECT table_name, (SELECT COUNT(*) FROM information_schema.columns c WHERE c.table_schema = t.table_schema "
                         "AND c.table_name = t.table_name) FROM information_schema.tables t WHERE table_schema = current_schema() "
                         "AND table_type = 'BASE TABLE' AND table_name NOT IN ('login_attempts', 'rate_limit_buckets') ORDER BY table_name"
                       // A WITHOUT ROWID table (callback_inbox) is ordered by all its columns, as on PostgreSQL; the others by rowid (0).
                       : "SELECT name, CASE WHEN sql LIKE '%WITHOUT ROWID%' THEN (SELECT COUNT(*) FROM pragma_table_info(m.name)) ELSE 0 END "
                         "FROM sqlite_master m WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('login_attempts', 'rate_limit_buckets') "
                         // The search index (FTS5 and its shadow tables) is derived from customers, which is compared.
                         "AND name NOT LIKE 'customers_search%' ORDER BY name");
        BOOST_TEST_REQUIRE(tables.ok());
        m_snapshot_tables.clear();
        while (*tables->step()) m_snapshot_tables.emplace_back(tables->column_text(0), static_cast<int>(tables->column_int(1)));
    }
    std::string fingerprint;
    for (const auto& [table, column_count] : m_snapshot_tables) {
        // PostgreSQL has no rowid: every column in order makes the order total.
        std::string order = "rowid";
        if (postgresql || column_count > 0) {
            order.clear();
            for (int c = 1; c <= column_count; ++c) order += (c > 1 ? "," : "") + std::to_string(c);
        }
        auto rows = db.prepare("SELECT * FROM " + table + " ORDER BY " + order);
        BOOST_TEST_REQUIRE(rows.ok());
        std::string contents;
        while (*rows->step())
            for (int c = 0; c < rows->column_count(); ++c) contents += rows->column_text(c) + "\x1f";
        fingerprint += table + ":" + security::sha256_hex(contents) + "\n";
    }
    return fingerprint;
}

Result<void> seed_demo_data(app::App& app) {
    auto lease = TRY(app.database());
    app::Context context = app.context(*lease, app::Actor{"system", 0, "seed-demo", ""});
    return lease->transaction([&] { return cli::seed_demo(context); });
}

}  // namespace kimonet::testing
