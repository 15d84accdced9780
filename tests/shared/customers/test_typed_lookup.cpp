#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <utility>

#include "customers/typed_lookup.hpp"

using namespace kimonet;
namespace data = boost::unit_test::data;

namespace {

struct TextCase {
    const char* typed;
    const char* expected;
};
std::ostream& operator<<(std::ostream& out, const TextCase& row) { return out << '"' << row.typed << '"'; }

const TextCase kPhoneSearches[] = {
    {"0812-1002-3757", "6281210023757"}, {"+62 812 1002 3757", "6281210023757"}, {"62812", "62812"},
    {"0812", "62812"},                   {"(0812) 1002.3757", "6281210023757"},  {"+62-812", "62812"},
    // Not a phone: unchanged, so name and service number searches keep working.
    {"Budi", "Budi"},                    {"CUST003", "CUST003"},                 {"081", "081"},
    {" siti ", "siti"},
};

const TextCase kPhoneDisplays[] = {
    {"6281210023757", "0812-1002-3757"}, {"628121002375", "0812-1002-375"}, {"62812100237571", "0812-1002-37571"},
    {"6281234567", "0812-34567"},        {"12345", "12345"},                {"", ""},
};

const TextCase kServiceNumbers[] = {{"cust003", "CUST003"}, {" Cust003 ", "CUST003"}, {"CUST003", "CUST003"}};

}  // namespace

BOOST_AUTO_TEST_SUITE(typed_lookup)

BOOST_DATA_TEST_CASE(a_phone_search_as_indonesians_type_it_finds_the_stored_62_number, data::make(kPhoneSearches), row) {
    BOOST_TEST(customers::phone_search_term(row.typed) == row.expected);
}

BOOST_DATA_TEST_CASE(a_stored_phone_is_shown_as_indonesians_write_it, data::make(kPhoneDisplays), row) {
    BOOST_TEST(customers::format_phone(row.typed) == row.expected);
}

BOOST_DATA_TEST_CASE(a_service_number_in_any_case_is_the_stored_one, data::make(kServiceNumbers), row) {
    BOOST_TEST(customers::service_number_from_typed(row.typed) == row.expected);
}

BOOST_AUTO_TEST_SUITE_END()
