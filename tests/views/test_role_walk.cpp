// Every screen, for every seeded staff role (the collector too, issue 20), a read-only one and a
// customer in the portal, clicked through headless (issue 18):
// - no button leads to a request the server would refuse with 403 (the permission of each route
//   from tests/support/route_permissions.hpp, checked against the router by test_server's openapi
//   suite) — the finance dashboard once offered "Jalankan penagihan" it could not run;
// - no text on screen is a catalogue key ("leads.summary"), and no key was asked the catalogue
//   does not have;
// - at 360 px wide (a common Android phone) every button and checkbox lies whole inside the
//   viewport and inside the card or window that holds it (not cut at its edge);
// - no two buttons a screen reader lists together (outside table rows, which name their row) share
//   a name: two "Salin" told the listener nothing about which copies what;
// - no table text is cut by its column ("Tot" for Total, "Rp 1.150" for Rp 1.150.000);
// - every field, drop-down, checkbox and button has a name a screen reader can say.
// The lists behind each screen are answered (answer_admin_lists) and the revenue report has six
// months of real-sized figures: an empty world hid the reports' and the role matrix's layout.
// Each address starts from the same customer world (customer_world.hpp); up to kMaxClicks buttons
// are pressed in drawing order (dialogs they open included), logout and the language toggle aside.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/test_case.hpp>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include "customer_world.hpp"
#include "headless_platform.hpp"
#include "i18n.hpp"
#include "rbac/permissions.hpp"
#include "screens.hpp"
#include "support/route_permissions.hpp"
#include "ui_registry.hpp"
#include "imgui_internal.h"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
namespace data = boost::unit_test::data;

namespace {

constexpr int kMaxClicks = 30;

struct Role {
    std::string name;
    std::vector<std::string> permissions;
};

std::vector<Role> roles() {
    std::vector<Role> out;
    for (const char* name : {"admin", "finance", "technician", "collector"}) {
        Role role{name, {}};
        for (auto permission : kimonet::rbac::default_permissions(name)) role.permissions.emplace_back(permission);
        out.push_back(role);
    }
    // A customer in the portal (the screens a customer reaches from a phone).
    Role customer{"customer", {}};
    for (auto permission : kimonet::rbac::default_permissions("customer")) customer.permissions.emplace_back(permission);
    out.push_back(customer);
    Role viewer{"viewer", {}};  // a custom role that may only look
    for (auto permission : kimonet::rbac::all_permissions())
        if (permission.ends_with(".read")) viewer.permissions.emplace_back(permission);
    out.push_back(viewer);
    return out;
}

// The addresses a role can open: its navigation entries, a customer and two invoices.
std::vector<std::string> addresses(const Role& role) {
    kimonet::SessionUser user;
    user.role = role.name;
    user.permissions = role.permissions;
    std::vector<std::string> out;
    for (const auto& entry : kimonet::screen_registry())
        if (entry.nav && entry.allowed(user)) out.emplace_back(entry.screen.id);
    if (user.can("customers.read")) out.push_back("customers/42");
    if (user.can("invoices.read")) {
        out.push_back("invoices/7");
        out.push_back("invoices/6");
    }
    return out;
}

bool skipped(const std::string& id) {
    return id == "shell.logout" || id == "shell.menu" || id.starts_with("lang.") || id.starts_with("nav.") || id.starts_with("toast.");
}

// The first segments of every catalogue key ("leads", "customers", ...): a text made of one of them
// and more dotted words is a key shown as itself.
const std::set<std::string>& key_namespaces() {
    static const std::set<std::string> namespaces = [] {
        std::set<std::string> found;
        for (const auto& part : {kimonet::i18n::catalogue(), kimonet::i18n::reports_catalogue(), kimonet::i18n::print_catalogue(),
                                 kimonet::i18n::customer_catalogue()})
            for (const auto& entry : part) found.emplace(entry.key.substr(0, entry.key.find('.')));
        return found;
    }();
    return namespaces;
}

// (Permission names, "customers.read", are the role editor's own vocabulary, not catalogue keys.)
bool looks_like_key(const std::string& text) {
    static const std::regex key("[a-z_]+(\\.[a-z0-9_]+)+");
    return !kimonet::rbac::is_known_permission(text) && std::regex_match(text, key) && key_namespaces().contains(text.substr(0, text.find('.')));
}

struct Walk {
    std::vector<std::string> keys_on_screen;   // "address: id = text"
    std::vector<std::string> clipped_buttons;  // "address: id x..x+w"
    std::vector<std::string> same_names;       // "address: name (id, id)"
    std::vector<std::string> cut_cells;        // "address: id "text""
    std::vector<std::string> unnamed;          // "address: id"
};

// A control a screen reader would announce without a name ("edit text", "checkbox"): an input, a
// drop-down, a checkbox or a button with neither a label nor a spoken name.
void find_unnamed(const std::string& address, Walk& walk) {
    for (const auto& item : kimonet::ui_registry::last_items()) {
        if (!item.visible) continue;
        if (item.kind != "input" && item.kind != "select" && item.kind != "checkbox" && item.kind != "button") continue;
        const std::string& name = item.spoken_name.empty() ? item.label : item.spoken_name;
        if (name.find_first_not_of(" \t") == std::string::npos) walk.unnamed.push_back(address + ": " + item.kind + " " + item.id);
    }
}

// A table's text wider than what its column shows ("Rp 1.150" for Rp 1.150.000, "Tot" for Total).
// A table that scrolls sideways (its window or one around it) shows part of the column at its right
// edge until the user scrolls: that cell is scrolled, not cut by its column.
bool scrolled_at_the_edge(const kimonet::ui_registry::Item& item) {
    for (const ImGuiWindow* window = item.drawn_in; window; window = window->ParentWindow)
        if (window->ScrollMax.x > 0.f && std::abs(window->InnerClipRect.Max.x - item.clip.Max.x) <= 1.f) return true;
    return false;
}

void find_cut_cells(const std::string& address, Walk& walk) {
    for (const auto& item : kimonet::ui_registry::last_items()) {
        if (item.table == 0 || !item.visible || item.kind == "button" || item.kind == "checkbox") continue;
        const bool cut_right = item.rect.Max.x > item.clip.Max.x + 1.f && !scrolled_at_the_edge(item);
        if (cut_right || item.rect.Min.x < item.clip.Min.x - 1.f)
            walk.cut_cells.push_back(address + ": " + item.id + " \"" + (item.value.empty() ? item.label : item.value) + "\"");
    }
}

void inspect(const ViewHarness& harness, const std::string& address, float width, Walk& walk) {
    for (const auto& alike : harness.buttons_named_alike()) walk.same_names.push_back(address + ": " + alike);
    find_cut_cells(address, walk);
    find_unnamed(address, walk);
    for (const auto& widget : harness.widgets()) {
        const std::string id = widget.value("id", "");
        for (const char* field : {"label", "value"}) {
            const std::string text = widget.value(field, "");
            if (looks_like_key(text)) walk.keys_on_screen.push_back(address + ": " + id + " = " + text);
        }
        // A button, or a checkbox with its label (a cut label hides what is being agreed to).
        const std::string kind = widget.value("kind", "");
        if (kind != "button" && kind != "checkbox") continue;
        const float x = widget["rect"]["x"].get<float>(), w = widget["rect"]["w"].get<float>();
        const float shown_right = widget["hit"]["x"].get<float>() + widget["hit"]["w"].get<float>();
        const bool cut_by_its_card = widget.value("visible", false) && x + w > shown_right + 0.5f;
        if (x < -0.5f || x + w > width + 0.5f || cut_by_its_card)
            walk.clipped_buttons.push_back(address + ": " + id + " " + std::to_string(x) + ".." + std::to_string(x + w));
    }
}

// Opens `address` as `role` and presses its buttons; returns what the walk saw.
Walk walk_address(const Role& role, const std::string& address, float width) {
    Walk walk;
    ViewHarness harness(address);
    kimonet::testing::set_canvas_width(width);
    if (role.name == "customer") {
        kimonet::testing::answer_portal_world(harness.api());
        harness.sign_in_customer(42);
    } else {
        kimonet::testing::answer_customer_world(harness.api());
        kimonet::testing::answer_admin_lists(harness.api());  // the lists behind each screen
        kimonet::testing::answer_revenue_figures(harness.api());
        harness.sign_in_staff(role.permissions, role.name);
    }
    harness.settle();
    inspect(harness, address, width, walk);
    std::set<std::string> pressed;
    for (int click = 0; click < kMaxClicks; ++click) {
        std::string next;
        for (const auto& widget : harness.widgets()) {
            const std::string id = widget.value("id", "");
            if (widget.value("kind", "") == "button" && widget.value("visible", false) && !widget.value("disabled", false) &&
                !skipped(id) && !pressed.contains(id)) {
                next = id;
                break;
            }
        }
        if (next.empty()) break;
        pressed.insert(next);
        harness.click(next);
        harness.settle();
        inspect(harness, address + " > " + next, width, walk);
    }
    // Every request the walk caused, and every download, is one the role may make.
    auto check = [&](const std::string& method, const std::string& path) {
        const auto permission = kimonet::testing::route_permission(method, path);
        BOOST_TEST(permission.has_value(), role.name << " at #/" << address << ": " << method << " " << path
                                                      << " is not in tests/support/route_permissions.hpp; add it");
        if (!permission || permission->empty()) return;
        const bool allowed = std::find(role.permissions.begin(), role.permissions.end(), *permission) != role.permissions.end();
        BOOST_TEST(allowed, role.name << " at #/" << address << ": " << method << " " << path << " needs " << *permission
                                      << " (the server answers 403)");
    };
    for (const auto& sent : harness.api().sent()) check(sent.method, sent.path);
    for (const auto& url : kimonet::testing::downloaded_urls()) check("GET", url);
    return walk;
}

void walk_role(const Role& role, float width) {
    std::vector<std::string> keys, clipped, same, cut, unnamed;
    for (const std::string& address : addresses(role)) {
        const Walk walk = walk_address(role, address, width);
        keys.insert(keys.end(), walk.keys_on_screen.begin(), walk.keys_on_screen.end());
        clipped.insert(clipped.end(), walk.clipped_buttons.begin(), walk.clipped_buttons.end());
        same.insert(same.end(), walk.same_names.begin(), walk.same_names.end());
        cut.insert(cut.end(), walk.cut_cells.begin(), walk.cut_cells.end());
        unnamed.insert(unnamed.end(), walk.unnamed.begin(), walk.unnamed.end());
    }
    std::string joined;
    for (const auto& each : keys) joined += "\n  " + each;
    BOOST_TEST(keys.empty(), role.name << ": catalogue keys on screen:" << joined);
    joined.clear();
    for (const auto& each : clipped) joined += "\n  " + each;
    BOOST_TEST(clipped.empty(), role.name << " at " << width << " px: buttons or checkboxes outside the viewport:" << joined);
    joined.clear();
    for (const auto& each : std::set<std::string>(same.begin(), same.end())) joined += "\n  " + each;
    BOOST_TEST(same.empty(), role.name << " at " << width << " px: buttons named alike:" << joined);
    joined.clear();
    for (const auto& each : std::set<std::string>(cut.begin(), cut.end())) joined += "\n  " + each;
    BOOST_TEST(cut.empty(), role.name << " at " << width << " px: table text cut by its column:" << joined);
    joined.clear();
    for (const auto& each : std::set<std::string>(unnamed.begin(), unnamed.end())) joined += "\n  " + each;
    BOOST_TEST(unnamed.empty(), role.name << " at " << width << " px: controls without a name:" << joined);
    joined.clear();
    for (const auto& each : kimonet::i18n::unknown_keys()) joined += " " + each;
    BOOST_TEST(kimonet::i18n::unknown_keys().empty(), "keys missing from the catalogue:" << joined);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(role_walk)

BOOST_DATA_TEST_CASE(no_button_leads_to_a_403_and_no_key_is_shown_on_a_desktop, data::make(std::vector<int>{0, 1, 2, 3, 4, 5}), index) {
    walk_role(roles()[static_cast<std::size_t>(index)], 1280.f);
}

BOOST_DATA_TEST_CASE(on_a_360_px_phone_every_button_and_checkbox_is_whole_on_the_screen, data::make(std::vector<int>{0, 1, 2, 3, 4, 5}), index) {
    walk_role(roles()[static_cast<std::size_t>(index)], 360.f);
}

// The header, the users' table and the role matrix name a seeded role in words: the demo's
// collector read "collector", the only role without a catalogue label.
BOOST_AUTO_TEST_CASE(every_seeded_role_has_a_label_in_both_languages) {
    for (const auto role : kimonet::rbac::seeded_roles()) {
        for (const auto language : {kimonet::i18n::Language::Indonesian, kimonet::i18n::Language::English}) {
            kimonet::i18n::set_language(language);
            BOOST_TEST(kimonet::i18n::role_label(role) != std::string(role), role << " has a label");
        }
    }
    kimonet::i18n::set_language(kimonet::i18n::Language::Indonesian);
}

BOOST_AUTO_TEST_CASE(the_finance_dashboard_offers_no_dunning_run) {
    ViewHarness harness("dashboard");
    std::vector<std::string> finance;
    for (auto permission : kimonet::rbac::default_permissions("finance")) finance.emplace_back(permission);
    harness.api().answer("GET", "/api/dashboard", {{"success", true}, {"data", kimonet::api::Json::object()}});
    harness.sign_in_staff(finance, "finance");
    harness.settle();
    BOOST_TEST_REQUIRE(harness.find("dashboard.action.payment").has_value(), "the quick actions are drawn");
    BOOST_TEST(!harness.find("dashboard.action.dunning").has_value(), "finance has dunning.read, not dunning.run");
}

BOOST_AUTO_TEST_SUITE_END()
