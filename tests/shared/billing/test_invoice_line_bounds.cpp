// A typed invoice line at the edges of int64 (found with the json_dto fuzz target under UBSan:
// {"unit_price": -9223372036854775808} negated INT64_MIN in validate_line, undefined behaviour).
#include <boost/test/unit_test.hpp>

#include <limits>

#include "api/billing_dto.hpp"
#include "billing/invoice.hpp"

using namespace kimonet;
using namespace kimonet::billing;

BOOST_AUTO_TEST_SUITE(invoice_line_bounds)

BOOST_AUTO_TEST_CASE(int64_extremes_are_refused_for_every_kind) {
    for (const LineKind kind : {LineKind::Charge, LineKind::Discount, LineKind::LateFee}) {
        for (const Money price : {std::numeric_limits<Money>::min(), std::numeric_limits<Money>::max(), Money{-1'000'000'001},
                                  Money{1'000'000'001}}) {
            auto line = validate_line(InvoiceLine{kind, "Biaya", 1, price, 0});
            BOOST_REQUIRE(!line.ok());
            BOOST_TEST(line.error().fields.contains("unit_price"));
        }
    }
    auto from_json = api::invoice_line_from_json(
        api::parse_json(R"({"description":"Diskon","quantity":1,"unit_price":-9223372036854775808,"kind":"discount"})"));
    BOOST_REQUIRE(!from_json.ok());
    BOOST_TEST(from_json.error().fields.contains("unit_price"));
}

BOOST_AUTO_TEST_CASE(a_discount_is_negative_whichever_sign_staff_typed) {
    auto positive = validate_line(InvoiceLine{LineKind::Discount, "Diskon", 2, 1'000'000'000, 0});
    auto negative = validate_line(InvoiceLine{LineKind::Discount, "Diskon", 2, -1'000'000'000, 0});
    BOOST_REQUIRE(positive.ok());
    BOOST_REQUIRE(negative.ok());
    BOOST_TEST(positive->unit_price == -1'000'000'000);
    BOOST_TEST(negative->unit_price == -1'000'000'000);
    BOOST_TEST(positive->amount == -2'000'000'000);
}

BOOST_AUTO_TEST_SUITE_END()
