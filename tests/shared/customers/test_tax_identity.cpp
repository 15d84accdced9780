#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/tax_messages.hpp"
#include "customers/tax_identity.hpp"

using namespace kimonet;
using namespace kimonet::customers;
namespace data = boost::unit_test::data;

namespace {

struct IdCase {
    const char* text;
    const char* expected;  // the digits, or nullptr when refused
    const char* message;   // the field message when refused
};

std::ostream& operator<<(std::ostream& out, const IdCase& c) { return out << '"' << c.text << '"'; }

const IdCase kNpwp[] = {
    {"01.234.567.8-901.000", "012345678901000", nullptr},  // the old 15-digit form as printed
    {"0123456789012345", "0123456789012345", nullptr},     // 16 digits (NPWP16)
    {"3201014501900001", "3201014501900001", nullptr},     // a NIK used as NPWP (individuals, 2024)
    {"12345678901234", nullptr, messages::kNpwpFormat},    // 14 digits
    {"12345678901234567", nullptr, messages::kNpwpFormat}, // 17 digits
    {"000000000000000", nullptr, messages::kNpwpZeros},    // the placeholder some systems store
    {"01.234.567.8/901.000", nullptr, messages::kNpwpFormat},
    {"", nullptr, messages::kNpwpFormat},
};

const IdCase kNik[] = {
    {"3201010101900001", "3201010101900001", nullptr},  // Jawa Barat, born 1 Jan 1990, a man
    {"3201014101900001", "3201014101900001", nullptr},  // the same date, a woman (day + 40)
    {"3171072902000003", "3171072902000003", nullptr},  // 29 February (2000)
    {"9601010101990001", "9601010101990001", nullptr},  // Papua Barat Daya (2022)
    {"32.0101.010190.0001", "3201010101900001", nullptr},
    {"0000000000000000", nullptr, messages::kNikRegion},  // all zeros
    {"2001010101900001", nullptr, messages::kNikRegion},  // no province 20
    {"3200010101900001", nullptr, messages::kNikRegion},  // regency 00
    {"3201000101900001", nullptr, messages::kNikRegion},  // district 00
    {"3201013201900001", nullptr, messages::kNikBirthDate},  // day 32
    {"3201017201900001", nullptr, messages::kNikBirthDate},  // day 72 (= 32 for a woman)
    {"3201010113900001", nullptr, messages::kNikBirthDate},  // month 13
    {"3201013102900001", nullptr, messages::kNikBirthDate},  // 31 February
    {"3201010101900000", nullptr, messages::kNikSerial},
    {"320101010190000", nullptr, messages::kNikFormat},  // 15 digits
    {"320101010190000A", nullptr, messages::kNikFormat},
};

const IdCase kNitku[] = {
    {"0123456789012345000000", "0123456789012345000000", nullptr},  // head office
    {"0123456789012345000001", "0123456789012345000001", nullptr},  // a branch
    {"012345678901234500000", nullptr, messages::kNitkuFormat},     // 21 digits
    {"0000000000000000000001", nullptr, messages::kNitkuFormat},    // no NPWP in it
};

void check(const IdCase& c, const Result<std::string>& result, const char* field) {
    if (c.expected) {
        BOOST_TEST_REQUIRE(result.ok());
        BOOST_TEST(*result == c.expected);
    } else {
        BOOST_TEST_REQUIRE(!result.ok());
        BOOST_TEST(result.error().fields.at(field) == c.message);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tax_identity)

BOOST_DATA_TEST_CASE(npwp_has_15_or_16_digits, data::make(kNpwp), c) { check(c, validate_npwp(c.text), "npwp"); }

BOOST_DATA_TEST_CASE(nik_has_region_birth_date_and_serial, data::make(kNik), c) { check(c, validate_nik(c.text), "nik"); }

BOOST_DATA_TEST_CASE(nitku_is_an_npwp16_and_a_branch, data::make(kNitku), c) { check(c, validate_nitku(c.text), "nitku"); }

BOOST_AUTO_TEST_CASE(a_15_digit_npwp_becomes_16_with_a_leading_zero) {
    BOOST_TEST(npwp16("012345678901000") == "0012345678901000");
    BOOST_TEST(npwp16("0123456789012345") == "0123456789012345");
}

BOOST_AUTO_TEST_CASE(the_identity_is_checked_as_a_whole) {
    auto ok = validate_tax_identity({"01.234.567.8-901.000", "", "0012345678901000000000", true});
    BOOST_TEST_REQUIRE(ok.ok());
    BOOST_TEST(ok->npwp == "012345678901000");
    BOOST_TEST(ok->nitku == "0012345678901000000000");

    auto mismatch = validate_tax_identity({"0123456789012345", "", "0999999999999999000000", false});
    BOOST_TEST_REQUIRE(!mismatch.ok());
    BOOST_TEST(mismatch.error().fields.at("nitku") == messages::kNitkuNpwpMismatch);

    auto no_id = validate_tax_identity({"", "", "", true});
    BOOST_TEST_REQUIRE(!no_id.ok());
    BOOST_TEST(no_id.error().fields.at("needs_faktur") == messages::kFakturNeedsTaxId);

    auto every_problem = validate_tax_identity({"123", "999", "1", true});
    BOOST_TEST_REQUIRE(!every_problem.ok());
    BOOST_TEST(every_problem.error().fields.size() == 3u);  // npwp, nik, nitku at once

    auto blank = validate_tax_identity({"  ", "", "", false});
    BOOST_TEST_REQUIRE(blank.ok());
    BOOST_TEST(blank->npwp.empty());
}

BOOST_AUTO_TEST_SUITE_END()
