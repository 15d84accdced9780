#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdio>

#include "network/routeros_codec.hpp"

using namespace kimonet;
using namespace kimonet::routeros;

namespace {

struct LengthCase {
    std::uint32_t length;
    std::string prefix;  // the exact bytes on the wire
};
std::ostream& operator<<(std::ostream& out, const LengthCase& c) { return out << std::hex << "0x" << c.length; }

std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (int value : values) out.push_back(static_cast<char>(value));
    return out;
}

const LengthCase kBoundaries[] = {
    {0x00, bytes({0x00})},
    {0x7F, bytes({0x7F})},
    {0x80, bytes({0x80, 0x80})},
    {0x3FFF, bytes({0xBF, 0xFF})},
    {0x4000, bytes({0xC0, 0x40, 0x00})},
    {0x1FFFFF, bytes({0xDF, 0xFF, 0xFF})},
    {0x200000, bytes({0xE0, 0x20, 0x00, 0x00})},
    {0xFFFFFFF, bytes({0xEF, 0xFF, 0xFF, 0xFF})},
    {0x10000000, bytes({0xF0, 0x10, 0x00, 0x00, 0x00})},
    {0xFFFFFFFF, bytes({0xF0, 0xFF, 0xFF, 0xFF, 0xFF})},
};

std::vector<Sentence> decode_all(SentenceDecoder& decoder) {
    std::vector<Sentence> out;
    while (true) {
        auto next = decoder.next();
        BOOST_TEST_REQUIRE(next.ok());
        if (!*next) return out;
        out.push_back(std::move(**next));
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(routeros_codec)

BOOST_DATA_TEST_CASE(length_prefix_is_exact_at_every_encoding_boundary, boost::unit_test::data::make(kBoundaries), c) {
    BOOST_TEST(encode_length(c.length) == c.prefix);
    BOOST_TEST(length_prefix_size(c.length) == c.prefix.size());
    const auto decoded = decode_length(c.prefix);
    BOOST_TEST((decoded.status == DecodedLength::Status::Complete));
    BOOST_TEST(decoded.length == c.length);
    BOOST_TEST(decoded.consumed == c.prefix.size());
}

BOOST_DATA_TEST_CASE(truncated_prefix_needs_more_bytes, boost::unit_test::data::make(kBoundaries), c) {
    for (std::size_t size = 0; size < c.prefix.size(); ++size)
        BOOST_TEST((decode_length(std::string_view(c.prefix).substr(0, size)).status == DecodedLength::Status::NeedMore));
}

BOOST_AUTO_TEST_CASE(bytes_from_0xF8_are_reserved_and_rejected) {
    for (int first = 0xF8; first <= 0xFF; ++first) {
        BOOST_TEST((decode_length(bytes({first, 0, 0, 0, 0})).status == DecodedLength::Status::Reserved));
        SentenceDecoder decoder;
        decoder.feed(bytes({first, 0, 0, 0, 0}));
        auto next = decoder.next();
        BOOST_TEST_REQUIRE(!next.ok());
        char hex[3];
        std::snprintf(hex, sizeof hex, "%02X", first);
        BOOST_TEST(next.error().message() == "aliran RouterOS memuat byte panjang yang dicadangkan: 0x" + std::string(hex));
        BOOST_TEST(!decoder.next().ok());  // the stream stays failed
    }
}

BOOST_AUTO_TEST_CASE(words_of_boundary_sizes_round_trip_through_the_decoder) {
    for (std::uint32_t size : {0x7Fu, 0x80u, 0x3FFFu, 0x4000u, 0x1FFFFFu, 0x200000u}) {
        const Sentence sentence{"/ppp/secret/print", std::string(size, 'x'), "=name=cust001"};
        SentenceDecoder decoder;
        decoder.feed(encode_sentence(sentence));
        auto all = decode_all(decoder);
        BOOST_TEST_REQUIRE(all.size() == 1u);
        BOOST_TEST(all[0].size() == 3u);
        BOOST_TEST(all[0][1].size() == size);
        BOOST_TEST(all[0][2] == "=name=cust001");
    }
}

BOOST_AUTO_TEST_CASE(a_word_larger_than_the_limit_is_refused_before_allocation) {
    SentenceDecoder decoder;
    decoder.feed(encode_length(0x10000000));
    auto next = decoder.next();
    BOOST_TEST_REQUIRE(!next.ok());
    BOOST_TEST(next.error().message() == "kata RouterOS terlalu panjang (byte): " + std::to_string(0x10000000));
}

BOOST_AUTO_TEST_CASE(decoder_fed_one_byte_at_a_time_returns_each_sentence_once_complete) {
    const Sentence first{"!re", "=.id=*1", "=name=cust001", ".tag=7"};
    const Sentence second{"!done", ".tag=7"};
    const std::string wire = encode_sentence(first) + encode_sentence(second);
    SentenceDecoder decoder;
    std::vector<Sentence> got;
    for (std::size_t index = 0; index < wire.size(); ++index) {
        decoder.feed(std::string_view(wire).substr(index, 1));
        auto sentences = decode_all(decoder);
        for (auto& sentence : sentences) got.push_back(std::move(sentence));
        if (index + 1 < encode_sentence(first).size()) BOOST_TEST(got.empty());
    }
    BOOST_TEST_REQUIRE(got.size() == 2u);
    BOOST_TEST((got[0] == first));
    BOOST_TEST((got[1] == second));
    BOOST_TEST(!decoder.mid_sentence());
}

BOOST_AUTO_TEST_CASE(half_a_sentence_is_reported_as_mid_sentence) {
    SentenceDecoder decoder;
    const std::string wire = encode_sentence({"!re", "=name=cust001"});
    decoder.feed(std::string_view(wire).substr(0, 6));
    BOOST_TEST(decode_all(decoder).empty());
    BOOST_TEST(decoder.mid_sentence());
}

BOOST_AUTO_TEST_CASE(replies_parse_type_tag_and_attributes) {
    auto row = parse_reply({"!re", "=.id=*1", "=name=cust001", "=comment=a=b", ".tag=12"});
    BOOST_TEST_REQUIRE(row.ok());
    BOOST_TEST((row->type == ReplyType::Re));
    BOOST_TEST(row->tag == "12");
    BOOST_TEST(row->attributes.at(".id") == "*1");
    BOOST_TEST(row->attributes.at("comment") == "a=b");

    auto trap = parse_reply({"!trap", "=category=1", "=message=no such item", ".tag=3"});
    BOOST_TEST_REQUIRE(trap.ok());
    BOOST_TEST((trap->type == ReplyType::Trap));
    BOOST_TEST(trap->attributes.at("message") == "no such item");

    auto done = parse_reply({"!done", "=ret=1a2b"});
    BOOST_TEST_REQUIRE(done.ok());
    BOOST_TEST(done->attributes.at("ret") == "1a2b");

    auto empty = parse_reply({"!empty", ".tag=4"});
    BOOST_TEST_REQUIRE(empty.ok());
    BOOST_TEST((empty->type == ReplyType::Empty));

    auto fatal = parse_reply({"!fatal", "session terminated on request"});
    BOOST_TEST_REQUIRE(fatal.ok());
    BOOST_TEST((fatal->type == ReplyType::Fatal));
    BOOST_TEST(fatal->fatal_message == "session terminated on request");
}

BOOST_AUTO_TEST_CASE(unknown_reply_words_and_malformed_attributes_are_errors) {
    BOOST_TEST(!parse_reply({"!nonsense"}).ok());
    BOOST_TEST(!parse_reply({"!re", "name-without-equals"}).ok());
    BOOST_TEST(!parse_reply({}).ok());
}

BOOST_AUTO_TEST_CASE(a_sentence_is_refused_once_its_words_cost_more_than_the_sentence_bound) {
    // Tiny words cost their string: 16 MiB / (3 + 32) is about 480,000 "=a=" words.
    SentenceDecoder decoder;
    std::string words;
    append_word(words, "!re");
    for (int word = 0; word < 600000; ++word) append_word(words, "=a=");
    decoder.feed(words);
    auto refused = decoder.next();
    BOOST_TEST_REQUIRE(!refused.ok());
    BOOST_TEST(refused.error().message().find("(byte): > 16777216") != std::string::npos, refused.error().message());

    // Just under it, with its end, the sentence is whole.
    SentenceDecoder fits;
    std::string sentence;
    append_word(sentence, "!re");
    for (int word = 0; word < 400000; ++word) append_word(sentence, "=a=");
    sentence.push_back('\0');
    fits.feed(sentence);
    auto whole = fits.next();
    BOOST_TEST_REQUIRE(whole.ok());
    BOOST_TEST_REQUIRE(whole->has_value());
    BOOST_TEST((*whole)->size() == 400001u);
}

BOOST_AUTO_TEST_CASE(attribute_words_split_at_the_second_equals_sign) {
    auto attribute = split_attribute("=rate-limit=512k/512k");
    BOOST_TEST_REQUIRE(attribute.has_value());
    BOOST_TEST(attribute->first == "rate-limit");
    BOOST_TEST(attribute->second == "512k/512k");
    BOOST_TEST(attribute_word("profile", "ISOLIR") == "=profile=ISOLIR");
    BOOST_TEST(!split_attribute("?name=x").has_value());
    BOOST_TEST(!split_attribute("==x").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
