// The FTTH inventory and the map (issue 21) headless: every marker sits where Web Mercator puts it
// (worked out here from the published formula, not from the app's projection), on a desktop and on
// a 390 px phone; a tapped marker is shown; zooming doubles the distances. The inventory tree shows
// each ODP's free ports, a technician puts a customer on a free port (and has no form to edit the
// network), the dispatcher's form sends the item and shows the server's field message, and a CSV is
// checked before it can be imported.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <tuple>

#include "api/dto.hpp"
#include "api/inventory_dto.hpp"
#include "customer_world.hpp"
#include "headless_platform.hpp"
#include "imgui.h"
#include "view_harness.hpp"

using kimonet::api::Json;
using kimonet::testing::ViewHarness;
namespace api = kimonet::api;

namespace {

api::NetworkMap bandung_map() {
    api::NetworkMap map;
    map.markers = {
        {"router", 1, "Router Pusat", {}, {-6.9140, 107.6090}, "online", {}, 0, false},
        {"olt", 2, "OLT-A", "POP A", {-6.9147, 107.6098}, {}, "router", 1, false},
        {"odc", 3, "ODC-A", {}, {-6.9170, 107.6120}, {}, "olt", 2, false},
        {"odp", 4, "ODP-A1", "1/8", {-6.9185, 107.6141}, {}, "odc", 3, false},
        {"customer", 5, "Budi Santoso", "CUST001", {-6.9189, 107.6150}, "active", "odp", 4, false},
        {"customer", 6, "Sari Dewi", "CUST002", {-6.9192, 107.6135}, "isolated", "odp", 4, true},
    };
    return map;
}

// The published Web Mercator formula (OpenStreetMap wiki, "Slippy map tilenames"), in CSS px.
double world_x(double longitude, double zoom) { return (longitude + 180.0) / 360.0 * 256.0 * std::pow(2.0, zoom); }
double world_y(double latitude, double zoom) {
    const double radians = latitude * M_PI / 180.0;
    return (1.0 - std::asinh(std::tan(radians)) / M_PI) / 2.0 * 256.0 * std::pow(2.0, zoom);
}

struct Camera {
    double zoom = 0, latitude = 0, longitude = 0;
};

Camera camera_of(const ViewHarness& harness) {
    Camera camera;
    const std::string value = harness.value("map.canvas");
    BOOST_TEST_REQUIRE(std::sscanf(value.c_str(), "zoom=%lf center=%lf,%lf", &camera.zoom, &camera.latitude, &camera.longitude) == 3, value);
    return camera;
}

void open_map(ViewHarness& harness, float width) {
    kimonet::testing::set_canvas_width(width);
    harness.api().answer("GET", "/api/map", {{"success", true}, {"data", api::to_json(bandung_map())}});
    harness.sign_in_staff({"inventory.read"}, "technician");
    harness.settle();
}

// Each marker's centre is the canvas centre plus its Mercator offset from the camera's centre.
// Returns how many markers lie inside the canvas.
int markers_sit_where_mercator_puts_them(const ViewHarness& harness) {
    const auto canvas = harness.find("map.canvas");
    BOOST_TEST_REQUIRE(canvas.has_value());
    const auto& rect = (*canvas)["rect"];
    const double centre_x = rect["x"].get<double>() + rect["w"].get<double>() / 2, centre_y = rect["y"].get<double>() + rect["h"].get<double>() / 2;
    const Camera camera = camera_of(harness);
    int inside = 0;
    const double left = rect["x"].get<double>(), top = rect["y"].get<double>();
    const double right = left + rect["w"].get<double>(), bottom = top + rect["h"].get<double>();
    for (const auto& marker : bandung_map().markers) {
        const double expected_x = centre_x + world_x(marker.location.longitude, camera.zoom) - world_x(camera.longitude, camera.zoom);
        const double expected_y = centre_y + world_y(marker.location.latitude, camera.zoom) - world_y(camera.latitude, camera.zoom);
        const auto drawn = harness.find("map.marker." + marker.kind + "." + std::to_string(marker.id));
        if (expected_x < left - 20 || expected_x > right + 20 || expected_y < top - 20 || expected_y > bottom + 20) {
            BOOST_TEST(!drawn.has_value(), marker.name << " lies off the canvas and is not drawn");
            continue;
        }
        if (expected_x < left || expected_x > right || expected_y < top || expected_y > bottom) continue;  // at the edge
        ++inside;
        BOOST_TEST_REQUIRE(drawn.has_value(), marker.name);
        const auto& box = (*drawn)["rect"];
        const double x = box["x"].get<double>() + box["w"].get<double>() / 2, y = box["y"].get<double>() + box["h"].get<double>() / 2;
        BOOST_TEST(std::abs(x - expected_x) < 0.6, marker.name << " x " << x << " expected " << expected_x);
        BOOST_TEST(std::abs(y - expected_y) < 0.6, marker.name << " y " << y << " expected " << expected_y);
    }
    return inside;
}

api::InventoryTree bandung_tree() {
    api::InventoryTree tree;
    tree.olts = {{2, "OLT-A", 1, "Router Pusat", "POP A", kimonet::inventory::Coordinates{-6.9147, 107.6098}}};
    tree.pon_ports = {{9, 2, "0/1/1"}};
    tree.odcs = {{3, "ODC-A", 9, std::nullopt}};
    tree.odps = {{4, "ODP-A1", 3, 8, 5, std::nullopt}, {7, "ODP-A2", 3, 4, 4, std::nullopt}};
    return tree;
}

api::OdpPorts odp_a1_ports() {
    api::OdpPorts ports;
    ports.odp = bandung_tree().odps[0];
    ports.taken = {{1, 5, "CUST001", "Budi Santoso"}, {2, 6, "CUST002", "Sari Dewi"}};
    ports.free = {3, 6, 8};
    return ports;
}

void open_inventory(ViewHarness& harness, const std::vector<std::string>& permissions, const std::string& role) {
    kimonet::testing::set_canvas_width(390.f);
    harness.api().answer("GET", "/api/inventory", {{"success", true}, {"data", api::to_json(bandung_tree())}});
    harness.api().answer("GET", "/api/inventory/odps/4/ports", {{"success", true}, {"data", api::to_json(odp_a1_ports())}});
    harness.api().answer("GET", "/api/routers", {{"success", true}, {"data", {{{"id", 1}, {"name", "Router Pusat"}}}}});
    harness.sign_in_staff(permissions, role);
    harness.settle();
}

std::vector<Json> sent_bodies(ViewHarness& harness, const std::string& method, const std::string& path) {
    std::vector<Json> out;
    for (const auto& sent : harness.api().sent())
        if (sent.method == method && sent.path == path) out.push_back(Json::parse(sent.body));
    return out;
}

// The map with the operator's tile server set (as GET /api/map answers then).
void open_tiled_map(ViewHarness& harness, const std::string& tile_url) {
    kimonet::testing::set_canvas_width(1280.f);
    api::NetworkMap map = bandung_map();
    map.tile_url = tile_url;
    map.tile_attribution = "© OpenStreetMap contributors";
    harness.api().answer("GET", "/api/map", {{"success", true}, {"data", api::to_json(map)}});
    harness.sign_in_staff({"inventory.read"}, "technician");
    harness.settle();
}

// Answers every tile load (a `side` px texture each) and draws, until the map asks for no more.
void load_every_tile(ViewHarness& harness, int side = 256) {
    for (int round = 0; round < 40; ++round) {
        const std::size_t asked = kimonet::testing::requested_tiles().size();
        kimonet::testing::finish_tile_loads(true, side);
        harness.frames(2);
        if (kimonet::testing::requested_tiles().size() == asked) return;
    }
    BOOST_FAIL("the map kept asking for tiles");
}

struct TileAddress {
    int zoom = 0, x = 0, y = 0;
};
// "https://a.tile.example/15/26178/17014.png" → 15, 26178, 17014.
TileAddress tile_address(const std::string& url) {
    TileAddress tile;
    const auto path = url.find(".example/");
    BOOST_TEST_REQUIRE(std::sscanf(url.c_str() + path + 9, "%d/%d/%d.png", &tile.zoom, &tile.x, &tile.y) == 3, url);
    return tile;
}

// The number after `key=` in the map.tiles value ("drawn=30 loading=0 cached=30 bytes=…").
long long tiles_figure(const ViewHarness& harness, const std::string& key) {
    const std::string value = harness.value("map.tiles");
    const auto at = value.find(key + "=");
    BOOST_TEST_REQUIRE(at != std::string::npos, value);
    return std::atoll(value.c_str() + at + key.size() + 1);
}

// Drags the map by `dx` px from the canvas's centre.
void drag_map(ViewHarness& harness, float dx) {
    const auto canvas = harness.find("map.canvas");
    BOOST_TEST_REQUIRE(canvas.has_value());
    const Json rect = (*canvas)["rect"];
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 grab(rect["x"].get<float>() + rect["w"].get<float>() / 2, rect["y"].get<float>() + rect["h"].get<float>() / 2);
    io.MousePos = grab;
    harness.frames(1);
    io.MouseDown[0] = true;
    harness.frames(1);
    io.MousePos = ImVec2(grab.x + dx / 2, grab.y);
    harness.frames(1);
    io.MousePos = ImVec2(grab.x + dx, grab.y);
    harness.frames(1);
    io.MouseDown[0] = false;
    harness.frames(1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inventory_screens)

BOOST_AUTO_TEST_CASE(every_marker_sits_where_web_mercator_puts_it_and_a_tap_shows_it) {
    ViewHarness harness("map");
    open_map(harness, 1280.f);
    BOOST_TEST(harness.api().count("GET", "/api/map") == 1);
    BOOST_TEST(markers_sit_where_mercator_puts_them(harness) == 6);  // fitted: every marker on the canvas
    const Camera fitted = camera_of(harness);
    BOOST_TEST(fitted.zoom >= 14.0);  // six markers within ~700 m fill a desktop canvas
    BOOST_TEST(harness.value("map.marker.customer.5") == "active");
    BOOST_TEST(harness.value("map.marker.customer.6") == "ticket_open");
    BOOST_TEST(harness.value("map.marker.router.1") == "online");
    BOOST_TEST(!harness.find("map.selected.title").has_value());

    harness.click("map.marker.customer.5");
    harness.frames(2);
    BOOST_TEST(harness.value("map.selected.title") == "Pelanggan · Budi Santoso");
    BOOST_TEST(harness.value("map.selected.detail") == "CUST001");
    BOOST_TEST(harness.value("map.selected.status") == "Aktif");

    // One step in: the same camera centre, every distance from it doubled.
    harness.click("map.zoom_in");
    harness.frames(2);
    BOOST_TEST(camera_of(harness).zoom == fitted.zoom + 1);
    BOOST_TEST(markers_sit_where_mercator_puts_them(harness) >= 1);
    // The map never asked anything but the server for its data: no tile server is set.
    for (const auto& sent : harness.api().sent()) BOOST_TEST(sent.path.rfind("/api/", 0) == 0U, sent.path);
    BOOST_TEST(kimonet::testing::requested_tiles().empty());
    BOOST_TEST(!harness.find("map.tiles").has_value());
    BOOST_TEST(!harness.find("map.attribution").has_value());
}

BOOST_AUTO_TEST_CASE(on_a_phone_the_map_fits_the_screen_and_keeps_the_projection) {
    ViewHarness harness("map");
    open_map(harness, 390.f);
    const auto canvas = harness.find("map.canvas");
    BOOST_TEST_REQUIRE(canvas.has_value());
    BOOST_TEST((*canvas)["rect"]["w"].get<double>() <= 390.0);
    BOOST_TEST((*canvas)["rect"]["h"].get<double>() >= 300.0);
    BOOST_TEST(markers_sit_where_mercator_puts_them(harness) == 6);
    const auto zoom_in = harness.find("map.zoom_in");
    BOOST_TEST_REQUIRE(zoom_in.has_value());
    BOOST_TEST((*zoom_in)["rect"]["h"].get<double>() >= 40.0);  // a thumb's target
}

BOOST_AUTO_TEST_CASE(a_technician_sees_free_ports_and_puts_a_customer_on_one_on_a_phone) {
    ViewHarness harness("inventory");
    open_inventory(harness, {"inventory.read", "inventory.place", "routers.read"}, "technician");
    BOOST_TEST(harness.value("inventory.olt.2") == "OLT OLT-A");
    BOOST_TEST(harness.value("inventory.pon.9") == "PON 0/1/1");
    BOOST_TEST(harness.value("inventory.odp.4") == "ODP ODP-A1 · bebas 3/8");
    BOOST_TEST(harness.value("inventory.odp.7") == "ODP ODP-A2 · bebas 0/4");
    // No form, no delete: the network is the dispatcher's to change.
    BOOST_TEST(!harness.find("inventory.form.save").has_value());
    BOOST_TEST(!harness.find("inventory.odp.4.delete").has_value());
    BOOST_TEST(!harness.find("inventory.import.check").has_value());

    harness.click("inventory.odp.4.open");
    harness.settle();
    BOOST_TEST(harness.value("inventory.ports.title") == "3 dari 8 port bebas");
    BOOST_TEST(harness.value("inventory.ports.taken.2") == "Port 2 · CUST002 Sari Dewi");
    const auto place = harness.find("inventory.ports.place");
    BOOST_TEST_REQUIRE(place.has_value());
    BOOST_TEST((*place)["rect"]["w"].get<double>() >= 240.0);  // the card's whole width on the phone
    BOOST_TEST((*place)["rect"]["x"].get<double>() + (*place)["rect"]["w"].get<double>() <= 390.0);
    harness.click("inventory.ports.service_number");
    harness.type("CUST003");
    harness.api().answer("POST", "/api/inventory/odps/4/ports", {{"success", true}, {"data", api::to_json(odp_a1_ports())}}, 201);
    harness.click("inventory.ports.place");
    harness.settle();
    const auto placed = sent_bodies(harness, "POST", "/api/inventory/odps/4/ports");
    BOOST_TEST_REQUIRE(placed.size() == 1U);
    BOOST_TEST(placed[0]["service_number"] == "CUST003");
    BOOST_TEST(placed[0]["port_number"] == 3);  // the first free port

    // A port taken meanwhile: the server's message under the field.
    harness.click("inventory.ports.service_number");
    harness.type("CUST004");
    harness.api().answer_error("POST", "/api/inventory/odps/4/ports", 409, "conflict", "port ODP sudah dipakai pelanggan lain: CUST009",
                               {{"port_number", "port ODP sudah dipakai pelanggan lain"}});
    harness.click("inventory.ports.place");
    harness.settle();
    BOOST_TEST(harness.value("inventory.ports.port.error") == "port ODP sudah dipakai pelanggan lain");
}

BOOST_AUTO_TEST_CASE(the_dispatcher_adds_an_odp_and_sees_the_field_message) {
    ViewHarness harness("inventory");
    open_inventory(harness, {"inventory.read", "inventory.edit", "inventory.place", "routers.read"}, "admin");
    harness.click("inventory.form.name");
    harness.type("ODP-A3");
    harness.click("inventory.form.latitude");
    harness.type("-6,9201");
    harness.click("inventory.form.longitude");
    harness.type("107.6160");
    harness.api().answer_error("POST", "/api/inventory/odps", 422, "validation_failed", "Validasi gagal",
                               {{"port_count", "jumlah port ODP 1–128"}});
    harness.click("inventory.form.save");
    harness.settle();
    const auto sent = sent_bodies(harness, "POST", "/api/inventory/odps");
    BOOST_TEST_REQUIRE(sent.size() == 1U);
    BOOST_TEST(sent[0]["name"] == "ODP-A3");
    BOOST_TEST(sent[0]["odc_id"] == 3);
    BOOST_TEST(sent[0]["port_count"] == 8);
    BOOST_TEST(sent[0]["latitude"] == -6.9201);
    BOOST_TEST(sent[0]["longitude"] == 107.616);
    BOOST_TEST(harness.value("inventory.form.port_count.error") == "jumlah port ODP 1–128");

    // Edit fills the form with the item; delete asks the server and shows its refusal.
    harness.click("inventory.odp.4.edit");
    harness.frames(2);
    BOOST_TEST(harness.value("inventory.form.name") == "ODP-A1");
    harness.api().answer_error("DELETE", "/api/inventory/odps/4", 409, "conflict", "ODP masih dipakai pelanggan; pindahkan pelanggan dulu");
    harness.click("inventory.odp.4.delete");
    harness.settle();
    BOOST_TEST(harness.api().count("DELETE", "/api/inventory/odps/4") == 1);
}

BOOST_AUTO_TEST_CASE(a_csv_is_checked_before_it_can_be_imported) {
    ViewHarness harness("inventory");
    open_inventory(harness, {"inventory.read", "inventory.edit", "routers.read"}, "admin");
    const auto commit = harness.find("inventory.import.commit");
    BOOST_TEST_REQUIRE(commit.has_value());
    BOOST_TEST((*commit)["disabled"] == true);
    harness.click("inventory.import.csv");
    harness.type("type,name,odc,port_count\nodp,ODP-B1,ODC-Z,8\n");
    harness.api().answer("POST", "/api/imports/inventory?dry_run=1",
                         {{"success", true},
                          {"data", {{"dry_run", true}, {"rows", 1}, {"valid", 0}, {"invalid", 1}, {"imported", 0}, {"olts", 0}, {"pon_ports", 0},
                                    {"odcs", 0}, {"odps", 0},
                                    {"errors", {{{"row", 2}, {"fields", {{"odc", "induk tidak dikenal (di database maupun di baris sebelumnya)"}}}}}}}}});
    harness.click("inventory.import.check");
    harness.settle();
    BOOST_TEST(harness.value("inventory.import.summary") == "0 baris benar, 1 salah: 0 OLT, 0 PON, 0 ODC, 0 ODP");
    BOOST_TEST(harness.value("inventory.import.error.2") == "Baris 2: odc: induk tidak dikenal (di database maupun di baris sebelumnya)");
    BOOST_TEST((*harness.find("inventory.import.commit"))["disabled"] == true);
    BOOST_TEST(harness.api().count("POST", "/api/imports/inventory") == 1);
}

BOOST_AUTO_TEST_CASE(the_customer_shows_its_port_and_a_technician_corrects_its_coordinates) {
    const Json placement{{"success", true},
                         {"data", {{"latitude", -6.9189}, {"longitude", 107.615}, {"port", {{"odp_id", 4}, {"odp_name", "ODP-A1"}, {"port_number", 3}}}}}};
    const std::vector<std::string> technician{"customers.read", "customers.update", "packages.read", "routers.read", "invoices.read",
                                              "inventory.read", "inventory.place"};
    {
        kimonet::testing::set_canvas_width(390.f);
        ViewHarness harness("customers/42");
        kimonet::testing::answer_customer_world(harness.api());
        harness.api().answer("GET", "/api/inventory/customers/42", placement);
        harness.sign_in_staff(technician, "technician");
        harness.settle();
        BOOST_TEST(harness.value("customer_detail.coordinates") == "-6.918900, 107.615000");
        BOOST_TEST(harness.value("customer_detail.odp_port") == "ODP-A1 · port 3");
    }
    kimonet::testing::set_canvas_width(1280.f);
    ViewHarness harness("customers/42/edit");
    kimonet::testing::answer_admin_lists(harness.api());
    harness.api().answer("GET", "/api/inventory/customers/42", placement);
    harness.sign_in_staff(technician, "technician");
    harness.settle();
    BOOST_TEST(harness.value("customer_form.latitude") == "-6.918900");
    BOOST_TEST(harness.value("customer_form.longitude") == "107.615000");

    // Out of range: shown at once, nothing sent.
    harness.click("customer_form.latitude");
    harness.select_all();
    harness.type("-95");
    harness.click("customer_form.save");
    harness.frames(2);
    BOOST_TEST(harness.value("customer_form.latitude.error") == "lintang harus angka antara -90 dan 90");
    BOOST_TEST(harness.api().count("PUT", "/api/customers/42") == 0);

    // Corrected (with the decimal comma a phone keyboard gives): the customer, then its coordinates.
    harness.click("customer_form.latitude");
    harness.select_all();
    harness.type("-6,9190");
    kimonet::Customer budi;
    budi.id = 42;
    budi.service_number = "CUST042";
    budi.name = "Budi Santoso";
    budi.phone = "6281234567890";
    budi.package_id = 1;
    budi.join_date = {2025, 3, 14};
    harness.api().answer("PUT", "/api/customers/42", {{"success", true}, {"data", api::to_json(budi)}});
    harness.api().answer("PUT", "/api/inventory/customers/42/location", {{"success", true}, {"data", {{"latitude", -6.919}, {"longitude", 107.615}}}});
    harness.click("customer_form.save");
    harness.settle();
    BOOST_TEST(harness.api().count("PUT", "/api/customers/42") == 1);
    const auto location = sent_bodies(harness, "PUT", "/api/inventory/customers/42/location");
    BOOST_TEST_REQUIRE(location.size() == 1U);
    BOOST_TEST(location[0]["latitude"] == -6.919);
    BOOST_TEST(location[0]["longitude"] == 107.615);
}

BOOST_AUTO_TEST_CASE(a_tap_that_lands_on_a_marker_selects_it_and_a_drag_pans_by_the_fingers_movement) {
    ViewHarness harness("map");
    open_map(harness, 1280.f);
    const Camera before = camera_of(harness);
    const auto marker = harness.find("map.marker.odp.4");
    BOOST_TEST_REQUIRE(marker.has_value());
    const auto& box = (*marker)["rect"];
    const ImVec2 at(box["x"].get<float>() + box["w"].get<float>() / 2, box["y"].get<float>() + box["h"].get<float>() / 2);
    ImGuiIO& io = ImGui::GetIO();
    // A tap: the pointer jumps from the sidebar onto the marker and presses in the same frame.
    io.MousePos = ImVec2(100, 300);
    harness.frames(1);
    io.MousePos = at;
    io.MouseDown[0] = true;
    harness.frames(1);
    io.MouseDown[0] = false;
    harness.frames(2);
    const Camera after_tap = camera_of(harness);
    BOOST_TEST(after_tap.latitude == before.latitude);
    BOOST_TEST(after_tap.longitude == before.longitude);
    BOOST_TEST(harness.value("map.selected.title") == "ODP · ODP-A1");
    BOOST_TEST(harness.value("map.selected.detail") == "1/8");

    // A drag of (+100, +40): every marker moves by exactly that, and nothing new is selected. (The card
    // below the map may have brought a scroll bar, narrowing the canvas: start from where it is now.)
    const auto start = harness.find("map.marker.odp.4");
    BOOST_TEST_REQUIRE(start.has_value());
    const Json origin = (*start)["rect"];  // copied: the registry changes with each frame
    io.MousePos = ImVec2(origin["x"].get<float>() + 7, origin["y"].get<float>() + 7);
    const ImVec2 grab = io.MousePos;
    io.MouseDown[0] = true;
    harness.frames(1);
    io.MousePos = ImVec2(grab.x + 60, grab.y + 25);
    harness.frames(1);
    io.MousePos = ImVec2(grab.x + 100, grab.y + 40);
    harness.frames(1);
    io.MouseDown[0] = false;
    harness.frames(2);
    // The camera's centre moved 100 px west and 40 px north of where it was, in the map's own pixels.
    const Camera dragged = camera_of(harness);
    BOOST_TEST(std::abs(world_x(after_tap.longitude, after_tap.zoom) - world_x(dragged.longitude, dragged.zoom) - 100) < 0.6);
    BOOST_TEST(std::abs(world_y(after_tap.latitude, after_tap.zoom) - world_y(dragged.latitude, dragged.zoom) - 40) < 0.6);
    BOOST_TEST(harness.value("map.selected.title") == "ODP · ODP-A1");
    BOOST_TEST(markers_sit_where_mercator_puts_them(harness) >= 1);
}

// With a tile server (issue 21) every tile the canvas shows is asked for once, by its z/x/y, and
// drawn where the published formula puts its corner; the markers stay on top, the credit is written
// in the corner, and while the map is dragged across the province the textures kept stay within
// the cache's count and bytes and every dropped one is released.
BOOST_AUTO_TEST_CASE(with_a_tile_server_the_tiles_lie_under_the_network_and_the_cache_stays_bounded) {
    kimonet::testing::reset_platform();
    ViewHarness harness("map");
    open_tiled_map(harness, "https://{s}.tile.example/{z}/{x}/{y}.png");
    BOOST_TEST(kimonet::testing::requested_tiles().size() <= 8U);  // at most eight loads at once
    load_every_tile(harness);
    BOOST_TEST(markers_sit_where_mercator_puts_them(harness) == 6);
    const Camera camera = camera_of(harness);
    const int level = static_cast<int>(std::lround(camera.zoom));

    // The tiles asked for are exactly those the canvas covers, each once, from the one origin.
    const auto canvas = harness.find("map.canvas");
    BOOST_TEST_REQUIRE(canvas.has_value());
    const Json rect = (*canvas)["rect"];
    const double left = rect["x"].get<double>(), top = rect["y"].get<double>();
    const double width = rect["w"].get<double>(), height = rect["h"].get<double>();
    const double factor = std::pow(2.0, level - camera.zoom);
    const double centre_x = world_x(camera.longitude, level), centre_y = world_y(camera.latitude, level);
    const int min_x = static_cast<int>(std::floor((centre_x - width / 2 * factor) / 256)), max_x = static_cast<int>(std::ceil((centre_x + width / 2 * factor) / 256)) - 1;
    const int min_y = static_cast<int>(std::floor((centre_y - height / 2 * factor) / 256)), max_y = static_cast<int>(std::ceil((centre_y + height / 2 * factor) / 256)) - 1;
    const auto requested = kimonet::testing::requested_tiles();
    std::set<std::tuple<int, int, int>> asked;
    for (const auto& url : requested) {
        BOOST_TEST(url.rfind("https://a.tile.example/", 0) == 0U, url);
        const TileAddress tile = tile_address(url);
        asked.insert({tile.zoom, tile.x, tile.y});
    }
    BOOST_TEST(asked.size() == requested.size());  // none twice
    std::set<std::tuple<int, int, int>> expected;
    for (int y = min_y; y <= max_y; ++y)
        for (int x = min_x; x <= max_x; ++x) expected.insert({level, x, y});
    BOOST_TEST((asked == expected), asked.size() << " tiles asked, " << expected.size() << " cover the canvas");
    BOOST_TEST(tiles_figure(harness, "drawn") == static_cast<long long>(expected.size()));
    BOOST_TEST(tiles_figure(harness, "loading") == 0);
    BOOST_TEST(tiles_figure(harness, "bytes") == static_cast<long long>(expected.size()) * 256 * 256 * 4);

    // Each tile's texture is drawn as a square whose corner is where the formula puts the tile's
    // corner (read from the draw commands ImGui hands the renderer).
    const double canvas_centre_x = left + width / 2, canvas_centre_y = top + height / 2;
    const double side = 256.0 / factor;
    int checked = 0;
    for (const ImDrawList* list : std::vector<ImDrawList*>(ImGui::GetDrawData()->CmdLists, ImGui::GetDrawData()->CmdLists + ImGui::GetDrawData()->CmdListsCount)) {
        for (const ImDrawCmd& command : list->CmdBuffer) {
            const auto id = reinterpret_cast<std::intptr_t>(command.TextureId);
            if (id <= 1000 || id > 1000 + static_cast<std::intptr_t>(requested.size())) continue;
            const TileAddress tile = tile_address(requested[static_cast<std::size_t>(id - 1001)]);
            float min_vx = 1e9f, min_vy = 1e9f, max_vx = -1e9f, max_vy = -1e9f;
            for (unsigned int index = 0; index < command.ElemCount; ++index) {
                const ImDrawVert& vertex = list->VtxBuffer[list->IdxBuffer[command.IdxOffset + index] + command.VtxOffset];
                min_vx = std::min(min_vx, vertex.pos.x), max_vx = std::max(max_vx, vertex.pos.x);
                min_vy = std::min(min_vy, vertex.pos.y), max_vy = std::max(max_vy, vertex.pos.y);
            }
            const double expected_left = canvas_centre_x + tile.x * side - world_x(camera.longitude, camera.zoom);
            const double expected_top = canvas_centre_y + tile.y * side - world_y(camera.latitude, camera.zoom);
            BOOST_TEST(std::abs(min_vx - expected_left) < 0.6, "tile " << tile.x << "/" << tile.y << " x " << min_vx << " expected " << expected_left);
            BOOST_TEST(std::abs(min_vy - expected_top) < 0.6, "tile " << tile.x << "/" << tile.y << " y " << min_vy << " expected " << expected_top);
            BOOST_TEST(std::abs((max_vx - min_vx) - side) < 0.6);
            ++checked;
        }
    }
    BOOST_TEST(checked == static_cast<int>(expected.size()));

    // Under the markers, the credit over them, in the canvas's bottom-right corner.
    std::vector<std::string> order;
    for (const auto& widget : harness.widgets()) order.push_back(widget["id"].get<std::string>());
    const auto position = [&](const std::string& id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
    BOOST_TEST(position("map.tiles") < position("map.marker.customer.5"));
    BOOST_TEST(position("map.attribution") > position("map.marker.customer.5"));
    BOOST_TEST(harness.label("map.attribution") == "© OpenStreetMap contributors");
    const auto credit = harness.find("map.attribution");
    BOOST_TEST_REQUIRE(credit.has_value());
    BOOST_TEST(std::abs((*credit)["rect"]["x"].get<double>() + (*credit)["rect"]["w"].get<double>() - (left + width)) < 1.0);
    BOOST_TEST(std::abs((*credit)["rect"]["y"].get<double>() + (*credit)["rect"]["h"].get<double>() - (top + height)) < 1.0);

    // Across the map: ten drags of a screen each, every tile answered; the cache never passes its
    // bounds (160 tiles, then 40 MiB with 512 px tiles) and holds exactly the textures not released.
    for (int drag = 0; drag < 10; ++drag) {
        drag_map(harness, -900.f);
        load_every_tile(harness, drag < 7 ? 256 : 512);
        BOOST_TEST(tiles_figure(harness, "cached") <= 160);
        BOOST_TEST(tiles_figure(harness, "bytes") <= 40LL << 20);
        BOOST_TEST(tiles_figure(harness, "cached") == kimonet::testing::live_tiles());
        BOOST_TEST(tiles_figure(harness, "loading") == 0);
    }
    BOOST_TEST(kimonet::testing::requested_tiles().size() > 200U);  // more than the cache holds
    BOOST_TEST(tiles_figure(harness, "drawn") >= 20);
}

// A tile server that answers nothing usable: each tile is asked for once (not again every frame),
// the ground stays the schematic's, the network is still drawn. A template the server would not
// have stored (javascript:, no {y}) asks nothing at all.
BOOST_AUTO_TEST_CASE(a_failing_or_invalid_tile_server_leaves_the_schematic_and_asks_once) {
    kimonet::testing::reset_platform();
    {
        ViewHarness harness("map");
        open_tiled_map(harness, "https://tiles.example.net/{z}/{x}/{y}.png");
        for (int round = 0; round < 10; ++round) {
            kimonet::testing::finish_tile_loads(false);
            harness.frames(2);
        }
        const std::size_t asked = kimonet::testing::requested_tiles().size();
        BOOST_TEST(asked >= 20U);
        harness.frames(10);
        BOOST_TEST(kimonet::testing::requested_tiles().size() == asked);
        BOOST_TEST(tiles_figure(harness, "drawn") == 0);
        BOOST_TEST(tiles_figure(harness, "bytes") == 0);
        BOOST_TEST(markers_sit_where_mercator_puts_them(harness) == 6);
    }
    for (const char* invalid : {"javascript:alert(1)//{z}/{x}/{y}", "https://*.example.net/{z}/{x}/{y}.png", "https://tiles.example.net/{z}/{x}.png"}) {
        kimonet::testing::reset_platform();
        ViewHarness harness("map");
        open_tiled_map(harness, invalid);
        harness.frames(3);
        BOOST_TEST(kimonet::testing::requested_tiles().empty(), invalid);
        BOOST_TEST(!harness.find("map.tiles").has_value());
        BOOST_TEST(markers_sit_where_mercator_puts_them(harness) == 6);
    }
}

BOOST_AUTO_TEST_SUITE_END()
