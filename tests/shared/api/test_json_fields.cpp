// FieldReader on integers outside int64: nlohmann stores them unsigned, and reading them as int64
// wrapped (18446744073709551615 became -1, 9223372036854775808 became INT64_MIN) so a price, a
// quantity or an id out of range was silently taken as another number. Each is now a field error.
#include <boost/test/unit_test.hpp>

#include "api/dto.hpp"
#include "api/json_fields.hpp"
#include "core/validation_messages.hpp"

using namespace kimonet;
using api::Json;

BOOST_AUTO_TEST_SUITE(json_fields)

BOOST_AUTO_TEST_CASE(integers_beyond_int64_are_refused_not_wrapped) {
    const Json body = api::parse_json(
        R"({"max": 9223372036854775807, "over": 9223372036854775808, "all_ones": 18446744073709551615, "min": -9223372036854775808})");
    api::FieldReader reader(body);
    std::int64_t max = 0, over = 7, all_ones = 7, min = 0;
    int small = 3;
    std::optional<std::int64_t> optional_wide = 5;
    std::optional<int> optional_small = 5;
    reader.read("max", max);
    reader.read("over", over);
    reader.read("all_ones", all_ones);
    reader.read("min", min);
    reader.read("all_ones", small);
    BOOST_TEST(max == std::numeric_limits<std::int64_t>::max());
    BOOST_TEST(min == std::numeric_limits<std::int64_t>::min());
    BOOST_TEST(over == 7);
    BOOST_TEST(all_ones == 7);
    BOOST_TEST(small == 3);
    BOOST_TEST(reader.errors().at("over") == messages::kInvalid);
    BOOST_TEST(reader.errors().at("all_ones") == messages::kInvalid);

    api::FieldReader optionals(body);
    optionals.read("all_ones", optional_wide);
    optionals.read("over", optional_small);
    BOOST_TEST(*optional_wide == 5);
    BOOST_TEST(*optional_small == 5);
    BOOST_TEST(optionals.errors().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_package_price_of_two_to_the_64_minus_one_is_a_field_error) {
    auto package = api::package_from_json(
        api::parse_json(R"({"name":"Home 20","download_kbps":20000,"upload_kbps":10000,"price":18446744073709551615})"), Package{});
    BOOST_REQUIRE(!package.ok());
    BOOST_TEST(package.error().fields.at("price") == messages::kInvalid);  // before: read as -1, "negative"
}

BOOST_AUTO_TEST_SUITE_END()
