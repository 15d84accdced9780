#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <limits>

#include "core/money.hpp"

using namespace kimonet;
namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(money)

BOOST_AUTO_TEST_CASE(checked_arithmetic_reports_overflow_instead_of_wrapping) {
    constexpr Money largest = std::numeric_limits<Money>::max();
    BOOST_TEST(*checked_add(kMaxMoney, kMaxMoney) == 2 * kMaxMoney);
    BOOST_TEST(!checked_add(largest, 1).ok());
    BOOST_TEST(!checked_add(std::numeric_limits<Money>::min(), -1).ok());
    BOOST_TEST(*checked_multiply(1'000'000'000, 1000) == kMaxMoney);
    // 2^63 arrives as INT64_MIN after a careless conversion; × 2 wrapped to 0 before.
    auto doubled = checked_multiply(std::numeric_limits<Money>::min(), 2);
    BOOST_TEST_REQUIRE(!doubled.ok());
    BOOST_TEST((doubled.error().code == ErrorCode::ValidationFailed));
    BOOST_TEST(!checked_multiply(largest / 2 + 1, 2).ok());
    BOOST_TEST(within_money_cap(kMaxMoney));
    BOOST_TEST(within_money_cap(-kMaxMoney));
    BOOST_TEST(!within_money_cap(kMaxMoney + 1));
}

BOOST_AUTO_TEST_CASE(formats_rupiah_with_dot_thousands) {
    BOOST_TEST(format_rupiah(0) == "Rp 0");
    BOOST_TEST(format_rupiah(999) == "Rp 999");
    BOOST_TEST(format_rupiah(1000) == "Rp 1.000");
    BOOST_TEST(format_rupiah(164516) == "Rp 164.516");
    BOOST_TEST(format_rupiah(1234567) == "Rp 1.234.567");
    BOOST_TEST(format_rupiah(-5000) == "-Rp 5.000");
    BOOST_TEST(format_thousands(INT64_MIN) == "-9.223.372.036.854.775.808");
}

static const char* const kAccepted[] = {"1.234.567", "1234567", "Rp 1.234.567", "Rp1.234.567", "rp 1.234.567",
                                        "1.234.567,00", "Rp. 1.234.567", "  1234567  ", "Rp 1.234.567,-"};

BOOST_DATA_TEST_CASE(parses_user_amounts, data::make(kAccepted), text) {
    auto parsed = parse_rupiah(text);
    BOOST_TEST_REQUIRE(parsed.ok());
    BOOST_TEST(*parsed == 1234567);
}

static const char* const kRejected[] = {"", "Rp", "1,5", "1.23.567", "12.34", "1.2345", ".123", "123.", "-5000",
                                        "abc", "1 234", "1.234,50", "9999999999999", "Rp -1"};

BOOST_DATA_TEST_CASE(rejects_malformed_amounts, data::make(kRejected), text) {
    auto parsed = parse_rupiah(text);
    BOOST_TEST(!parsed.ok());
    if (!parsed) BOOST_TEST(parsed.error().code_name() == "validation_failed");
}

BOOST_AUTO_TEST_SUITE_END()
