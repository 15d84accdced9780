// The map's projection and the inventory's shared rules (issue 21): Web Mercator as the slippy-map
// tiles number the world (values from the OpenStreetMap wiki's worked examples), tile URL templates an
// operator may set, and coordinates in range, both or neither.
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "inventory/inventory_rules.hpp"
#include "inventory/web_mercator.hpp"

using namespace kimonet;
using namespace kimonet::inventory;

BOOST_AUTO_TEST_SUITE(web_mercator)

BOOST_AUTO_TEST_CASE(the_world_is_256_pixels_at_zoom_0_doubling_each_zoom) {
    const auto centre = project(0, 0, 0);
    BOOST_TEST(centre.x == 128.0);
    BOOST_TEST(std::abs(centre.y - 128.0) < 1e-9);
    BOOST_TEST(project(0, 180, 0).x == 256.0);
    BOOST_TEST(project(0, -180, 3).x == 0.0);
    BOOST_TEST(std::abs(project(kMaxMercatorLatitude, 0, 0).y) < 1e-6);      // the top edge
    BOOST_TEST(std::abs(project(-kMaxMercatorLatitude, 0, 1).y - 512) < 1e-6);  // the bottom edge
    BOOST_TEST(project(89.9, 0, 0).y == project(kMaxMercatorLatitude, 0, 0).y);  // clamped, never infinite
}

BOOST_AUTO_TEST_CASE(a_coordinate_falls_in_the_tile_the_tile_servers_number_it) {
    // Monas, Jakarta (-6.1754, 106.8272) is in tile 13/6526/4236 (x = floor((lon+180)/360·2^z),
    // y = floor((1 − asinh(tan φ)/π)/2 · 2^z)).
    const auto point = project(-6.1754, 106.8272, 13);
    BOOST_TEST(std::floor(point.x / kTileSize) == 6526.0);
    BOOST_TEST(std::floor(point.y / kTileSize) == 4236.0);
    double latitude = 0, longitude = 0;
    unproject(point, 13, latitude, longitude);
    BOOST_TEST(std::abs(latitude - -6.1754) < 1e-9);
    BOOST_TEST(std::abs(longitude - 106.8272) < 1e-9);
}

BOOST_AUTO_TEST_CASE(a_tile_url_template_is_https_with_z_x_and_y) {
    BOOST_TEST(valid_tile_url_template("https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
    BOOST_TEST(valid_tile_url_template("https://{s}.tiles.example.net/v1/{z}/{x}/{y}@2x.png?key=abc"));
    BOOST_TEST(valid_tile_url_template("http://127.0.0.1:8080/{z}/{x}/{y}.png"));
    BOOST_TEST(!valid_tile_url_template("http://tiles.example.net/{z}/{x}/{y}.png"));   // plain http off loopback
    BOOST_TEST(!valid_tile_url_template("https://tiles.example.net/{z}/{x}.png"));      // no {y}
    BOOST_TEST(!valid_tile_url_template("javascript:alert(1)//{z}/{x}/{y}"));
    BOOST_TEST(!valid_tile_url_template("https://tiles.example.net/{z}/{x}/{y}.png\" onerror=\"x"));
    BOOST_TEST(!valid_tile_url_template("https://user@evil.example/{z}/{x}/{y}.png"));
    BOOST_TEST(!valid_tile_url_template("https://" + std::string(300, 'a') + "/{z}/{x}/{y}"));
    BOOST_TEST(tile_url("https://{s}.t.example/{z}/{x}/{y}.png", 13, 6527, 4236) == "https://a.t.example/13/6527/4236.png");
    BOOST_TEST(tile_origin("https://{s}.t.example/{z}/{x}/{y}.png") == "https://a.t.example");  // the host tile_url asks, no wildcard
    BOOST_TEST(tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org");
    BOOST_TEST(tile_origin("https://Tiles.Example.NET:8443/{z}/{x}/{y}.png") == "https://tiles.example.net:8443");
}

// The origin goes into the app page's Content-Security-Policy: whatever an administrator (or a
// stolen admin session) types, it is one exact https host, or http to this machine, or nothing.
BOOST_AUTO_TEST_CASE(a_tile_template_that_would_widen_the_page_policy_is_refused) {
    for (const char* refused : {
             "data:image/png;base64,{z}{x}{y}",
             "javascript:alert(1)//{z}/{x}/{y}",
             "https://*.example.net/{z}/{x}/{y}.png",             // a wildcard source
             "https://*/{z}/{x}/{y}.png",
             "https://example.net;script-src/{z}/{x}/{y}.png",    // a second directive
             "https://example.net,evil.example/{z}/{x}/{y}.png",
             "https://user:secret@tiles.example.net/{z}/{x}/{y}.png",  // credentials
             "https://tiles.example.net@evil.example/{z}/{x}/{y}.png",
             "https://[::1]/{z}/{x}/{y}.png",
             "https://tiles%2eexample.net/{z}/{x}/{y}.png",
             "https://tiles.example.net:0/{z}/{x}/{y}.png",
             "https://tiles.example.net:99999/{z}/{x}/{y}.png",
             "https://tiles.example.net:/{z}/{x}/{y}.png",
             "https://tiles..example.net/{z}/{x}/{y}.png",
             "https://.example.net/{z}/{x}/{y}.png",
             "https://{z}.example.net/{x}/{y}.png",
             "https://tiles{s}.example.net/{z}/{x}/{y}.png",
             "https:///{z}/{x}/{y}.png",
             "https://tiles.example.net?{z}/{x}/{y}",             // no path: the origin is not clear
             "http://localhost.evil.example/{z}/{x}/{y}.png",     // plain http off this machine
             "http://127.0.0.1.nip.io/{z}/{x}/{y}.png",
             "http://10.0.0.1/{z}/{x}/{y}.png",
             "ftp://tiles.example.net/{z}/{x}/{y}.png",
             "//tiles.example.net/{z}/{x}/{y}.png",
         }) {
        BOOST_TEST_CONTEXT(refused) {
            BOOST_TEST(!valid_tile_url_template(refused));
            BOOST_TEST(tile_origin(refused).empty());
        }
    }
    BOOST_TEST(valid_tile_url_template("http://localhost:8081/tiles/{z}/{x}/{y}.png"));
    BOOST_TEST(tile_origin("http://localhost:8081/tiles/{z}/{x}/{y}.png") == "http://localhost:8081");
}

BOOST_AUTO_TEST_CASE(coordinates_are_in_range_and_both_or_neither) {
    FieldErrors errors;
    BOOST_TEST(!checked_coordinates(std::nullopt, std::nullopt, errors).has_value());
    BOOST_TEST(errors.empty());
    const auto bandung = checked_coordinates(-6.9147, 107.6098, errors);
    BOOST_TEST_REQUIRE(bandung.has_value());
    BOOST_TEST(bandung->latitude == -6.9147);
    BOOST_TEST(errors.empty());
    BOOST_TEST(!checked_coordinates(-90.5, 10.0, errors).has_value());
    BOOST_TEST(errors.contains("latitude"));
    errors.clear();
    BOOST_TEST(!checked_coordinates(10.0, std::nullopt, errors).has_value());
    BOOST_TEST(errors.contains("longitude"));
    errors.clear();
    BOOST_TEST(!checked_coordinates(NAN, 10.0, errors).has_value());
    BOOST_TEST(errors.contains("latitude"));
    errors.clear();
    check_odp_port_count(0, errors);
    check_odp_port_count(129, errors);
    BOOST_TEST(errors.size() == 1U);  // one message for the field
    errors.clear();
    check_odp_port_count(128, errors);
    BOOST_TEST(errors.empty());
}

BOOST_AUTO_TEST_SUITE_END()
