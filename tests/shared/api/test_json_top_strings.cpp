// api::top_level_strings, the bill check's body reader: for every body, the same verdict and the
// same value as reading nlohmann's tree the way the route did before (parse_json, must be an
// object, `object[key]` when it is a string), including the shapes an attacker would try. And
// api::plain_string_of, which skips even that reader for the check's own shape: wherever it gives
// a value, the reader gives the same verdict and values, over many generated and mutated bodies
// (a fixed seed, so a failure repeats; the fuzz target json_top_strings searches further).
#include <boost/test/unit_test.hpp>

#include <random>

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

// Whether plain_string_of's value for `body`, if any, is what top_level_strings reads; false with
// the reason in `why` when they disagree.
bool plain_agrees(const std::string& body, std::string& why) {
    const auto plain = api::plain_string_of(body, kKeys[0]);
    if (!plain) return true;
    const auto read = api::top_level_strings(body, kKeys);
    if (!read.ok()) why = "the reader refuses it: " + read.error().message();
    else if ((*read)[0] != std::optional<std::string>(std::string(*plain))) why = "the reader reads another customer_number";
    else if ((*read)[1]) why = "the reader reads a nomor_layanan too";
    else return true;
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_top_strings)

BOOST_AUTO_TEST_CASE(the_plain_shape_is_read_without_the_parser_and_nothing_else_is) {
    BOOST_TEST(api::plain_string_of(R"({"customer_number":"CUST001"})", kKeys[0]).value_or("-") == "CUST001");
    BOOST_TEST(api::plain_string_of(R"({"customer_number":""})", kKeys[0]).value_or("-") == "");
    BOOST_TEST(api::plain_string_of(R"({"customer_number":" cust 001 "})", kKeys[0]).value_or("-") == " cust 001 ");
    for (const std::string body : {R"({ "customer_number":"CUST001"})", R"({"customer_number":"CUST001"} )", R"({"customer_number":"C\u0055ST"})",
                                   R"({"customer_number":"CU\"ST"})", R"({"customer_number":"CUST001","x":1})", R"({"nomor_layanan":"CUST001"})",
                                   R"({"customer_number":5})", R"({"customer_number":"CUST001")", R"({"customer_number":"CUST001"}})",
                                   "{\"customer_number\":\"CU\x01ST\"}", "{\"customer_number\":\"caf\xc3\xa9\"}", "{\"customer_number\":\"\xff\"}",
                                   R"({"customer_number":"})", R"({"customer_number"})", ""})
        BOOST_TEST(!api::plain_string_of(body, kKeys[0]), body);
}

BOOST_AUTO_TEST_CASE(wherever_the_plain_shape_gives_a_value_the_reader_gives_the_same_over_generated_and_mutated_bodies) {
    std::mt19937 random(20261206);
    const auto below = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    // Bytes that matter to JSON, to the shape and to UTF-8, and plain ones.
    const std::string interesting = std::string("\"\\{}[]:, \t\r\nu0aZ-_.\x7f\x80\xc3\xa9\xff\x01", 25) + std::string(1, '\0');
    const auto value = [&] {
        std::string text;
        const std::size_t length = below(14);
        for (std::size_t i = 0; i < length; ++i) text += below(4) == 0 ? interesting[below(interesting.size())] : static_cast<char>(0x20 + below(0x5f));
        return text;
    };
    const std::vector<std::string> shapes{R"({"customer_number":"%"})", R"({"nomor_layanan":"%"})", R"({"customer_number":"%","customer_number":"%"})",
                                          R"({"customer_number":"%","nomor_layanan":"%"})", R"({ "customer_number" : "%" })", R"({"customer_number":%})",
                                          R"([{"customer_number":"%"}])", R"({"x":{"customer_number":"%"}})", R"({"customer_number":["%"]})"};
    int plain = 0, checked = 0;
    for (int round = 0; round < 40'000; ++round) {
        std::string body = shapes[below(shapes.size())];
        for (auto at = body.find('%'); at != std::string::npos; at = body.find('%', at)) {
            const std::string text = value();
            body.replace(at, 1, text);
            at += text.size();
        }
        for (std::size_t mutations = below(4), i = 0; i < mutations && !body.empty(); ++i) {
            const std::size_t at = below(body.size());
            switch (below(5)) {
            case 0: body.insert(at, 1, interesting[below(interesting.size())]); break;
            case 1: body.erase(at, 1); break;
            case 2: body[at] = interesting[below(interesting.size())]; break;
            case 3: body.insert(at, body.substr(below(body.size()), below(6))); break;
            default: body.resize(at); break;
            }
        }
        std::string why;
        if (!plain_agrees(body, why)) BOOST_TEST(false, "plain_string_of and top_level_strings disagree on " << body << ": " << why);
        plain += api::plain_string_of(body, kKeys[0]).has_value();
        ++checked;
    }
    BOOST_TEST_MESSAGE(plain << " of " << checked << " bodies had the plain shape");
    BOOST_TEST(plain > 300);  // the comparison was not vacuous
}

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
