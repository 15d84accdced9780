// Issue 18, keyboard: Esc closes every dialog the way its Cancel (or Close) does, never its confirm
// — the form dialogs, the confirmations, the invoice and its panels, the invoice run, the pickers,
// the broadcast — and Esc in an open drop-down closes only the drop-down (widgets/dialog_keys.hpp).
// Focus going back to the opener and Tab kept in the dialog are the page's (web/text_layer.js, for
// every role=dialog), proved in tests/e2e/text_layer.test.mjs.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "api/dto.hpp"
#include "customer_world.hpp"
#include "headless_platform.hpp"
#include "imgui.h"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::testing::written_route;
using Json = kimonet::api::Json;

namespace {

const std::vector<std::string> kEverything = {
    "customers.read", "customers.create", "customers.update", "customers.delete", "invoices.read", "invoices.create",
    "invoices.update", "payments.read",   "payments.create",  "packages.read",    "packages.create", "packages.update",
    "routers.read",   "routers.create",   "routers.update",   "users.read",       "users.create",    "users.update",
    "roles.read",     "messages.read",    "messages.send"};

void press_escape(ViewHarness& harness) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Escape] = 27;  // the null backend maps no keys
    io.KeysDown[27] = true;
    harness.frames(1);
    io.KeysDown[27] = false;
    harness.frames(2);
}


bool only_reads_since(ViewHarness& harness, std::size_t from) {
    const auto& sent = harness.api().sent();
    return std::all_of(sent.begin() + static_cast<std::ptrdiff_t>(from), sent.end(), [](const auto& request) { return request.method == "GET"; });
}

// A dialog: the address it is opened from, the click that opens it ("" = the address does), a
// widget only it draws, and the address once it is closed.
struct Dialog {
    std::string name, address, opener, inside, closed_route;
};
std::ostream& operator<<(std::ostream& out, const Dialog& dialog) { return out << dialog.name; }

const std::vector<Dialog> kDialogs = {
    {"customer form", "customers/42/edit", "", "customer_form.name", "customers/42"},
    {"package form", "packages/new", "", "package_form.name", "packages"},
    {"router form", "routers/3/edit", "", "router_form.name", "routers"},
    {"user form", "users/2/edit", "", "user_form.full_name", "users"},
    {"invoice", "invoices/7", "", "invoice.close", "invoices"},
    {"invoice run", "invoices/generate", "", "generate.period", "invoices"},
    {"deactivate confirmation", "customers", "customers.CUST042.deactivate", "customers.confirm.no", "customers"},
    {"payment picker", "payments", "payments.record", "payment_picker.cancel", "payments"},
    {"lead rejection", "leads", "leads.5.reject", "leads_reject.reason", "leads"},
    {"broadcast", "notifications", "notifications.broadcast", "broadcast.message", "notifications"},
    {"message detail", "notifications/9", "", "notification.close", "notifications"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(dialog_keys)

BOOST_DATA_TEST_CASE(escape_closes_the_dialog_as_cancel_does_and_confirms_nothing, boost::unit_test::data::make(kDialogs), dialog) {
    ViewHarness harness(dialog.address);
    kimonet::testing::answer_admin_lists(harness.api());
    harness.sign_in_staff(kEverything);
    harness.settle();
    if (!dialog.opener.empty()) {
        BOOST_TEST_REQUIRE(harness.find(dialog.opener).has_value(), dialog.opener);
        harness.click(dialog.opener);
        harness.settle();
    }
    BOOST_TEST_REQUIRE(harness.find(dialog.inside).has_value(), dialog.inside + " is open");
    const std::size_t sent = harness.api().sent().size();
    press_escape(harness);
    harness.settle();
    BOOST_TEST(!harness.find(dialog.inside).has_value(), dialog.inside + " closed by Esc");
    BOOST_TEST(only_reads_since(harness, sent), "nothing confirmed, saved or sent");
    BOOST_TEST(written_route() == dialog.closed_route);
    const auto toasts = harness.values("toast.error");
    BOOST_TEST(toasts.empty(), (toasts.empty() ? std::string() : toasts.front()));
    std::string unanswered;
    for (const std::string& request : harness.api().unanswered()) unanswered += request + "; ";
    BOOST_TEST(unanswered.empty(), unanswered);
}

BOOST_AUTO_TEST_CASE(escape_in_an_open_drop_down_closes_only_the_drop_down) {
    ViewHarness harness("customers/42/edit");
    kimonet::testing::answer_admin_lists(harness.api());
    harness.sign_in_staff(kEverything);
    harness.settle();
    harness.click("customer_form.package");
    harness.frames(2);
    BOOST_TEST_REQUIRE(!harness.find_prefix("customer_form.package.option.").empty(), "the list is open");
    press_escape(harness);
    BOOST_TEST(harness.find_prefix("customer_form.package.option.").empty(), "Esc closed the list");
    BOOST_TEST(harness.find("customer_form.name").has_value(), "and only the list: the form is still open");
    BOOST_TEST(written_route() == "customers/42/edit");
    press_escape(harness);
    BOOST_TEST(!harness.find("customer_form.name").has_value(), "the next Esc closes the form");
    BOOST_TEST(written_route() == "customers/42");
}

BOOST_AUTO_TEST_CASE(escape_in_a_drop_down_of_a_simple_dialog_and_of_a_screen_closes_only_it) {
    // The broadcast's segment drop-down is drawn before the dialog's own Esc check, the screen's
    // filter outside any dialog: either way one press closes one thing.
    ViewHarness harness("notifications");
    kimonet::testing::answer_admin_lists(harness.api());
    harness.sign_in_staff(kEverything);
    harness.settle();
    harness.click("notifications.broadcast");
    harness.settle();
    harness.click("broadcast.segment");
    harness.frames(2);
    BOOST_TEST_REQUIRE(!harness.find_prefix("broadcast.segment.option.").empty());
    press_escape(harness);
    BOOST_TEST(harness.find_prefix("broadcast.segment.option.").empty());
    BOOST_TEST(harness.find("broadcast.message").has_value(), "the broadcast stays open");
    press_escape(harness);
    BOOST_TEST(!harness.find("broadcast.message").has_value());

    kimonet::testing::change_route("leads");
    harness.settle();
    harness.click("leads.filter");
    harness.frames(2);
    BOOST_TEST_REQUIRE(!harness.find_prefix("leads.filter.option.").empty());
    press_escape(harness);
    BOOST_TEST(harness.find_prefix("leads.filter.option.").empty());
    BOOST_TEST(harness.find("leads.5.reject").has_value(), "the screen is as it was");
    BOOST_TEST(written_route() == "leads");
}

BOOST_AUTO_TEST_CASE(escape_on_an_invoice_panel_leaves_the_panel_first_then_the_invoice) {
    ViewHarness harness("invoices/7/pay");
    kimonet::testing::answer_admin_lists(harness.api());
    harness.sign_in_staff(kEverything);
    harness.settle();
    BOOST_TEST_REQUIRE(harness.find("invoice.panel.submit").has_value());
    const std::size_t sent = harness.api().sent().size();
    press_escape(harness);
    BOOST_TEST(!harness.find("invoice.panel.submit").has_value(), "the payment panel closed, as its Cancel does");
    BOOST_TEST(harness.find("invoice.close").has_value(), "the invoice is still open");
    BOOST_TEST(written_route() == "invoices/7");
    press_escape(harness);
    BOOST_TEST(!harness.find("invoice.close").has_value());
    BOOST_TEST(written_route() == "invoices");
    BOOST_TEST(only_reads_since(harness, sent), "no payment recorded");
}

BOOST_AUTO_TEST_CASE(escape_after_the_dialog_closed_does_nothing_more) {
    ViewHarness harness("packages/new");
    kimonet::testing::answer_admin_lists(harness.api());
    harness.sign_in_staff(kEverything);
    harness.settle();
    press_escape(harness);
    BOOST_TEST(!harness.find("package_form.name").has_value());
    press_escape(harness);
    BOOST_TEST(harness.find("packages.add").has_value(), "the screen stays");
    BOOST_TEST(written_route() == "packages");
}

BOOST_AUTO_TEST_SUITE_END()
