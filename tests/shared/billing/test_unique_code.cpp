#include <boost/test/unit_test.hpp>

#include <set>

#include "billing/unique_code.hpp"

using namespace kimonet;
using namespace kimonet::billing;

BOOST_AUTO_TEST_SUITE(unique_code)

BOOST_AUTO_TEST_CASE(a_customer_keeps_the_code_derived_from_their_id_while_it_is_free) {
    const auto none_taken = [](Money) { return false; };
    BOOST_TEST(*pick_unique_code(150000, 122, none_taken) == 123);
    BOOST_TEST(*pick_unique_code(150000, 998, none_taken) == 999);
    BOOST_TEST(*pick_unique_code(150000, 999, none_taken) == 1);  // wraps: never 0, never 1000
}

BOOST_AUTO_TEST_CASE(a_taken_amount_moves_to_the_next_free_code_and_wraps_past_999) {
    std::set<Money> taken{150123, 150124};
    BOOST_TEST(*pick_unique_code(150000, 122, [&](Money amount) { return taken.contains(amount); }) == 125);
    taken = {150999};
    BOOST_TEST(*pick_unique_code(150000, 998, [&](Money amount) { return taken.contains(amount); }) == 1);
}

BOOST_AUTO_TEST_CASE(all_999_amounts_of_a_total_taken_gives_no_code_and_other_totals_are_unaffected) {
    const auto all_taken = [](Money amount) { return amount > 150000 && amount < 151000; };
    BOOST_TEST(!pick_unique_code(150000, 7, all_taken).has_value());
    BOOST_TEST(*pick_unique_code(175000, 7, all_taken) == 8);
    BOOST_TEST(!pick_unique_code(0, 7, all_taken).has_value());  // nothing owed, nothing to transfer
}

BOOST_AUTO_TEST_CASE(the_transfer_amount_is_what_is_outstanding_plus_the_code) {
    BOOST_TEST(transfer_amount(150000, 123) == 150123);
    BOOST_TEST(transfer_amount(100000, 123) == 100123);  // after a partial payment
    BOOST_TEST(transfer_amount(0, 123) == 0);            // paid: nothing to transfer
    BOOST_TEST(transfer_amount(150000, 0) == 150000);
}

BOOST_AUTO_TEST_SUITE_END()
