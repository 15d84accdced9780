// Voucher codes, hotspot limits as RouterOS intervals, and sale amounts (issue 19).
#include <boost/test/unit_test.hpp>
#include <boost/test/data/test_case.hpp>

#include <array>
#include <string>

#include "vouchers/hotspot_profile.hpp"
#include "vouchers/reseller.hpp"
#include "vouchers/voucher_batch.hpp"

using namespace kimonet;
namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(voucher_batch)

BOOST_AUTO_TEST_CASE(every_byte_value_maps_to_the_alphabet_uniformly_without_look_alikes) {
    std::array<int, 32> hits{};
    std::string bytes;
    for (int value = 0; value < 256; ++value) bytes.push_back(static_cast<char>(value));
    const std::string code = voucher_code("", bytes);
    BOOST_TEST(code.size() == 256u);
    for (char c : code) {
        const auto position = kVoucherAlphabet.find(c);
        BOOST_TEST_REQUIRE(position != std::string_view::npos);
        ++hits[position];
    }
    for (int count : hits) BOOST_TEST(count == 8);  // 256 / 32: no character is favoured
    for (char ambiguous : std::string("01IO")) BOOST_TEST(kVoucherAlphabet.find(ambiguous) == std::string_view::npos);
    BOOST_TEST(voucher_code("HS", std::string("\x00\x1f", 2)) == "HS2Z");
}

BOOST_DATA_TEST_CASE(batch_requests_outside_the_bounds_are_refused,
                     data::make({0, 25001, -1, 1000000}), count) {
    VoucherBatchRequest request;
    request.router_id = 1;
    request.profile_id = 1;
    request.count = count;
    auto checked = validate_voucher_batch(request);
    BOOST_TEST_REQUIRE(!checked.ok());
    BOOST_TEST(checked.error().fields.contains("count"));
}

BOOST_AUTO_TEST_CASE(the_largest_batch_and_the_code_rules) {
    VoucherBatchRequest request;
    request.router_id = 1;
    request.profile_id = 1;
    request.count = 25000;
    BOOST_TEST(validate_voucher_batch(request).ok());
    request.code_length = 7;
    BOOST_TEST(validate_voucher_batch(request).error().fields.contains("code_length"));
    request.code_length = 8;
    request.prefix = "hs";
    BOOST_TEST(validate_voucher_batch(request).error().fields.contains("prefix"));
    request.prefix = "HS";
    request.mode = "pin";
    BOOST_TEST(validate_voucher_batch(request).error().fields.contains("mode"));
}

BOOST_DATA_TEST_CASE(routeros_intervals_both_ways,
                     data::make({std::string("0s"), std::string("1h"), std::string("1d2h30m"), std::string("45s"), std::string("1w"),
                                 std::string("00:30:00"), std::string("1d02:03:04"), std::string("5m12s340ms")}) ^
                         data::make({std::int64_t{0}, std::int64_t{3600}, std::int64_t{95400}, std::int64_t{45}, std::int64_t{604800},
                                     std::int64_t{1800}, std::int64_t{93784}, std::int64_t{312}}),
                     text, seconds) {
    BOOST_TEST(parse_routeros_duration(text).value_or(-1) == seconds, text);
}

BOOST_AUTO_TEST_CASE(durations_are_written_the_way_routeros_reads_them) {
    BOOST_TEST(routeros_duration(3600) == "1h");
    BOOST_TEST(routeros_duration(95400) == "1d2h30m");
    BOOST_TEST(routeros_duration(0) == "0s");
    BOOST_TEST(!parse_routeros_duration("").has_value());
    BOOST_TEST(!parse_routeros_duration("3x").has_value());
    BOOST_TEST(!parse_routeros_duration("12").has_value());
    BOOST_TEST(is_valid_rate_limit("512k/1M"));
    BOOST_TEST(!is_valid_rate_limit("fast"));
}

BOOST_AUTO_TEST_CASE(sale_amounts_take_the_commission_and_refuse_an_overflow) {
    Reseller percent;
    percent.commission_type = "percent";
    percent.commission_value = 1000;  // 10 %
    auto amounts = sale_amounts(percent, 5, 5000);
    BOOST_TEST_REQUIRE(amounts.ok());
    BOOST_TEST(amounts->gross == 25000);
    BOOST_TEST(amounts->commission == 2500);
    BOOST_TEST(amounts->net == 22500);
    percent.commission_value = 333;  // 3.33 % of 1,001: 33.3333 rounds down
    BOOST_TEST(sale_amounts(percent, 1, 1001)->commission == 33);
    Reseller fixed;
    fixed.commission_type = "fixed";
    fixed.commission_value = 7000;  // more than the price: the commission stops at the gross
    BOOST_TEST(sale_amounts(fixed, 2, 5000)->net == 0);
    BOOST_TEST(!sale_amounts(percent, 4'000'000'000'000LL, 5'000'000'000LL).ok());
}

BOOST_AUTO_TEST_SUITE_END()
