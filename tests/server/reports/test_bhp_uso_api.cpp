// The BHP Telekomunikasi and USO report as the operator's accountant uses it: a seeded quarter's
// figures, deductions lowering the base, a rate change applying per month, the XLSX read back, the
// PDF's text, and every lower role refused with nothing changed. Figures were computed by hand
// from the rows below (docs/bhp-uso.md).
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>

#include "server/reports/report_fixture.hpp"
#include "spreadsheets/xlsx_reader.hpp"
#include "support/test_server_support.hpp"
#include "support/pdf_text.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// report_fixture's ledger (2025-12: Rp 100.000 paid + Rp 100.000 partly paid + a void one) plus
// October and November with PPN: Oct 111.000 (PPN 11.000) + 222.000 (PPN 22.000); Nov 111.000
// (PPN 11.000, partly paid) + a void 222.000. Gross revenue of Q4 2025 without PPN: 300.000 +
// 100.000 + 200.000 = 600.000, from 5 invoices billed 644.000 with PPN 44.000.
void load_quarter(TestServer& server) {
    load_report_fixture(server);
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(db.ok());
    auto loaded = (*db)->execute(R"SQL(
INSERT INTO invoices(id, invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, paid_amount, status, created_at) VALUES
  (7, 'B-2510-1', 1, '2025-10', 'monthly', 1, '2025-10-01', '2025-10-10', 100000, 11000, 111000, 111000, 'paid', 0),
  (8, 'B-2510-2', 4, '2025-10', 'monthly', 2, '2025-10-01', '2025-10-10', 200000, 22000, 222000, 0, 'unpaid', 0),
  (9, 'B-2511-1', 1, '2025-11', 'monthly', 1, '2025-11-01', '2025-11-10', 100000, 11000, 111000, 50000, 'partial', 0),
  (10, 'B-2511-2', 4, '2025-11', 'monthly', 2, '2025-11-01', '2025-11-10', 200000, 22000, 222000, 0, 'void', 0);
)SQL");
    BOOST_TEST_REQUIRE(loaded.ok(), (loaded ? "" : loaded.error().message()));
    BOOST_TEST_REQUIRE(store::reset_identity_sequences(**db).ok());
}

api::Json report(TestServer& server, const std::string& query, const std::string& token) {
    auto reply = server.get("/api/reports/bhp-uso" + query, token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    return reply.json()["data"];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bhp_uso_api)

BOOST_AUTO_TEST_CASE(a_quarter_counts_invoices_without_ppn_and_void_ones_and_deductions_lower_the_base) {
    TestServer server;
    load_quarter(server);
    const std::string finance = server.login("finance");

    auto quarter = report(server, "?from=2025-10&to=2025-12&per=quarter", finance);
    BOOST_TEST(quarter["basis"] == "invoices");
    BOOST_TEST_REQUIRE(quarter["periods"].size() == 1u);
    const auto q4 = quarter["periods"][0];
    BOOST_TEST(q4["key"] == "2025-Q4");
    BOOST_TEST(q4["invoices"] == 5);
    BOOST_TEST(q4["billed"] == 644000);
    BOOST_TEST(q4["tax"] == 44000);
    BOOST_TEST(q4["gross"] == 600000);
    BOOST_TEST(q4["base"] == 600000);
    BOOST_TEST(q4["bhp_bp"] == 50);
    BOOST_TEST(q4["uso_bp"] == 125);
    BOOST_TEST(q4["bhp"] == 3000);  // 0,5% of 600.000
    BOOST_TEST(q4["uso"] == 7500);  // 1,25%
    BOOST_TEST(quarter["total"]["due"] == 10500);

    // The accountant writes off December's unpaid Rp 60.000 and enters Rp 40.000 of interconnection.
    auto bad_debt = server.post("/api/reports/bhp-uso/deductions",
                                R"({"period":"2025-12","kind":"bad_debt","amount":60000,"reason":"REP002 dihapusbukukan"})", finance);
    BOOST_TEST_REQUIRE(bad_debt.status == 201, bad_debt.body);
    auto link = server.post("/api/reports/bhp-uso/deductions",
                            R"({"period":"2025-10","kind":"interconnection","amount":40000,"reason":"Sewa uplink ke NAP"})", finance);
    BOOST_TEST_REQUIRE(link.status == 201, link.body);
    auto after = report(server, "?from=2025-10&to=2025-12", finance);  // quarter by default
    BOOST_TEST(after["periods"][0]["deductions"] == 100000);
    BOOST_TEST(after["periods"][0]["base"] == 500000);
    BOOST_TEST(after["periods"][0]["bhp"] == 2500);
    BOOST_TEST(after["periods"][0]["uso"] == 6250);
    BOOST_TEST_REQUIRE(after["deductions"].size() == 2u);
    BOOST_TEST(after["deductions"][0]["kind"] == "interconnection");
    BOOST_TEST(after["deductions"][1]["reason"] == "REP002 dihapusbukukan");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'revenue_deduction.create'") == "2");

    // A deduction entered by mistake is removed; the base comes back.
    const auto id = std::to_string(link.json()["data"]["id"].get<std::int64_t>());
    BOOST_TEST(server.del("/api/reports/bhp-uso/deductions/" + id, finance).status == 200);
    BOOST_TEST(report(server, "?from=2025-10&to=2025-12", finance)["periods"][0]["base"] == 540000);
    BOOST_TEST(server.del("/api/reports/bhp-uso/deductions/" + id, finance).status == 404);
}

BOOST_AUTO_TEST_CASE(a_rate_change_applies_from_its_month_and_each_month_keeps_its_own_rate) {
    TestServer server;
    load_quarter(server);
    const std::string admin = server.login("admin");
    auto changed = server.post("/api/reports/bhp-uso/rates", R"({"effective_from":"2025-11-01","bhp_bp":100,"uso_bp":150,"note":"uji"})", admin);
    BOOST_TEST_REQUIRE(changed.status == 201, changed.body);
    BOOST_TEST(server.post("/api/reports/bhp-uso/rates", R"({"effective_from":"2025-11-01","bhp_bp":60,"uso_bp":150})", admin).status == 409);
    BOOST_TEST(server.post("/api/reports/bhp-uso/rates", R"({"effective_from":"2025-11-15","bhp_bp":60,"uso_bp":150})", admin).status == 422);

    auto months = report(server, "?from=2025-10&to=2025-12&per=month", admin);
    BOOST_TEST_REQUIRE(months["periods"].size() == 3u);
    BOOST_TEST(months["periods"][0]["bhp_bp"] == 50);    // October: the old rates
    BOOST_TEST(months["periods"][0]["bhp"] == 1500);     // 0,5% of 300.000
    BOOST_TEST(months["periods"][0]["uso"] == 3750);
    BOOST_TEST(months["periods"][1]["bhp_bp"] == 100);   // November on: 1% and 1,5%
    BOOST_TEST(months["periods"][1]["bhp"] == 1000);     // of 100.000
    BOOST_TEST(months["periods"][2]["uso"] == 3000);     // 1,5% of 200.000
    auto quarter = report(server, "?from=2025-10&to=2025-12&per=quarter", admin);
    BOOST_TEST(quarter["periods"][0]["rates_vary"] == true);
    BOOST_TEST(quarter["periods"][0]["bhp"] == 4500);  // 1.500 + 1.000 + 2.000
    BOOST_TEST(quarter["periods"][0]["uso"] == 8250);  // 3.750 + 1.500 + 3.000
    // A year splits at the new year: 2025 (Sep–Dec) and 2026 (Jan) each with their own lines.
    auto years = report(server, "?from=2025-09&to=2026-01&per=year", admin);
    BOOST_TEST_REQUIRE(years["periods"].size() == 2u);
    BOOST_TEST(years["periods"][0]["key"] == "2025");
    BOOST_TEST(years["periods"][0]["gross"] == 800000);  // + September's 200.000
    BOOST_TEST(years["periods"][1]["gross"] == 210000);
    BOOST_TEST(server.get("/api/reports/bhp-uso?per=week", admin).status == 422);
}

BOOST_AUTO_TEST_CASE(the_xlsx_reads_back_with_the_figures_and_the_pdf_prints_them) {
    TestServer server;
    load_quarter(server);
    const std::string finance = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/reports/bhp-uso/deductions",
                                   R"({"period":"2025-12","kind":"bad_debt","amount":60000,"reason":"REP002 dihapusbukukan"})", finance)
                           .status == 201);
    auto xlsx = server.get("/api/exports/reports/bhp-uso.xlsx?from=2025-10&to=2025-12&per=quarter", finance);
    BOOST_TEST_REQUIRE(xlsx.status == 200);
    BOOST_TEST(xlsx.headers["content-disposition"] == "attachment; filename=\"laporan-bhp-uso-2026-01-15.xlsx\"");
    auto sheet = spreadsheets::read_xlsx(xlsx.body);
    BOOST_TEST_REQUIRE(sheet.ok());
    BOOST_TEST_REQUIRE(sheet->rows.size() == 3u);  // header, Q4, total
    BOOST_TEST(sheet->rows[0][6] == "Penjualan voucher");  // none sold here (test_voucher_books has them)
    BOOST_TEST(sheet->rows[0][7] == "Pendapatan kotor");
    BOOST_TEST(sheet->rows[1][0] == "Triwulan IV 2025");
    BOOST_TEST(sheet->rows[1][6] == "0");
    BOOST_TEST(sheet->rows[1][7] == "600000");
    BOOST_TEST(sheet->rows[1][8] == "60000");
    BOOST_TEST(sheet->rows[1][9] == "540000");
    BOOST_TEST(sheet->rows[1][11] == "2700");
    BOOST_TEST(sheet->rows[1][13] == "6750");
    BOOST_TEST(sheet->rows[2][0] == "Total");

    auto pdf = server.get("/api/exports/reports/bhp-uso.pdf?from=2025-10&to=2025-12", finance);
    BOOST_TEST_REQUIRE(pdf.status == 200);
    TempDir dir;
    const std::string text = pdf_text(dir, pdf.body);
    BOOST_TEST(text.find("Laporan BHP Telekomunikasi dan USO") != std::string::npos);
    BOOST_TEST(text.find("Rp 540.000") != std::string::npos);  // the base
    BOOST_TEST(text.find("Rp 2.700") != std::string::npos);    // BHP due
    BOOST_TEST(text.find("REP002 dihapusbukukan") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(lower_roles_and_bad_input_are_refused_and_change_nothing) {
    TestServer server;
    load_quarter(server);
    const std::string technician = server.login("technician");
    const std::string finance = server.login("finance");
    const std::string before = server.snapshot();
    BOOST_TEST(server.get("/api/reports/bhp-uso", technician).status == 403);
    BOOST_TEST(server.get("/api/reports/bhp-uso").status == 401);
    BOOST_TEST(server.get("/api/exports/reports/bhp-uso.xlsx", technician).status == 403);
    const std::string deduction = R"({"period":"2025-12","kind":"bad_debt","amount":60000,"reason":"x"})";
    BOOST_TEST(server.post("/api/reports/bhp-uso/deductions", deduction, technician).status == 403);
    BOOST_TEST(server.post("/api/reports/bhp-uso/deductions", deduction).status == 401);
    BOOST_TEST(server.post("/api/reports/bhp-uso/rates", R"({"effective_from":"2026-01-01","bhp_bp":0,"uso_bp":0})", technician).status == 403);
    for (const char* body : {R"({"period":"2025-12","kind":"bad_debt","amount":-5,"reason":"x"})",
                             R"({"period":"2025-12","kind":"bad_debt","amount":1000000000001,"reason":"x"})",
                             R"({"period":"2025-12","kind":"bad_debt","amount":1e30,"reason":"x"})",
                             R"({"period":"2025-12","kind":"bad_debt","amount":"60000","reason":"x"})",
                             R"({"period":"2025-12","kind":"discount","amount":60000,"reason":"x"})",
                             R"({"period":"2025-13","kind":"bad_debt","amount":60000,"reason":"x"})",
                             R"({"period":"2025-12","kind":"bad_debt","amount":60000,"reason":"  "})", R"([1,2])"}) {
        auto reply = server.post("/api/reports/bhp-uso/deductions", body, finance);
        BOOST_TEST((reply.status == 422 || reply.status == 400), body << " -> " << reply.status);
        BOOST_TEST(reply.is_error_envelope());
    }
    BOOST_TEST(server.post("/api/reports/bhp-uso/rates", R"({"effective_from":"2026-02-01","bhp_bp":10001,"uso_bp":125})", finance).status == 422);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
