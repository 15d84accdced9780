// Every registered screen, headless: a user allowed everything opens each navigation entry; the
// screen draws (no crash with the server answering 404 to everything), its route is its id, its
// entry is the current one, and its header title is the registration's (catalogue) title.
#include <boost/test/unit_test.hpp>

#include "headless_platform.hpp"
#include "i18n.hpp"
#include "screens.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;

namespace {

const std::vector<std::string> kEverything = {
    "activity.read",   "customers.create", "customers.delete", "customers.read",  "customers.update", "dunning.edit",
    "dunning.read",    "invoices.create",  "invoices.read",    "invoices.update", "messages.read",    "network.control",
    "network.read",    "packages.create",  "packages.delete",  "packages.read",   "packages.update",  "payments.create",
    "payments.read",   "reports.read",     "roles.read",       "roles.update",    "routers.create",   "routers.read",
    "routers.update",  "settings.read",    "settings.update",  "users.create",    "users.delete",     "users.read",
    "users.update"};

}  // namespace

BOOST_AUTO_TEST_SUITE(screens)

BOOST_AUTO_TEST_CASE(every_staff_entry_opens_its_screen_route_and_title) {
    ViewHarness harness;
    harness.sign_in_staff(kEverything, "superadmin");
    harness.settle();
    int opened = 0;
    for (const kimonet::ScreenRegistration& entry : kimonet::screen_registry()) {
        if (!entry.nav || !harness.find(entry.nav)) continue;  // customer entries are not in a staff menu
        harness.click(entry.nav);
        harness.settle();
        BOOST_TEST_CONTEXT(entry.nav) {
            BOOST_TEST(harness.value(entry.nav) == "current");
            BOOST_TEST(kimonet::testing::written_route() == std::string(entry.screen.id));
            BOOST_TEST(harness.value("header.title") == kimonet::i18n::tr(entry.title_key));
        }
        ++opened;
    }
    BOOST_TEST(opened == 18, "every staff screen of the registry has an entry for a user allowed everything");
}

BOOST_AUTO_TEST_CASE(every_customer_entry_opens_its_screen) {
    ViewHarness harness;
    harness.sign_in_customer(7);
    harness.settle();
    int opened = 0;
    for (const char* nav : {"nav.my_invoices", "nav.pay", "nav.home"}) {
        harness.click(nav);
        harness.settle();
        BOOST_TEST_CONTEXT(nav) { BOOST_TEST(harness.value(nav) == "current"); }
        ++opened;
    }
    BOOST_TEST(opened == 3);
}

BOOST_AUTO_TEST_SUITE_END()
