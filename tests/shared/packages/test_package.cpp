#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/validation_messages.hpp"
#include "packages/package.hpp"

using namespace kimonet;
namespace data = boost::unit_test::data;

namespace {

Package valid_package() {
    Package package;
    package.name = "Home 10 Mbps";
    package.download_kbps = 10000;
    package.upload_kbps = 5000;
    package.price = 150000;
    package.mikrotik_profile = "10M";
    return package;
}

FieldErrors fields_of(const Result<Package>& result) { return result ? FieldErrors{} : result.error().fields; }

struct PackageCase {
    const char* label;
    void (*change)(Package&);
    const char* field;  // nullptr = valid
};
std::ostream& operator<<(std::ostream& out, const PackageCase& c) { return out << c.label; }

}  // namespace

BOOST_AUTO_TEST_SUITE(package)

static const PackageCase kCases[] = {
    {"valid", [](Package&) {}, nullptr},
    {"free package", [](Package& p) { p.price = 0; }, nullptr},
    {"price at the maximum", [](Package& p) { p.price = kMaxMoney; }, nullptr},
    {"profile with space dot dash underscore", [](Package& p) { p.mikrotik_profile = "Home 10M_v2.1-a"; }, nullptr},
    {"speed 100 Gbps", [](Package& p) { p.download_kbps = 100'000'000; }, nullptr},
    {"empty name", [](Package& p) { p.name = "   "; }, "name"},
    {"101 character name", [](Package& p) { p.name = std::string(101, 'a'); }, "name"},
    {"zero download", [](Package& p) { p.download_kbps = 0; }, "download_kbps"},
    {"negative upload", [](Package& p) { p.upload_kbps = -1; }, "upload_kbps"},
    {"download over 100 Gbps", [](Package& p) { p.download_kbps = 100'000'001; }, "download_kbps"},
    {"negative price", [](Package& p) { p.price = -1; }, "price"},
    {"price over Rp 1 trillion", [](Package& p) { p.price = kMaxMoney + 1; }, "price"},
    {"empty profile", [](Package& p) { p.mikrotik_profile = ""; }, "mikrotik_profile"},
    {"profile with quote", [](Package& p) { p.mikrotik_profile = "10M'; DROP"; }, "mikrotik_profile"},
    {"profile with slash", [](Package& p) { p.mikrotik_profile = "10M/5M"; }, "mikrotik_profile"},
    {"65 character profile", [](Package& p) { p.mikrotik_profile = std::string(65, 'a'); }, "mikrotik_profile"},
};

BOOST_DATA_TEST_CASE(validates_each_field, data::make(kCases), c) {
    Package input = valid_package();
    c.change(input);
    const auto result = validate_package(input);
    if (!c.field) {
        BOOST_TEST(result.ok());
    } else {
        const auto fields = fields_of(result);
        BOOST_TEST(fields.size() == 1u);
        BOOST_TEST(fields.contains(c.field));
    }
}

BOOST_AUTO_TEST_CASE(trims_name_and_profile) {
    Package input = valid_package();
    input.name = "  Home 10 Mbps ";
    input.mikrotik_profile = " 10M ";
    auto result = validate_package(input);
    BOOST_TEST_REQUIRE(result.ok());
    BOOST_TEST(result->name == "Home 10 Mbps");
    BOOST_TEST(result->mikrotik_profile == "10M");
}

BOOST_AUTO_TEST_CASE(speed_is_displayed_in_mbps_when_round) {
    BOOST_TEST(format_speed(10000) == "10 Mbps");
    BOOST_TEST(format_speed(512) == "512 kbps");
    BOOST_TEST(format_speed(1500) == "1,5 Mbps");
    BOOST_TEST(format_speed(12500) == "12,5 Mbps");
    BOOST_TEST(format_speed(1550) == "1550 kbps");
}

BOOST_AUTO_TEST_CASE(price_message_names_the_range) {
    Package input = valid_package();
    input.price = -5;
    BOOST_TEST(fields_of(validate_package(input)).at("price") == messages::kPrice);
}

BOOST_AUTO_TEST_SUITE_END()
