#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "billing/proration.hpp"

using namespace kimonet;
using namespace kimonet::billing;
namespace data = boost::unit_test::data;

namespace {

struct ProrationCase {
    Money price;
    Date join;
    RoundingMode mode;
    Money expected;
};

std::ostream& operator<<(std::ostream& out, const ProrationCase& c) {
    return out << c.price << " joined " << to_string(c.join) << " " << to_string(c.mode) << " -> " << c.expected;
}

// Expected values computed by hand: price × billed days / days in month.
const ProrationCase kProrationCases[] = {
    // The seed's example: 31-day January, joined the 15th, 17 days billed: 164516.129…
    {300000, {2026, 1, 15}, RoundingMode::Nearest, 164516},
    {300000, {2026, 1, 15}, RoundingMode::Up, 164517},
    {300000, {2026, 1, 15}, RoundingMode::Down, 164516},
    {300000, {2026, 1, 15}, RoundingMode::UpTo100, 164600},
    {300000, {2026, 1, 15}, RoundingMode::UpTo1000, 165000},
    // 28-day February 2026: 14 of 28 days is exactly half.
    {300000, {2026, 2, 15}, RoundingMode::Nearest, 150000},
    {300000, {2026, 2, 15}, RoundingMode::UpTo1000, 150000},
    // Leap February 2028 (29 days): 15 of 29 days = 155172.41…
    {300000, {2028, 2, 15}, RoundingMode::Nearest, 155172},
    {300000, {2028, 2, 15}, RoundingMode::Up, 155173},
    {300000, {2028, 2, 15}, RoundingMode::Down, 155172},
    {300000, {2028, 2, 15}, RoundingMode::UpTo100, 155200},
    // 30-day April: 23 of 30 days of 200000 = 153333.33…
    {200000, {2026, 4, 8}, RoundingMode::Nearest, 153333},
    {200000, {2026, 4, 8}, RoundingMode::Up, 153334},
    {200000, {2026, 4, 8}, RoundingMode::Down, 153333},
    {200000, {2026, 4, 8}, RoundingMode::UpTo100, 153400},
    {200000, {2026, 4, 8}, RoundingMode::UpTo1000, 154000},
    // Nearest rounds .67 up: 2 of 30 days of 200000 = 13333.33…, 29 of 30 = 193333.33…, 1 of 3 of 31…
    {200000, {2026, 4, 2}, RoundingMode::Nearest, 193333},
    {100000, {2026, 1, 30}, RoundingMode::Nearest, 6452},  // 2/31 × 100000 = 6451.61…
    // Joining on the 1st bills the full price in every mode.
    {300000, {2026, 1, 1}, RoundingMode::Nearest, 300000},
    {300000, {2026, 2, 1}, RoundingMode::Down, 300000},
    {300000, {2028, 2, 1}, RoundingMode::UpTo1000, 300000},
    {150000, {2026, 4, 1}, RoundingMode::Up, 150000},
    // Joining on the last day bills one day.
    {300000, {2026, 1, 31}, RoundingMode::Nearest, 9677},   // 9677.41…
    {300000, {2026, 2, 28}, RoundingMode::Nearest, 10714},  // 10714.28…
    {300000, {2028, 2, 29}, RoundingMode::Nearest, 10345},  // 10344.83…
    {300000, {2028, 2, 29}, RoundingMode::Down, 10344},
    {300000, {2026, 4, 30}, RoundingMode::Nearest, 10000},
    {750000, {2026, 12, 31}, RoundingMode::UpTo1000, 25000},  // 24193.5… → 25000
};

struct DueCase {
    Period period;
    std::optional<int> customer_day;
    int default_day;
    Date expected;
};

std::ostream& operator<<(std::ostream& out, const DueCase& c) {
    return out << to_string(c.period) << " day " << c.customer_day.value_or(0) << " default " << c.default_day;
}

const DueCase kDueCases[] = {
    {{2026, 1}, std::nullopt, 10, {2026, 1, 10}},
    {{2026, 1}, 20, 10, {2026, 1, 20}},
    {{2026, 1}, 31, 10, {2026, 1, 31}},
    {{2026, 2}, 31, 10, {2026, 2, 28}},
    {{2028, 2}, 31, 10, {2028, 2, 29}},
    {{2028, 2}, 30, 10, {2028, 2, 29}},
    {{2026, 4}, 31, 10, {2026, 4, 30}},
    {{2026, 6}, std::nullopt, 31, {2026, 6, 30}},
    {{2026, 2}, std::nullopt, 29, {2026, 2, 28}},
    {{2026, 12}, 1, 10, {2026, 12, 1}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(proration)

BOOST_AUTO_TEST_CASE(join_on_15_january_2026_bills_17_days) {
    BOOST_TEST(billable_days(Date{2026, 1, 15}) == 17);
    BOOST_TEST(prorated_amount(300000, Date{2026, 1, 15}, RoundingMode::Nearest) == 164516);
}

BOOST_DATA_TEST_CASE(prorates_every_month_length_and_rounding_mode, data::make(kProrationCases), c) {
    BOOST_TEST(prorated_amount(c.price, c.join, c.mode) == c.expected);
}

BOOST_DATA_TEST_CASE(due_day_falls_back_to_default_and_clamps_to_month_end, data::make(kDueCases), c) {
    BOOST_TEST((due_date(c.period, c.customer_day, c.default_day) == c.expected));
}

BOOST_AUTO_TEST_CASE(nearest_rounds_halves_away_from_zero_and_negatives_by_magnitude) {
    BOOST_TEST(round_fraction(5, 2, RoundingMode::Nearest) == 3);
    BOOST_TEST(round_fraction(-5, 2, RoundingMode::Nearest) == -3);
    BOOST_TEST(round_fraction(-7, 2, RoundingMode::Down) == -3);
    BOOST_TEST(round_fraction(100, 1, RoundingMode::UpTo100) == 100);
    BOOST_TEST(round_fraction(101, 1, RoundingMode::UpTo100) == 200);
    BOOST_TEST(round_fraction(0, 31, RoundingMode::UpTo1000) == 0);
}

BOOST_AUTO_TEST_CASE(rounding_modes_round_trip_through_their_setting_names) {
    for (auto mode : {RoundingMode::Nearest, RoundingMode::Up, RoundingMode::Down, RoundingMode::UpTo100, RoundingMode::UpTo1000})
        BOOST_TEST((parse_rounding_mode(to_string(mode)) == mode));
    BOOST_TEST(!parse_rounding_mode("ceil").has_value());
}

BOOST_AUTO_TEST_CASE(largest_price_does_not_overflow) {
    BOOST_TEST(prorated_amount(kMaxMoney, Date{2026, 1, 2}, RoundingMode::Down) == kMaxMoney / 31 * 30 + (kMaxMoney % 31) * 30 / 31);
}

BOOST_AUTO_TEST_SUITE_END()
