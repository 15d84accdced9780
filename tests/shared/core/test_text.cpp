// Control characters: refused in every text field, line breaks only where text is multi-line.
#include <boost/test/unit_test.hpp>
#include <string>

#include "core/text.hpp"

using namespace kimonet;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(control_characters_are_found_wherever_they_hide) {
    for (const std::string& text : {"Budi\0Santoso"s, "\x1b[31mBudi"s, "Budi\x7f"s, "Budi\xc2\x85"s, "\x01"s}) {
        BOOST_TEST(has_control_characters(text, false));
        BOOST_TEST(has_control_characters(text, true));
    }
}

BOOST_AUTO_TEST_CASE(line_breaks_pass_only_when_allowed) {
    BOOST_TEST(has_control_characters("Jl. Merdeka\nBandung", false));
    BOOST_TEST(!has_control_characters("Jl. Merdeka\r\nBandung\t40111", true));
}

BOOST_AUTO_TEST_CASE(ordinary_and_non_latin_text_passes) {
    // U+00A0 (C2 A0) and U+00E9 (C3 A9) share a lead byte range with C1 controls but are text.
    for (const std::string& text : {"Budi Santoso"s, "Café\xc2\xa0Ñoño"s, "ブディ"s, "😀"s, ""s})
        BOOST_TEST(!has_control_characters(text, false));
}

BOOST_AUTO_TEST_SUITE_END()
