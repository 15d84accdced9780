// The tiles under the map (shared/inventory/map_tiles): the z/x/y numbers a tile server uses for a
// coordinate and the tiles a view covers. The expected numbers were computed separately with the
// OpenStreetMap wiki's formulas (x = ⌊(lon+180)/360·2^z⌋, y = ⌊(1 − asinh(tan φ)/π)/2·2^z⌋, and the
// inverse for a corner), not with this code.
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "inventory/map_tiles.hpp"

using namespace kimonet::inventory;

BOOST_AUTO_TEST_SUITE(map_tiles)

BOOST_AUTO_TEST_CASE(a_coordinate_is_in_the_tile_the_server_numbers_it) {
    // Bandung (-6.9147, 107.6098).
    BOOST_TEST((tile_at(-6.9147, 107.6098, 15) == TileId{15, 26178, 17014}));
    BOOST_TEST((tile_at(-6.9147, 107.6098, 2) == TileId{2, 3, 2}));
    BOOST_TEST((tile_at(-6.1754, 106.8272, 13) == TileId{13, 6526, 4236}));  // Monas
    // The world's edges stay inside it: the east edge and the poles are the last and first tiles.
    BOOST_TEST((tile_at(0, 180, 3) == TileId{3, 7, 4}));
    BOOST_TEST((tile_at(89.9, -180, 3) == TileId{3, 0, 0}));
    BOOST_TEST((tile_at(-89.9, 179.99, 3) == TileId{3, 7, 7}));
}

BOOST_AUTO_TEST_CASE(a_tile_corner_is_its_north_west_coordinate) {
    double latitude = 0, longitude = 0;
    tile_corner({15, 26178, 17014}, latitude, longitude);
    BOOST_TEST(std::abs(latitude - -6.904614047238081) < 1e-9);
    BOOST_TEST(std::abs(longitude - 107.60009765625) < 1e-9);
    // The corner belongs to the tile itself (and the coordinate just north-west of it does not).
    BOOST_TEST((tile_at(latitude - 1e-9, longitude + 1e-9, 15) == TileId{15, 26178, 17014}));
    BOOST_TEST((tile_at(latitude + 1e-7, longitude - 1e-7, 15) == TileId{15, 26177, 17013}));
}

BOOST_AUTO_TEST_CASE(the_tile_level_is_the_nearest_whole_zoom_in_range) {
    BOOST_TEST(tile_zoom_for(14.4) == 14);
    BOOST_TEST(tile_zoom_for(14.6) == 15);
    BOOST_TEST(tile_zoom_for(0.3) == kMinMapZoom);
    BOOST_TEST(tile_zoom_for(25) == kMaxMapZoom);
    BOOST_TEST(tile_zoom_for(NAN) == kMinMapZoom);
}

BOOST_AUTO_TEST_CASE(the_visible_range_covers_the_view_and_nothing_outside_the_world) {
    // 800 × 600 CSS px over Bandung at zoom 15: the centre tile and the ones the edges reach.
    const TileRange range = visible_tiles(-6.9147, 107.6098, 15, 800, 600, 15);
    BOOST_TEST(range.zoom == 15);
    BOOST_TEST(range.min_x == 26177);
    BOOST_TEST(range.max_x == 26180);
    BOOST_TEST(range.min_y == 17013);
    BOOST_TEST(range.max_y == 17016);
    BOOST_TEST(range.count() == 16);
    // At camera zoom 14.6 the level-15 tiles are drawn smaller, so more of them cover the same view.
    const TileRange zoomed_out = visible_tiles(-6.9147, 107.6098, 14.6, 800, 600, 15);
    BOOST_TEST(zoomed_out.min_x == 26176);
    BOOST_TEST(zoomed_out.max_x == 26180);
    BOOST_TEST(zoomed_out.min_y == 17013);
    BOOST_TEST(zoomed_out.max_y == 17016);
    // The whole world at zoom 2 is 4 × 4 tiles, however large the view.
    const TileRange world = visible_tiles(0, 0, 2, 5000, 5000, 2);
    BOOST_TEST(world.min_x == 0);
    BOOST_TEST(world.max_x == 3);
    BOOST_TEST(world.min_y == 0);
    BOOST_TEST(world.max_y == 3);
    // A view with no area sees no tile.
    BOOST_TEST(visible_tiles(0, 0, 5, 0, 600, 5).empty());
    BOOST_TEST(visible_tiles(0, 0, 5, 0, 600, 5).count() == 0);
}

BOOST_AUTO_TEST_CASE(a_tile_is_drawn_where_its_corner_projects) {
    // The side doubles with each camera zoom above the tile's level.
    BOOST_TEST(tile_side(15, 15) == 256.0);
    BOOST_TEST(tile_side(15, 16) == 512.0);
    BOOST_TEST(std::abs(tile_side(15, 14.5) - 256.0 / std::sqrt(2.0)) < 1e-9);
    const TileId tile{15, 26178, 17014};
    double latitude = 0, longitude = 0;
    tile_corner(tile, latitude, longitude);
    for (const double camera : {15.0, 15.7, 16.0}) {
        const WorldPoint corner = project(latitude, longitude, camera);
        const WorldPoint drawn = tile_top_left(tile, camera);
        BOOST_TEST(std::abs(drawn.x - corner.x) < 1e-6);
        BOOST_TEST(std::abs(drawn.y - corner.y) < 1e-6);
    }
}

BOOST_AUTO_TEST_SUITE_END()
