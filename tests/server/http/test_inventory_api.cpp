// /api/inventory and /api/map over real HTTP (issue 21): the dispatcher builds OLT → PON → ODC → ODP,
// the technician places customers on ports in the field and fixes their coordinates, a taken port or
// a customer placed twice is refused with its own message, an ODP with customers cannot go, and each
// role gets exactly what it may (refusals change nothing).
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>

#include "http/kept_setting.hpp"
#include "http/security_headers.hpp"
#include "store/database.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::HttpReply;
using kimonet::testing::TestServer;

namespace {

struct InventorySession {
    TestServer server;
    std::string admin = server.login("admin");

    std::int64_t create(const std::string& path, const Json& body) {
        const auto reply = server.post(path, body.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"].get<std::int64_t>();
    }
    // OLT-<tag> on router 1 → PON 0/1/1 → ODC-<tag> → ODP-<tag> with `ports` ports; returns the ODP's id.
    std::int64_t branch(const std::string& tag, int ports = 8) {
        const auto olt = create("/api/inventory/olts", {{"name", "OLT-" + tag}, {"router_id", 1}, {"site", "POP " + tag},
                                                        {"latitude", -6.9147}, {"longitude", 107.6098}});
        const auto pon = create("/api/inventory/pon-ports", {{"olt_id", olt}, {"label", "0/1/1"}});
        const auto odc = create("/api/inventory/odcs", {{"name", "ODC-" + tag}, {"pon_port_id", pon}, {"latitude", -6.915}, {"longitude", 107.61}});
        return create("/api/inventory/odps",
                      {{"name", "ODP-" + tag}, {"odc_id", odc}, {"port_count", ports}, {"latitude", -6.9151}, {"longitude", 107.6101}});
    }
    HttpReply place(std::int64_t odp, const Json& body, const std::string& token) {
        return server.post("/api/inventory/odps/" + std::to_string(odp) + "/ports", body.dump(), token);
    }
    std::string message(const HttpReply& reply) { return reply.json()["error"]["message"].get<std::string>(); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(inventory_api, InventorySession)

BOOST_AUTO_TEST_CASE(a_technician_places_customers_on_free_ports_and_a_taken_port_is_refused) {
    const auto odp = branch("A", 4);
    const std::string technician = server.login("technician");
    const auto placed = place(odp, {{"service_number", "CUST001"}, {"port_number", 2}}, technician);
    BOOST_TEST_REQUIRE(placed.status == 201, placed.body);
    BOOST_TEST((placed.json()["data"]["free"] == Json::array({1, 3, 4})));
    BOOST_TEST(placed.json()["data"]["taken"][0]["service_number"] == "CUST001");
    BOOST_TEST(placed.json()["data"]["odp"]["free_ports"] == 3);

    const std::string before = server.snapshot();
    const auto port_taken = place(odp, {{"service_number", "CUST002"}, {"port_number", 2}}, technician);
    BOOST_TEST(port_taken.status == 409);
    BOOST_TEST(message(port_taken) == "port ODP sudah dipakai pelanggan lain: CUST001");
    BOOST_TEST(port_taken.json()["error"]["fields"]["port_number"] == "port ODP sudah dipakai pelanggan lain");
    const auto twice = place(odp, {{"service_number", "CUST001"}, {"port_number", 3}}, technician);
    BOOST_TEST(twice.status == 409);
    BOOST_TEST(message(twice) == "pelanggan sudah terpasang di port ODP lain: 2");
    const auto beyond = place(odp, {{"service_number", "CUST002"}, {"port_number", 5}}, technician);
    BOOST_TEST(beyond.status == 422);
    BOOST_TEST(beyond.json()["error"]["fields"]["port_number"] == "nomor port di luar jumlah port ODP");
    const auto nobody = place(odp, {{"service_number", "NOPE-1"}, {"port_number", 3}}, technician);
    BOOST_TEST(nobody.status == 422);
    BOOST_TEST(nobody.json()["error"]["fields"]["customer_id"] == "pelanggan tidak ditemukan");
    BOOST_TEST(place(odp + 100, {{"service_number", "CUST002"}, {"port_number", 1}}, technician).status == 404);
    BOOST_TEST(server.snapshot() == before);

    // The port list, the tree and the customer's own placement agree.
    const auto ports = server.get("/api/inventory/odps/" + std::to_string(odp) + "/ports", technician).json()["data"];
    BOOST_TEST(ports["taken"][0]["port_number"] == 2);
    const auto tree = server.get("/api/inventory", technician).json()["data"];
    BOOST_TEST(tree["odps"][0]["used_ports"] == 1);
    BOOST_TEST(tree["olts"][0]["router_name"] == server.scalar("SELECT name FROM routers WHERE id = 1"));
    const std::string customer = server.scalar("SELECT id FROM customers WHERE service_number = 'CUST001'");
    const auto where = server.get("/api/inventory/customers/" + customer, technician).json()["data"];
    BOOST_TEST(where["port"]["odp_name"] == "ODP-A");
    BOOST_TEST(where["port"]["port_number"] == 2);

    // Taken off, the port is free again and the move is in the activity log.
    BOOST_TEST(server.del("/api/inventory/customers/" + customer + "/port", technician).status == 200);
    BOOST_TEST(server.del("/api/inventory/customers/" + customer + "/port", technician).status == 404);
    BOOST_TEST(place(odp, {{"service_number", "CUST002"}, {"port_number", 2}}, technician).status == 201);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action IN ('inventory.customer.place', 'inventory.customer.unplace')") == "3");
}

BOOST_AUTO_TEST_CASE(bad_items_get_a_message_per_field_and_change_nothing) {
    const auto odp = branch("A");
    const std::string before = server.snapshot();
    const auto far = server.post("/api/inventory/olts", Json{{"name", "OLT-X"}, {"latitude", 91}, {"longitude", 181}}.dump(), admin);
    BOOST_TEST(far.status == 422);
    BOOST_TEST(far.json()["error"]["fields"]["latitude"] == "lintang harus angka antara -90 dan 90");
    BOOST_TEST(far.json()["error"]["fields"]["longitude"] == "bujur harus angka antara -180 dan 180");
    const auto half = server.post("/api/inventory/olts", Json{{"name", "OLT-X"}, {"latitude", -6.9}}.dump(), admin);
    BOOST_TEST(half.json()["error"]["fields"]["longitude"] == "isi lintang dan bujur, atau kosongkan keduanya");
    const auto text = server.post("/api/inventory/olts", Json{{"name", "OLT-X"}, {"latitude", "-6.9"}, {"longitude", 107.6}}.dump(), admin);
    BOOST_TEST(text.status == 422);
    const std::string odc = server.scalar("SELECT id FROM odcs");
    for (const int ports : {0, 129, -1}) {
        const auto bad = server.post("/api/inventory/odps", Json{{"name", "ODP-X"}, {"odc_id", std::stoll(odc)}, {"port_count", ports}}.dump(), admin);
        BOOST_TEST(bad.json()["error"]["fields"]["port_count"] == "jumlah port ODP 1–128");
    }
    const auto orphan = server.post("/api/inventory/odps", Json{{"name", "ODP-X"}, {"odc_id", 999}, {"port_count", 8}}.dump(), admin);
    BOOST_TEST(orphan.json()["error"]["fields"]["odc_id"] == "ODC tidak ditemukan");
    const auto same = server.post("/api/inventory/odps", Json{{"name", " ODP-A "}, {"odc_id", std::stoll(odc)}, {"port_count", 8}}.dump(), admin);
    BOOST_TEST(same.status == 409);
    BOOST_TEST(same.json()["error"]["fields"]["name"] == "nama sudah dipakai");
    const auto label = server.post("/api/inventory/pon-ports", Json{{"olt_id", std::stoll(server.scalar("SELECT id FROM olts"))}, {"label", "0/1/1"}}.dump(), admin);
    BOOST_TEST(label.status == 409);
    BOOST_TEST(label.json()["error"]["fields"]["label"] == "label port PON sudah ada di OLT ini");
    BOOST_TEST(server.post("/api/inventory/olts", Json{{"name", std::string(81, 'x')}}.dump(), admin).status == 422);
    BOOST_TEST(server.post("/api/inventory/olts", Json{{"name", "OLT-X"}, {"router_id", 999}}.dump(), admin).status == 422);
    BOOST_TEST(server.post("/api/inventory/olts", "[1]", admin).status == 400);
    BOOST_TEST(server.put("/api/inventory/odps/" + std::to_string(odp + 50), Json{{"name", "Z"}, {"odc_id", std::stoll(odc)}, {"port_count", 8}}.dump(), admin).status == 404);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(an_odp_with_customers_cannot_be_deleted_or_shrunk_below_a_used_port) {
    const auto odp = branch("A", 8);
    BOOST_TEST_REQUIRE(place(odp, {{"service_number", "CUST003"}, {"port_number", 6}}, admin).status == 201);
    const std::string before = server.snapshot();
    const auto refused = server.del("/api/inventory/odps/" + std::to_string(odp), admin);
    BOOST_TEST(refused.status == 409);
    BOOST_TEST(message(refused) == "ODP masih dipakai pelanggan; pindahkan pelanggan dulu");
    const std::string odc = server.scalar("SELECT id FROM odcs");
    const auto shrink = server.put("/api/inventory/odps/" + std::to_string(odp), Json{{"name", "ODP-A"}, {"odc_id", std::stoll(odc)}, {"port_count", 4}}.dump(), admin);
    BOOST_TEST(shrink.status == 422);
    BOOST_TEST(shrink.json()["error"]["fields"]["port_count"] == "jumlah port lebih kecil dari port yang terpakai");
    const auto parent = server.del("/api/inventory/odcs/" + odc, admin);
    BOOST_TEST(parent.status == 409);
    BOOST_TEST(message(parent) == "masih ada perangkat di bawahnya; hapus itu dulu");
    BOOST_TEST(server.snapshot() == before);

    const auto grown = server.put("/api/inventory/odps/" + std::to_string(odp), Json{{"name", "ODP-A1"}, {"odc_id", std::stoll(odc)}, {"port_count", 16}}.dump(), admin);
    BOOST_TEST(grown.status == 200, grown.body);
    BOOST_TEST(server.scalar("SELECT port_count FROM odps") == "16");
    BOOST_TEST(server.del("/api/inventory/customers/" + server.scalar("SELECT customer_id FROM odp_ports") + "/port", admin).status == 200);
    BOOST_TEST(server.del("/api/inventory/odps/" + std::to_string(odp), admin).status == 200);
    BOOST_TEST(server.del("/api/inventory/odcs/" + odc, admin).status == 200);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM odps") == "0");
}

BOOST_AUTO_TEST_CASE(each_role_gets_what_it_may_and_refusals_change_nothing) {
    const auto odp = branch("A");
    const std::string technician = server.login("technician"), finance = server.login("finance");
    const std::string before = server.snapshot();
    const Json olt{{"name", "OLT-T"}};
    BOOST_TEST(server.post("/api/inventory/olts", olt.dump(), technician).status == 403);
    BOOST_TEST(server.del("/api/inventory/odps/" + std::to_string(odp), technician).status == 403);
    BOOST_TEST(server.post("/api/imports/inventory", "type,name\nolt,OLT-T\n", technician).status == 403);
    BOOST_TEST(server.put("/api/inventory/routers/1/location", Json{{"latitude", 1}, {"longitude", 1}}.dump(), technician).status == 403);
    BOOST_TEST(server.get("/api/inventory", finance).status == 200);
    BOOST_TEST(server.get("/api/map", finance).status == 200);
    BOOST_TEST(place(odp, {{"service_number", "CUST001"}, {"port_number", 1}}, finance).status == 403);
    BOOST_TEST(server.put("/api/inventory/customers/1/location", Json{{"latitude", 1}, {"longitude", 1}}.dump(), finance).status == 403);
    BOOST_TEST(server.post("/api/inventory/olts", olt.dump(), finance).status == 403);
    BOOST_TEST(server.get("/api/inventory").status == 401);
    BOOST_TEST(server.get("/api/map").status == 401);
    BOOST_TEST(place(odp, {{"service_number", "CUST001"}, {"port_number", 1}}, "").status == 401);
    BOOST_TEST(server.snapshot() == before);
    // The technician in the field: reads, places and sets a customer's coordinates.
    BOOST_TEST(server.get("/api/map", technician).status == 200);
    BOOST_TEST(place(odp, {{"service_number", "CUST001"}, {"port_number", 1}}, technician).status == 201);
    BOOST_TEST(server.put("/api/inventory/customers/1/location", Json{{"latitude", -6.9}, {"longitude", 107.6}}.dump(), technician).status == 200);
}

BOOST_AUTO_TEST_CASE(customers_below_a_node_are_listed_for_an_outage) {
    const auto odp_a = branch("A");
    const auto odp_b = branch("B");
    BOOST_TEST_REQUIRE(place(odp_a, {{"service_number", "CUST001"}, {"port_number", 1}}, admin).status == 201);
    BOOST_TEST_REQUIRE(place(odp_a, {{"service_number", "CUST002"}, {"port_number", 2}}, admin).status == 201);
    BOOST_TEST_REQUIRE(place(odp_b, {{"service_number", "CUST003"}, {"port_number", 1}}, admin).status == 201);
    const auto below = server.get("/api/inventory/odp/" + std::to_string(odp_a) + "/customers", admin);
    BOOST_TEST_REQUIRE(below.status == 200, below.body);
    BOOST_TEST(below.json()["data"].size() == 2U);
    BOOST_TEST(below.json()["data"][1]["service_number"] == "CUST002");
    const std::string olt_b = server.scalar("SELECT id FROM olts WHERE name = 'OLT-B'");
    BOOST_TEST(server.get("/api/inventory/olt/" + olt_b + "/customers", admin).json()["data"][0]["service_number"] == "CUST003");
    BOOST_TEST(server.get("/api/inventory/shelf/1/customers", admin).status == 422);
    BOOST_TEST(server.get("/api/inventory/odc/999/customers", admin).status == 404);
}

BOOST_AUTO_TEST_CASE(the_map_draws_what_has_coordinates_with_its_status_and_parent) {
    const auto odp = branch("A");
    const std::string technician = server.login("technician");
    BOOST_TEST_REQUIRE(place(odp, {{"service_number", "CUST001"}, {"port_number", 1}}, technician).status == 201);
    const std::string customer = server.scalar("SELECT id FROM customers WHERE service_number = 'CUST001'");
    const auto set = server.put("/api/inventory/customers/" + customer + "/location", Json{{"latitude", -6.91515}, {"longitude", 107.61015}}.dump(), technician);
    BOOST_TEST_REQUIRE(set.status == 200, set.body);
    BOOST_TEST(server.put("/api/inventory/customers/" + customer + "/location", Json{{"latitude", -100}, {"longitude", 0}}.dump(), technician).status == 422);
    BOOST_TEST(server.put("/api/inventory/routers/1/location", Json{{"latitude", -6.914}, {"longitude", 107.609}}.dump(), admin).status == 200);
    // The router form reads it back (issue 21); a latitude out of range, one coordinate without the
    // other or a text is a field error and changes nothing; both null clear it.
    const auto placed = server.get("/api/inventory/routers/1/location", technician);
    BOOST_TEST_REQUIRE(placed.status == 200, placed.body);
    BOOST_TEST(placed.json()["data"] == (Json{{"latitude", -6.914}, {"longitude", 107.609}}));
    const std::string placed_state = server.snapshot();
    const auto out_of_range = server.put("/api/inventory/routers/1/location", Json{{"latitude", 91}, {"longitude", 107.6}}.dump(), admin);
    BOOST_TEST(out_of_range.status == 422);
    BOOST_TEST(out_of_range.json()["error"]["fields"]["latitude"] == "lintang harus angka antara -90 dan 90");
    const auto one_only = server.put("/api/inventory/routers/1/location", Json{{"latitude", -6.9}}.dump(), admin);
    BOOST_TEST(one_only.status == 422);
    BOOST_TEST(one_only.json()["error"]["fields"]["longitude"] == "isi lintang dan bujur, atau kosongkan keduanya");
    BOOST_TEST(server.put("/api/inventory/routers/1/location", Json{{"latitude", "-6.9"}, {"longitude", 107.6}}.dump(), admin).status == 422);
    BOOST_TEST(server.snapshot() == placed_state);
    BOOST_TEST(server.get("/api/inventory/routers/999/location", admin).status == 404);
    BOOST_TEST(server.get("/api/inventory/routers/1/location").status == 401);
    BOOST_TEST(server.put("/api/inventory/routers/1/location", Json{{"latitude", nullptr}, {"longitude", nullptr}}.dump(), admin).status == 200);
    BOOST_TEST(server.get("/api/inventory/routers/1/location", admin).json()["data"] == (Json{{"latitude", nullptr}, {"longitude", nullptr}}));
    BOOST_TEST(server.put("/api/inventory/routers/1/location", Json{{"latitude", -6.914}, {"longitude", 107.609}}.dump(), admin).status == 200);

    const auto map = server.get("/api/map", technician).json()["data"];
    BOOST_TEST(map["tile_url"] == "");
    std::map<std::string, Json> by_kind;
    for (const auto& marker : map["markers"]) by_kind[marker["kind"].get<std::string>()] = marker;
    BOOST_TEST(map["markers"].size() == 5U);  // router, OLT, ODC, ODP, one customer (the others have no coordinates)
    BOOST_TEST(by_kind["customer"]["detail"] == "CUST001");
    BOOST_TEST(by_kind["customer"]["status"] == server.scalar("SELECT status FROM customers WHERE service_number = 'CUST001'"));
    BOOST_TEST(by_kind["customer"]["parent_kind"] == "odp");
    BOOST_TEST(by_kind["customer"]["parent_id"] == odp);
    BOOST_TEST(by_kind["customer"]["latitude"] == -6.91515);
    BOOST_TEST(by_kind["odp"]["detail"] == "1/8");
    BOOST_TEST(by_kind["odp"]["parent_kind"] == "odc");
    BOOST_TEST(by_kind["odc"]["parent_kind"] == "olt");
    BOOST_TEST(by_kind["olt"]["parent_kind"] == "router");
    BOOST_TEST(by_kind["customer"]["ticket_open"] == false);
    // A ticket the customer has open colours their marker; closing it takes the colour away.
    const auto ticket = server.post("/api/tickets", Json{{"customer_id", std::stoll(customer)}, {"category", "device"}, {"priority", "normal"},
                                                         {"message", "ONT mati total"}}.dump(), admin);
    BOOST_TEST_REQUIRE(ticket.status == 201, ticket.body);
    auto customer_marker = [&] {
        const Json reply = server.get("/api/map", technician).json();  // kept: the loop reads inside it
        for (const auto& marker : reply["data"]["markers"])
            if (marker["kind"] == "customer") return marker;
        return Json();
    };
    BOOST_TEST(customer_marker()["ticket_open"] == true);
    const auto ticket_id = std::to_string(ticket.json()["data"]["id"].get<std::int64_t>());
    const auto closed = server.post("/api/tickets/" + ticket_id + "/close", R"({"cause":"device_fault","note":"ONT diganti"})", admin);
    BOOST_TEST_REQUIRE(closed.status == 200, closed.body);
    BOOST_TEST(customer_marker()["ticket_open"] == false);
    const std::string probed = server.scalar("SELECT COUNT(*) FROM router_reachability WHERE router_id = 1");
    const std::string reachable = probed == "0" ? "" : server.scalar("SELECT reachable FROM router_reachability WHERE router_id = 1");
    BOOST_TEST(by_kind["router"]["status"] == (probed == "0" ? "unknown" : reachable == "1" ? "online" : "offline"));

    // The tile server: a z/x/y https template or nothing; anything else is refused.
    const std::string before = server.snapshot();
    BOOST_TEST(server.put("/api/settings", R"({"map_tile_url":"javascript:alert(1)//{z}{x}{y}"})", admin).status == 422);
    BOOST_TEST(server.put("/api/settings", R"({"map_tile_url":"https://tiles.example.net/{z}/{x}.png"})", admin).status == 422);
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(server.put("/api/settings", R"({"map_tile_url":"https://tiles.example.net/{z}/{x}/{y}.png"})", admin).status == 200);
    BOOST_TEST(server.get("/api/map", technician).json()["data"]["tile_url"] == "https://tiles.example.net/{z}/{x}/{y}.png");
    BOOST_TEST(server.get("/api/map", technician).json()["data"]["tile_attribution"] == "© OpenStreetMap contributors");
    // A wildcard, a second source or credentials would widen the page's policy: refused.
    for (const char* widening : {"https://*.example.net/{z}/{x}/{y}.png", "https://a.example.net;script-src/{z}/{x}/{y}",
                                 "https://user:pw@tiles.example.net/{z}/{x}/{y}.png", "http://localhost.evil.example/{z}/{x}/{y}.png"})
        BOOST_TEST(server.put("/api/settings", Json{{"map_tile_url", widening}}.dump(), admin).status == 422, widening);
    BOOST_TEST(server.put("/api/settings", Json{{"map_tile_attribution", std::string(201, 'x')}}.dump(), admin).status == 422);
    BOOST_TEST(server.get("/api/map", technician).json()["data"]["tile_url"] == "https://tiles.example.net/{z}/{x}/{y}.png");
}

// The app's page (GET /, /index.html, and a 304 of it) allows images and fetches from exactly the
// configured tile server's origin besides its own, and nothing else changes in its policy; without
// the setting, or with a value that would not pass the settings' check (written straight into the
// database), the policy is the strict static one. Other files keep the strict one.
BOOST_AUTO_TEST_CASE(the_app_page_allows_exactly_the_configured_tile_origin) {
    // A second App on this database that serves a browser app (the test server serves none).
    kimonet::testing::TempDir web;
    std::ofstream(web.file("index.html")) << "<!doctype html><title>Kimonet</title>";
    std::ofstream(web.file("app.js")) << "console.log('app');";
    app::Config config;
    config.db_path = server.db_path();
    config.secret_key_file = server.secret_key_file();
    config.web_dir = web.path().string();
    config.threads = 2;
    auto clock = std::make_shared<app::ManualClock>(server.clock().now());
    auto opened = app::App::open(config, clock);
    BOOST_TEST_REQUIRE(opened.ok(), (opened ? "" : opened.error().message()));
    const std::unique_ptr<app::App> site_app = std::move(opened).value();
    http::HttpServer site(*site_app);
    BOOST_TEST_REQUIRE(site.start("127.0.0.1", 0, 2).ok());
    const std::string base = "http://127.0.0.1:" + std::to_string(site.port());
    const auto policy_of = [&](const std::string& path, const std::map<std::string, std::string>& headers = {}) {
        const HttpReply reply = kimonet::testing::http_request("GET", base + path, {}, headers);
        BOOST_TEST((reply.status == 200 || reply.status == 304), path << " " << reply.status);
        return reply.headers.contains("content-security-policy") ? reply.headers.at("content-security-policy") : std::string();
    };
    const std::string strict = http::kStaticPagePolicy;
    BOOST_TEST(policy_of("/") == strict);
    BOOST_TEST(policy_of("/index.html") == strict);

    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"map_tile_url":"https://{s}.tile.example.net/{z}/{x}/{y}.png"})", admin).status == 200);
    std::string expected = strict;
    expected.replace(expected.find("img-src 'self' data: blob:") + 26, 0, " https://a.tile.example.net");
    expected.replace(expected.find("connect-src 'self'") + 18, 0, " https://a.tile.example.net");
    BOOST_TEST(policy_of("/") == expected);
    BOOST_TEST(policy_of("/index.html") == expected);
    BOOST_TEST(policy_of("/app.js") == strict);
    const std::string etag = kimonet::testing::http_request("GET", base + "/").headers.at("etag");
    BOOST_TEST(policy_of("/", {{"If-None-Match", etag}}) == expected);  // a revalidated page gets the new policy too

    // Written past the settings' check (an old version, a hand edit): the page stays strict.
    auto direct = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(direct.ok());
    BOOST_TEST_REQUIRE((*direct)->execute("UPDATE settings SET value = 'https://*.evil.example/{z}/{x}/{y}.png' WHERE key = 'map_tile_url'").ok());
    clock->advance(http::KeptSetting::kTtlSeconds + 1);
    BOOST_TEST(policy_of("/") == strict);
    BOOST_TEST(policy_of("/index.html") == strict);
    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"map_tile_url":""})", admin).status == 200);
    BOOST_TEST(policy_of("/") == strict);
    site.stop();
}

BOOST_AUTO_TEST_SUITE_END()
