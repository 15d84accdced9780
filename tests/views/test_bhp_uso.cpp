// The BHP & USO tab of Laporan (issue 20) as the accountant uses it (figures on a phone, 390 px): the
// figures of the quarter from the server's own serialiser, the grouping asked with ?per, a
// deduction typed the way an Indonesian cashier types amounts and sent once, a rate entered in
// percent and sent in basis points, and no form for a role that may only read.
#include <boost/test/unit_test.hpp>

#include "api/bhp_uso_dto.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;
namespace reports = kimonet::reports;

namespace {

// Q4 2025: Rp 600.000 gross (PPN Rp 44.000 left out), a Rp 60.000 bad debt written off.
Json quarter_report() {
    const reports::MonthRange range{{2025, 10}, {2025, 12}};
    const std::vector<reports::MonthlyRevenue> revenue = {{{2025, 10}, 2, 333000, 33000}, {{2025, 11}, 1, 111000, 11000}, {{2025, 12}, 2, 200000, 0}};
    auto report = reports::bhp_uso_report(range, reports::Grouping::Quarter, revenue,
                                          {{1, {2025, 12}, "bad_debt", 60000, "REP002 dihapusbukukan"}},
                                          {{1, {2000, 1, 1}, 50, 125, "PP 43/2023"}});
    BOOST_TEST_REQUIRE(report.ok());
    return {{"success", true}, {"data", api::to_json(*report)}};
}

// Q1 2026 at an RT/RW-net's real size: Rp 48.750.000 billed in January with Rp 4.830.000 PPN, and in
// February Rp 49.680.000 with credit notes of Rp 300.000 base (their PPN left out): gross is
// billed - PPN - credited, Rp 88.377.000.
Json real_size_quarter() {
    reports::MonthlyRevenue january{{2026, 1}, 312, 48'750'000, 4'830'000};
    reports::MonthlyRevenue february{{2026, 2}, 318, 49'680'000, 4'923'000};
    february.credited = 300'000;
    auto report = reports::bhp_uso_report({{2026, 1}, {2026, 3}}, reports::Grouping::Quarter, {january, february}, {}, {});
    BOOST_TEST_REQUIRE(report.ok());
    BOOST_TEST_REQUIRE(report->total.gross == 88'377'000);
    return {{"success", true}, {"data", api::to_json(*report)}};
}

std::vector<Json> bodies(ViewHarness& harness, const std::string& method, const std::string& path) {
    std::vector<Json> out;
    for (const auto& sent : harness.api().sent())
        if (sent.method == method && sent.path == path) out.push_back(Json::parse(sent.body));
    return out;
}

void choose(ViewHarness& harness, const std::string& select, int option) {
    harness.click(select);
    harness.frames(2);
    harness.click(select + ".option." + std::to_string(option));
    harness.frames(2);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bhp_uso)

BOOST_AUTO_TEST_CASE(the_accountant_reads_the_quarter_on_a_phone_and_enters_a_deduction_and_a_rate) {
    ViewHarness harness("reports/bhp-uso");
    kimonet::testing::set_canvas_width(390.f);
    harness.api().answer("GET", "/api/reports/bhp-uso", quarter_report());
    harness.sign_in_staff({"reports.read", "reports.regulatory"}, "finance");
    harness.settle();
    BOOST_TEST(harness.value("reports.stat.bhp_gross") == "Rp 600.000");
    BOOST_TEST(harness.value("reports.stat.bhp_base") == "Rp 540.000");
    BOOST_TEST(harness.value("reports.stat.bhp_bhp") == "Rp 2.700");
    BOOST_TEST(harness.value("reports.stat.bhp_uso") == "Rp 6.750");
    BOOST_TEST(harness.value("reports.bhp.period.2025-Q4.period") == "Triwulan IV 2025");
    BOOST_TEST(harness.find("reports.bhp.deduction.1.summary").has_value());
    BOOST_TEST(harness.find("reports.bhp.form.save").has_value());
    for (const auto& widget : harness.widgets()) {
        if (widget.value("kind", "") != "button" || !widget.value("visible", false)) continue;
        const float x = widget["rect"]["x"].get<float>(), w = widget["rect"]["w"].get<float>();
        BOOST_TEST((x >= -0.5f && x + w <= 390.5f), widget.value("id", "") << " at " << x << ".." << x + w);
    }
    // The forms below on a desktop, where the whole tab fits the headless canvas.
    kimonet::testing::set_canvas_width(1280.f);
    harness.settle();

    // Per month: the report is asked again with ?per=month.
    choose(harness, "reports.bhp.per", 0);
    harness.settle();
    bool asked_per_month = false;
    for (const auto& sent : harness.api().sent()) asked_per_month |= sent.path.find("/api/reports/bhp-uso?") == 0 && sent.path.find("per=month") != std::string::npos;
    BOOST_TEST(asked_per_month);

    // A deduction: "1,5jt" of interconnection in November.
    choose(harness, "reports.bhp.form.period", 1);
    choose(harness, "reports.bhp.form.kind", 1);
    harness.click("reports.bhp.form.amount");
    harness.type("1,5jt");
    harness.click("reports.bhp.form.reason");
    harness.type("Sewa uplink");
    harness.api().answer("POST", "/api/reports/bhp-uso/deductions", {{"success", true}, {"data", Json::object()}}, 201);
    harness.click("reports.bhp.form.save");
    harness.settle();
    const auto deductions = bodies(harness, "POST", "/api/reports/bhp-uso/deductions");
    BOOST_TEST_REQUIRE(deductions.size() == 1u);
    BOOST_TEST(deductions[0]["period"] == "2025-11");
    BOOST_TEST(deductions[0]["kind"] == "interconnection");
    BOOST_TEST(deductions[0]["amount"] == 1500000);
    BOOST_TEST(deductions[0]["reason"] == "Sewa uplink");

    // A rate in percent: 0,6% and 1,25% from July 2026.
    harness.click("reports.bhp.rate.month");
    harness.type("2026-07");
    harness.click("reports.bhp.rate.bhp");
    harness.select_all();
    harness.type("0,6");
    harness.api().answer("POST", "/api/reports/bhp-uso/rates", {{"success", true}, {"data", Json::object()}}, 201);
    harness.click("reports.bhp.rate.save");
    harness.settle();
    const auto rates = bodies(harness, "POST", "/api/reports/bhp-uso/rates");
    BOOST_TEST_REQUIRE(rates.size() == 1u);
    BOOST_TEST(rates[0]["effective_from"] == "2026-07-01");
    BOOST_TEST(rates[0]["bhp_bp"] == 60);
    BOOST_TEST(rates[0]["uso_bp"] == 125);
}

BOOST_AUTO_TEST_CASE(a_reader_sees_the_figures_but_no_forms) {
    ViewHarness harness("reports/bhp-uso");
    harness.api().answer("GET", "/api/reports/bhp-uso", quarter_report());
    harness.sign_in_staff({"reports.read"}, "finance");
    harness.settle();
    BOOST_TEST(harness.value("reports.stat.bhp_bhp") == "Rp 2.700");
    BOOST_TEST(!harness.find("reports.bhp.form.save").has_value());
    BOOST_TEST(!harness.find("reports.bhp.rate.save").has_value());
    BOOST_TEST(!harness.find("reports.bhp.deduction.1.remove").has_value());
}

BOOST_AUTO_TEST_CASE(voucher_sales_have_their_own_column_and_are_in_gross_revenue) {
    // January 2026: Rp 111.000 billed with Rp 11.000 PPN, and 6 hotspot vouchers sold for Rp 30.000.
    reports::MonthlyRevenue january{{2026, 1}, 1, 111000, 11000};
    january.vouchers = 6;
    january.voucher_sales = 30000;
    auto report = reports::bhp_uso_report({{2026, 1}, {2026, 3}}, reports::Grouping::Quarter, {january}, {}, {});
    BOOST_TEST_REQUIRE(report.ok());
    ViewHarness harness("reports/bhp-uso");
    harness.api().answer("GET", "/api/reports/bhp-uso", {{"success", true}, {"data", api::to_json(*report)}});
    harness.sign_in_staff({"reports.read"}, "finance");
    harness.settle();
    BOOST_TEST(harness.value("reports.stat.bhp_gross") == "Rp 130.000");
    BOOST_TEST(harness.value("reports.bhp.period.2026-Q1.vouchers") == "Rp 30.000");
    BOOST_TEST(harness.value("reports.bhp.period.2026-Q1.gross") == "Rp 130.000");
    BOOST_TEST(harness.value("reports.bhp.period.total.vouchers") == "Rp 30.000");
}

BOOST_AUTO_TEST_CASE(credit_notes_have_the_export_s_column_and_are_taken_off_gross_revenue) {
    ViewHarness harness("reports/bhp-uso");
    harness.api().answer("GET", "/api/reports/bhp-uso", real_size_quarter());
    harness.sign_in_staff({"reports.read"}, "finance");
    harness.settle();
    // The export's "Nota kredit (DPP)" column, between PPN and the voucher sales.
    BOOST_TEST(harness.value("reports.bhp.period.header.credited") == "Nota kredit (DPP)");
    BOOST_TEST(harness.value("reports.bhp.period.2026-Q1.credited") == "Rp 300.000");
    BOOST_TEST(harness.value("reports.bhp.period.total.credited") == "Rp 300.000");
    BOOST_TEST(harness.value("reports.bhp.period.2026-Q1.gross") == "Rp 88.377.000");
    // The gross card says what was taken off it.
    BOOST_TEST(harness.value("reports.note.bhp_gross") ==
               "630 tagihan, tanpa PPN Rp 9.753.000, nota kredit Rp 300.000; penjualan voucher Rp 0");
}

BOOST_AUTO_TEST_CASE(a_quarter_at_an_isp_s_real_size_is_drawn_whole_on_a_laptop_and_on_a_phone) {
    ViewHarness harness("reports/bhp-uso");
    harness.api().answer("GET", "/api/reports/bhp-uso", real_size_quarter());
    harness.sign_in_staff({"reports.read"}, "finance");
    // The table scrolls sideways when its columns do not fit; no header or figure is cut.
    for (const float width : {1280.f, 360.f}) {
        kimonet::testing::set_canvas_width(width);
        kimonet::testing::set_canvas_height(3000.f);
        harness.settle();
        std::string cut;
        for (const auto& cell : harness.cut_cells("reports.bhp.period", true)) cut += "\n  " + cell;
        BOOST_TEST(cut.empty(), "cut at " << width << " px:" << cut);
    }
    // Where there is room, it fits without scrolling.
    kimonet::testing::set_canvas_width(1920.f);
    harness.settle();
    std::string cut;
    for (const auto& cell : harness.cut_cells("reports.bhp.period", false)) cut += "\n  " + cell;
    BOOST_TEST(cut.empty(), "cut at 1920 px:" << cut);
}

BOOST_AUTO_TEST_SUITE_END()
