// The signature drawn on the phone as a PNG (shared/field/signature_image.hpp): read back here
// from the bytes by the PNG and zlib specifications (chunk CRCs, stored deflate blocks, Adler-32,
// 1-bit rows), so the ink is where the finger went and nowhere else.
#include <boost/test/unit_test.hpp>

#include "field/signature_image.hpp"

using namespace kimonet;

namespace {

std::uint32_t be32(const std::string& bytes, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) | static_cast<unsigned char>(bytes[at + 3]);
}

struct DecodedSignature {
    std::uint32_t width = 0, height = 0;
    std::string rows;  // filter byte + packed bits per row
    bool ink(std::uint32_t x, std::uint32_t y) const {
        const std::size_t row_bytes = (width + 7) / 8;
        const unsigned char byte = static_cast<unsigned char>(rows[y * (row_bytes + 1) + 1 + x / 8]);
        return (byte & (0x80 >> (x % 8))) == 0;
    }
};

DecodedSignature decode(const std::string& png) {
    DecodedSignature out;
    BOOST_TEST_REQUIRE(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    std::string idat;
    for (std::size_t at = 8; at + 12 <= png.size();) {
        const std::uint32_t length = be32(png, at);
        const std::string type = png.substr(at + 4, 4);
        BOOST_TEST(field::png_crc32(png.substr(at + 4, 4 + length)) == be32(png, at + 8 + length), type);
        if (type == "IHDR") {
            out.width = be32(png, at + 8);
            out.height = be32(png, at + 12);
            BOOST_TEST(png[at + 16] == 1);  // bit depth
            BOOST_TEST(png[at + 17] == 0);  // greyscale
        }
        if (type == "IDAT") idat += png.substr(at + 8, length);
        at += 12 + length;
    }
    BOOST_TEST_REQUIRE(idat.size() > 6u);
    std::size_t at = 2;  // zlib header
    bool last = false;
    while (!last) {
        last = idat[at] & 1;
        BOOST_TEST_REQUIRE((idat[at] & 6) == 0);  // stored
        const std::size_t length = static_cast<unsigned char>(idat[at + 1]) | (static_cast<unsigned char>(idat[at + 2]) << 8);
        const std::size_t inverse = static_cast<unsigned char>(idat[at + 3]) | (static_cast<unsigned char>(idat[at + 4]) << 8);
        BOOST_TEST_REQUIRE((length ^ 0xffff) == inverse);
        out.rows += idat.substr(at + 5, length);
        at += 5 + length;
    }
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : out.rows) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    BOOST_TEST(be32(idat, at) == ((b << 16) | a));
    BOOST_TEST(out.rows.size() == out.height * ((out.width + 7) / 8 + 1));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signature_image)

BOOST_AUTO_TEST_CASE(the_strokes_are_ink_and_the_rest_is_white) {
    const std::vector<field::SignatureStroke> strokes = {{{50, 100}, {250, 100}}, {{400, 200}}};
    const auto image = decode(field::signature_png(strokes));
    BOOST_TEST(image.width == 600u);
    BOOST_TEST(image.height == 240u);
    BOOST_TEST(image.ink(50, 100));
    BOOST_TEST(image.ink(150, 100));
    BOOST_TEST(image.ink(250, 101));
    BOOST_TEST(image.ink(400, 200));  // a dot
    BOOST_TEST(!image.ink(150, 110));
    BOOST_TEST(!image.ink(300, 100));
    BOOST_TEST(!image.ink(0, 0));
    int inked = 0;
    for (std::uint32_t y = 0; y < image.height; ++y)
        for (std::uint32_t x = 0; x < image.width; ++x) inked += image.ink(x, y);
    BOOST_TEST(inked > 800);
    BOOST_TEST(inked < 1400);  // a 200 px line 4 px wide and a dot
}

BOOST_AUTO_TEST_CASE(points_outside_the_box_are_clipped_and_an_odd_width_pads_its_rows) {
    const auto image = decode(field::signature_png({{{-50, -50}, {20, 20}, {5000, 20}}}, 13, 30, 2));
    BOOST_TEST(image.width == 13u);
    BOOST_TEST(image.ink(12, 12));  // the diagonal, from outside the box into it
    BOOST_TEST(image.ink(0, 0));
    BOOST_TEST(!image.ink(12, 20));  // the horizontal line runs right of the box
    BOOST_TEST(!image.ink(12, 5));
}

BOOST_AUTO_TEST_SUITE_END()
