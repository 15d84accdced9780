// Issue 19 in the browser app, headless: the customer form's connection method (PPPoE, static IP,
// DHCP) shows only the fields that method uses, sends them, and puts the server's 409/422 message on
// the right field; the list and the customer screen say the method. The router form's RouterOS
// interface (API / REST / automatic) with the REST port and TLS, and "Uji koneksi" answered in plain
// Indonesian with what to do — shown only to a role that manages routers and may test them. The
// router form's connection methods and RADIUS NAS settings (secret write-only, errors at the fields).
#include <boost/test/unit_test.hpp>

#include "api/dto.hpp"
#include "customer_world.hpp"
#include "imgui.h"
#include "view_harness.hpp"
#include "views/connection_methods.hpp"

using kimonet::api::Json;
using kimonet::testing::ViewHarness;

namespace {

const std::vector<std::string> kCustomerStaff = {"customers.read", "customers.update", "packages.read", "routers.read"};
const std::vector<std::string> kRouterStaff = {"routers.read", "routers.update", "network.read"};

void open(ViewHarness& harness, const std::vector<std::string>& permissions) {
    kimonet::testing::answer_admin_lists(harness.api());
    harness.api().answer("GET", "/api/network/drift", {{"success", true}, {"data", {{"drift", 0}, {"items", Json::array()}}}});
    harness.api().answer("GET", "/api/network/snippets", {{"success", true}, {"data", Json::array()}});
    harness.sign_in_staff(permissions);
    harness.settle();
}

void choose(ViewHarness& harness, const std::string& select, int option) {
    harness.click(select);
    harness.frames(2);
    harness.click(select + ".option." + std::to_string(option));
    harness.frames(2);
}

// Turns the mouse wheel over the open form's body until its end is in view (the RADIUS part is last).
void scroll_form_to_bottom(ViewHarness& harness) {
    const auto name = harness.find("router_form.name");
    BOOST_TEST_REQUIRE(name.has_value());
    const auto& hit = (*name)["hit"];
    ImGui::GetIO().MousePos = ImVec2(hit["x"].get<float>() + hit["w"].get<float>() / 2, hit["y"].get<float>() + hit["h"].get<float>() / 2);
    for (int turn = 0; turn < 4; ++turn) {
        ImGui::GetIO().MouseWheel = -10.f;
        harness.frames(1);
    }
    harness.frames(1);
}

// Budi as a customer on a static IP (the server's own serialiser).
Json static_budi() {
    kimonet::Customer budi;
    budi.id = 42;
    budi.service_number = "CUST042";
    budi.name = "Budi Santoso";
    budi.phone = "6281234567890";
    budi.package_id = 1;
    budi.join_date = {2025, 3, 14};
    budi.connection_method = kimonet::ConnectionMethod::Static;
    budi.ip_address = "10.20.0.42";
    return kimonet::api::to_json(budi);
}

// POST /api/routers/3/test as services::to_json(RouterTest) writes it: the binary API's port is
// closed, REST answers (the "data" beside a failure's "error" has the same shape).
Json transports(bool api_works) {
    return Json::array(
        {{{"transport", "api"}, {"endpoint", "10.0.0.1:8728 api"}, {"works", api_works}, {"problem", api_works ? "ok" : "port_closed"},
          {"message", api_works ? "berfungsi" : "port tertutup (koneksi ditolak): layanan mati di /ip service atau port lain: 10.0.0.1:8728"},
          {"version", api_works ? "7.16.2 (stable)" : ""}, {"missing_policies", Json::array()}},
         {{"transport", "rest"}, {"endpoint", "10.0.0.1:443 https"}, {"works", true}, {"problem", "ok"}, {"message", "berfungsi"},
          {"version", "7.16.2 (stable)"}, {"missing_policies", Json::array()}}});
}

}  // namespace

// The body of the last request sent as `method path`.
Json sent_body(ViewHarness& harness, const std::string& method, const std::string& path) {
    const auto& sent = harness.api().sent();
    for (auto request = sent.rbegin(); request != sent.rend(); ++request)
        if (request->method == method && request->path == path) return Json::parse(request->body);
    return Json();
}

BOOST_AUTO_TEST_SUITE(network_forms)

// Issue 18 leftover: a drop-down's list began with an empty band as tall as a row (the theme's
// 20 px window padding above the options), most visible over two options. The first option now
// sits right under the field, the last right above the list's end.
BOOST_AUTO_TEST_CASE(a_two_option_drop_down_has_no_empty_first_row) {
    ViewHarness harness("customers/42/edit");
    open(harness, kCustomerStaff);
    const auto closed = harness.find("customer_form.router");
    BOOST_TEST_REQUIRE(closed.has_value());
    const float field_bottom = (*closed)["rect"]["y"].get<float>() + (*closed)["rect"]["h"].get<float>();
    harness.click("customer_form.router");
    harness.frames(2);
    const auto options = harness.find_prefix("customer_form.router.option.");
    BOOST_TEST_REQUIRE(options.size() == 2u, "no router and the one router: two options");
    const float first_top = options[0]["rect"]["y"].get<float>();
    const float row = options[1]["rect"]["h"].get<float>();
    BOOST_TEST(first_top - field_bottom < row / 2, "gap above the first option " << first_top - field_bottom << " px, a row is " << row);
    BOOST_TEST(options[1]["rect"]["y"].get<float>() - first_top <= row + 1.f, "the options follow each other");
}

BOOST_AUTO_TEST_CASE(the_customer_form_shows_the_fields_of_the_chosen_method_and_sends_them) {
    ViewHarness harness("customers/42/edit");
    open(harness, kCustomerStaff);
    BOOST_TEST_REQUIRE(harness.find("customer_form.connection_method").has_value());
    BOOST_TEST(harness.value("customer_form.connection_method") == "PPPoE");
    BOOST_TEST(harness.find("customer_form.pppoe_username").has_value());
    BOOST_TEST(!harness.find("customer_form.ip_address").has_value());
    BOOST_TEST(!harness.find("customer_form.mac_address").has_value());

    // Every method of the one table is offered, in its order, with its label.
    harness.click("customer_form.connection_method");
    harness.frames(2);
    const auto options = harness.find_prefix("customer_form.connection_method.option.");
    BOOST_TEST(options.size() == kimonet::connection_method_choices().size());
    BOOST_TEST(harness.label("customer_form.connection_method.option.1") == "IP statis");
    harness.click("customer_form.connection_method.option.1");
    harness.frames(2);
    BOOST_TEST(!harness.find("customer_form.pppoe_username").has_value());
    BOOST_TEST(!harness.find("customer_form.pppoe_password").has_value());
    BOOST_TEST(harness.find("customer_form.ip_address").has_value());
    BOOST_TEST(harness.label("customer_form.mac_address") == "Alamat MAC (opsional)");

    choose(harness, "customer_form.connection_method", 2);  // DHCP: the MAC is required
    BOOST_TEST(harness.value("customer_form.connection_method") == "DHCP");
    BOOST_TEST(harness.label("customer_form.mac_address") == "Alamat MAC");
    harness.click("customer_form.ip_address");
    harness.type("10.20.0.7");
    harness.click("customer_form.save");
    harness.frames(2);
    BOOST_TEST(harness.find("customer_form.mac_address.error").has_value(), "live validation: DHCP needs the MAC");
    BOOST_TEST(harness.api().count("PUT", "/api/customers/42") == 0);
    harness.click("customer_form.mac_address");
    harness.type("aa-bb-cc-00-00-07");
    harness.api().answer("PUT", "/api/customers/42", {{"success", true}, {"data", static_budi()}});
    harness.click("customer_form.save");
    harness.settle();
    BOOST_TEST_REQUIRE(harness.api().count("PUT", "/api/customers/42") == 1);
    const Json sent = sent_body(harness, "PUT", "/api/customers/42");
    BOOST_TEST(sent["connection_method"] == "dhcp");
    BOOST_TEST(sent["ip_address"] == "10.20.0.7");
    BOOST_TEST(sent["mac_address"] == "aa-bb-cc-00-00-07");
}

BOOST_AUTO_TEST_CASE(the_servers_duplicate_ip_answer_is_shown_on_the_ip_field) {
    ViewHarness harness("customers/42/edit");
    open(harness, kCustomerStaff);
    choose(harness, "customer_form.connection_method", 1);
    harness.click("customer_form.ip_address");
    harness.type("10.20.0.5");
    // The server's 409 for an address another customer has on the same router.
    harness.api().answer_error("PUT", "/api/customers/42", 409, "conflict", "data bentrok",
                               {{"ip_address", "alamat IP sudah dipakai pelanggan lain di router ini"}});
    harness.click("customer_form.save");
    harness.settle();
    BOOST_TEST(harness.value("customer_form.ip_address.error") == "alamat IP sudah dipakai pelanggan lain di router ini");
    BOOST_TEST(!harness.find("customer_form.name.error").has_value());
    BOOST_TEST(harness.values("toast.error").empty(), "field errors stay by their field");
    // Switching to PPPoE hides the field and sends the address back empty.
    choose(harness, "customer_form.connection_method", 0);
    BOOST_TEST(!harness.find("customer_form.ip_address").has_value());
    harness.api().answer("PUT", "/api/customers/42", {{"success", true}, {"data", static_budi()}});
    harness.click("customer_form.save");
    harness.settle();
    const Json sent = sent_body(harness, "PUT", "/api/customers/42");
    BOOST_TEST(sent["connection_method"] == "pppoe");
    BOOST_TEST(sent["ip_address"] == "");
}

BOOST_AUTO_TEST_CASE(the_list_and_the_customer_screen_say_the_method) {
    ViewHarness harness("customers/42");
    kimonet::testing::answer_customer_world(harness.api());
    harness.api().answer("GET", "/api/customers/42", {{"success", true}, {"data", static_budi()}});
    harness.api().answer("GET", "/api/customers", {{"success", true}, {"data", Json::array({static_budi()})}, {"total", 1}, {"page", 1}, {"per_page", 100}});
    harness.sign_in_staff(kCustomerStaff);
    harness.settle();
    BOOST_TEST(harness.value("customer_detail.connection_method") == "IP statis");
    BOOST_TEST(harness.value("customer_detail.ip_address") == "10.20.0.42");
    BOOST_TEST(!harness.find("customer_detail.pppoe").has_value());
    harness.app().navigate(kimonet::Screen::Customers);
    harness.settle();
    BOOST_TEST(harness.value("customers.CUST042.method") == "IP statis");
}

BOOST_AUTO_TEST_CASE(the_router_form_has_the_interface_and_rest_fields_only_when_rest_may_be_used) {
    ViewHarness harness("routers/3/edit");
    open(harness, kRouterStaff);
    BOOST_TEST_REQUIRE(harness.find("router_form.api_mode").has_value());
    BOOST_TEST(harness.value("router_form.api_mode") == "API (port 8728 / 8729)");
    BOOST_TEST(!harness.find("router_form.rest_port").has_value());
    choose(harness, "router_form.api_mode", 1);
    BOOST_TEST(harness.value("router_form.rest_port") == "443");
    BOOST_TEST(harness.value("router_form.rest_tls") == "true");
    harness.click("router_form.rest_port");
    harness.select_all();
    harness.type("8443");
    harness.click("router_form.username");
    harness.type("billing");  // (the listed router has none; the form asks for one)
    harness.click("router_form.password");
    harness.type("sandi-router-9");
    harness.api().answer("PUT", "/api/routers/3", {{"success", true}, {"data", {{"id", 3}, {"name", "Core"}, {"api_mode", "rest"}}}});
    harness.click("router_form.save");
    harness.settle();
    BOOST_TEST_REQUIRE(harness.api().count("PUT", "/api/routers/3") == 1);
    const Json sent = sent_body(harness, "PUT", "/api/routers/3");
    BOOST_TEST(sent["api_mode"] == "rest");
    BOOST_TEST(sent["rest_port"] == 8443);
    BOOST_TEST(sent["rest_tls"] == true);
}

BOOST_AUTO_TEST_CASE(the_test_button_says_in_plain_words_what_is_wrong_and_what_works) {
    ViewHarness harness("routers/3/edit");
    open(harness, kRouterStaff);
    // The stored router speaks the binary API, whose port is closed; REST answers.
    harness.api().answer("POST", "/api/routers/3/test",
                         {{"success", false},
                          {"error", {{"code", "unavailable"}, {"message", "port tertutup (koneksi ditolak)"}, {"fields", {{"api", "port tertutup"}, {"rest", "berfungsi"}}}}},
                          {"data", {{"version", ""}, {"transport", ""}, {"transports", transports(false)}}}},
                         503);
    harness.click("router_form.test.button");
    harness.settle();
    BOOST_TEST(harness.value("router_form.test.line.0") == "API: Port 8728 tertutup — aktifkan /ip service api di router, atau periksa nomor port");
    BOOST_TEST(harness.value("router_form.test.line.1") == "REST: berfungsi (RouterOS 7.16.2 (stable))");
    BOOST_TEST(harness.value("router_form.test.verdict").starts_with("Mode yang dipilih tidak berfungsi, tetapi REST berfungsi"));
    BOOST_TEST(harness.values("toast.error").empty());

    harness.api().answer("POST", "/api/routers/3/test",
                         {{"success", true},
                          {"data", {{"version", "7.16.2 (stable)"}, {"uptime", "3d4h"}, {"board_name", "CHR"}, {"cpu_load", "3"},
                                    {"free_memory", "1"}, {"transport", "api"}, {"transports", transports(true)}}}});
    harness.click("router_form.test.button");
    harness.settle();
    BOOST_TEST(harness.value("router_form.test.verdict") == "Terhubung lewat API: RouterOS 7.16.2 (stable), CHR, menyala 3d4h");
    BOOST_TEST(harness.value("router_form.test.line.0") == "API: berfungsi (RouterOS 7.16.2 (stable))");
    BOOST_TEST(harness.api().count("POST", "/api/routers/3/test") == 2);
}

BOOST_AUTO_TEST_CASE(only_a_role_that_manages_and_may_test_routers_sees_the_test_button) {
    {
        ViewHarness harness("routers/3/edit");
        open(harness, {"routers.read", "routers.update"});  // may edit, may not run the test
        BOOST_TEST_REQUIRE(harness.find("router_form.name").has_value());
        BOOST_TEST(!harness.find("router_form.test.button").has_value());
    }
    {
        ViewHarness harness("routers/new");
        open(harness, {"routers.read", "routers.create", "routers.update", "network.read"});
        BOOST_TEST_REQUIRE(harness.find("router_form.name").has_value());
        BOOST_TEST(!harness.find("router_form.test.button").has_value(), "a router not saved yet has nothing to test");
    }
    ViewHarness harness("routers/3/edit");
    open(harness, kRouterStaff);
    BOOST_TEST(harness.find("router_form.test.button").has_value());
}

BOOST_AUTO_TEST_CASE(the_router_form_sets_the_methods_and_nas_with_a_write_only_secret_and_errors_at_the_fields) {
    ViewHarness harness("routers/3/edit");
    open(harness, kRouterStaff);
    harness.click("router_form.username");
    harness.type("billing");
    harness.click("router_form.password");
    harness.type("sandi-router-9");
    scroll_form_to_bottom(harness);
    // What the server has: PPPoE and RADIUS offered, a secret stored (never shown, never sent back).
    BOOST_TEST(harness.value("router_form.method.pppoe") == "true");
    BOOST_TEST(harness.value("router_form.method.static") == "false");
    BOOST_TEST(harness.value("router_form.method.radius") == "true");
    BOOST_TEST(harness.value("router_form.coa_port") == "3799");
    BOOST_TEST(harness.value("router_form.radius_secret").empty());
    BOOST_TEST(harness.label("router_form.radius_secret") == "Rahasia RADIUS (kosongkan agar tetap)");
    BOOST_TEST(harness.value("router_form.radius_secret_state") == "Rahasia RADIUS tersimpan terenkripsi dan tidak pernah ditampilkan.");

    harness.click("router_form.method.static");
    BOOST_TEST(harness.value("router_form.method.static") == "true");

    // Live checks at the fields: a port out of range, an address that is not IPv4, a short secret.
    harness.click("router_form.coa_port");
    harness.select_all();
    harness.type("70000");
    harness.click("router_form.nas_address");
    harness.type("10.0.0.300");
    scroll_form_to_bottom(harness);  // the errors above pushed it down
    harness.click("router_form.radius_secret");
    harness.type("pendek");
    harness.frames(2);
    BOOST_TEST(harness.value("router_form.coa_port.error") == "port harus 1-65535");
    BOOST_TEST(harness.value("router_form.nas_address.error") == "alamat IP harus IPv4 seperti 10.0.0.5");
    BOOST_TEST(harness.value("router_form.radius_secret.error").starts_with("rahasia RADIUS 8-64 karakter"));
    harness.click("router_form.save");
    harness.settle();
    BOOST_TEST(harness.api().count("PUT", "/api/routers/3") == 0, "nothing is sent while a field is wrong");

    harness.click("router_form.coa_port");
    harness.select_all();
    harness.type("1700");
    harness.click("router_form.nas_address");
    harness.select_all();
    harness.type("10.0.0.2");
    scroll_form_to_bottom(harness);
    harness.click("router_form.radius_secret");
    harness.select_all();
    harness.type("rahasia-nas-baru");
    // The router is saved, then its RADIUS part; the server refuses a method still in use, at its field.
    harness.api().answer("PUT", "/api/routers/3", {{"success", true}, {"data", {{"id", 3}, {"name", "Core"}, {"host", "10.0.0.1"}}}});
    harness.api().answer_error("PUT", "/api/routers/3/radius", 422, "validation_failed", "data tidak valid",
                               {{"connection_methods", "cara koneksi masih dipakai pelanggan router ini: dhcp (2)"}});
    harness.click("router_form.save");
    harness.settle();
    BOOST_TEST_REQUIRE(harness.api().count("PUT", "/api/routers/3/radius") == 1);
    const Json sent = sent_body(harness, "PUT", "/api/routers/3/radius");
    BOOST_TEST(sent["connection_methods"] == Json::array({"pppoe", "static", "radius"}));
    BOOST_TEST(sent["nas_address"] == "10.0.0.2");
    BOOST_TEST(sent["coa_port"] == 1700);
    BOOST_TEST(sent["secret"] == "rahasia-nas-baru");
    BOOST_TEST(harness.value("router_form.connection_methods.error") == "cara koneksi masih dipakai pelanggan router ini: dhcp (2)");
    BOOST_TEST(harness.find("router_form.name").has_value(), "the form stays open with its values");
    BOOST_TEST(harness.values("toast.error").empty());

    // Without RADIUS offered the NAS fields go away.
    harness.click("router_form.method.radius");
    harness.frames(2);
    BOOST_TEST(!harness.find("router_form.coa_port").has_value());
    BOOST_TEST(!harness.find("router_form.radius_secret").has_value());
}

BOOST_AUTO_TEST_CASE(a_role_that_may_add_but_not_update_routers_gets_no_radius_part) {
    ViewHarness harness("routers/new");
    open(harness, {"routers.read", "routers.create"});
    BOOST_TEST_REQUIRE(harness.find("router_form.name").has_value());
    BOOST_TEST(!harness.find("router_form.method.radius").has_value());
    BOOST_TEST(!harness.find("router_form.radius_secret").has_value());
}

BOOST_AUTO_TEST_CASE(the_drift_report_says_what_a_radius_session_applies_even_when_the_routers_api_is_down) {
    ViewHarness harness("routers");
    open(harness, kRouterStaff);
    // As services::network_drift writes it: router 3's API unreachable, one RADIUS session still normal.
    harness.api().answer("GET", "/api/network/drift",
                         {{"success", true},
                          {"data", {{"drift", 1}, {"repaired", 0},
                                    {"routers", Json::array({{{"router_id", 3}, {"router_name", "Core"}, {"reachable", false},
                                                              {"error", "port tertutup"}, {"checked", 1},
                                                              {"drift", Json::array({{{"customer_id", 42}, {"service_number", "CUST042"},
                                                                                      {"pppoe_username", "budi"}, {"connection_method", "radius"},
                                                                                      {"kind", "session_not_isolated"}, {"expected_state", "isolated"},
                                                                                      {"session_state", "normal"}}})}}})}}}});
    harness.click("routers.drift.check");
    harness.settle();
    BOOST_TEST(harness.value("routers.drift.3.error") == "Core: port tertutup");
    BOOST_TEST(harness.value("routers.drift.3.budi") == "Core · CUST042 (budi): sesi RADIUS normal, seharusnya terisolir");
}

// Issue 21: a router's place on the map is set in its form. The stored coordinates are shown, a
// latitude out of range or a longitude missing is a field error (nothing is sent), and a valid pair
// goes to the inventory after the router; the server's refusal lands on its field. A role that may
// not edit the inventory has no such fields and asks nothing of it.
BOOST_AUTO_TEST_CASE(the_router_form_places_the_router_on_the_map_with_errors_at_the_fields) {
    const std::vector<std::string> placer = {"routers.read", "routers.update", "inventory.read", "inventory.edit"};
    {
        ViewHarness harness("routers/3/edit");  // a router already placed: its coordinates are shown
        harness.api().answer("GET", "/api/inventory/routers/3/location", {{"success", true}, {"data", {{"latitude", -6.914}, {"longitude", 107.609}}}});
        open(harness, placer);
        BOOST_TEST(harness.value("router_form.latitude") == "-6.914000");
        BOOST_TEST(harness.value("router_form.longitude") == "107.609000");
    }
    {
        ViewHarness harness("routers/3/edit");  // not placed yet
        harness.api().answer("GET", "/api/inventory/routers/3/location", {{"success", true}, {"data", {{"latitude", nullptr}, {"longitude", nullptr}}}});
        open(harness, placer);
        BOOST_TEST(harness.value("router_form.latitude").empty());
        harness.click("router_form.username");
        harness.type("billing");
        harness.click("router_form.password");
        harness.type("sandi-router-9");
        harness.click("router_form.latitude");
        harness.type("-91");
        harness.frames(2);
        BOOST_TEST(harness.value("router_form.latitude.error") == "lintang harus angka antara -90 dan 90");
        harness.select_all();
        harness.type("-6,9205");  // a comma as decimal point is read as the point
        harness.frames(2);
        BOOST_TEST(harness.value("router_form.latitude.error") == "");
        harness.api().answer("PUT", "/api/routers/3", {{"success", true}, {"data", {{"id", 3}, {"name", "Core"}, {"host", "10.0.0.1"}}}});
        harness.click("router_form.save");
        harness.settle();
        BOOST_TEST(harness.api().count("PUT", "/api/routers/3") == 0, "nothing is sent while a field is wrong");
        BOOST_TEST(harness.value("router_form.longitude.error") == "isi lintang dan bujur, atau kosongkan keduanya");

        harness.click("router_form.longitude");
        harness.type("107.6102");
        harness.frames(2);
        BOOST_TEST(harness.value("router_form.longitude.error") == "");
        // The server refuses (say another admin's rule changed): its message at the field, the form open.
        harness.api().answer_error("PUT", "/api/inventory/routers/3/location", 422, "validation_failed", "data tidak valid",
                                   {{"longitude", "bujur harus angka antara -180 dan 180"}});
        harness.click("router_form.save");
        harness.settle();
        BOOST_TEST(harness.api().count("PUT", "/api/routers/3") == 1);
        BOOST_TEST_REQUIRE(harness.api().count("PUT", "/api/inventory/routers/3/location") == 1);
        BOOST_TEST(sent_body(harness, "PUT", "/api/inventory/routers/3/location") == (Json{{"latitude", -6.9205}, {"longitude", 107.6102}}));
        BOOST_TEST(harness.value("router_form.longitude.error") == "bujur harus angka antara -180 dan 180");
        BOOST_TEST(harness.find("router_form.name").has_value(), "the form stays open with its values");
    }
    {
        ViewHarness harness("routers/3/edit");  // may manage routers, not the inventory
        open(harness, kRouterStaff);
        BOOST_TEST(harness.find("router_form.name").has_value());
        BOOST_TEST(!harness.find("router_form.latitude").has_value());
        BOOST_TEST(harness.api().count("GET", "/api/inventory/routers/3/location") == 0);
    }
}

BOOST_AUTO_TEST_SUITE_END()
