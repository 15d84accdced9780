// Moving in from PHPNuxBill (issue 22), as the operator does it: `kimonet import phpnuxbill` on the
// fixture dump (tests/fixtures/phpnuxbill/phpnuxbill_dump.sql, written by hand from PHPNuxBill's
// install/phpnuxbill.sql at 04fda47), first as a dry run whose mapping report must say exactly
// what the fixture holds, then for real (exactly those rows, in one transaction), then again
// (nothing twice; changes at the source reported). A malformed dump names its line and changes
// nothing; an endless line is refused after the statement limit; a live MariaDB loaded with the
// same dump by Debian's own client gives the same report.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <streambuf>

#include "cli/commands.hpp"
#include "core/import_messages.hpp"
#include "store/mariadb_source.hpp"
#include "imports/phpnuxbill_data.hpp"
#include "imports/sql_dump.hpp"
#include "server/spreadsheets/mariadb_fixture.hpp"
#include "services/invoice_generation.hpp"
#include "services/network_service.hpp"
#include "services/phpnuxbill_import.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

const std::string kFixture = std::string(KIMONET_SOURCE_DIR) + "/tests/fixtures/phpnuxbill/phpnuxbill_dump.sql";

std::string fixture_text() {
    std::ifstream in(kFixture, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The line of the fixture where `needle` first appears (counted here, not by the parser).
std::size_t line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    BOOST_TEST_REQUIRE(at != std::string::npos);
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

Result<imports::PhpnuxbillData> read_dump(const std::string& text) {
    std::istringstream in(text);
    return imports::read_phpnuxbill_dump(in);
}

api::Json import_report(TestServer& server, const imports::PhpnuxbillData& data, bool dry_run) {
    auto lease = server.app().database();
    app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    auto report = services::import_phpnuxbill(context, data, dry_run);
    BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
    return *report;
}

// `kimonet import phpnuxbill …` through the executable's entry point on the server's database.
int kimonet_cli(TestServer& server, std::vector<std::string> words) {
    words.insert(words.begin(), {"kimonet", "import", "phpnuxbill"});
    words.push_back("--db=" + server.db_path());
    std::vector<char*> argv;
    for (auto& word : words) argv.push_back(word.data());
    ::setenv("KIMONET_SECRET_KEY_FILE", server.secret_key_file().c_str(), 1);
    const int exit_code = cli::run(static_cast<int>(argv.size()), argv.data());
    ::unsetenv("KIMONET_SECRET_KEY_FILE");
    return exit_code;
}

std::string write_file(const TempDir& dir, const std::string& name, const std::string& text) {
    const std::string path = dir.file(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::int64_t count(TestServer& server, const std::string& sql) { return std::stoll(server.scalar(sql)); }

// The dropped rows as "table:id".
std::set<std::string> dropped_keys(const api::Json& report) {
    std::set<std::string> keys;
    for (const auto& dropped : report["dropped"]) keys.insert(dropped["table"].get<std::string>() + ":" + std::to_string(dropped["id"].get<std::int64_t>()));
    return keys;
}

std::string reason_of(const api::Json& report, const std::string& table, std::int64_t id) {
    for (const auto& dropped : report["dropped"])
        if (dropped["table"] == table && dropped["id"] == id) return dropped["reason"];
    return {};
}

// The report without what only a dump has (line numbers) or only a commit gives (ids, numbers).
api::Json comparable(api::Json report) {
    for (auto& dropped : report["dropped"]) dropped.erase("line");
    for (auto& section : {"routers", "packages"})
        for (auto& mapping : report[section]["mapping"]) mapping.erase(std::string(section) == "routers" ? "router_id" : "package_id");
    for (auto& preview : report["customers"]["preview"]) preview.erase("service_number");
    report.erase("dry_run");
    report.erase("imported");
    return report;
}

// An endless line: "INSERT INTO `tbl_customers` VALUES ('aaaa…" that never ends, counting what was read.
class EndlessLine : public std::streambuf {
public:
    std::size_t served = 0;

protected:
    int_type underflow() override {
        static const std::string kHead = "-- header\nINSERT INTO `tbl_customers` VALUES ('";
        m_block.assign(64 * 1024, 'a');
        if (served == 0) m_block.replace(0, kHead.size(), kHead);
        served += m_block.size();
        if (served > (std::size_t{1} << 30)) return traits_type::eof();  // 1 GiB: the reader would have had to hold it all
        setg(m_block.data(), m_block.data(), m_block.data() + m_block.size());
        return traits_type::to_int_type(m_block[0]);
    }

private:
    std::string m_block;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(phpnuxbill_import)

BOOST_AUTO_TEST_CASE(dry_run_reports_what_the_fixture_holds_and_writes_nothing) {
    TestServer server;
    const std::string text = fixture_text();
    auto data = read_dump(text);
    BOOST_TEST_REQUIRE(data.ok(), (data ? "" : data.error().message()));
    const std::string before = server.snapshot();
    const api::Json report = import_report(server, *data, true);
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(report["dry_run"] == true);
    BOOST_TEST(report["imported"] == false);

    const auto& source = report["source"];
    BOOST_TEST(source["customers"] == 12);
    BOOST_TEST(source["plans"] == 6);
    BOOST_TEST(source["routers"] == 2);
    BOOST_TEST(source["recharges"] == 12);
    BOOST_TEST(source["transactions"] == 15);
    BOOST_TEST(source["vouchers"] == 3);

    BOOST_TEST(report["routers"]["new"] == 2);
    BOOST_TEST(report["routers"]["mapping"][0]["host"] == "10.10.0.1");
    BOOST_TEST(report["routers"]["mapping"][0]["port"] == 8728);
    BOOST_TEST(report["routers"]["mapping"][1]["host"] == "10.20.0.1");
    BOOST_TEST(report["packages"]["new"] == 4);  // plans 1, 2, 4 and 6 (PPPoE, monthly)
    const auto& plan = report["packages"]["mapping"][0];
    BOOST_TEST(plan["plan"] == "Paket Rumahan 10 Mbps");
    BOOST_TEST(plan["price"] == 166500);
    BOOST_TEST(plan["download_kbps"] == 10000);
    BOOST_TEST(plan["upload_kbps"] == 5000);

    const auto& customers = report["customers"];
    BOOST_TEST(customers["new"] == 6);
    BOOST_TEST(customers["active"] == 4);
    BOOST_TEST(customers["isolated"] == 1);
    BOOST_TEST(customers["inactive"] == 1);
    BOOST_TEST(customers["credit_total"] == 35000);
    BOOST_TEST(report["invoices"]["new"] == 12);
    BOOST_TEST(report["invoices"]["paid_total"] == 3466000);
    BOOST_TEST(report["invoices"]["dropped"].size() == 3u);  // a voucher sale, a balance top-up, a customer not imported

    const std::set<std::string> expected = {"tbl_plans:3", "tbl_plans:5", "tbl_customers:4", "tbl_customers:5", "tbl_customers:6",
                                            "tbl_customers:8", "tbl_customers:9", "tbl_customers:12", "tbl_voucher:0"};
    BOOST_TEST(dropped_keys(report) == expected);
    BOOST_TEST(reason_of(report, "tbl_plans", 3).find("hotspot") != std::string::npos);
    BOOST_TEST(reason_of(report, "tbl_plans", 5).find("bukan langganan bulanan") != std::string::npos);
    BOOST_TEST(reason_of(report, "tbl_customers", 4).find("nomor HP sama dengan pelanggan budi.santoso") != std::string::npos);
    BOOST_TEST(reason_of(report, "tbl_customers", 5).find("nomor HP") != std::string::npos);
    BOOST_TEST(reason_of(report, "tbl_customers", 6).find("hotspot") != std::string::npos);
    BOOST_TEST(reason_of(report, "tbl_customers", 8).find("belum pernah isi ulang") != std::string::npos);
    BOOST_TEST(reason_of(report, "tbl_customers", 9).find("router tidak dikenal: RB-Lama") != std::string::npos);
    BOOST_TEST(reason_of(report, "tbl_customers", 12).find("PPPoE Harian") != std::string::npos);
    // Each dropped customer names the dump's line of its row (all of tbl_customers is one line).
    const std::size_t customers_line = line_of(text, "INSERT INTO `tbl_customers`");
    for (const auto& dropped : report["dropped"])
        if (dropped["table"] == "tbl_customers") BOOST_TEST(dropped["line"] == customers_line);
}

BOOST_AUTO_TEST_CASE(import_commits_exactly_the_dry_run_and_a_second_run_changes_nothing) {
    TestServer server;
    auto data = read_dump(fixture_text());
    BOOST_TEST_REQUIRE(data.ok(), (data ? "" : data.error().message()));
    const std::int64_t customers_before = count(server, "SELECT COUNT(*) FROM customers");
    const std::int64_t invoices_before = count(server, "SELECT COUNT(*) FROM invoices");
    const api::Json dry = import_report(server, *data, true);
    const api::Json done = import_report(server, *data, false);
    BOOST_TEST(done["imported"] == true);
    BOOST_TEST(comparable(done) == comparable(dry), comparable(done).dump() << "\n" << comparable(dry).dump());

    BOOST_TEST(count(server, "SELECT COUNT(*) FROM customers") == customers_before + 6);
    BOOST_TEST(server.joined("SELECT pppoe_username || ':' || status || ':' || COALESCE(due_day, 0) FROM customers WHERE id IN "
                             "(SELECT entity_id FROM import_keys WHERE kind = 'customer') ORDER BY pppoe_username") ==
               "agus.w:active:28,budi.santoso:active:10,joko.susilo:isolated:5,siti.rahayu:active:5,sri.mulyani:inactive:12,yusuf.hidayat:active:19");
    BOOST_TEST(server.scalar("SELECT phone FROM customers WHERE pppoe_username = 'agus.w'") == "6281299887766");
    BOOST_TEST(server.scalar("SELECT address FROM customers WHERE pppoe_username = 'sri.mulyani'") == "Jl. Kenanga 9\nDesa Sukamaju");
    BOOST_TEST(server.scalar("SELECT name FROM customers WHERE pppoe_username = 'yusuf.hidayat'") == "Yusuf Ma'ruf Hidayat");
    BOOST_TEST(server.scalar("SELECT email FROM customers WHERE pppoe_username = 'siti.rahayu'") == "");  // PHPNuxBill's '1'
    BOOST_TEST(server.joined("SELECT c.pppoe_username || ':' || k.balance FROM customer_credit k JOIN customers c ON c.id = k.customer_id "
                             "ORDER BY c.pppoe_username") == "budi.santoso:25000,sri.mulyani:10000");

    // Paid history: twelve invoices, all paid, the first of each customer's month its monthly invoice.
    BOOST_TEST(count(server, "SELECT COUNT(*) FROM invoices") == invoices_before + 12);
    const std::string imported_invoices = "SELECT entity_id FROM import_keys WHERE kind = 'invoice'";
    BOOST_TEST(count(server, "SELECT COUNT(*) FROM invoices WHERE status = 'paid' AND id IN (" + imported_invoices + ")") == 12);
    BOOST_TEST(count(server, "SELECT SUM(total) FROM invoices WHERE id IN (" + imported_invoices + ")") == 3466000);
    BOOST_TEST(count(server, "SELECT COUNT(*) FROM invoices WHERE kind = 'manual' AND id IN (" + imported_invoices + ")") == 1);
    BOOST_TEST(server.joined("SELECT method || ':' || COUNT(*) FROM payments WHERE invoice_id IN (" + imported_invoices +
                             ") GROUP BY method ORDER BY method") == "bank_transfer:2,cash:7,gateway:3");
    BOOST_TEST(server.scalar("SELECT i.due_date || ' ' || i.period FROM invoices i JOIN customers c ON c.id = i.customer_id "
                             "WHERE c.pppoe_username = 'budi.santoso' AND i.kind = 'monthly' ORDER BY i.due_date DESC LIMIT 1") == "2026-01-10 2026-01");

    // Routers: passwords sealed (not in the table as text), readable through the product's own unsealing.
    BOOST_TEST(server.count_containing("SELECT password_encrypted FROM routers", "Rah4sia") == 0);
    BOOST_TEST(server.count_containing("SELECT password_encrypted FROM routers", "cabang") == 0);
    BOOST_TEST(server.scalar("SELECT push_secrets FROM routers WHERE name = 'Mikrotik-Pusat'") == "0");
    {
        auto lease = server.app().database();
        app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        const std::int64_t pusat = std::stoll(server.scalar("SELECT id FROM routers WHERE name = 'Mikrotik-Pusat'"));
        const std::int64_t cabang = std::stoll(server.scalar("SELECT id FROM routers WHERE name = 'RB-Cabang-Sukamaju'"));
        BOOST_TEST(services::router_with_password(context, pusat)->password == "Rah4sia'Pusat;01");
        BOOST_TEST(services::router_with_password(context, cabang)->password == "cabang\\123");
    }
    BOOST_TEST(server.count_containing("SELECT pppoe_password_encrypted FROM customers", "budi1234") == 0);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM customers WHERE pppoe_username = 'budi.santoso' AND pppoe_password_encrypted IS NOT NULL") == "1");

    // The invoice run of January does not bill again what PHPNuxBill collected in January.
    {
        auto lease = server.app().database();
        app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        services::GenerateOptions options;
        options.period = Period{2026, 1};
        BOOST_TEST_REQUIRE(services::generate_invoices(context, options).ok());
    }
    BOOST_TEST(count(server, "SELECT COUNT(*) FROM invoices i JOIN customers c ON c.id = i.customer_id "
                             "WHERE c.pppoe_username = 'budi.santoso' AND i.period = '2026-01'") == 1);

    // Again, through the CLI: nothing is written at all.
    const std::string before = server.snapshot();
    BOOST_TEST(kimonet_cli(server, {"--file", kFixture}) == 0);
    BOOST_TEST(server.snapshot() == before);
    const api::Json again = import_report(server, *data, true);
    BOOST_TEST(again["customers"]["new"] == 0);
    BOOST_TEST(again["customers"]["unchanged"] == 6);
    BOOST_TEST(again["routers"]["unchanged"] == 2);
    BOOST_TEST(again["packages"]["unchanged"] == 4);
    BOOST_TEST(again["invoices"]["new"] == 0);
    BOOST_TEST(again["invoices"]["unchanged"] == 12);
    BOOST_TEST(again["changed"].empty());
}

BOOST_AUTO_TEST_CASE(a_later_run_imports_what_is_new_and_reports_what_changed_without_applying_it) {
    TestServer server;
    BOOST_TEST_REQUIRE(kimonet_cli(server, {"--file", kFixture}) == 0);
    // During the freeze window PHPNuxBill still took one payment, and someone renamed Siti.
    std::string text = fixture_text();
    text.replace(text.find("'Siti Rahayu'"), 13, "'Siti Rahayu Putri'");
    text += "INSERT INTO `tbl_transactions` VALUES (16,'INV-116','agus.w','Paket Bisnis 30 Mbps','450000','2026-01-14','09:30:00',"
            "'2026-02-13','09:30:00','Bank Transfer - Mandiri','RB-Cabang-Sukamaju','PPPOE','',1);\n";
    auto data = read_dump(text);
    BOOST_TEST_REQUIRE(data.ok(), (data ? "" : data.error().message()));
    const api::Json report = import_report(server, *data, false);
    BOOST_TEST(report["invoices"]["new"] == 1);
    BOOST_TEST(report["customers"]["new"] == 0);
    BOOST_TEST(report["customers"]["changed"] == 1);
    BOOST_TEST_REQUIRE(report["changed"].size() == 1u);
    BOOST_TEST(report["changed"][0]["name"] == "siti.rahayu");
    BOOST_TEST(report["changed"][0]["fields"] == api::Json::array({"name"}));
    BOOST_TEST(server.scalar("SELECT name FROM customers WHERE pppoe_username = 'siti.rahayu'") == "Siti Rahayu");
    BOOST_TEST(count(server, "SELECT COUNT(*) FROM payments WHERE note LIKE 'PHPNuxBill INV-116%' AND method = 'bank_transfer'") == 1);
}

BOOST_AUTO_TEST_CASE(a_malformed_dump_changes_nothing_and_names_its_line) {
    TestServer server;
    TempDir dir;
    const std::string text = fixture_text();
    const std::size_t customers_line = line_of(text, "INSERT INTO `tbl_customers`");
    const std::size_t recharges_line = line_of(text, "INSERT INTO `tbl_user_recharges`");
    struct Broken {
        std::string text;
        std::string message;
    };
    const std::vector<Broken> cases = {
        // A quote never closed: the dump ends inside the statement that began at the customers' INSERT.
        {text.substr(0, text.find("'Budi Santoso'") + 3) + "\n", messages::with_detail(messages::kDumpUnterminated, std::to_string(customers_line))},
        // One value short in a row.
        {std::string(text).replace(text.find("'budi.santoso','budi1234',''"), 28, "'budi.santoso','budi1234'"),
         messages::with_detail(messages::kDumpColumnCount, std::to_string(customers_line))},
        // A recharge whose expiration is not a date.
        {std::string(text).replace(text.find("'2026-02-10','19:02:11','on'"), 12, "'2026-13-45'"),
         messages::with_detail(messages::kDumpBadDate, std::to_string(recharges_line) + " (tbl_user_recharges.expiration)")},
        // Rows of a table whose CREATE TABLE is not in the file, without a column list.
        {"INSERT INTO `tbl_customers` VALUES (1,'a');\n", messages::with_detail(messages::kDumpNoColumns, "1")},
        // Not PHPNuxBill at all.
        {"CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\n", messages::kDumpNotPhpnuxbill},
    };
    const std::string before = server.snapshot();
    for (std::size_t i = 0; i < cases.size(); ++i) {
        auto data = read_dump(cases[i].text);
        BOOST_TEST_REQUIRE(!data.ok(), "case " << i);
        BOOST_TEST(data.error().message() == cases[i].message, "case " << i);
        BOOST_TEST(kimonet_cli(server, {"--file", write_file(dir, "broken" + std::to_string(i) + ".sql", cases[i].text)}) == 1);
    }
    BOOST_TEST(kimonet_cli(server, {"--file", dir.file("missing.sql")}) == 1);
    BOOST_TEST(kimonet_cli(server, {}) == 1);  // no source
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(an_endless_line_is_refused_at_the_statement_limit) {
    EndlessLine source;
    std::istream in(&source);
    auto data = imports::read_phpnuxbill_dump(in);
    BOOST_TEST_REQUIRE(!data.ok());
    BOOST_TEST(data.error().message() == messages::with_detail(messages::kDumpStatementTooLong, "2"));
    // It stopped reading right after the limit: memory stays bounded by it, not by the line.
    BOOST_TEST(source.served <= imports::kSqlDumpMaxStatementBytes + 2 * 64 * 1024);
}

BOOST_AUTO_TEST_CASE(a_live_mariadb_loaded_with_the_dump_gives_the_same_import) {
    TestMariadb mariadb;
    mariadb.run_sql("CREATE DATABASE phpnuxbill CHARACTER SET utf8mb4; CREATE USER 'kimonet'@'127.0.0.1' IDENTIFIED BY 'b4ca:Saja@1'; "
                    "GRANT SELECT ON phpnuxbill.* TO 'kimonet'@'127.0.0.1';");
    mariadb.load_file(kFixture, "phpnuxbill");
    const std::string url = "mariadb://kimonet:b4ca%3ASaja%401@127.0.0.1:" + std::to_string(mariadb.port()) + "/phpnuxbill";
    auto target = imports::parse_mariadb_url(url);
    BOOST_TEST_REQUIRE(target.ok(), (target ? "" : target.error().message()));
    BOOST_TEST(target->password == "b4ca:Saja@1");
    auto live = imports::read_phpnuxbill_mariadb(*target);
    BOOST_TEST_REQUIRE(live.ok(), (live ? "" : live.error().message()));
    auto dumped = read_dump(fixture_text());
    BOOST_TEST_REQUIRE(dumped.ok());

    TestServer server;
    const api::Json from_dump = import_report(server, *dumped, true);
    const api::Json from_live = import_report(server, *live, true);
    BOOST_TEST(comparable(from_live) == comparable(from_dump), comparable(from_live).dump() << "\n" << comparable(from_dump).dump());

    // The operator's path: the CLI with the URL (the password from the environment), then a re-run adds nothing.
    const std::string wrong = "mariadb://kimonet:salah@127.0.0.1:" + std::to_string(mariadb.port()) + "/phpnuxbill";
    const std::string before = server.snapshot();
    BOOST_TEST(kimonet_cli(server, {"--mariadb", wrong}) == 1);
    BOOST_TEST(server.snapshot() == before);
    ::setenv("KIMONET_IMPORT_MARIADB_PASSWORD", "b4ca:Saja@1", 1);
    BOOST_TEST(kimonet_cli(server, {"--mariadb", wrong}) == 0);
    ::unsetenv("KIMONET_IMPORT_MARIADB_PASSWORD");
    BOOST_TEST(count(server, "SELECT COUNT(*) FROM import_keys WHERE kind = 'customer'") == 6);
    BOOST_TEST(count(server, "SELECT COUNT(*) FROM import_keys WHERE kind = 'invoice'") == 12);
    BOOST_TEST(server.scalar("SELECT address FROM customers WHERE pppoe_username = 'sri.mulyani'") == "Jl. Kenanga 9\nDesa Sukamaju");
    const std::string imported = server.snapshot();
    BOOST_TEST(kimonet_cli(server, {"--mariadb", url}) == 0);
    BOOST_TEST(server.snapshot() == imported);
}

BOOST_AUTO_TEST_CASE(the_upload_route_is_for_admins_and_gives_the_same_report) {
    TestServer server;
    const std::string dump = fixture_text();
    const std::string admin = server.login("admin"), finance = server.login("finance"), technician = server.login("technician");
    const std::string before = server.snapshot();
    // Anonymous, and the staff roles without settings.update: refused, nothing written.
    BOOST_TEST(server.call("POST", "/api/imports/phpnuxbill", dump, "").status == 401);
    for (const auto& token : {finance, technician}) BOOST_TEST(server.call("POST", "/api/imports/phpnuxbill", dump, token).status == 403);
    const std::string broken = std::string(dump).replace(dump.find("'budi.santoso','budi1234',''"), 28, "'budi.santoso','budi1234'");
    auto refused = server.call("POST", "/api/imports/phpnuxbill", broken, admin);
    BOOST_TEST(refused.status == 422);
    BOOST_TEST(refused.json()["error"]["message"] ==
               messages::with_detail(messages::kDumpColumnCount, std::to_string(line_of(dump, "INSERT INTO `tbl_customers`"))));
    BOOST_TEST(server.snapshot() == before);

    auto dry = server.call("POST", "/api/imports/phpnuxbill?dry_run=true", dump, admin);
    BOOST_TEST_REQUIRE(dry.status == 200, dry.body);
    BOOST_TEST(server.snapshot() == before);
    auto done = server.call("POST", "/api/imports/phpnuxbill", dump, admin);
    BOOST_TEST_REQUIRE(done.status == 201, done.body);
    BOOST_TEST(comparable(done.json()["data"]) == comparable(dry.json()["data"]));
    BOOST_TEST(done.json()["data"]["customers"]["new"] == 6);
    BOOST_TEST(count(server, "SELECT COUNT(*) FROM import_keys WHERE kind = 'invoice'") == 12);
}

BOOST_AUTO_TEST_SUITE_END()
