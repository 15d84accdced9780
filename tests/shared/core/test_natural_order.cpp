// natural_less: addresses in the order a collector walks them.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/natural_order.hpp"

using kimonet::natural_less;

BOOST_AUTO_TEST_SUITE(natural_order)

BOOST_AUTO_TEST_CASE(house_numbers_compare_as_numbers) {
    BOOST_TEST(natural_less("Jl. Merdeka No. 6, Bandung", "Jl. Merdeka No. 36, Bandung"));
    BOOST_TEST(!natural_less("Jl. Merdeka No. 36, Bandung", "Jl. Merdeka No. 6, Bandung"));
    BOOST_TEST(natural_less("Blok C2", "Blok C10"));
    BOOST_TEST(natural_less("No. 007", "No. 8"), "leading zeros do not make a number larger");
}

BOOST_AUTO_TEST_CASE(streets_first_then_numbers_and_letters_without_case) {
    std::vector<std::string> addresses = {"jl. sudirman No. 1", "Jl. Merdeka No. 12", "Jl. Merdeka No. 6A", "Jl. Merdeka No. 6", "Gg. Melati 3"};
    std::sort(addresses.begin(), addresses.end(), [](const auto& a, const auto& b) { return natural_less(a, b); });
    const std::vector<std::string> walked = {"Gg. Melati 3", "Jl. Merdeka No. 6", "Jl. Merdeka No. 6A", "Jl. Merdeka No. 12", "jl. sudirman No. 1"};
    BOOST_TEST(addresses == walked, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(equal_and_empty_texts_are_not_less) {
    BOOST_TEST(!natural_less("No. 6", "No. 6"));
    BOOST_TEST(!natural_less("", ""));
    BOOST_TEST(natural_less("", "a"));
    BOOST_TEST(!natural_less("a", ""));
}

BOOST_AUTO_TEST_SUITE_END()
