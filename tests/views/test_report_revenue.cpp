// The revenue tab of Laporan as the owner reads it beside the export their accountant opens
// (server/spreadsheets/report_document.cpp): hotspot voucher sales (docs/VOUCHERS.md#in-the-books)
// beside the invoice payments, and the credit notes and refunds of the range (docs/credit-notes.md):
// "Nota kredit", "Ditagih bersih" and "Dikembalikan" on the cards and in the per-month table, their
// totals the API's, and every figure whole on a desktop and on a 360 px phone. From the server's
// own serialiser.
#include <boost/test/unit_test.hpp>


#include "api/report_dto.hpp"
#include "core/money.hpp"
#include "customer_world.hpp"
#include "headless_platform.hpp"
#include "i18n.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
using kimonet::format_rupiah;
namespace api = kimonet::api;
namespace reports = kimonet::reports;

namespace {

struct EnglishToggle {
    EnglishToggle() { kimonet::i18n::set_language(kimonet::i18n::Language::English); }
    ~EnglishToggle() { kimonet::i18n::set_language(kimonet::i18n::Language::Indonesian); }
};

// January 2026: Rp 111.000 collected on invoices and 6 vouchers sold for Rp 30.000 (Rp 3.000 commission).
Json january_report() {
    reports::RevenueReport report;
    report.range = {{2026, 1}, {2026, 1}};
    reports::MonthRevenue january{{2026, 1}};
    january.invoices = 1;
    january.billed = 111'000;
    january.collected = 111'000;
    report.months = {january};
    report.total_billed = 111'000;
    report.total_collected = 111'000;
    BOOST_TEST_REQUIRE(reports::net_credit_notes(report, {}).ok());
    const std::vector<reports::VoucherSalesMonth> sold = {{{2026, 1}, 2, 6, 30'000, 3'000, 27'000}};
    BOOST_TEST_REQUIRE(reports::add_voucher_sales(report, sold).ok());
    return {{"success", true}, {"data", api::to_json(report)}};
}

// An RT/RW-net's January and February 2026 at its real size (tens of millions a month): in February
// two credit notes of Rp 333.000 (Rp 33.000 PPN) were issued and a customer's Rp 250.000 of credit
// was paid back in cash; January had neither.
Json credit_note_and_refund_report() {
    const reports::MonthRange range{{2026, 1}, {2026, 2}};
    const std::vector<reports::InvoiceGroup> invoices = {
        {{2026, 1}, 1, 1, false, 312, 48'750'000, 45'100'000},
        {{2026, 2}, 1, 1, false, 318, 49'680'000, 30'000'000},
        {{2026, 2}, 1, 1, true, 1, 150'000, 0},
    };
    const std::vector<reports::PaymentGroup> payments = {
        {{2026, 1, 10}, "cash", 280, 46'250'000, 46'250'000},
        {{2026, 2, 10}, "transfer", 250, 41'550'000, 41'300'000},
    };
    const std::vector<reports::LateFeeGroup> late_fees = {{{2026, 1, 20}, 150'000}};
    auto report = reports::revenue_report(range, invoices, payments, {}, late_fees, reports::Labels{});
    BOOST_TEST_REQUIRE(report.ok());
    const std::vector<reports::CreditNoteGroup> credit_notes = {{{2026, 2}, 2, 333'000, 33'000}};
    BOOST_TEST_REQUIRE(reports::net_credit_notes(*report, credit_notes).ok());
    const std::vector<reports::RefundGroup> refunds = {{{2026, 2, 9}, 1, 250'000}};
    BOOST_TEST_REQUIRE(reports::add_refunds(*report, refunds).ok());
    BOOST_TEST_REQUIRE(reports::add_voucher_sales(*report, {}).ok());
    return {{"success", true}, {"data", api::to_json(*report)}};
}

void open_revenue(ViewHarness& harness, const Json& answer) {
    kimonet::testing::answer_admin_lists(harness.api());
    harness.api().answer("GET", "/api/reports/revenue", answer);
    harness.sign_in_staff({"reports.read"}, "finance");
    harness.settle();
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += "\n  " + line;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_revenue)

BOOST_AUTO_TEST_CASE(voucher_sales_show_beside_collected_and_the_total_includes_them) {
    ViewHarness harness("reports");
    open_revenue(harness, january_report());
    BOOST_TEST(harness.value("reports.stat.vouchers") == "Rp 30.000");
    BOOST_TEST(harness.value("reports.revenue.month.2026-01.collected") == "Rp 111.000");
    BOOST_TEST(harness.value("reports.revenue.month.2026-01.vouchers") == "Rp 30.000");
    BOOST_TEST(harness.value("reports.revenue.month.2026-01.collected_with_vouchers") == "Rp 138.000");
    BOOST_TEST(harness.value("reports.revenue.month.total.vouchers") == "Rp 30.000");
    BOOST_TEST(harness.value("reports.revenue.month.total.collected_with_vouchers") == "Rp 138.000");
}

BOOST_AUTO_TEST_CASE(a_credit_note_and_a_refund_show_on_the_cards_as_the_export_carries_them) {
    const Json answer = credit_note_and_refund_report();
    const Json& totals = answer["data"]["totals"];
    ViewHarness harness("reports");
    open_revenue(harness, answer);
    // The export's figures: Ditagih, Nota kredit (within Ditagih bersih), Terkumpul, Dikembalikan, Pendapatan.
    BOOST_TEST(harness.value("reports.stat.billed") == "Rp 98.430.000");
    BOOST_TEST(harness.value("reports.label.credited") == "Nota kredit");
    BOOST_TEST(harness.value("reports.stat.credited") == "Rp 333.000");
    BOOST_TEST(harness.value("reports.note.credited") == "2 nota, PPN Rp 33.000; ditagih bersih Rp 98.097.000");
    BOOST_TEST(harness.value("reports.stat.collected") == "Rp 87.550.000");
    BOOST_TEST(harness.value("reports.label.refunded") == "Dikembalikan");
    BOOST_TEST(harness.value("reports.stat.refunded") == "Rp 250.000");
    BOOST_TEST(harness.value("reports.note.refunded") == "1 pengembalian kredit pelanggan (uang keluar)");
    BOOST_TEST(harness.value("reports.stat.revenue") == "Rp 98.097.000");
    // As the API returned them, figure for figure.
    BOOST_TEST(harness.value("reports.stat.credited") == format_rupiah(totals["credited"].get<std::int64_t>()));
    BOOST_TEST(harness.value("reports.stat.refunded") == format_rupiah(totals["refunded"].get<std::int64_t>()));
    BOOST_TEST(harness.value("reports.stat.revenue") == format_rupiah(totals["revenue"].get<std::int64_t>()));
}

BOOST_AUTO_TEST_CASE(the_month_table_nets_the_credit_note_and_shows_the_refund_and_its_totals_reconcile) {
    const Json answer = credit_note_and_refund_report();
    const Json& totals = answer["data"]["totals"];
    ViewHarness harness("reports");
    open_revenue(harness, answer);
    BOOST_TEST(harness.value("reports.revenue.month.header.credited") == "Nota kredit");
    BOOST_TEST(harness.value("reports.revenue.month.header.net_billed") == "Ditagih bersih");
    BOOST_TEST(harness.value("reports.revenue.month.header.refunded") == "Dikembalikan");
    BOOST_TEST(harness.value("reports.revenue.month.2026-01.credited") == "Rp 0");
    BOOST_TEST(harness.value("reports.revenue.month.2026-01.net_billed") == "Rp 48.750.000");
    BOOST_TEST(harness.value("reports.revenue.month.2026-01.refunded") == "Rp 0");
    BOOST_TEST(harness.value("reports.revenue.month.2026-02.billed") == "Rp 49.680.000");
    BOOST_TEST(harness.value("reports.revenue.month.2026-02.credited") == "Rp 333.000");
    BOOST_TEST(harness.value("reports.revenue.month.2026-02.net_billed") == "Rp 49.347.000");
    BOOST_TEST(harness.value("reports.revenue.month.2026-02.refunded") == "Rp 250.000");
    // The totals row is the API's totals: billed less credited is net billed, on screen as in the file.
    for (const auto& [column, field] : std::vector<std::pair<std::string, std::string>>{
             {"billed", "billed"}, {"credited", "credited"}, {"net_billed", "net_billed"}, {"collected", "collected"},
             {"refunded", "refunded"}}) {
        BOOST_TEST(harness.value("reports.revenue.month.total." + column) == format_rupiah(totals[field].get<std::int64_t>()), column);
    }
    BOOST_TEST(harness.value("reports.revenue.month.total.net_billed") == "Rp 98.097.000");
    for (const auto& month : answer["data"]["months"]) {
        const std::string row = "reports.revenue.month." + month["period"].get<std::string>() + ".";
        BOOST_TEST(harness.value(row + "credited") == format_rupiah(month["credited"].get<std::int64_t>()));
        BOOST_TEST(harness.value(row + "net_billed") == format_rupiah(month["net_billed"].get<std::int64_t>()));
        BOOST_TEST(harness.value(row + "refunded") == format_rupiah(month["refunded"].get<std::int64_t>()));
    }
    // Every figure of the table whole: on a laptop (1280 px) the table scrolls sideways if it must,
    // on a wide screen it fits.
    kimonet::testing::set_canvas_height(3000.f);
    harness.settle();
    const auto laptop = harness.cut_cells("reports.revenue.month", true);
    BOOST_TEST(laptop.empty(), "cut at 1280 px:" << joined(laptop));
    kimonet::testing::set_canvas_width(1920.f);
    harness.settle();
    const auto wide = harness.cut_cells("reports.revenue.month", false);
    BOOST_TEST(wide.empty(), "cut at 1920 px:" << joined(wide));
}

BOOST_AUTO_TEST_CASE(on_a_360_px_phone_the_cards_carry_them_and_no_figure_is_cut) {
    ViewHarness harness("reports");
    kimonet::testing::set_canvas_width(360.f);
    kimonet::testing::set_canvas_height(3000.f);  // the month table under the eight cards, on screen
    open_revenue(harness, credit_note_and_refund_report());
    BOOST_TEST(harness.value("reports.stat.credited") == "Rp 333.000");
    BOOST_TEST(harness.value("reports.stat.refunded") == "Rp 250.000");
    for (const char* card : {"billed", "credited", "collected", "refunded", "revenue"}) {
        const auto widget = harness.find(std::string("reports.stat.") + card);
        BOOST_TEST_REQUIRE(widget.has_value(), card);
        const float left = (*widget)["rect"]["x"].get<float>(), right = left + (*widget)["rect"]["w"].get<float>();
        BOOST_TEST((left >= -0.5f && right <= 360.5f), card << " at " << left << ".." << right);
    }
    const auto phone = harness.cut_cells("reports.revenue.month", true);
    BOOST_TEST(phone.empty(), "cut at 360 px:" << joined(phone));
}

BOOST_AUTO_TEST_CASE(in_english_the_same_figures_carry_the_catalogue_s_english_words) {
    ViewHarness harness("reports");
    EnglishToggle english;
    open_revenue(harness, credit_note_and_refund_report());
    BOOST_TEST(harness.value("reports.label.credited") == "Credit notes");
    BOOST_TEST(harness.value("reports.label.refunded") == "Refunded");
    BOOST_TEST(harness.value("reports.revenue.month.header.net_billed") == "Net billed");
    BOOST_TEST(harness.value("reports.note.refunded") == "1 refunds of customer credit (money out)");
}

BOOST_AUTO_TEST_SUITE_END()
