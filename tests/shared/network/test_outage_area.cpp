#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "network/outage_area.hpp"

using namespace kimonet;
using namespace kimonet::network;

BOOST_AUTO_TEST_SUITE(outage_area)

BOOST_AUTO_TEST_CASE(a_500_metre_circle_holds_a_house_400_metres_away_and_not_one_600_metres_away) {
    const auto area = parse_outage_area("circle:-6.9175,107.6191,500");
    BOOST_TEST_REQUIRE(area.ok());
    // 0.0036° of latitude ≈ 400 m; 0.0054° ≈ 600 m.
    BOOST_TEST(area->contains({-6.9175 + 0.0036, 107.6191}));
    BOOST_TEST(!area->contains({-6.9175 + 0.0054, 107.6191}));
    const BoundingBox box = area->bounds();
    BOOST_TEST(box.min_latitude < -6.9175 - 0.0044);
    BOOST_TEST(box.max_latitude > -6.9175 + 0.0044);
    BOOST_TEST(box.max_latitude < -6.9175 + 0.0046);
}

BOOST_AUTO_TEST_CASE(a_polygon_holds_what_is_inside_it_only) {
    // An L-shaped block: the notch at its north-east corner is outside.
    const auto area = parse_outage_area("polygon:-6.90,107.60;-6.90,107.62;-6.91,107.62;-6.91,107.61;-6.92,107.61;-6.92,107.60");
    BOOST_TEST_REQUIRE(area.ok());
    BOOST_TEST(area->contains({-6.905, 107.605}));
    BOOST_TEST(area->contains({-6.915, 107.605}));
    BOOST_TEST(area->contains({-6.905, 107.615}));
    BOOST_TEST(!area->contains({-6.915, 107.615}));  // the notch
    BOOST_TEST(!area->contains({-6.95, 107.605}));
    const auto again = parse_outage_area(area->to_text());
    BOOST_TEST_REQUIRE(again.ok());
    BOOST_TEST(again->corners == area->corners);
}

BOOST_DATA_TEST_CASE(bad_shapes_are_refused_with_the_area_shape_field,
                     boost::unit_test::data::make({"", "circle:", "circle:-6.9,107.6", "circle:-6.9,107.6,0", "circle:-6.9,107.6,50001",
                                                   "circle:91,107.6,100", "circle:-6.9,181,100", "circle:-6.9,107.6,abc", "circle:nan,1,5",
                                                   "polygon:-6.9,107.6;-6.91,107.6", "polygon:-6.9,107.6;-6.91;-6.92,107.7",
                                                   "square:-6.9,107.6,100", "circle:-6.9,107.6,100,5"}),
                     text) {
    const auto area = parse_outage_area(text);
    BOOST_TEST_REQUIRE(!area.ok(), text);
    BOOST_TEST(area.error().fields.at("area_shape") == "area: circle:lat,lon,radius_meter atau polygon:lat,lon;lat,lon;lat,lon (3-100 titik)");
}

BOOST_AUTO_TEST_CASE(more_than_100_corners_are_refused) {
    std::string text = "polygon:";
    for (int index = 0; index < 101; ++index) text += (index ? ";" : "") + std::string("-6.9,107.") + std::to_string(600 + index);
    BOOST_TEST(!parse_outage_area(text).ok());
}

BOOST_AUTO_TEST_SUITE_END()
