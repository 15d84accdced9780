// The shell's navigation from the screen registry, headless: which entries a role sees, what a
// forbidden or unknown address does, and the header title. Moved from tests/e2e/admin.test.mjs
// ("finance cannot see the users screen") and shell.test.mjs; the browser suites keep the server's
// 403 and the real hashchange events.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "headless_platform.hpp"
#include "rbac/permissions.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;

namespace {

const std::vector<std::string> kFinance = {"customers.read", "invoices.read", "invoices.create", "payments.read",
                                           "payments.create", "reports.read", "dunning.read"};

bool has(const ViewHarness& harness, const std::string& id) { return harness.find(id).has_value(); }

bool shows_toast(const ViewHarness& harness, const std::string& text) {
    const auto toasts = harness.values("toast.error");
    return std::find(toasts.begin(), toasts.end(), text) != toasts.end();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(navigation)

BOOST_AUTO_TEST_CASE(finance_sees_only_its_screens_and_a_forbidden_address_is_refused) {
    ViewHarness harness;
    harness.sign_in_staff(kFinance, "finance");
    harness.settle();
    BOOST_TEST(has(harness, "nav.invoices"));
    BOOST_TEST(has(harness, "nav.payments"));
    BOOST_TEST(has(harness, "nav.customers"));
    BOOST_TEST(!has(harness, "nav.users"), "no users entry in the navigation");
    BOOST_TEST(!has(harness, "nav.settings"), "no settings entry (no settings.read)");
    BOOST_TEST(!has(harness, "nav.home"), "no customer-portal entries for staff");
    BOOST_TEST(harness.value("header.title") == "Pelanggan", "staff land on the customer list");
    BOOST_TEST(kimonet::testing::written_route() == "customers");

    kimonet::testing::change_route("users");
    harness.settle();
    BOOST_TEST(shows_toast(harness, "Anda tidak punya akses ke #/users."));
    BOOST_TEST(!has(harness, "users.add"), "the users screen did not open");
    BOOST_TEST(harness.value("header.title") != "Pengguna & peran");
}

BOOST_AUTO_TEST_CASE(every_entry_opens_its_screen_with_its_route_and_title) {
    ViewHarness harness;
    harness.sign_in_staff(kFinance, "finance");
    harness.settle();
    harness.click("nav.invoices");
    harness.settle();
    BOOST_TEST(harness.value("header.title") == "Tagihan");
    BOOST_TEST(kimonet::testing::written_route() == "invoices");
    BOOST_TEST(harness.value("nav.invoices") == "current");
    BOOST_TEST(harness.value("nav.customers") == "");
}

BOOST_AUTO_TEST_CASE(an_unknown_address_lands_on_the_dashboard_with_a_toast) {
    ViewHarness harness;
    harness.sign_in_staff(kFinance, "finance");
    harness.settle();
    kimonet::testing::change_route("no-such-screen");
    harness.settle();
    BOOST_TEST(harness.find("toast.error").has_value());
    BOOST_TEST(harness.value("header.title") == "Dasbor");
}

BOOST_AUTO_TEST_CASE(a_customer_sees_the_portal_entries_only) {
    ViewHarness harness;
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST(has(harness, "nav.home"));
    BOOST_TEST(has(harness, "nav.my_invoices"));
    BOOST_TEST(has(harness, "nav.pay"));
    BOOST_TEST(!has(harness, "nav.customers"));
    BOOST_TEST(!has(harness, "nav.dashboard"));
    BOOST_TEST(kimonet::testing::written_route() == "home");
}

// From tests/e2e/shell.test.mjs: a customer on a staff address gets the toast and the portal home.
BOOST_AUTO_TEST_CASE(a_customer_on_a_staff_address_is_sent_home_with_a_toast) {
    ViewHarness harness("customers");  // the tab was opened on #/customers, then the customer signed in
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST(shows_toast(harness, "Anda tidak punya akses ke #/customers."));
    BOOST_TEST(kimonet::testing::written_route() == "home");
    BOOST_TEST(!has(harness, "customers.table"));
}

// From tests/e2e/reports.test.mjs: a technician has no Laporan (the server's 403 is
// tests/server/reports/test_reports_api.cpp).
BOOST_AUTO_TEST_CASE(a_technician_has_no_reports_entry_and_the_address_is_refused) {
    ViewHarness harness;
    harness.sign_in_staff({"customers.read", "routers.read", "network.isolate"}, "technician");
    harness.settle();
    BOOST_TEST(has(harness, "nav.customers"));
    BOOST_TEST(!has(harness, "nav.reports"));
    kimonet::testing::change_route("reports");
    harness.settle();
    BOOST_TEST(shows_toast(harness, "Anda tidak punya akses ke #/reports."));
    BOOST_TEST(harness.find_prefix("reports.").empty(), "nothing of the reports screen is drawn");
}

// Issue 21: the seeded technician starts the day on their jobs (#/field); whoever may also dispatch
// jobs (an admin, a dispatcher role) still lands on the customer list, and a link opened before
// signing in still wins.
BOOST_AUTO_TEST_CASE(a_technician_lands_on_todays_jobs_and_a_dispatcher_on_the_customers) {
    const auto seeded = [](const char* role) {
        std::vector<std::string> permissions;
        for (auto permission : kimonet::rbac::default_permissions(role)) permissions.emplace_back(permission);
        return permissions;
    };
    {
        ViewHarness harness;
        harness.sign_in_staff(seeded("technician"), "technician");
        harness.settle();
        BOOST_TEST(kimonet::testing::written_route() == "field");
        BOOST_TEST(harness.value("header.title") == "Tugas teknisi");
        BOOST_TEST(harness.value("nav.field") == "current");
    }
    for (const char* role : {"admin", "superadmin", "finance"}) {
        ViewHarness harness;
        harness.sign_in_staff(seeded(role), role);
        harness.settle();
        BOOST_TEST(kimonet::testing::written_route() == "customers", role);
    }
    {
        ViewHarness harness;  // a custom dispatcher role: both job permissions
        harness.sign_in_staff({"customers.read", "jobs.work", "jobs.dispatch"}, "dispatcher");
        harness.settle();
        BOOST_TEST(kimonet::testing::written_route() == "customers");
    }
    {
        ViewHarness harness("tickets");  // a link the technician followed before signing in
        harness.sign_in_staff(seeded("technician"), "technician");
        harness.settle();
        BOOST_TEST(kimonet::testing::written_route() == "tickets");
    }
}

// The two-factor gate (App::can_open) before the registry: only Keamanan akun.
BOOST_AUTO_TEST_CASE(a_role_demanding_two_factor_sees_only_security_until_enrolled) {
    ViewHarness harness;
    kimonet::SessionUser user;
    user.id = 3;
    user.username = "finance";
    user.name = "Finance";
    user.role = "finance";
    user.permissions = kFinance;
    user.two_factor_enrollment_required = true;
    harness.app().sign_in("token", user);
    harness.settle();
    BOOST_TEST(has(harness, "nav.security"));
    BOOST_TEST(!has(harness, "nav.invoices"));
    BOOST_TEST(!has(harness, "nav.customers"));
    BOOST_TEST(kimonet::testing::written_route() == "security");
}

BOOST_AUTO_TEST_SUITE_END()
