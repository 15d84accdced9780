// The dates people may type: 2000-01-01 .. 2100-12-31, billing periods up to next month.
#include <boost/test/unit_test.hpp>

#include "core/date_window.hpp"

using namespace kimonet;

BOOST_AUTO_TEST_SUITE(date_window)

BOOST_AUTO_TEST_CASE(dates_before_2000_or_after_2100_are_outside) {
    BOOST_TEST(within_date_window(Date{2000, 1, 1}));
    BOOST_TEST(within_date_window(Date{2100, 12, 31}));
    BOOST_TEST(!within_date_window(Date{1970, 1, 1}));
    BOOST_TEST(!within_date_window(Date{1999, 12, 31}));
    BOOST_TEST(!within_date_window(Date{9999, 12, 31}));
}

BOOST_AUTO_TEST_CASE(billing_periods_run_from_2000_to_next_month) {
    const Date today{2026, 1, 15};
    BOOST_TEST(!billing_period_problem(Period{2026, 1}, today).has_value());
    BOOST_TEST(!billing_period_problem(Period{2026, 2}, today).has_value());
    BOOST_TEST(!billing_period_problem(Period{2000, 1}, today).has_value());
    BOOST_TEST(billing_period_problem(Period{2026, 3}, today).has_value());
    BOOST_TEST(billing_period_problem(Period{9999, 12}, today).has_value());
    BOOST_TEST(billing_period_problem(Period{1999, 12}, today).has_value());
    // December rolls over into January of the next year.
    BOOST_TEST(!billing_period_problem(Period{2027, 1}, Date{2026, 12, 31}).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
