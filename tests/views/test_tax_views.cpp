// PPN and Coretax in the browser app, headless (issue 20): the customer form checks NPWP/NIK/NITKU
// with the server's own rules as they are typed, and the customer screen shows them.
#include <boost/test/unit_test.hpp>

#include "api/dto.hpp"
#include "api/tax_dto.hpp"
#include "customer_world.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::testing::answer_customer_world;
using kimonet::testing::answer_admin_lists;

namespace {

kimonet::api::Json budi_with_tax() {
    kimonet::Customer budi;
    budi.id = 42;
    budi.service_number = "CUST042";
    budi.name = "Budi Santoso";
    budi.phone = "6281234567890";
    budi.package_id = 1;
    budi.join_date = {2025, 3, 14};
    budi.tax = kimonet::customers::TaxIdentity{"0123456789012345", "3201014101900001", "0123456789012345000000", true};
    return {{"success", true}, {"data", kimonet::api::to_json(budi)}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tax_views)

BOOST_AUTO_TEST_CASE(the_customer_form_checks_a_nik_as_the_server_does) {
    ViewHarness harness("customers/42/edit");
    answer_customer_world(harness.api());
    harness.sign_in_staff({"customers.read", "customers.update", "packages.read"});
    harness.settle();
    BOOST_TEST_REQUIRE(harness.find("customer_form.nik").has_value());
    BOOST_TEST(harness.find("customer_form.npwp").has_value());
    BOOST_TEST(harness.find("customer_form.nitku").has_value());
    BOOST_TEST(harness.find("customer_form.needs_faktur").has_value());
    harness.click("customer_form.nik");
    harness.type("3201013201900001");  // day 32
    harness.settle();
    BOOST_TEST(harness.value("customer_form.nik.error") == "NIK: tanggal lahir (hari +40 untuk perempuan) tidak valid");
}

BOOST_AUTO_TEST_CASE(the_customer_screen_shows_the_tax_identity) {
    ViewHarness harness("customers/42");
    answer_customer_world(harness.api());
    harness.api().answer("GET", "/api/customers/42", budi_with_tax());
    harness.sign_in_staff({"customers.read"});
    harness.settle();
    BOOST_TEST(harness.value("customer_detail.npwp") == "0123456789012345");
    BOOST_TEST(harness.value("customer_detail.nik") == "3201014101900001");
    BOOST_TEST(harness.value("customer_detail.nitku") == "0123456789012345000000");
    BOOST_TEST(harness.value("customer_detail.faktur") == "Minta faktur pajak");
}

// The accountant's card on Laporan: the month's counts from the server, a .zip past 1,000 fakturs
// (DJP's import takes at most 1,000 per file), the whole month again on request; a role without
// tax.export never sees the card nor asks for the counts.
BOOST_AUTO_TEST_CASE(the_coretax_card_offers_the_month_as_xml_or_a_zip_and_only_to_tax_export) {
    kimonet::api::CoretaxSummary summary;
    summary.period = "2025-12";
    summary.pending = 1001;
    summary.exported = 3;
    summary.files = 2;
    summary.seller_ready = true;
    {
        ViewHarness harness("reports");
        kimonet::testing::set_canvas_height(1800.f);  // the card at the foot of Laporan, on screen
        answer_admin_lists(harness.api());
        harness.api().answer("GET", "/api/tax/coretax/2025-12", {{"success", true}, {"data", kimonet::api::to_json(summary)}});
        harness.sign_in_staff({"reports.read", "tax.export"}, "finance");
        harness.settle();
        BOOST_TEST(harness.api().count("GET", "/api/tax/coretax/2025-12") == 1);
        BOOST_TEST(harness.value("coretax.period") == "2025-12");
        BOOST_TEST(harness.value("coretax.pending") == "1001 faktur menunggu · 3 sudah diekspor · 2 berkas");
        BOOST_TEST_REQUIRE(harness.find("coretax.download").has_value());
        BOOST_TEST(harness.label("coretax.download") == "Unduh ZIP Coretax");
        BOOST_TEST(!harness.find("coretax.seller_missing").has_value());
    }
    {
        summary.pending = 0;
        ViewHarness harness("reports");
        kimonet::testing::set_canvas_height(1800.f);  // the card at the foot of Laporan, on screen
        answer_admin_lists(harness.api());
        harness.api().answer("GET", "/api/tax/coretax/2025-12", {{"success", true}, {"data", kimonet::api::to_json(summary)}});
        harness.sign_in_staff({"reports.read", "tax.export"}, "finance");
        harness.settle();
        BOOST_TEST(harness.find("coretax.nothing").has_value());  // nothing new this month
        BOOST_TEST(!harness.find("coretax.download").has_value());
        harness.click("coretax.again");
        harness.frames(2);
        BOOST_TEST_REQUIRE(harness.find("coretax.download").has_value());  // the 3 already sent, again
        BOOST_TEST(harness.label("coretax.download") == "Unduh XML Coretax");
    }
    {
        ViewHarness harness("reports");
        kimonet::testing::set_canvas_height(1800.f);  // the card at the foot of Laporan, on screen
        answer_admin_lists(harness.api());
        harness.sign_in_staff({"reports.read"}, "technician");
        harness.settle();
        BOOST_TEST(!harness.find("coretax.title").has_value());
        BOOST_TEST(harness.api().count("GET", "/api/tax/coretax") == 0);
    }
}

BOOST_AUTO_TEST_SUITE_END()
