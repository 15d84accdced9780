// Issue 18, addresses for everything on screen: the dialogs and tabs of the list screens have an
// address (View::route / View::open_subroute) — #/packages/new, #/packages/1/edit, #/routers/3/edit,
// #/users/new, #/users/2/edit, #/users/roles, #/settings/<group>, #/payments/gateway/pending,
// #/invoices/generate, #/notifications/broadcast, #/reports/import — so a reload (a new harness on the same address), back/forward
// (change_route) and a link opened in a new tab show the same. A role that may not open one gets
// the forbidden toast and the fallback screen; an unknown id or tab the unknown-address toast.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "api/dto.hpp"
#include "customer_world.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"
#include "views/view_settings.hpp"

using kimonet::testing::ViewHarness;
using kimonet::testing::change_route;
using kimonet::testing::written_route;
using Json = kimonet::api::Json;

namespace {

const std::vector<std::string> kAdmin = {
    "messages.read",  "customers.read", "invoices.read", "invoices.create", "payments.read", "payments.create", "packages.read", "packages.create",
    "packages.update", "routers.read", "routers.create",  "routers.update", "users.read",    "users.create",  "users.update",
    "roles.read",     "settings.read", "settings.update", "messages.send", "reports.read", "customers.create"};
// The seeded technician (rbac::default_permissions): no users, no settings, packages read-only.
const std::vector<std::string> kTechnician = {"customers.read", "customers.update", "invoices.read", "packages.read",
                                              "routers.read",   "network.read",     "network.control"};


void open(ViewHarness& harness, const std::vector<std::string>& permissions, const std::string& role = "admin") {
    kimonet::testing::answer_admin_lists(harness.api());
    harness.sign_in_staff(permissions, role);
    harness.settle();
}

bool shows_toast(const ViewHarness& harness, const std::string& text) {
    const auto toasts = harness.values("toast.error");
    return std::find(toasts.begin(), toasts.end(), text) != toasts.end();
}

// An address and a widget only what it names draws.
struct Address {
    std::string route, shows;
};
std::ostream& operator<<(std::ostream& out, const Address& address) { return out << "#/" << address.route; }

const std::vector<Address> kAddresses = {
    {"packages/new", "package_form.name"},       {"packages/1/edit", "package_form.name"}, {"routers/new", "router_form.name"},
    {"routers/3/edit", "router_form.name"},      {"users/new", "user_form.username"},      {"users/2/edit", "user_form.full_name"},
    {"users/roles", "roles.hint"},               {"settings/billing", "settings.invoice_schedule.kind"},
    {"settings/security", "settings.trusted_proxies"}, {"payments/gateway", "gateway.filter.0"},
    {"invoices/generate", "generate.period"},     {"notifications/9", "notification.message"},
    {"payments/record", "payment_picker.cancel"}, {"payments/gateway/pending", "gateway.filter.0"},
    {"notifications/broadcast", "broadcast.message"}, {"reports/import", "import.hint"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(dialog_routes)

// Reload or a link in a new tab: a fresh app on the address shows what it names, and the address
// it then writes is the same one (View::route() round trip).
BOOST_DATA_TEST_CASE(an_address_opens_what_it_names_and_reads_back_the_same, boost::unit_test::data::make(kAddresses), address) {
    ViewHarness harness(address.route);
    open(harness, kAdmin);
    BOOST_TEST(harness.find(address.shows).has_value(), address.shows);
    BOOST_TEST(written_route() == address.route);
    const auto toasts = harness.values("toast.error");
    BOOST_TEST(toasts.empty(), (toasts.empty() ? std::string() : toasts.front()));
    std::string unanswered;
    for (const std::string& request : harness.api().unanswered()) unanswered += request + "; ";
    BOOST_TEST(unanswered.empty(), unanswered);
}

BOOST_AUTO_TEST_CASE(the_package_form_is_in_the_address_and_back_and_forward_follow_it) {
    ViewHarness harness("packages");
    open(harness, kAdmin);
    harness.click("packages.add");
    harness.frames(2);
    BOOST_TEST(written_route() == "packages/new");
    harness.click("package_form.cancel");
    harness.frames(2);
    BOOST_TEST(written_route() == "packages");
    harness.click("packages.1.edit");
    harness.frames(2);
    BOOST_TEST(written_route() == "packages/1/edit");
    BOOST_TEST(harness.value("package_form.name") == harness.value("packages.1.name"));
    change_route("packages");  // back
    harness.settle();
    BOOST_TEST(!harness.find("package_form.name").has_value());
    change_route("packages/1/edit");  // forward
    harness.settle();
    BOOST_TEST(harness.find("package_form.name").has_value());
    BOOST_TEST(written_route() == "packages/1/edit");
}

BOOST_AUTO_TEST_CASE(tabs_are_in_the_address) {
    ViewHarness harness("settings");
    open(harness, kAdmin);
    BOOST_TEST(harness.find("settings.company_name").has_value());
    harness.click("settings.tab.4");
    harness.frames(2);
    BOOST_TEST(written_route() == std::string("settings/") + kimonet::settings_group_key(4));
    BOOST_TEST(written_route() == "settings/network");
    change_route("settings/whatsapp");
    harness.settle();
    BOOST_TEST(harness.find("settings.whatsapp_api_url").has_value());
    change_route("settings");
    harness.settle();
    BOOST_TEST(harness.find("settings.company_name").has_value(), "the bare address is the first group");

    change_route("payments");
    harness.settle();
    harness.click("payments.tabs.1");
    harness.settle();
    BOOST_TEST(written_route() == "payments/gateway");
    change_route("payments");
    harness.settle();
    BOOST_TEST(!harness.find("gateway.filter.0").has_value());

    change_route("users");
    harness.settle();
    harness.click("users.tabs.1");
    harness.frames(2);
    BOOST_TEST(written_route() == "users/roles");
}

BOOST_AUTO_TEST_CASE(a_role_that_may_not_open_it_is_refused_with_the_toast_and_the_fallback) {
    ViewHarness harness;
    open(harness, kTechnician, "technician");
    for (const std::string address : {"users/2/edit", "settings/billing", "packages/1/edit", "packages/new", "routers/new", "routers/3/edit"}) {
        change_route(address);
        harness.settle();
        BOOST_TEST(shows_toast(harness, "Anda tidak punya akses ke #/" + address + "."), address);
        BOOST_TEST(harness.value("header.title") == "Dasbor", address);
        BOOST_TEST(!harness.find("package_form.name").has_value());
        BOOST_TEST(!harness.find("router_form.name").has_value());
    }
    BOOST_TEST(harness.api().count("GET", "/api/users") == 0, "nothing asked for what the role may not read");
    BOOST_TEST(harness.api().count("GET", "/api/settings") == 0);
}

BOOST_AUTO_TEST_CASE(a_role_with_the_users_tab_only_is_refused_the_roles_tab) {
    ViewHarness harness("users/roles");
    open(harness, {"users.read", "users.create"});
    BOOST_TEST(shows_toast(harness, "Anda tidak punya akses ke #/users/roles."));
    BOOST_TEST(harness.value("header.title") == "Dasbor");
}

BOOST_AUTO_TEST_CASE(a_role_that_may_only_read_payments_is_refused_the_picker) {
    ViewHarness harness("payments/record");
    open(harness, {"payments.read", "invoices.read"}, "viewer");
    BOOST_TEST(shows_toast(harness, "Anda tidak punya akses ke #/payments/record."));
    BOOST_TEST(!harness.find("payment_picker.cancel").has_value());
    BOOST_TEST(harness.value("header.title") == "Dasbor");
}

BOOST_AUTO_TEST_CASE(the_picker_is_in_the_address_and_back_closes_it) {
    ViewHarness harness("payments");
    open(harness, kAdmin);
    harness.click("payments.record");
    harness.settle();
    BOOST_TEST(written_route() == "payments/record");
    change_route("payments");  // back
    harness.settle();
    BOOST_TEST(!harness.find("payment_picker.cancel").has_value());
    BOOST_TEST(written_route() == "payments");
}

// The server answers a gateway once its callback is kept and applies it once the gateway's status
// API confirms it; while that API is down the attempt still reads "pending". The screen says that
// the gateway has called, so finance does not think the money never came.
BOOST_AUTO_TEST_CASE(callbacks_waiting_for_their_gateway_are_said_above_the_online_payments) {
    ViewHarness harness("payments/gateway");
    kimonet::testing::answer_admin_lists(harness.api());
    harness.api().answer("GET", "/api/payments/callback-inbox?per_page=1", {{"success", true}, {"data", kimonet::api::Json::array()}, {"total", 2}});
    harness.sign_in_staff(kAdmin);
    harness.settle();
    BOOST_TEST_REQUIRE(harness.find("gateway.waiting").has_value());
    BOOST_TEST(harness.value("gateway.waiting").starts_with("2 callback dari gateway sudah diterima"), harness.value("gateway.waiting"));
}

BOOST_AUTO_TEST_CASE(no_banner_when_no_callback_waits) {
    ViewHarness harness("payments/gateway");
    open(harness, kAdmin);
    BOOST_TEST(harness.api().count("GET", "/api/payments/callback-inbox") == 1);
    BOOST_TEST(!harness.find("gateway.waiting").has_value());
}

BOOST_AUTO_TEST_CASE(the_online_payments_filter_is_in_the_address) {
    ViewHarness harness("payments/gateway/pending");
    open(harness, kAdmin);
    BOOST_TEST(harness.api().count("GET", "/api/payments/transactions?page=1&per_page=25&status=pending") == 1);
    BOOST_TEST(harness.api().count("GET", "/api/payments/transactions") == 1, "the filtered list only, asked for once");
    harness.click("gateway.filter.2");
    harness.settle();
    BOOST_TEST(written_route() == "payments/gateway/paid");
    change_route("payments/gateway");  // back to all statuses
    harness.settle();
    BOOST_TEST(written_route() == "payments/gateway");
    std::string last;
    for (const auto& request : harness.api().sent())
        if (request.path.starts_with("/api/payments/transactions")) last = request.path;
    BOOST_TEST(last == "/api/payments/transactions?page=1&per_page=25", "the list of every status again");
    change_route("payments/gateway/refunded");
    harness.settle();
    BOOST_TEST(shows_toast(harness, "Alamat #/payments/gateway/refunded tidak dikenal; kembali ke dasbor."));
}

BOOST_AUTO_TEST_CASE(the_broadcast_and_the_import_are_in_the_address_and_back_closes_them) {
    ViewHarness harness("notifications");
    open(harness, kAdmin);
    harness.click("notifications.broadcast");
    harness.settle();
    BOOST_TEST(written_route() == "notifications/broadcast");
    change_route("notifications");  // back
    harness.settle();
    BOOST_TEST(!harness.find("broadcast.message").has_value());
    BOOST_TEST(written_route() == "notifications");
    change_route("notifications/broadcast");  // forward
    harness.settle();
    BOOST_TEST(harness.find("broadcast.message").has_value());
    harness.click("broadcast.cancel");
    harness.settle();
    BOOST_TEST(written_route() == "notifications");
    BOOST_TEST(harness.api().count("POST", "/api/notifications/broadcast") == 0, "an address never sends");

    kimonet::testing::set_canvas_height(1800.f);  // the import button at the foot of Laporan, on screen
    change_route("reports");
    harness.settle();
    harness.click("reports.import");
    harness.settle();
    BOOST_TEST(written_route() == "reports/import");
    change_route("reports");  // back
    harness.settle();
    BOOST_TEST(!harness.find("import.hint").has_value());
    BOOST_TEST(written_route() == "reports");
}

BOOST_AUTO_TEST_CASE(a_role_without_the_permission_is_refused_the_broadcast_and_the_import) {
    ViewHarness harness;
    open(harness, {"messages.read", "reports.read", "customers.read"}, "viewer");
    for (const std::string address : {"notifications/broadcast", "reports/import"}) {
        change_route(address);
        harness.settle();
        BOOST_TEST(shows_toast(harness, "Anda tidak punya akses ke #/" + address + "."), address);
        BOOST_TEST(!harness.find("broadcast.message").has_value());
        BOOST_TEST(!harness.find("import.hint").has_value());
    }
}

BOOST_AUTO_TEST_CASE(unknown_ids_and_tabs_are_refused_cleanly) {
    ViewHarness harness;
    open(harness, kAdmin);
    // Not an address at all: the toast and the fallback screen.
    for (const std::string address : {"packages/abc/edit", "packages/0/edit", "packages/1/delete", "settings/nope", "settings/billing/x",
                                      "payments/nope", "users/2", "routers/-3/edit", "users/roles/1"}) {
        change_route(address);
        harness.settle();
        BOOST_TEST(shows_toast(harness, "Alamat #/" + address + " tidak dikenal; kembali ke dasbor."), address);
        BOOST_TEST(harness.value("header.title") == "Dasbor", address);
    }
    // A well-formed address for a record that is not there: the screen, without a dialog, its own address.
    for (const auto& [address, screen] : std::vector<std::pair<std::string, std::string>>{
             {"packages/99/edit", "packages"}, {"routers/99/edit", "routers"}, {"users/99/edit", "users"}}) {
        change_route(address);
        harness.settle();
        BOOST_TEST(shows_toast(harness, "Alamat #/" + address + " tidak ditemukan: datanya tidak ada."), address);
        BOOST_TEST(written_route() == screen, address);
        BOOST_TEST(!harness.find("package_form.name").has_value());
        BOOST_TEST(!harness.find("router_form.name").has_value());
        BOOST_TEST(!harness.find("user_form.full_name").has_value());
    }
    // A message the server does not have: its 404 as the toast, the list, the list's address.
    change_route("notifications/99");
    harness.settle();
    BOOST_TEST(harness.find("toast.error").has_value());
    BOOST_TEST(!harness.find("notification.message").has_value());
    BOOST_TEST(written_route() == "notifications");
}

BOOST_AUTO_TEST_SUITE_END()
