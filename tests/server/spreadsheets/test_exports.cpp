#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>

#include "server/reports/report_fixture.hpp"
#include "spreadsheets/xlsx_reader.hpp"
#include "support/column_values.hpp"
#include "support/test_server_support.hpp"
#include "support/pdf_text.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

spreadsheets::SheetRows read_sheet(const std::string& bytes) {
    auto sheet = spreadsheets::read_xlsx(bytes);
    BOOST_TEST_REQUIRE(sheet.ok(), (sheet ? "" : sheet.error().message()));
    return *sheet;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exports)

BOOST_AUTO_TEST_CASE(customers_xlsx_is_an_attachment_with_a_header_row_and_every_customer) {
    TestServer server;
    auto reply = server.get("/api/exports/customers.xlsx", server.login("admin"));
    BOOST_TEST_REQUIRE(reply.status == 200);
    BOOST_TEST(reply.headers["content-type"].find("spreadsheetml") != std::string::npos);
    BOOST_TEST(reply.headers["content-disposition"] == "attachment; filename=\"pelanggan-2026-01-15.xlsx\"");
    const auto sheet = read_sheet(reply.body);
    BOOST_TEST_REQUIRE(sheet.rows.size() == 51u);  // header + 50 demo customers
    BOOST_TEST(sheet.rows[0][0] == "No. Layanan");
    BOOST_TEST(sheet.rows[0][9] == "Tanggal Daftar");
    BOOST_TEST(sheet.rows[1][0] == "CUST001");
    BOOST_TEST(sheet.rows[1][1] == server.scalar("SELECT name FROM customers WHERE service_number = 'CUST001'"));
    // Dates are real date cells: the serial number of the join date.
    auto join = parse_date(server.scalar("SELECT join_date FROM customers WHERE service_number = 'CUST001'"));
    BOOST_TEST_REQUIRE(join.ok());
    BOOST_TEST(sheet.rows[1][9] == std::to_string(days_between(Date{1899, 12, 30}, *join)));
}

BOOST_AUTO_TEST_CASE(customers_csv_has_a_bom_and_round_trips_through_the_import) {
    TestServer source;
    auto exported = source.get("/api/exports/customers.csv", source.login("admin"));
    BOOST_TEST_REQUIRE(exported.status == 200);
    BOOST_TEST(exported.body.substr(0, 3) == "\xEF\xBB\xBF");
    BOOST_TEST(exported.body.find("No. Layanan,Nama,Telepon") == 3u);

    TestServer target;
    {
        auto db = store::Database::open(target.db_path());
        BOOST_TEST_REQUIRE(db.ok());
        // Start the target without customers. SQLite: foreign keys off for this connection, so the
        // demo's invoices and messages stay behind unreferenced; PostgreSQL has no such switch for a
        // plain user, so its TRUNCATE … CASCADE empties the tables that reference customers too. The
        // import reads neither.
        const bool postgresql = (*db)->engine() == store::Engine::Postgresql;
        BOOST_TEST_REQUIRE((*db)->execute(postgresql ? "TRUNCATE customers CASCADE" : "PRAGMA foreign_keys = OFF; DELETE FROM customers").ok());
    }
    const std::string token = target.login("admin");
    auto imported = target.call("POST", "/api/imports/customers", exported.body, token);
    BOOST_TEST_REQUIRE(imported.status == 201, imported.body.substr(0, 400));
    BOOST_TEST(imported.json()["data"]["imported"].get<std::int64_t>() == 50);
    // Everything the import reads came back the same (status is not imported: new customers start active).
    BOOST_TEST(target.scalar("SELECT COUNT(*) FROM customers") == "50");
    const std::string fingerprint =
        "SELECT service_number || name || phone || email || address || join_date || package_id || "
        "COALESCE(router_id, 0) || pppoe_username || COALESCE(CAST(due_day AS TEXT), '-') FROM customers ORDER BY service_number";
    BOOST_TEST(column_values(target, fingerprint) == column_values(source, fingerprint));
}

BOOST_AUTO_TEST_CASE(invoices_and_payments_exports_carry_the_ledger) {
    TestServer server;
    load_report_fixture(server);
    const std::string token = server.login("finance");
    auto invoices = server.get("/api/exports/invoices.csv?from=2025-12&to=2025-12", token);
    BOOST_TEST_REQUIRE(invoices.status == 200);
    BOOST_TEST(invoices.body.find("R-2512-2,REP002,Dua,2025-12,monthly,2025-12-15,2025-12-20,100000,0,100000,40000,60000,partial\r\n") !=
               std::string::npos);
    BOOST_TEST(invoices.body.find("R-2601") == std::string::npos);
    auto payments = read_sheet(server.get("/api/exports/payments.xlsx", token).body);
    BOOST_TEST_REQUIRE(payments.rows.size() == 5u);
    BOOST_TEST(payments.rows[3][0] == "RC-3");
    BOOST_TEST(payments.rows[3][6] == "midtrans");
    BOOST_TEST(payments.rows[3][7] == "100000");
    BOOST_TEST(server.get("/api/exports/payments.csv", server.login("technician")).status == 403);
}

BOOST_AUTO_TEST_CASE(reports_export_to_xlsx_csv_and_pdf_with_the_same_figures) {
    TestServer server;
    load_report_fixture(server);
    const std::string token = server.login("finance");
    auto workbook = read_sheet(server.get("/api/exports/reports/revenue.xlsx?from=2025-12&to=2026-01", token).body);
    BOOST_TEST_REQUIRE(workbook.rows.size() == 3u);  // header + 2 months (first sheet)
    BOOST_TEST(workbook.rows[1][0] == "2025-12");
    BOOST_TEST(workbook.rows[1][2] == "200000");
    BOOST_TEST(workbook.rows[2][4] == "110000");
    auto csv = server.get("/api/exports/reports/billing.csv?from=2025-12&to=2026-01", token);
    BOOST_TEST_REQUIRE(csv.status == 200);
    BOOST_TEST(csv.body.find("> 90 hari,1,200000\r\n") != std::string::npos);
    BOOST_TEST(csv.body.find("REP003,Tiga,1,2025-10-10,200000\r\n") != std::string::npos);

    auto pdf = server.get("/api/exports/reports/revenue.pdf?from=2025-12&to=2026-01", token);
    BOOST_TEST_REQUIRE(pdf.status == 200);
    BOOST_TEST(pdf.body.substr(0, 5) == "%PDF-");
    TempDir dir;
    const std::string text = pdf_text(dir, pdf.body);
    BOOST_TEST(text.find("Laporan Pendapatan") != std::string::npos);
    BOOST_TEST(text.find("Rp 250.000") != std::string::npos);  // collected in the range
    BOOST_TEST(text.find("200.000") != std::string::npos);

    auto bad = server.get("/api/exports/reports/customers.pdf?from=2026-05&to=2026-01", token);
    BOOST_TEST(bad.status == 422);
}

BOOST_AUTO_TEST_SUITE_END()
