// Issue 22, headless: the dashboard's banner when the primary WhatsApp session is lost (the health
// job's open incident in GET /api/dashboard), for the roles that can fix it, with the way to the
// WhatsApp screen; gone once the session is back. And the customer page shows an opt-out.
#include <boost/test/unit_test.hpp>

#include "api/dto.hpp"
#include "customer_world.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::testing::written_route;

namespace {

const std::vector<std::string> kOwner = {"customers.read", "settings.read", "settings.update", "invoices.read"};

kimonet::api::Json dashboard(bool session_lost) {
    kimonet::api::Json data = {{"customers", {{"active", 10}, {"isolated", 1}, {"inactive", 0}, {"total", 11}}}, {"money_visible", false},
                               {"jobs", {{"failures", 0}, {"jobs", kimonet::api::Json::array()}}}};
    data["whatsapp_session"] = session_lost ? kimonet::api::Json{{"state", "qr_required"}, {"gateway", "fonnte:6281200000000"},
                                                                 {"since", 1768442400}, {"alerted", true}}
                                            : kimonet::api::Json(nullptr);
    return {{"success", true}, {"data", data}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(whatsapp_banner)

BOOST_AUTO_TEST_CASE(a_lost_session_shows_a_banner_that_leads_to_the_whatsapp_screen) {
    ViewHarness harness("dashboard");
    harness.api().answer("GET", "/api/dashboard", dashboard(true));
    harness.sign_in_staff(kOwner, "admin");
    harness.settle();
    const std::string banner = harness.value("dashboard.whatsapp_banner");
    BOOST_TEST(banner.find("kode QR gateway utama harus dipindai ulang") != std::string::npos, banner);
    BOOST_TEST(banner.find("fonnte:6281200000000") != std::string::npos, banner);
    BOOST_TEST(harness.find("dashboard.whatsapp_settings").has_value());
    harness.click("dashboard.whatsapp_open");
    harness.settle();
    BOOST_TEST(written_route() == "whatsapp");
}

BOOST_AUTO_TEST_CASE(no_banner_once_the_session_is_back_or_for_a_role_that_cannot_fix_it) {
    {
        ViewHarness harness("dashboard");
        harness.api().answer("GET", "/api/dashboard", dashboard(false));
        harness.sign_in_staff(kOwner, "admin");
        harness.settle();
        BOOST_TEST(!harness.find("dashboard.whatsapp_banner").has_value());
    }
    {
        // Even if an answer carried it, finance (no settings.update) is not shown a fix it cannot make.
        ViewHarness harness("dashboard");
        harness.api().answer("GET", "/api/dashboard", dashboard(true));
        harness.sign_in_staff({"customers.read", "invoices.read"}, "finance");
        harness.settle();
        BOOST_TEST(!harness.find("dashboard.whatsapp_banner").has_value());
        BOOST_TEST(!harness.find("dashboard.whatsapp_open").has_value());
    }
}

BOOST_AUTO_TEST_CASE(the_customer_page_shows_that_the_number_opted_out) {
    ViewHarness harness("customers/42");
    kimonet::testing::answer_customer_world(harness.api());
    kimonet::Customer budi;
    budi.id = 42;
    budi.service_number = "CUST042";
    budi.name = "Budi Santoso";
    budi.phone = "0812-3456-7890";
    budi.package_id = 1;
    budi.join_date = {2025, 3, 14};
    kimonet::api::Json data = kimonet::api::to_json(budi);
    data["whatsapp_opt_out"] = {{"keyword", "BERHENTI"}, {"opted_out_at", 1768442400}};
    harness.api().answer("GET", "/api/customers/42", {{"success", true}, {"data", data}});
    harness.sign_in_staff({"customers.read"}, "admin");
    harness.settle();
    const std::string shown = harness.value("customer_detail.whatsapp_opt_out");
    BOOST_TEST(shown.find("BERHENTI") != std::string::npos, shown);
    BOOST_TEST(shown.find("MULAI") != std::string::npos, shown);
}

BOOST_AUTO_TEST_SUITE_END()
