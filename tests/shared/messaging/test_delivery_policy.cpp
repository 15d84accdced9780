#include <boost/test/unit_test.hpp>

#include "messaging/delivery_policy.hpp"

using namespace kimonet::messaging;

BOOST_AUTO_TEST_SUITE(delivery_policy)

BOOST_AUTO_TEST_CASE(parses_quiet_hours_across_midnight) {
    auto quiet = parse_quiet_hours("21:00-07:00");
    BOOST_TEST_REQUIRE(quiet.ok());
    BOOST_TEST(quiet->start_minute == 21 * 60);
    BOOST_TEST(quiet->end_minute == 7 * 60);
    BOOST_TEST(to_string(*quiet) == "21:00-07:00");
    BOOST_TEST(is_quiet(*quiet, 21 * 60));
    BOOST_TEST(is_quiet(*quiet, 23 * 60 + 59));
    BOOST_TEST(is_quiet(*quiet, 0));
    BOOST_TEST(is_quiet(*quiet, 6 * 60 + 59));
    BOOST_TEST(!is_quiet(*quiet, 7 * 60));
    BOOST_TEST(!is_quiet(*quiet, 20 * 60 + 59));
    BOOST_TEST(minutes_until_quiet_ends(*quiet, 22 * 60) == 9 * 60);
    BOOST_TEST(minutes_until_quiet_ends(*quiet, 12 * 60) == 0);
}

BOOST_AUTO_TEST_CASE(parses_a_daytime_window_and_off) {
    auto quiet = parse_quiet_hours(" 12:00-13:30 ");
    BOOST_TEST_REQUIRE(quiet.ok());
    BOOST_TEST(is_quiet(*quiet, 12 * 60 + 15));
    BOOST_TEST(!is_quiet(*quiet, 13 * 60 + 30));
    BOOST_TEST(!is_quiet(*parse_quiet_hours("off"), 0));
    BOOST_TEST(!is_quiet(*parse_quiet_hours(""), 600));
    BOOST_TEST(to_string(*parse_quiet_hours("")) == "off");
}

BOOST_AUTO_TEST_CASE(rejects_malformed_quiet_hours) {
    for (const char* text : {"21-07", "25:00-07:00", "21:00", "21:60-07:00", "a:bc-07:00", "21:000-07:00"})
        BOOST_TEST(!parse_quiet_hours(text).ok(), text);
}

BOOST_AUTO_TEST_CASE(backoff_doubles_up_to_the_cap) {
    BOOST_TEST(retry_delay_seconds(1, 60, 3600) == 60);
    BOOST_TEST(retry_delay_seconds(2, 60, 3600) == 120);
    BOOST_TEST(retry_delay_seconds(3, 60, 3600) == 240);
    BOOST_TEST(retry_delay_seconds(6, 60, 3600) == 1920);
    BOOST_TEST(retry_delay_seconds(7, 60, 3600) == 3600);
    BOOST_TEST(retry_delay_seconds(200, 60, 3600) == 3600);
    BOOST_TEST(retry_delay_seconds(0, 60, 3600) == 60);
}

BOOST_AUTO_TEST_SUITE_END()
