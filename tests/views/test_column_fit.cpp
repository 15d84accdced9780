// How a list table's width is shared among its stretch columns (widgets/column_fit.*): by weight,
// but never below what a column's cells need while everything fits; columns with room to spare give
// it up first; too narrow for everything, each column gives up the same fraction of its need.
#include <boost/test/unit_test.hpp>

#include <numeric>
#include <vector>

#include "widgets/column_fit.hpp"

using kimonet::widgets::fitted_widths;

BOOST_AUTO_TEST_SUITE(column_fit)

BOOST_AUTO_TEST_CASE(weights_alone_when_every_share_holds_its_cells) {
    const auto widths = fitted_widths({40.f, 20.f}, {1.f, 3.f}, 400.f);
    BOOST_TEST(widths[0] == 100.f);
    BOOST_TEST(widths[1] == 300.f);
}

BOOST_AUTO_TEST_CASE(a_column_needing_more_than_its_share_takes_it_from_the_room_others_spare) {
    // The date needs 130 px of a 100 px share; the name has 100 px to spare, the status 10.
    const auto widths = fitted_widths({130.f, 100.f, 90.f}, {1.f, 2.f, 1.f}, 400.f);
    BOOST_TEST(widths[0] == 130.f);
    BOOST_TEST(widths[1] >= 100.f);
    BOOST_TEST(widths[2] >= 90.f);
    BOOST_TEST(std::accumulate(widths.begin(), widths.end(), 0.f) == 400.f, "the table's width, exactly");
    BOOST_TEST(widths[1] - 100.f > widths[2] - 90.f, "the roomier column gives up more");
}

BOOST_AUTO_TEST_CASE(too_narrow_for_everything_each_gives_up_the_same_fraction) {
    const auto widths = fitted_widths({80.f, 40.f}, {1.f, 1.f}, 90.f);
    BOOST_TEST(widths[0] == 60.f);
    BOOST_TEST(widths[1] == 30.f);
}

BOOST_AUTO_TEST_CASE(nothing_measured_yet_is_weights_alone) {
    const auto widths = fitted_widths({0.f, 0.f, 0.f}, {1.f, 1.f, 2.f}, 400.f);
    BOOST_TEST(widths[0] == 100.f);
    BOOST_TEST(widths[2] == 200.f);
}

BOOST_AUTO_TEST_SUITE_END()
