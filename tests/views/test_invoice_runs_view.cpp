// "Tagihan disiapkan" (#/invoices/runs/<id>, issue 20), headless, from JSON written by the server's
// own serialisers (api::to_json(InvoiceRunResource / InvoiceRunChange)): the summary, the change
// list and its filter, leaving a customer out, and Approve / Discard asked again before they go.
#include <boost/test/unit_test.hpp>

#include "api/invoice_run_dto.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;

namespace {

api::InvoiceRunResource prepared_run() {
    api::InvoiceRunResource run;
    run.id = 5;
    run.period = "2026-02";
    run.status = "prepared";
    run.prepared_by = "finance";
    run.prepared_at = "2026-02-01 00:01";
    run.invoice_count = 312;
    run.total_amount = 52416000;
    run.new_customers = 4;
    run.leaving = 2;
    run.prorations = 3;
    run.package_changes = 1;
    return run;
}

Json changes_page() {
    api::InvoiceRunChange moved;
    moved.customer_id = 42;
    moved.customer_name = "Budi Santoso";
    moved.service_number = "CUST042";
    moved.reason = "package_change";
    moved.state = "draft";
    moved.has_previous = true;
    moved.previous_amount = 166500;
    moved.amount = 222000;
    api::InvoiceRunChange leaving;
    leaving.customer_id = 43;
    leaving.customer_name = "Siti Aminah";
    leaving.service_number = "CUST043";
    leaving.reason = "leaving";
    leaving.state = "none";
    leaving.has_previous = true;
    leaving.previous_amount = 111000;
    return {{"success", true}, {"data", Json::array({api::to_json(moved), api::to_json(leaving)})}, {"total", 2}, {"page", 1}, {"per_page", 20}};
}

void answer_run(ViewHarness& harness, const api::InvoiceRunResource& run) {
    harness.api().answer("GET", "/api/invoices", {{"success", true}, {"data", Json::array()}, {"total", 0}});
    harness.api().answer("GET", "/api/invoice-runs", {{"success", true}, {"data", Json::array({api::to_json(run)})}});
    harness.api().answer("GET", "/api/invoice-runs/5", {{"success", true}, {"data", api::to_json(run)}});
    harness.api().answer("GET", "/api/invoice-runs/5/changes", changes_page());
}

const std::vector<std::string> kFinance = {"invoices.read", "invoices.create", "invoices.update", "invoices.approve_run", "payments.read"};

}  // namespace

BOOST_AUTO_TEST_SUITE(invoice_runs_view)

BOOST_AUTO_TEST_CASE(the_address_opens_the_summary_and_approval_is_asked_again_before_it_is_sent) {
    ViewHarness harness("invoices/runs/5");
    answer_run(harness, prepared_run());
    harness.sign_in_staff(kFinance, "finance");
    harness.settle();
    BOOST_TEST(harness.value("invoice_run.title") == "Tagihan disiapkan · Februari 2026");
    BOOST_TEST(harness.value("invoice_run.count") == "312");
    BOOST_TEST(harness.value("invoice_run.total") == "Rp 52.416.000");
    BOOST_TEST(harness.value("invoice_run.new") == "4");
    BOOST_TEST(harness.value("invoice_run.leaving") == "2");
    BOOST_TEST(harness.value("invoice_run.change.42.reason") == "Ganti paket");
    BOOST_TEST(harness.value("invoice_run.change.42.amounts") == "Bulan lalu Rp 166.500, bulan ini Rp 222.000");
    BOOST_TEST(harness.value("invoice_run.change.43.amounts") == "Bulan lalu Rp 111.000, bulan ini tidak ada");
    BOOST_TEST(!harness.find("invoice_run.change.43.toggle"), "a leaving customer has no draft to leave out");
    BOOST_TEST(kimonet::testing::written_route() == "invoices/runs/5");

    // The list starts with every change; the filter asks the server for one reason only.
    BOOST_TEST(harness.api().count("GET", "/api/invoice-runs/5/changes?per_page=20&page=1&reason=changes") >= 1);
    harness.click("invoice_run.filter");
    harness.frames(2);
    harness.click("invoice_run.filter.option.1");
    harness.settle();
    BOOST_TEST(harness.api().count("GET", "/api/invoice-runs/5/changes?per_page=20&page=1&reason=new") == 1);

    // Leaving a customer out posts it; the summary and the list are read again.
    const int summaries = harness.api().count("GET", "/api/invoice-runs/5");
    harness.api().answer("POST", "/api/invoice-runs/5/exclude", {{"success", true}, {"data", changes_page()["data"][0]}});
    harness.click("invoice_run.change.42.toggle");
    harness.settle();
    BOOST_TEST(harness.api().count("POST", "/api/invoice-runs/5/exclude") == 1);
    for (const auto& request : harness.api().sent())
        if (request.method == "POST" && request.path == "/api/invoice-runs/5/exclude")
            BOOST_TEST(Json::parse(request.body) == (Json{{"customer_id", 42}, {"excluded", true}}));
    BOOST_TEST(harness.api().count("GET", "/api/invoice-runs/5") > summaries);

    // Approve: a question first (naming count and total), nothing sent until "Ya, setujui".
    harness.click("invoice_run.approve");
    harness.settle();
    BOOST_TEST(harness.api().count("POST", "/api/invoice-runs/5/approve") == 0);
    BOOST_TEST(harness.value("invoice_run.confirm_text").find("312 tagihan senilai Rp 52.416.000") != std::string::npos);
    auto approved = prepared_run();
    approved.status = "approved";
    approved.approved_by = "admin";
    approved.issued = 312;
    harness.api().answer("POST", "/api/invoice-runs/5/approve", {{"success", true}, {"data", api::to_json(approved)}});
    harness.click("invoice_run.confirm_yes");
    harness.settle();
    BOOST_TEST(harness.api().count("POST", "/api/invoice-runs/5/approve") == 1);
    BOOST_TEST(harness.value("invoice_run.notice") == "312 tagihan terbit dan pesannya diantrekan.");
    BOOST_TEST(!harness.find("invoice_run.approve"), "an approved run offers nothing more to decide");
}

BOOST_AUTO_TEST_CASE(discard_is_asked_again_and_a_role_without_approval_only_reads) {
    {
        ViewHarness harness("invoices/runs/5");
        answer_run(harness, prepared_run());
        harness.sign_in_staff(kFinance, "finance");
        harness.settle();
        harness.click("invoice_run.discard");
        harness.settle();
        BOOST_TEST(harness.api().count("POST", "/api/invoice-runs/5/discard") == 0);
        harness.click("invoice_run.confirm_no");
        harness.settle();
        BOOST_TEST(!harness.find("invoice_run.confirm_yes"));
        harness.click("invoice_run.discard");
        harness.settle();
        harness.api().answer("POST", "/api/invoice-runs/5/discard", {{"success", true}, {"discarded", true}});
        harness.click("invoice_run.confirm_yes");
        harness.settle();
        BOOST_TEST(harness.api().count("POST", "/api/invoice-runs/5/discard") == 1);
        BOOST_TEST(harness.value("invoice_run.notice") == "Tagihan yang disiapkan sudah dibuang.");
    }
    ViewHarness reader("invoices/runs/5");
    answer_run(reader, prepared_run());
    reader.sign_in_staff({"invoices.read", "invoices.create"}, "staff");
    reader.settle();
    BOOST_TEST(reader.value("invoice_run.count") == "312");
    BOOST_TEST(!reader.find("invoice_run.approve"));
    BOOST_TEST(!reader.find("invoice_run.discard"));
    BOOST_TEST(!reader.find("invoice_run.change.42.toggle"), "leaving out needs invoices.update");
}

BOOST_AUTO_TEST_CASE(the_generate_dialog_hands_a_prepared_run_to_its_screen) {
    ViewHarness harness("invoices/generate");
    answer_run(harness, prepared_run());
    harness.api().answer("GET", "/api/invoice-runs", {{"success", true}, {"data", Json::array()}});
    harness.sign_in_staff(kFinance, "finance");
    harness.settle();
    harness.api().answer("POST", "/api/invoices/generate",
                         {{"success", true}, {"period", "2026-02"}, {"dry_run", true}, {"created", 312}, {"skipped", 0}, {"total_amount", 52416000}});
    harness.click("generate.dry_run");
    harness.settle();
    harness.api().answer("POST", "/api/invoices/generate",
                         {{"success", true}, {"period", "2026-02"}, {"prepared", true}, {"run_id", 5}, {"created", 0}, {"drafts", 312}});
    harness.click("generate.confirm");
    harness.settle();
    BOOST_TEST(harness.value("invoice_run.count") == "312");
    BOOST_TEST(kimonet::testing::written_route() == "invoices/runs/5");
}

// Issue 21: approval adds an outage's SLA credit to the drafts of the customers it affected; the
// approver sees it before (the summary's count and sum, the draft's line and its total once
// approved), and a filter of its own lists those drafts.
BOOST_AUTO_TEST_CASE(a_draft_with_an_outage_credit_shows_it_before_approval) {
    ViewHarness harness("invoices/runs/5");
    api::InvoiceRunResource run = prepared_run();
    run.outage_credits = 1;
    run.outage_credit_amount = 25900;
    api::InvoiceRunChange credited;
    credited.customer_id = 44;
    credited.customer_name = "Dewi Lestari";
    credited.service_number = "CUST044";
    credited.reason = "same";
    credited.state = "draft";
    credited.has_previous = true;
    credited.previous_amount = 166500;
    credited.amount = 166500;
    credited.outage_credit = 25900;
    credited.outage_credit_description = "Kompensasi gangguan: Kabel putus (31 Januari 2026, 16 jam)";
    credited.amount_after_credit = 140600;
    answer_run(harness, run);
    harness.api().answer("GET", "/api/invoice-runs/5/changes",
                         {{"success", true}, {"data", Json::array({api::to_json(credited)})}, {"total", 1}, {"page", 1}, {"per_page", 20}});
    harness.sign_in_staff(kFinance, "finance");
    harness.settle();
    BOOST_TEST(harness.value("invoice_run.outage_credits") == "1 draf mendapat kompensasi gangguan, total Rp 25.900: dipotong saat disetujui.");
    BOOST_TEST(harness.value("invoice_run.change.44.outage_credit") ==
               "Kompensasi gangguan: Kabel putus (31 Januari 2026, 16 jam): -Rp 25.900; setelah disetujui Rp 140.600");
    BOOST_TEST(harness.value("invoice_run.change.44.amounts") == "Bulan lalu Rp 166.500, bulan ini Rp 166.500");
    harness.click("invoice_run.filter");
    harness.frames(2);
    harness.click("invoice_run.filter.option.8");
    harness.settle();
    BOOST_TEST(harness.api().count("GET", "/api/invoice-runs/5/changes?per_page=20&page=1&reason=outage_credit") == 1);
    // Without a credit waiting, no such line.
    BOOST_TEST(!harness.find("invoice_run.change.42.outage_credit").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
