// UTF-8 read strictly, one whole character at a time (core/utf8.hpp): what a gateway's field is cut
// to and a peer's words are made printable by.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/text.hpp"
#include "core/utf8.hpp"

using kimonet::utf8_sequence_length;

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(each_valid_character_is_its_whole_length) {
    BOOST_TEST(utf8_sequence_length("a") == 1u);
    BOOST_TEST(utf8_sequence_length("\xC3\xA9x") == 2u);              // é
    BOOST_TEST(utf8_sequence_length("\xE2\x80\x94") == 3u);           // —
    BOOST_TEST(utf8_sequence_length("\xF0\x9F\x99\x8F") == 4u);       // 🙏
    BOOST_TEST(utf8_sequence_length("\xF4\x8F\xBF\xBF") == 4u);       // U+10FFFF, the last
}

BOOST_AUTO_TEST_CASE(what_is_not_a_character_is_zero) {
    BOOST_TEST(utf8_sequence_length("\x80") == 0u);                   // a stray continuation byte
    BOOST_TEST(utf8_sequence_length("\xC0\xAF") == 0u);               // an overlong '/'
    BOOST_TEST(utf8_sequence_length("\xE0\x80\xAF") == 0u);           // overlong, three bytes
    BOOST_TEST(utf8_sequence_length("\xED\xA0\x80") == 0u);           // a surrogate
    BOOST_TEST(utf8_sequence_length("\xF4\x90\x80\x80") == 0u);       // past U+10FFFF
    BOOST_TEST(utf8_sequence_length("\xF5\x80\x80\x80") == 0u);       // no such lead byte
    BOOST_TEST(utf8_sequence_length(std::string("\xE2\x80", 2)) == 0u);  // cut short
    BOOST_TEST(utf8_sequence_length("\xE2\x28\xA1") == 0u);           // a second byte that is not one
}

// Text checked as valid is text PostgreSQL stores: a surrogate (ED A0 80), an overlong slash
// (E0 80 AF) and a code point past U+10FFFF (F4 90 80 80) passed a lenient check and then made the
// query fail (a 500 for a public page's service number).
BOOST_AUTO_TEST_CASE(valid_text_is_what_a_strict_decoder_accepts) {
    BOOST_TEST(kimonet::is_valid_utf8("Budi Santoso \xF0\x9F\x99\x8F caf\xC3\xA9"));
    BOOST_TEST(kimonet::is_valid_utf8(""));
    for (const char* bad : {"\xED\xA0\x80", "\xE0\x80\xAF", "\xF4\x90\x80\x80", "\xC0\xAF", "\xFF\xFE", "ab\xC3"})
        BOOST_TEST(!kimonet::is_valid_utf8(bad), "refused: " << bad);
}

BOOST_AUTO_TEST_SUITE_END()
