// The simulators' own wire code and the product's, written apart, must agree byte for byte on
// the published examples and with each other: a mistake on either side shows up here rather than
// passing silently on both. RouterOS word lengths at every prefix boundary of MikroTik's table
// (https://help.mikrotik.com/docs/spaces/ROS/pages/47579160/API, "API words"); signature formulas
// against vectors computed from each gateway's documented formula.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "gateways/gateway_signatures.hpp"
#include "network/routeros_codec.hpp"
#include "sim/gateways/published_signatures.hpp"
#include "sim/routeros/routeros_wire.hpp"
#include "sim/sim_crypto.hpp"
#include "sim/sim_http.hpp"

using namespace kimonet;

namespace {

struct Boundary {
    std::uint32_t length;
    std::string prefix;  // the documented bytes of the length prefix
};

std::ostream& operator<<(std::ostream& out, const Boundary& boundary) { return out << boundary.length; }

const std::vector<Boundary> kBoundaries = {
    {0x00, std::string("\x00", 1)},          {0x7F, "\x7F"},
    {0x80, "\x80\x80"},                      {0x3FFF, "\xBF\xFF"},
    {0x4000, std::string("\xC0\x40\x00", 3)}, {0x1FFFFF, "\xDF\xFF\xFF"},
    {0x200000, std::string("\xE0\x20\x00\x00", 4)},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(wire_agreement)

BOOST_DATA_TEST_CASE(routeros_word_prefixes_match_the_documented_table_on_both_sides, boost::unit_test::data::make(kBoundaries), boundary) {
    const std::string word(boundary.length, 'x');
    std::string simulator;
    sim::append_api_word(simulator, word);
    std::string product;
    routeros::append_word(product, word);
    BOOST_TEST(simulator.substr(0, boundary.prefix.size()) == boundary.prefix);
    BOOST_TEST(simulator.size() == boundary.prefix.size() + boundary.length);
    BOOST_TEST(product == simulator);
}

BOOST_DATA_TEST_CASE(a_sentence_encoded_by_one_side_decodes_on_the_other, boost::unit_test::data::make(kBoundaries), boundary) {
    const sim::Sentence sentence{"/ppp/secret/set", "=.id=*1", "=comment=" + std::string(boundary.length, 'k'), ".tag=7"};
    routeros::SentenceDecoder product;
    product.feed(sim::encode_api_sentence(sentence));
    auto decoded = product.next();
    BOOST_TEST_REQUIRE(decoded.ok());
    BOOST_TEST_REQUIRE(decoded->has_value());
    BOOST_TEST((**decoded == sentence));

    sim::ApiSentenceReader simulator;
    // Byte by byte: the reader must wait for the rest of a prefix or a word, never guess.
    const std::string bytes = routeros::encode_sentence(sentence);
    sim::Sentence read;
    auto outcome = sim::ApiSentenceReader::Outcome::NeedMore;
    for (std::size_t index = 0; index < bytes.size(); index += std::max<std::size_t>(1, bytes.size() / 64)) {
        simulator.feed(std::string_view(bytes).substr(index, std::max<std::size_t>(1, bytes.size() / 64)));
        outcome = simulator.next(read);
        if (outcome != sim::ApiSentenceReader::Outcome::NeedMore) break;
    }
    BOOST_TEST((outcome == sim::ApiSentenceReader::Outcome::Complete));
    BOOST_TEST((read == sentence));
}

BOOST_AUTO_TEST_CASE(a_reserved_control_byte_is_malformed_for_the_simulator) {
    sim::ApiSentenceReader reader;
    reader.feed("\xF8");
    sim::Sentence sentence;
    BOOST_TEST((reader.next(sentence) == sim::ApiSentenceReader::Outcome::Malformed));
}

BOOST_AUTO_TEST_CASE(midtrans_signature_key_is_sha512_of_order_status_gross_and_server_key_on_both_sides) {
    // SHA512("ORDER-1" "200" "150000.00" "SB-Mid-server-x"), computed independently of both sides.
    const std::string expected = sim::sha512_hex("ORDER-1200150000.00SB-Mid-server-x");
    BOOST_TEST(sim::midtrans_signature_key("ORDER-1", "200", "150000.00", "SB-Mid-server-x") == expected);
    BOOST_TEST(gateways::midtrans_signature("ORDER-1", "200", "150000.00", "SB-Mid-server-x") == expected);
    BOOST_TEST(expected.size() == 128u);
}

BOOST_AUTO_TEST_CASE(duitku_signatures_agree_with_the_documented_field_orders) {
    BOOST_TEST(gateways::duitku_callback_signature("D0001", "150000", "INV-1", "key") == sim::duitku_callback_signature("D0001", "150000", "INV-1", "key"));
    BOOST_TEST(gateways::duitku_inquiry_signature("D0001", "INV-1", "150000", "key") == sim::duitku_inquiry_signature("D0001", "INV-1", "150000", "key"));
    BOOST_TEST(gateways::duitku_status_signature("D0001", "INV-1", "key") == sim::duitku_status_signature("D0001", "INV-1", "key"));
    BOOST_TEST(gateways::duitku_methods_signature("D0001", "10000", "2026-01-05 10:00:00", "key") ==
               sim::duitku_payment_method_signature("D0001", "10000", "2026-01-05 10:00:00", "key"));
    // The callback puts the amount before the order id, the inquiry after it: swapping them must not verify.
    BOOST_TEST(sim::duitku_callback_signature("D0001", "150000", "INV-1", "key") != sim::duitku_inquiry_signature("D0001", "INV-1", "150000", "key"));
    // MD5("abc") from RFC 1321's test suite, SHA-256("abc") from FIPS 180-2: the simulator's digests are the standard ones.
    BOOST_TEST(sim::md5_hex("abc") == "900150983cd24fb0d6963f7d28e17f72");
    BOOST_TEST(sim::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // HMAC-SHA256 test case 2 of RFC 4231 (the GOWA webhook signature's primitive).
    BOOST_TEST(sim::hmac_sha256_hex("Jefe", "what do ya want for nothing?") == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

BOOST_AUTO_TEST_CASE(basic_credentials_follow_rfc_7617) {
    // RFC 7617 §2's example: Aladdin / open sesame.
    const auto credentials = sim::basic_credentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    BOOST_TEST_REQUIRE(credentials.has_value());
    BOOST_TEST(credentials->first == "Aladdin");
    BOOST_TEST(credentials->second == "open sesame");
    BOOST_TEST(!sim::basic_credentials("Bearer QWxhZGRpbjpvcGVuIHNlc2FtZQ==").has_value());
    BOOST_TEST(!sim::basic_credentials("Basic not*base64").has_value());
    BOOST_TEST(sim::parse_form("a=1+2&b=%C3%A9&c")["b"] == "\xC3\xA9");
    BOOST_TEST(sim::parse_form("a=1+2&b=%C3%A9&c")["a"] == "1 2");
}

BOOST_AUTO_TEST_SUITE_END()
