#include <boost/test/unit_test.hpp>

#include "billing/outage_credit.hpp"

using namespace kimonet;
using namespace kimonet::billing;

BOOST_AUTO_TEST_SUITE(outage_credit)

BOOST_AUTO_TEST_CASE(prorata_pays_the_hours_beyond_the_first_four_of_a_30_day_month) {
    const OutageCreditSettings rule{OutageCreditRule::Prorata, 4, 0};
    // 36 hours down, 4 free: 32 hours of 720 of Rp 150.000 = Rp 6.666,67 → Rp 6.666 (down).
    BOOST_TEST(*outage_credit_amount(rule, 150000, 36 * 3600) == 6666);
    BOOST_TEST(*outage_credit_amount(rule, 150000, 4 * 3600) == 0);
    BOOST_TEST(*outage_credit_amount(rule, 150000, 4 * 3600 + 59) == 3);  // 59 s of 2,592,000 × 150,000 = 3.41
    // Never more than the month, however long.
    // 30 days less 4 hours: 150,000 × 2,577,600 / 2,592,000 = 149.166,67 → Rp 149.166.
    BOOST_TEST(*outage_credit_amount(rule, 150000, 90 * 86400) == 149166);
}

BOOST_AUTO_TEST_CASE(fixed_pays_its_amount_once_past_the_threshold_capped_at_the_price) {
    const OutageCreditSettings rule{OutageCreditRule::Fixed, 24, 25000};
    BOOST_TEST(*outage_credit_amount(rule, 150000, 24 * 3600) == 0);
    BOOST_TEST(*outage_credit_amount(rule, 150000, 24 * 3600 + 1) == 25000);
    BOOST_TEST(*outage_credit_amount(rule, 10000, 48 * 3600) == 10000);
}

BOOST_AUTO_TEST_CASE(off_and_a_free_package_pay_nothing_and_the_largest_price_does_not_overflow) {
    BOOST_TEST(*outage_credit_amount({OutageCreditRule::Off, 0, 50000}, 150000, 86400) == 0);
    BOOST_TEST(*outage_credit_amount({OutageCreditRule::Prorata, 0, 0}, 0, 86400) == 0);
    const auto largest = outage_credit_amount({OutageCreditRule::Prorata, 0, 0}, kMaxMoney, 30 * 86400);
    BOOST_TEST_REQUIRE(largest.ok());
    BOOST_TEST(*largest == kMaxMoney);
    BOOST_TEST((parse_outage_credit_rule("prorata") == OutageCreditRule::Prorata));
    BOOST_TEST(!parse_outage_credit_rule("Prorata").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
