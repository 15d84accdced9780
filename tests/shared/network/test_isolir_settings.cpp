#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "network/isolir_settings.hpp"

using namespace kimonet;
using namespace kimonet::network;

namespace {

struct SettingCase {
    const char* key;
    const char* value;
    bool good;
};
std::ostream& operator<<(std::ostream& out, const SettingCase& c) { return out << c.key << "=" << c.value; }

const SettingCase kCases[] = {
    {"isolir_rate_limit", "512k/512k", true},
    {"isolir_rate_limit", "1M/2M", true},
    {"isolir_rate_limit", "256000/256000", true},
    {"isolir_rate_limit", "512k", false},
    {"isolir_rate_limit", "0/0", false},
    {"isolir_rate_limit", "512x/512k", false},
    {"isolir_rate_limit", "512k/", false},
    {"isolir_rate_limit", "", false},
    {"isolir_hours", "08:00-20:00", true},
    {"isolir_hours", "22:00-06:00", true},
    {"isolir_hours", "off", true},
    {"isolir_hours", "8:00-20:00", false},
    {"isolir_hours", "08:00-24:00", false},
    {"isolir_hours", "08:60-20:00", false},
    {"isolir_hours", "08:00-08:00", false},
    {"isolir_hours", "", false},
    {"isolir_holidays", "", true},
    {"isolir_holidays", "2026-08-17", true},
    {"isolir_holidays", "2026-08-17, 2026-12-25", true},
    {"isolir_holidays", "2026-02-30", false},
    {"isolir_holidays", "17-08-2026", false},
    {"isolir_holidays", "2026-08-17,", false},
    {"isolir_grace_days", "0", true},
    {"isolir_grace_days", "365", true},
    {"isolir_grace_days", "366", false},
    {"isolir_grace_days", "-1", false},
    {"isolir_grace_days", "tiga", false},
    {"isolir_max_per_run", "1", true},
    {"isolir_max_per_run", "100000", true},
    {"isolir_max_per_run", "0", false},
    {"isolir_max_per_run", "2.5", false},
    {"isolir_skip_sundays", "1", true},
    {"isolir_skip_sundays", "0", true},
    {"isolir_skip_sundays", "yes", false},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(isolir_settings)

BOOST_DATA_TEST_CASE(each_isolir_setting_accepts_good_values_and_names_the_problem_of_bad_ones, boost::unit_test::data::make(kCases), c) {
    const auto problem = isolir_setting_problem(c.key, c.value);
    BOOST_TEST(problem.has_value() == !c.good);
    if (problem) BOOST_TEST(!problem->empty());
}

BOOST_AUTO_TEST_CASE(an_hours_window_may_wrap_past_midnight) {
    const auto night = parse_hours_window("22:00-06:00").window;
    BOOST_TEST_REQUIRE(night.has_value());
    BOOST_TEST(inside(*night, 23 * 60));
    BOOST_TEST(inside(*night, 5 * 60 + 59));
    BOOST_TEST(!inside(*night, 6 * 60));
    const auto day = parse_hours_window("08:00-20:00").window;
    BOOST_TEST_REQUIRE(day.has_value());
    BOOST_TEST(inside(*day, 8 * 60));
    BOOST_TEST(!inside(*day, 20 * 60));
    BOOST_TEST(!parse_hours_window("off").window.has_value());
    BOOST_TEST(parse_hours_window("off").problem.empty());
}

BOOST_AUTO_TEST_CASE(holidays_parse_to_dates) {
    const auto days = parse_holidays(" 2026-08-17 ,2026-12-25");
    BOOST_TEST_REQUIRE(days.has_value());
    BOOST_TEST_REQUIRE(days->size() == 2u);
    BOOST_TEST((days->at(1) == Date{2026, 12, 25}));
}

BOOST_AUTO_TEST_SUITE_END()
