#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/date.hpp"

using namespace kimonet;
namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(days_in_month_knows_leap_years) {
    BOOST_TEST(days_in_month(2026, 1) == 31);
    BOOST_TEST(days_in_month(2026, 2) == 28);
    BOOST_TEST(days_in_month(2028, 2) == 29);
    BOOST_TEST(days_in_month(2100, 2) == 28);
    BOOST_TEST(days_in_month(2000, 2) == 29);
    BOOST_TEST(days_in_month(2026, 4) == 30);
    BOOST_TEST(days_in_month(2026, 13) == 0);
}

struct AddMonthsCase {
    Date from;
    int months;
    Date expected;
};
std::ostream& operator<<(std::ostream& out, const AddMonthsCase& c) { return out << to_string(c.from) << "+" << c.months; }

static const AddMonthsCase kAddMonths[] = {
    {{2026, 1, 31}, 1, {2026, 2, 28}}, {{2028, 1, 31}, 1, {2028, 2, 29}}, {{2026, 3, 31}, 1, {2026, 4, 30}},
    {{2026, 12, 15}, 1, {2027, 1, 15}}, {{2026, 1, 15}, -1, {2025, 12, 15}}, {{2026, 3, 31}, -1, {2026, 2, 28}},
    {{2026, 8, 31}, 6, {2027, 2, 28}}, {{2026, 1, 1}, 24, {2028, 1, 1}}, {{2026, 5, 10}, 0, {2026, 5, 10}},
};

BOOST_DATA_TEST_CASE(add_months_clamps_to_month_end, data::make(kAddMonths), c) {
    BOOST_TEST(to_string(add_months(c.from, c.months)) == to_string(c.expected));
}

BOOST_AUTO_TEST_CASE(day_arithmetic_crosses_month_and_year_ends) {
    BOOST_TEST(to_string(add_days(Date{2026, 1, 31}, 1)) == "2026-02-01");
    BOOST_TEST(to_string(add_days(Date{2028, 2, 28}, 1)) == "2028-02-29");
    BOOST_TEST(to_string(add_days(Date{2026, 12, 31}, 1)) == "2027-01-01");
    BOOST_TEST(to_string(add_days(Date{2026, 3, 1}, -1)) == "2026-02-28");
    BOOST_TEST(days_between(Date{2026, 1, 15}, Date{2026, 2, 1}) == 17);
    BOOST_TEST(days_from_civil(Date{1970, 1, 1}) == 0);
    BOOST_TEST(weekday(Date{2026, 11, 21}) == 6);  // a Saturday
    BOOST_TEST(weekday(Date{1969, 12, 28}) == 0);  // a Sunday before the epoch
}

BOOST_AUTO_TEST_CASE(parses_strict_dates_and_periods) {
    BOOST_TEST(parse_date("2028-02-29").ok());
    BOOST_TEST(!parse_date("2026-02-29").ok());
    BOOST_TEST(!parse_date("2026-1-5").ok());
    BOOST_TEST(!parse_date("2026-01-05x").ok());
    BOOST_TEST(to_string(*parse_period("2026-01")) == "2026-01");
    BOOST_TEST(!parse_period("2026-13").ok());
    BOOST_TEST(!parse_period("202601").ok());
    BOOST_TEST(to_string(next_period(Period{2026, 12})) == "2027-01");
    BOOST_TEST(to_string(previous_period(Period{2026, 1})) == "2025-12");
    BOOST_TEST(to_string(last_day(Period{2028, 2})) == "2028-02-29");
    BOOST_TEST(format_date_indonesian(Date{2026, 1, 15}) == "15 Januari 2026");
}

BOOST_AUTO_TEST_CASE(local_time_uses_the_configured_offset) {
    // 2026-01-31 17:30:00 UTC is already 1 February in Jakarta (+07:00) but not in UTC.
    const std::int64_t instant = unix_from_local(LocalDateTime{{2026, 1, 31}, 17, 30, 0}, UtcOffset{0});
    BOOST_TEST(to_string(local_from_unix(instant, UtcOffset{420})) == "2026-02-01 00:30:00");
    BOOST_TEST(to_string(local_from_unix(instant, UtcOffset{0})) == "2026-01-31 17:30:00");
    BOOST_TEST(to_string(local_from_unix(instant, UtcOffset{540})) == "2026-02-01 02:30:00");
    BOOST_TEST(unix_from_local(local_from_unix(instant, UtcOffset{480}), UtcOffset{480}) == instant);
    BOOST_TEST(parse_utc_offset("+07:00")->minutes == 420);
    BOOST_TEST(parse_utc_offset("WITA")->minutes == 480);
    BOOST_TEST(parse_utc_offset("+0900")->minutes == 540);
    BOOST_TEST(!parse_utc_offset("07:00").ok());
    BOOST_TEST(to_string(UtcOffset{-330}) == "-05:30");
}

BOOST_AUTO_TEST_SUITE_END()
