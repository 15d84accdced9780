#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "customers/name_mask.hpp"

using kimonet::customers::mask_name;

namespace {

struct Case {
    const char* name;
    const char* masked;
};
std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

const Case kCases[] = {
    {"Budi Santoso", "Bu** Sa*****"},
    {"Ni Made Ayu", "N* Ma** Ay*"},
    {"A", "*"},
    {"", ""},
    {"   Siti    Aminah  ", "Si** Am****"},
    {"Dédé Ñoño", "Dé** Ño**"},          // two-byte characters count once
    {"Agus\tSalim", "Ag** Sa***"},
    {"<script>", "<s******"},             // masking is not escaping: pages still escape
};

}  // namespace

BOOST_AUTO_TEST_SUITE(name_mask)

BOOST_DATA_TEST_CASE(masks_every_word_after_its_first_two_characters, boost::unit_test::data::make(kCases), c) {
    BOOST_TEST(mask_name(c.name) == c.masked);
}

BOOST_AUTO_TEST_CASE(never_contains_more_than_two_characters_of_any_word) {
    const std::string masked = mask_name("Bambang Sutrisno Wijaya");
    BOOST_TEST(masked == "Ba***** Su****** Wi****");
    BOOST_TEST(masked.find("Bam") == std::string::npos);
    BOOST_TEST(masked.find("Sut") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_truncated_utf8_sequence_is_masked_without_reading_past_the_end) {
    const std::string broken = std::string("Ab") + static_cast<char>(0xE2);
    BOOST_TEST(mask_name(broken) == "Ab*");
}

BOOST_AUTO_TEST_SUITE_END()
