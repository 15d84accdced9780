// Where wrapped text breaks (widgets/text_wrap.*): at spaces only, never inside "200.000" or
// between "Rp" and its amount (ImGui's own wrapping broke after every '.' and ','). Widths here are
// one unit per byte.
#include <boost/test/unit_test.hpp>

#include "widgets/text_wrap.hpp"

using kimonet::widgets::wrap_text;

namespace {

float bytes(std::string_view text) { return static_cast<float>(text.size()); }

}  // namespace

BOOST_AUTO_TEST_SUITE(text_wrap)

BOOST_AUTO_TEST_CASE(text_that_fits_is_left_as_it_is) {
    BOOST_TEST(wrap_text("Rp 200.000", 10.f, bytes) == "Rp 200.000");
}

BOOST_AUTO_TEST_CASE(an_amount_is_never_split_at_its_thousands_point_nor_from_its_rp) {
    // "Tagihan berikutnya: Januari 2027 · Rp 200.000": ImGui gave "… Rp 200." / "000".
    BOOST_TEST(wrap_text("Bill: Jan · Rp 200.000 · due", 17.f, bytes) == "Bill: Jan ·\nRp 200.000 · due");
    BOOST_TEST(wrap_text("Total Rp 1.500.000", 12.f, bytes) == "Total\nRp 1.500.000");
    BOOST_TEST(wrap_text("Rp 10.000 (Rp 500)", 10.f, bytes) == "Rp 10.000\n(Rp 500)");
}

BOOST_AUTO_TEST_CASE(its_own_line_breaks_are_kept) {
    BOOST_TEST(wrap_text("one two\nthree four five", 10.f, bytes) == "one two\nthree four\nfive");
}

BOOST_AUTO_TEST_CASE(a_word_wider_than_the_line_is_cut_where_it_must_be) {
    BOOST_TEST(wrap_text("see https://example.id/bayar/ABCDEF now", 10.f, bytes) == "see\nhttps://ex\nample.id/b\nayar/ABCDE\nF now");
    // A multi-byte character is never cut in half.
    BOOST_TEST(wrap_text("ééééé", 4.f, bytes) == "éé\néé\né");
}

BOOST_AUTO_TEST_SUITE_END()
