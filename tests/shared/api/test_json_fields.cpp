// The one field reader every DTO uses: control characters and integers beyond int64 are 422s.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>

#include "api/json_fields.hpp"
#include "core/validation_messages.hpp"

using namespace kimonet;
using api::Json;

BOOST_AUTO_TEST_SUITE(json_fields)

BOOST_AUTO_TEST_CASE(nul_and_escape_in_a_name_are_refused_and_leave_the_value_untouched) {
    for (const char* text : {R"({"name":"Budi\u0000Santoso"})", R"({"name":"\u001b[2J"})", R"({"name":"Budi\nSantoso"})"}) {
        const Json json = api::parse_json(text);
        BOOST_TEST_REQUIRE(!json.is_discarded());
        api::FieldReader reader(json);
        std::string name = "before";
        reader.read("name", name);
        BOOST_TEST(name == "before");
        BOOST_TEST(reader.errors().at("name") == messages::kControlCharacters);
    }
}

BOOST_AUTO_TEST_CASE(multi_line_fields_keep_line_breaks_but_not_nul) {
    const Json json = api::parse_json(R"({"address":"Jl. Merdeka 1\nBandung","note":"a\u0000b"})");
    api::FieldReader reader(json);
    std::string address, note;
    reader.read("address", address);
    reader.read("note", note);
    BOOST_TEST(address == "Jl. Merdeka 1\nBandung");
    BOOST_TEST(!reader.errors().contains("address"));
    BOOST_TEST(reader.errors().at("note") == messages::kControlCharacters);
}

BOOST_AUTO_TEST_CASE(integers_beyond_int64_are_invalid_not_wrapped) {
    // 2^63 and 2^64-1 parse as unsigned; get<int64_t>() wrapped them to negatives before.
    const Json json = api::parse_json(R"({"a":9223372036854775808,"b":18446744073709551615,"c":9223372036854775807,"d":-9223372036854775808})");
    api::FieldReader reader(json);
    std::int64_t a = 7, b = 7, c = 0, d = 0;
    std::optional<std::int64_t> optional_a;
    int small = 3;
    reader.read("a", a);
    reader.read("b", b);
    reader.read("c", c);
    reader.read("d", d);
    reader.read("a", optional_a);
    BOOST_TEST(a == 7);
    BOOST_TEST(b == 7);
    BOOST_TEST(!optional_a.has_value());
    BOOST_TEST(c == INT64_MAX);
    BOOST_TEST(d == INT64_MIN);
    BOOST_TEST(reader.errors().at("a") == messages::kInvalid);
    BOOST_TEST(reader.errors().at("b") == messages::kInvalid);
    api::FieldReader narrow(json);
    narrow.read("b", small);
    BOOST_TEST(small == 3);
    BOOST_TEST(narrow.errors().contains("b"));
}

BOOST_AUTO_TEST_CASE(json_nested_deeper_than_128_is_malformed_before_it_is_parsed) {
    const auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    BOOST_TEST(!api::parse_json(nested(128)).is_discarded());
    BOOST_TEST(api::parse_json(nested(129)).is_discarded());
    BOOST_TEST(api::parse_json("{\"a\":" + nested(200000) + "}").is_discarded());
    // Brackets inside strings are text, not nesting (escaped quotes included).
    const std::string in_text = "{\"a\":\"\\\"" + std::string(1000, '[') + "\"}";
    BOOST_TEST(api::parse_json(in_text)["a"].get<std::string>().size() == 1001u);
}

BOOST_AUTO_TEST_SUITE_END()
