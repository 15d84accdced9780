// json_string: how the callback parsers read a gateway's fields as text (found by fuzzing: a number
// above INT64_MAX came back as a negative amount).
#include <boost/test/unit_test.hpp>

#include "gateways/gateway_http.hpp"

using namespace kimonet;
using gateways::json_string;

BOOST_AUTO_TEST_SUITE(gateway_json)

BOOST_AUTO_TEST_CASE(numbers_and_strings_read_as_sent) {
    const auto body = api::parse_json(
        R"({"amount": 300000, "negative": -5, "huge": 18446744073709551615, "decimal": 300000.5, "text": "300000.00", "flag": true, "list": [1]})");
    BOOST_TEST(json_string(body, "amount") == "300000");
    BOOST_TEST(json_string(body, "negative") == "-5");
    BOOST_TEST(json_string(body, "huge") == "18446744073709551615");
    BOOST_TEST(json_string(body, "decimal") == "300000.5");
    BOOST_TEST(json_string(body, "text") == "300000.00");
    BOOST_TEST(json_string(body, "flag") == "");
    BOOST_TEST(json_string(body, "list") == "");
    BOOST_TEST(json_string(body, "absent") == "");
    BOOST_TEST(json_string(api::Json::array(), "amount") == "");
}

BOOST_AUTO_TEST_SUITE_END()
