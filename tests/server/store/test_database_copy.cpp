// `kimonet db copy` from the operator's side: the demo ISP (seeded by the code `kimonet seed-demo`
// and `make run` use, then a month billed and paid) moved from SQLite to a real PostgreSQL serves
// the same customers, invoices and payments to its demo users, opens the router passwords sealed on
// SQLite, numbers new rows after the copied ones; a target with data is refused untouched; a copy
// that fails or does not verify leaves the target empty; PostgreSQL → SQLite gives back the same
// checksums.
#include <boost/test/unit_test.hpp>

#include "security/crypto.hpp"
#include "services/database_copy_service.hpp"
#include "services/settings.hpp"
#include "store/database_copy.hpp"
#include "store/router_store.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

std::unique_ptr<store::Database> open_database(const std::string& url) {
    auto db = store::Database::open(url);
    BOOST_TEST_REQUIRE(db.ok(), (db ? "" : db.error().message()));
    return std::move(db).value();
}

Result<services::CopyReport> copy(const std::string& from, const std::string& to, services::CopyOptions options = {}) {
    auto source = open_database(from);
    auto target = open_database(to);
    return services::copy_database(*source, *target, options);
}

// Every copied table's rows as text, in key order (the same engine on both calls), hashed.
std::string fingerprint(const std::string& url) {
    auto db = open_database(url);
    auto tables = store::read_copy_tables(*db);
    BOOST_TEST_REQUIRE(tables.ok());
    std::string all;
    for (const auto& table : *tables) {
        std::string rows;
        auto scanned = store::scan_table(*db, table, [&](const store::Statement& row) -> Result<void> {
            for (int c = 0; c < row.column_count(); ++c) rows += (row.column_is_null(c) ? "NULL" : row.column_text(c)) + "\x1f";
            return {};
        });
        BOOST_TEST_REQUIRE(scanned.ok());
        all += table.name + ":" + security::sha256_hex(rows) + "\n";
    }
    return all;
}

std::int64_t rows_in(const std::string& url, const std::string& table) {
    auto db = open_database(url);
    auto count = store::count_table_rows(*db, table);
    BOOST_TEST_REQUIRE(count.ok(), (count ? "" : count.error().message()));
    return *count;
}

std::string column_bytes(const std::string& url, const std::string& sql) {
    auto db = open_database(url);
    auto statement = db->prepare(sql);
    BOOST_TEST_REQUIRE(statement.ok());
    auto row = statement->step();
    BOOST_TEST_REQUIRE((row.ok() && *row));
    return statement->column_text(0);
}

// The demo ISP as `make run` has it (seed-demo's code, through TestServer), with January billed
// and two invoices paid through the API.
struct DemoIsp {
    TempDir directory;
    // SQLite, as `make run` has it, whichever engine KIMONET_TEST_ENGINE gives other servers.
    TestServer server{TestServer::Existing{directory.file("kimonet.db"), "", true}};
    std::string finance = server.login("finance");
    Json customers, invoices, payments;

    DemoIsp() {
        BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 200);
        const Json january = list("/api/invoices?per_page=500&period=2026-01");
        BOOST_TEST_REQUIRE(january.size() >= 30u);
        for (std::size_t i = 0; i < 2; ++i) {
            auto paid = server.post("/api/payments", Json{{"invoice_id", january[i]["id"]}, {"amount", january[i]["total"]}, {"method", "cash"}}.dump(),
                                    finance);
            BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
        }
        customers = list("/api/customers?per_page=500");
        invoices = list("/api/invoices?per_page=500");
        payments = list("/api/payments?per_page=500");
        BOOST_TEST_REQUIRE(customers.size() == 50u);
        BOOST_TEST_REQUIRE(payments.size() == 2u);
    }
    Json list(const std::string& path) { return list_on(server, finance, path); }
    static Json list_on(TestServer& on, const std::string& token, const std::string& path) {
        auto reply = on.get(path, token);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return reply.json()["data"];
    }
};

void check_all_verified(const services::CopyReport& report) {
    BOOST_TEST(report.committed);
    BOOST_TEST(report.tables.size() > 20u);
    for (const auto& table : report.tables) BOOST_TEST(table.matches(), table.table);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database_copy)

BOOST_AUTO_TEST_CASE(the_demo_isp_copied_to_postgresql_serves_the_same_data_and_opens_its_sealed_secrets) {
    DemoIsp demo;
    TempDir directory;
    TestDatabase postgresql(store::Engine::Postgresql, directory.path().string(), false);
    auto report = copy(demo.server.db_path(), postgresql.url());
    BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
    check_all_verified(*report);

    TestServer moved(TestServer::Existing{postgresql.url(), demo.server.secret_key_file()});
    const std::string finance = moved.login("finance");  // the demo password still works
    moved.login("admin");
    BOOST_TEST(DemoIsp::list_on(moved, finance, "/api/customers?per_page=500") == demo.customers);
    BOOST_TEST(DemoIsp::list_on(moved, finance, "/api/invoices?per_page=500") == demo.invoices);
    BOOST_TEST(DemoIsp::list_on(moved, finance, "/api/payments?per_page=500") == demo.payments);
    // PostgreSQL's reports read the running totals its triggers built from the copied rows (they are
    // not copied): the same figures as the source's, which SQLite folds from the invoices.
    const std::string demo_finance = demo.server.login("finance");
    for (const char* name : {"revenue", "billing"}) {
        const auto there = moved.get(std::string("/api/reports/") + name, finance);
        const auto here = demo.server.get(std::string("/api/reports/") + name, demo_finance);
        BOOST_TEST_REQUIRE(there.status == 200, there.body);
        BOOST_TEST_REQUIRE(here.status == 200, here.body);
        if (std::string_view(name) == "revenue") BOOST_TEST(here.json()["data"]["totals"]["billed"].get<std::int64_t>() > 0);
        BOOST_TEST((there.json()["data"] == here.json()["data"]), name);
    }

    // The router password sealed on SQLite: the same bytes, and the app opens it with the same key.
    const std::string sealed_sql = "SELECT password_encrypted FROM routers WHERE id = 1";
    BOOST_TEST(column_bytes(postgresql.url(), sealed_sql) == column_bytes(demo.server.db_path(), sealed_sql));
    auto lease = moved.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    auto router = store::find_router(**lease, 1, &moved.app().secrets());
    BOOST_TEST_REQUIRE((router.ok() && router->has_value()));
    BOOST_TEST((*router)->password == "billing-demo");

    // New rows are numbered after the copied ones (the identity sequences were moved).
    const std::int64_t last_customer = demo.customers.size();
    auto created = moved.post("/api/customers",
                              Json{{"name", "Pelanggan Baru"}, {"phone", "081299990000"}, {"package_id", 1}, {"join_date", "2026-01-15"}}.dump(),
                              moved.login("admin"));
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    BOOST_TEST(created.json()["data"]["id"].get<std::int64_t>() == last_customer + 1);
    const Json unpaid = demo.invoices[demo.invoices.size() - 1];
    auto paid = moved.post("/api/payments", Json{{"invoice_id", unpaid["id"]}, {"amount", 1000}, {"method", "cash"}, {"confirm", "partial"}}.dump(), finance);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(paid.json()["data"]["id"].get<std::int64_t>() == 3);
}

BOOST_AUTO_TEST_CASE(a_sealed_setting_moves_byte_for_byte_to_postgresql_and_back_and_still_opens) {
    // Secret settings are sealed bytes: bound as a BLOB into SQLite's TEXT settings.value, and in
    // PostgreSQL's bytea settings.value (0021_baseline.sql). Through PostgreSQL and back into a
    // new SQLite file the bytes stay the same and open with the same key on each.
    DemoIsp demo;
    auto sealed = demo.server.put("/api/settings", R"({"whatsapp_webhook_secret":"rahasia-webhook-123"})", demo.server.login("superadmin"));
    BOOST_TEST_REQUIRE(sealed.status == 200, sealed.body);
    TempDir directory;
    const std::string setting_sql = "SELECT value FROM settings WHERE key = 'whatsapp_webhook_secret'";
    const std::string original = column_bytes(demo.server.db_path(), setting_sql);
    BOOST_TEST(original.find("rahasia") == std::string::npos);  // sealed, not plain

    auto opens = [&](const std::string& database) {
        TestServer moved(TestServer::Existing{database, demo.server.secret_key_file()});
        auto lease = moved.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        auto secret = services::get_secret_setting(**lease, moved.app().secrets(), "whatsapp_webhook_secret");
        BOOST_TEST_REQUIRE(secret.ok(), (secret ? "" : secret.error().message()));
        BOOST_TEST(*secret == "rahasia-webhook-123");
    };
    TestDatabase postgresql(store::Engine::Postgresql, directory.path().string(), false);
    auto there = copy(demo.server.db_path(), postgresql.url());
    BOOST_TEST_REQUIRE(there.ok(), (there ? "" : there.error().message()));
    check_all_verified(*there);
    BOOST_TEST(column_bytes(postgresql.url(), setting_sql) == original);
    opens(postgresql.url());

    const std::string back = directory.file("back.db");
    auto returned = copy(postgresql.url(), back);
    BOOST_TEST_REQUIRE(returned.ok(), (returned ? "" : returned.error().message()));
    check_all_verified(*returned);
    BOOST_TEST(column_bytes(back, setting_sql) == original);
    opens(back);
}

BOOST_AUTO_TEST_CASE(the_source_keeps_running_and_the_copy_is_one_moment_of_it) {
    TestServer source;
    const std::string admin = source.login("admin");
    TempDir directory;
    const std::string target = directory.file("copy.db");
    services::CopyOptions meanwhile;
    int created_during_copy = 0;
    meanwhile.after_table = [&](store::Database&, const std::string& table) -> Result<void> {
        // The ISP keeps working while its tables are read: a customer signs up before customers is read.
        if (table == "internet_packages") {
            auto created = source.post("/api/customers",
                                       Json{{"name", "Pelanggan Saat Salin"}, {"phone", "081277770000"}, {"package_id", 1}, {"join_date", "2026-01-15"}}.dump(),
                                       admin);
            BOOST_TEST_REQUIRE(created.status == 201, created.body);
            ++created_during_copy;
        }
        return {};
    };
    auto report = copy(source.db_path(), target, meanwhile);
    BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
    check_all_verified(*report);
    BOOST_TEST(created_during_copy == 1);
    BOOST_TEST(rows_in(target, "customers") == 50);          // the moment the copy began
    BOOST_TEST(rows_in(source.db_path(), "customers") == 51);  // the source went on
}

BOOST_AUTO_TEST_CASE(a_target_with_data_is_refused_and_left_unchanged_unless_replace_is_given) {
    TestServer source;
    TempDir directory;
    TestDatabase postgresql(store::Engine::Postgresql, directory.path().string(), false);
    BOOST_TEST_REQUIRE(copy(source.db_path(), postgresql.url()).ok());
    const std::string before = fingerprint(postgresql.url());

    auto again = copy(source.db_path(), postgresql.url());
    BOOST_TEST_REQUIRE(!again.ok());
    BOOST_TEST((again.error().code == ErrorCode::Conflict));
    BOOST_TEST(again.error().message() == messages::kCopyTargetHasData);
    BOOST_TEST(fingerprint(postgresql.url()) == before);

    services::CopyOptions replace;
    replace.replace = true;
    auto replaced = copy(source.db_path(), postgresql.url(), replace);
    BOOST_TEST_REQUIRE(replaced.ok(), (replaced ? "" : replaced.error().message()));
    check_all_verified(*replaced);
    BOOST_TEST(rows_in(postgresql.url(), "customers") == 50);
}

BOOST_AUTO_TEST_CASE(a_copy_that_fails_midway_leaves_the_target_empty) {
    TestServer source;
    TempDir directory;
    TestDatabase postgresql(store::Engine::Postgresql, directory.path().string(), false);
    services::CopyOptions failing;
    std::vector<std::string> written;
    failing.after_table = [&](store::Database&, const std::string& table) -> Result<void> {
        written.push_back(table);
        if (table == "customers") return make_error(ErrorCode::Unavailable, messages::kCannotReadDatabase);
        return {};
    };
    auto failed = copy(source.db_path(), postgresql.url(), failing);
    BOOST_TEST_REQUIRE(!failed.ok());
    BOOST_TEST((failed.error().code == ErrorCode::Unavailable));
    BOOST_TEST(written.size() > 10u);  // packages, routers, users… were written before it failed
    for (const char* table : {"users", "internet_packages", "routers", "customers", "invoices"}) BOOST_TEST(rows_in(postgresql.url(), table) == 0, table);
    // The empty target takes a clean copy afterwards (it is not "has data").
    auto retried = copy(source.db_path(), postgresql.url());
    BOOST_TEST_REQUIRE(retried.ok(), (retried ? "" : retried.error().message()));
    check_all_verified(*retried);
}

BOOST_AUTO_TEST_CASE(a_copy_that_does_not_verify_reports_the_table_and_rolls_back) {
    TestServer source;
    TempDir directory;
    TestDatabase postgresql(store::Engine::Postgresql, directory.path().string(), false);
    services::CopyOptions tampering;
    tampering.after_table = [](store::Database& target, const std::string& table) -> Result<void> {
        // A row changed on its way: what the verification is there to catch.
        if (table == "customers") return target.execute("UPDATE customers SET name = name || 'x' WHERE id = 7");
        return {};
    };
    auto report = copy(source.db_path(), postgresql.url(), tampering);
    BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
    BOOST_TEST(!report->committed);
    for (const auto& table : report->tables) BOOST_TEST(table.matches() == (table.table != "customers"), table.table);
    BOOST_TEST(rows_in(postgresql.url(), "customers") == 0);
    BOOST_TEST(rows_in(postgresql.url(), "users") == 0);
}

BOOST_AUTO_TEST_CASE(postgresql_back_to_sqlite_gives_the_same_checksums_and_sqlite_to_sqlite_too) {
    DemoIsp demo;
    TempDir directory;
    TestDatabase postgresql(store::Engine::Postgresql, directory.path().string(), false);
    auto there = copy(demo.server.db_path(), postgresql.url());
    BOOST_TEST_REQUIRE(there.ok(), (there ? "" : there.error().message()));
    auto back = copy(postgresql.url(), "sqlite:" + directory.file("back.db"));
    BOOST_TEST_REQUIRE(back.ok(), (back ? "" : back.error().message()));
    check_all_verified(*back);
    auto sqlite_again = copy("sqlite:" + directory.file("back.db"), directory.file("again.db"));
    BOOST_TEST_REQUIRE(sqlite_again.ok(), (sqlite_again ? "" : sqlite_again.error().message()));
    check_all_verified(*sqlite_again);
    BOOST_TEST_REQUIRE(back->tables.size() == there->tables.size());
    for (std::size_t i = 0; i < back->tables.size(); ++i) {
        BOOST_TEST(back->tables[i].table == there->tables[i].table);
        BOOST_TEST(back->tables[i].source_checksum == there->tables[i].source_checksum, there->tables[i].table);
        BOOST_TEST(sqlite_again->tables[i].source_checksum == there->tables[i].source_checksum, there->tables[i].table);
        BOOST_TEST(back->tables[i].source_rows == there->tables[i].source_rows);
    }
    // The search index is rebuilt on SQLite as rows arrive (triggers): a search finds a copied customer.
    TestServer restored(TestServer::Existing{directory.file("back.db"), demo.server.secret_key_file()});
    auto found = restored.get("/api/customers?q=" + demo.customers[0]["name"].get<std::string>().substr(0, 4), restored.login("admin"));
    BOOST_TEST_REQUIRE(found.status == 200, found.body);
    BOOST_TEST(found.json()["data"].size() >= 1u);
}

BOOST_AUTO_TEST_CASE(a_source_at_another_schema_version_or_the_same_database_is_refused) {
    TestServer source;
    TempDir directory;
    auto same = copy(source.db_path(), source.db_path());
    BOOST_TEST_REQUIRE(!same.ok());
    BOOST_TEST(same.error().message() == messages::kCopySameDatabase);
    {
        auto db = open_database(source.db_path());
        BOOST_TEST_REQUIRE(db->execute("DELETE FROM schema_migrations WHERE version = 21").ok());
    }
    auto older = copy(source.db_path(), directory.file("target.db"));
    BOOST_TEST_REQUIRE(!older.ok());
    BOOST_TEST(older.error().message().starts_with(messages::kCopySchemaVersion));
    auto target = open_database(directory.file("target.db"));  // refused before the target was touched
    BOOST_TEST(store::recorded_migration_versions(*target).value().empty());
}

BOOST_AUTO_TEST_SUITE_END()
