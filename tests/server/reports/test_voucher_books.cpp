// Hotspot voucher sales in the owner's books (docs/bhp-uso.md, docs/VOUCHERS.md): an RT/RW-net owner
// sells vouchers through a reseller over the API and bills one invoice in January 2026. The BHP &
// USO report counts the vouchers' gross (before the reseller's commission) in gross revenue on a
// line of its own, by the local day of the sale (WIB: a sale at 00:30 on 1 February is February's,
// although it is still 31 January in UTC); the revenue report shows them next to the invoice
// payments and its totals include them; the dashboard too; the exports carry the same lines.
// Figures computed by hand from the rows below.
#include <boost/test/unit_test.hpp>

#include "server/network/voucher_fixture.hpp"
#include "server/reports/books_fixture.hpp"
#include "rbac/permissions.hpp"
#include "spreadsheets/xlsx_reader.hpp"
#include "store/migrations.hpp"
#include "support/pdf_text.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using kimonet::api::Json;

namespace {

// The router simulator's voucher fixture (price Rp 5.000 a voucher), a reseller with 10% commission
// and Rp 100.000 of balance, and one January invoice: Rp 111.000 with Rp 11.000 PPN, paid in full
// on 12 January. Then three sales, each a separate request:
//   15 Jan 09:00 WIB  4 vouchers  gross 20.000  commission 2.000  net 18.000
//   31 Jan 23:30 WIB  2 vouchers  gross 10.000  commission 1.000  net  9.000
//    1 Feb 00:30 WIB  3 vouchers  gross 15.000  commission 1.500  net 13.500  (31 Jan 17:30 UTC)
// January: vouchers 6, gross 30.000, commission 3.000, net 27.000; February: 3, 15.000, 1.500, 13.500.
struct VoucherBooks : VoucherFixture {
    VoucherBooks() {
        finance = server.login("finance");
        batch = make_batch(10);
        BOOST_TEST_REQUIRE(push(batch).status == 200);
        auto made = server.post("/api/resellers", R"({"name":"Warung Bu Sri","commission_type":"percent","commission_value":1000})", finance);
        BOOST_TEST_REQUIRE(made.status == 201, made.body);
        reseller = made.json()["data"]["id"].get<std::int64_t>();
        auto topped = server.post("/api/resellers/" + std::to_string(reseller) + "/top-up", R"({"amount":100000})", finance);
        BOOST_TEST_REQUIRE(topped.status == 200, topped.body);
        load_invoice();

        sell(4, "jan-15");
        server.clock().advance(16 * 86400 + 14 * 3600 + 30 * 60);  // 31 Jan 23:30 WIB
        finance = server.login("finance");
        sell(2, "jan-31");
        server.clock().advance(3600);  // 1 Feb 00:30 WIB, still 31 Jan in UTC
        finance = server.login("finance");
        sell(3, "feb-01");
    }

    void load_invoice() {
        auto db = store::Database::open(server.db_path());
        BOOST_TEST_REQUIRE(db.ok());
        auto loaded = (*db)->execute(
            "INSERT INTO invoices(id, invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
            "paid_amount, status, created_at, paid_at) VALUES (9001, 'V-2601-1', 1, '2026-01', 'monthly', 1, '2026-01-01', '2026-01-10', "
            "100000, 11000, 111000, 111000, 'paid', 0, " + paid_at() + ");"
            "INSERT INTO payments(id, invoice_id, customer_id, amount, applied_amount, method, paid_at, receipt_no, recorded_by_type, "
            "recorded_by_name, created_at) VALUES (9001, 9001, 1, 111000, 111000, 'cash', " + paid_at() + ", 'VC-1', 'user', 'finance', 0);");
        BOOST_TEST_REQUIRE(loaded.ok(), (loaded ? "" : loaded.error().message()));
        BOOST_TEST_REQUIRE(store::reset_identity_sequences(**db).ok());
    }
    // 12 January 2026 10:00 WIB.
    static std::string paid_at() { return std::to_string(unix_from_local(LocalDateTime{{2026, 1, 12}, 10, 0, 0}, UtcOffset{7 * 60})); }

    void sell(int count, const std::string& key) {
        auto sold = http_request("POST", server.url("/api/voucher-sales"),
                                 api::Json{{"reseller_id", reseller}, {"batch_id", batch}, {"count", count}}.dump(),
                                 {{"Authorization", "Bearer " + finance}, {"Content-Type", "application/json"}, {"Idempotency-Key", key}});
        BOOST_TEST_REQUIRE(sold.status == 201, sold.body);
    }

    api::Json get(const std::string& path) {
        auto reply = server.get(path, finance);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return reply.json()["data"];
    }

    std::string finance;
    std::int64_t batch = 0;
    std::int64_t reseller = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(voucher_books)

BOOST_AUTO_TEST_CASE(bhp_uso_counts_voucher_gross_in_gross_revenue_on_its_own_line_by_the_local_day) {
    VoucherBooks books;
    // The sales are where the voucher report says they are: by WIB day.
    BOOST_TEST(books.server.scalar("SELECT COUNT(*) FROM voucher_sales WHERE sale_date = '2026-02-01'") == "1");

    const auto report = books.get("/api/reports/bhp-uso?from=2026-01&to=2026-02&per=month");
    BOOST_TEST_REQUIRE(report["periods"].size() == 2u);
    const auto january = report["periods"][0];
    BOOST_TEST(january["key"] == "2026-01");
    BOOST_TEST(january["invoices"] == 1);
    BOOST_TEST(january["billed"] == 111000);
    BOOST_TEST(january["tax"] == 11000);
    BOOST_TEST(january["vouchers"] == 6);
    BOOST_TEST(january["voucher_sales"] == 30000);  // gross: the reseller's commission is a cost, not a deduction
    BOOST_TEST(january["gross"] == 130000);         // 100.000 of invoices without PPN + 30.000 of vouchers
    BOOST_TEST(january["base"] == 130000);
    BOOST_TEST(january["bhp"] == 650);   // 0,5%
    BOOST_TEST(january["uso"] == 1625);  // 1,25%
    const auto february = report["periods"][1];
    BOOST_TEST(february["vouchers"] == 3);
    BOOST_TEST(february["voucher_sales"] == 15000);
    BOOST_TEST(february["gross"] == 15000);
    BOOST_TEST(february["uso"] == 188);  // 187,5 rounded half up
    BOOST_TEST(report["total"]["voucher_sales"] == 45000);
    BOOST_TEST(report["total"]["gross"] == 145000);
    BOOST_TEST(report["total"]["bhp"] == 725);
    BOOST_TEST(report["total"]["uso"] == 1813);  // 1.812,5

    // A quarter sums the months; the commission entered as a deduction would be the accountant's
    // choice, not Kimonet's: nothing is deducted unless entered.
    const auto quarter = books.get("/api/reports/bhp-uso?from=2026-01&to=2026-03&per=quarter");
    BOOST_TEST(quarter["periods"][0]["voucher_sales"] == 45000);
    BOOST_TEST(quarter["periods"][0]["deductions"] == 0);
    BOOST_TEST(quarter["periods"][0]["base"] == 145000);
    // The voucher sales report's gross for the same days is the same number.
    std::int64_t reported = 0;
    for (const auto& day : books.get("/api/voucher-sales/report?from=2026-01-01&to=2026-03-31"))
        reported += day["gross_amount"].get<std::int64_t>();
    BOOST_TEST(reported == 45000);
}

BOOST_AUTO_TEST_CASE(the_bhp_uso_exports_carry_the_voucher_line) {
    VoucherBooks books;
    const std::string query = "?from=2026-01&to=2026-02&per=month";
    auto xlsx = books.server.get("/api/exports/reports/bhp-uso.xlsx" + query, books.finance);
    BOOST_TEST_REQUIRE(xlsx.status == 200);
    auto sheet = spreadsheets::read_xlsx(xlsx.body);
    BOOST_TEST_REQUIRE(sheet.ok());
    BOOST_TEST_REQUIRE(sheet->rows.size() == 4u);  // header, January, February, total
    const auto& header = sheet->rows[0];
    const auto column = [&](const std::string& name) {
        auto found = std::find(header.begin(), header.end(), name);
        BOOST_TEST_REQUIRE((found != header.end()), "no column " << name);
        return static_cast<std::size_t>(found - header.begin());
    };
    BOOST_TEST(sheet->rows[1][column("Penjualan voucher")] == "30000");
    BOOST_TEST(sheet->rows[1][column("Voucher")] == "6");
    BOOST_TEST(sheet->rows[1][column("Pendapatan kotor")] == "130000");
    BOOST_TEST(sheet->rows[3][column("Penjualan voucher")] == "45000");
    BOOST_TEST(sheet->rows[3][column("Pendapatan kotor")] == "145000");
    BOOST_TEST(column("Penjualan voucher") < column("Pendapatan kotor"));

    const auto csv = csv_table(books.server.get("/api/exports/reports/bhp-uso.csv" + query, books.finance).body, "Periode");
    BOOST_TEST_REQUIRE(csv.size() == 3u);
    BOOST_TEST(csv[0][column("Penjualan voucher")] == "30000");
    BOOST_TEST(csv[2][column("Pendapatan kotor")] == "145000");

    auto pdf = books.server.get("/api/exports/reports/bhp-uso.pdf" + query, books.finance);
    BOOST_TEST_REQUIRE(pdf.status == 200);
    TempDir dir;
    const std::string text = pdf_text(dir, pdf.body);
    BOOST_TEST(text.find("Penjualan voucher") != std::string::npos);
    BOOST_TEST(text.find("Rp 45.000") != std::string::npos);   // the figure
    BOOST_TEST(text.find("Rp 145.000") != std::string::npos);  // gross revenue
}

BOOST_AUTO_TEST_CASE(the_revenue_report_shows_voucher_sales_next_to_payments_and_its_totals_include_them) {
    VoucherBooks books;
    const auto report = books.get("/api/reports/revenue?from=2026-01&to=2026-02");
    BOOST_TEST_REQUIRE(report["months"].size() == 2u);
    const auto january = report["months"][0];
    BOOST_TEST(january["collected"] == 111000);  // invoice payments, as before
    BOOST_TEST(january["vouchers"] == 6);
    BOOST_TEST(january["voucher_gross"] == 30000);
    BOOST_TEST(january["voucher_commission"] == 3000);
    BOOST_TEST(january["voucher_net"] == 27000);
    BOOST_TEST(january["collected_with_vouchers"] == 138000);  // 111.000 + the 27.000 the reseller paid
    BOOST_TEST(january["revenue"] == 141000);                  // billed 111.000 + voucher gross 30.000
    const auto february = report["months"][1];
    BOOST_TEST(february["voucher_gross"] == 15000);
    BOOST_TEST(february["collected_with_vouchers"] == 13500);
    const auto totals = report["totals"];
    BOOST_TEST(totals["collected"] == 111000);
    BOOST_TEST(totals["vouchers"] == 9);
    BOOST_TEST(totals["voucher_gross"] == 45000);
    BOOST_TEST(totals["voucher_commission"] == 4500);
    BOOST_TEST(totals["voucher_net"] == 40500);
    BOOST_TEST(totals["collected_with_vouchers"] == 151500);
    BOOST_TEST(totals["revenue"] == 156000);

    // The export carries the same columns, month by month, in CSV and XLSX.
    const std::string query = "?from=2026-01&to=2026-02";
    auto xlsx = spreadsheets::read_xlsx(books.server.get("/api/exports/reports/revenue.xlsx" + query, books.finance).body);
    BOOST_TEST_REQUIRE(xlsx.ok());
    const auto csv = csv_table(books.server.get("/api/exports/reports/revenue.csv" + query, books.finance).body, "Periode");
    BOOST_TEST_REQUIRE(csv.size() == 2u);
    const auto& header = xlsx->rows[0];
    const auto column = [&](const std::string& name) {
        auto found = std::find(header.begin(), header.end(), name);
        BOOST_TEST_REQUIRE((found != header.end()), "no column " << name);
        return static_cast<std::size_t>(found - header.begin());
    };
    BOOST_TEST(xlsx->rows[1][column("Penjualan voucher")] == "30000");
    BOOST_TEST(xlsx->rows[1][column("Komisi reseller")] == "3000");
    BOOST_TEST(xlsx->rows[1][column("Terkumpul + voucher")] == "138000");
    BOOST_TEST(xlsx->rows[2][column("Penjualan voucher")] == "15000");
    BOOST_TEST(csv[0][column("Penjualan voucher")] == "30000");
    BOOST_TEST(csv[1][column("Terkumpul + voucher")] == "13500");
    auto pdf = books.server.get("/api/exports/reports/revenue.pdf" + query, books.finance);
    BOOST_TEST_REQUIRE(pdf.status == 200);
    TempDir dir;
    const std::string text = pdf_text(dir, pdf.body);
    BOOST_TEST(text.find("Penjualan voucher") != std::string::npos);
    BOOST_TEST(text.find("Rp 151.500") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_dashboard_shows_this_months_voucher_money_beside_collected) {
    VoucherBooks books;
    // Today is 1 February (WIB): February's one sale.
    const auto billing = books.get("/api/dashboard")["billing"];
    BOOST_TEST(billing["period"] == "2026-02");
    BOOST_TEST(billing["collected"] == 0);
    BOOST_TEST(billing["voucher_gross"] == 15000);
    BOOST_TEST(billing["voucher_net"] == 13500);
    BOOST_TEST(billing["collected_with_vouchers"] == 13500);
    const auto months = billing["months"];
    BOOST_TEST_REQUIRE(months.size() == 12u);
    BOOST_TEST(months[10]["period"] == "2026-01");
    BOOST_TEST(months[10]["collected"] == 111000);
    BOOST_TEST(months[10]["voucher_net"] == 27000);
    BOOST_TEST(months[10]["collected_with_vouchers"] == 138000);
}

BOOST_AUTO_TEST_CASE(the_dashboard_leaves_voucher_money_out_for_a_role_that_may_not_read_vouchers) {
    VoucherBooks books;
    // The technician reads invoices (the dashboard's money) and, by default, vouchers: the figures show.
    const std::string technician = books.server.login("technician");
    auto seen = books.server.get("/api/dashboard", technician);
    BOOST_TEST_REQUIRE(seen.status == 200, seen.body);
    BOOST_TEST(seen.json()["data"]["billing"]["voucher_gross"] == 15000);
    // The owner takes the vouchers away from technicians: the dashboard keeps the invoices' money only.
    Json permissions = Json::array();
    for (auto permission : rbac::default_permissions("technician"))
        if (permission != "vouchers.read" && permission != "vouchers.create") permissions.push_back(permission);
    const std::string role = books.server.scalar("SELECT id FROM roles WHERE name = 'technician'");
    auto revoked = books.server.put("/api/roles/" + role + "/permissions", Json{{"permissions", permissions}}.dump(), books.server.login("superadmin"));
    BOOST_TEST_REQUIRE(revoked.status == 200, revoked.body);
    auto after = books.server.get("/api/dashboard", technician);
    BOOST_TEST_REQUIRE(after.status == 200, after.body);
    const auto billing = after.json()["data"]["billing"];
    BOOST_TEST(billing["collected"] == 0);
    BOOST_TEST(!billing.contains("voucher_gross"));
    BOOST_TEST(!billing.contains("collected_with_vouchers"));
    BOOST_TEST(!billing["months"][10].contains("voucher_net"));
}

BOOST_AUTO_TEST_SUITE_END()
