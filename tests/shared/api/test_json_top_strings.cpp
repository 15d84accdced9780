// api::top_level_strings, the bill check's body reader: for every body, the same verdict and the
// same value as reading nlohmann's tree the way the route did before (parse_json, must be an
// object, `object[key]` when it is a string), including the shapes an attacker would try.
#include <boost/test/unit_test.hpp>

#include "api/json_fields.hpp"
#include "api/json_top_strings.hpp"

using namespace kimonet;

namespace {

const std::vector<std::string_view> kKeys{"customer_number", "nomor_layanan"};

// The old reading: the tree, then each key's string value.
Result<std::vector<std::optional<std::string>>> through_the_tree(std::string_view text) {
    const api::Json body = api::parse_json(text);
    if (body.is_discarded()) return make_error(ErrorCode::BadRequest, messages::kBodyNotJson);
    if (!body.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    std::vector<std::optional<std::string>> values;
    for (std::string_view key : kKeys) {
        const auto found = body.find(std::string(key));
        values.push_back(found != body.end() && found->is_string() ? std::optional<std::string>(found->get<std::string>()) : std::nullopt);
    }
    return values;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_top_strings)

BOOST_AUTO_TEST_CASE(reads_the_wanted_top_level_strings_only) {
    const auto fields = api::top_level_strings(R"({"x":{"customer_number":"INNER"},"customer_number":"CUST001","y":[1,{"nomor_layanan":"A"}]})", kKeys);
    BOOST_TEST_REQUIRE(fields.ok());
    BOOST_TEST((*fields)[0].value_or("-") == "CUST001");
    BOOST_TEST(!(*fields)[1].has_value());  // only nested: not a top-level key
    const auto escaped = api::top_level_strings(R"({"nomor_layanan":"C\u0055ST\"7"})", kKeys);
    BOOST_TEST_REQUIRE(escaped.ok());
    BOOST_TEST((*escaped)[1].value_or("-") == "CUST\"7");
}

BOOST_AUTO_TEST_CASE(same_verdict_and_values_as_the_tree_for_every_shape) {
    const std::vector<std::string> bodies{
        R"({"customer_number":"CUST001"})",
        R"({"nomor_layanan":"cust003"})",
        R"({"customer_number":"A","customer_number":"B"})",    // repeated: the last counts
        R"({"customer_number":"A","customer_number":5})",      // the last is not a string
        R"({"customer_number":5,"customer_number":"A"})",
        R"({"customer_number":{"a":"b"},"nomor_layanan":"X"})",
        R"({"customer_number":"A","customer_number":[]})",
        R"({"customer_number":null})",
        R"({"customer_number":true,"nomor_layanan":false})",
        R"({"customer_number":1.5e3})",
        R"({"customer_number":""})",
        R"({})",
        R"([])",
        R"(["customer_number","CUST001"])",
        R"("CUST001")",
        R"(42)",
        R"(null)",
        "",
        " ",
        R"({"customer_number":"CUST001")",
        R"({"customer_number":"CUST001"} x)",
        R"({"customer_number":"CUST001"}{})",
        R"({"customer_number":"\ud800"})",  // a lone surrogate
        R"({customer_number:"CUST001"})",
        R"({"customer_number":"CUST001",})",
        "{\"customer_number\":\"CU\x01ST\"}",  // raw control character
        R"({"a":[[[[[[[[[[{"customer_number":"deep"}]]]]]]]]]],"customer_number":"top"})",
        std::string(2000, '[') + std::string(2000, ']'),
        "{\"customer_number\":\"" + std::string(3000, 'x') + "\"}",
    };
    for (const std::string& body : bodies) {
        const auto fast = api::top_level_strings(body, kKeys);
        const auto tree = through_the_tree(body);
        BOOST_TEST(fast.ok() == tree.ok(), body);
        if (!fast.ok() || !tree.ok()) {
            if (!fast.ok() && !tree.ok()) BOOST_TEST(fast.error().message() == tree.error().message(), body);
            continue;
        }
        BOOST_TEST((*fast == *tree), body);
    }
}

BOOST_AUTO_TEST_SUITE_END()
