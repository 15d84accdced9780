#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "billing/invoice_number.hpp"

using namespace kimonet;
using namespace kimonet::billing;
namespace data = boost::unit_test::data;

static const char* const kBadFormats[] = {"INV-{NNNNN}", "INV-{YYYY}{MM}", "{YYYY}{MM}-{N}-{N}", "{YYYY}{MM}{X}{NNN}",
                                          "INV {YYYY}{MM}{NNN}", "INV-{YYYY{MM}{NNN}", "{YYYY}-{NNN}"};

BOOST_AUTO_TEST_SUITE(invoice_number)

BOOST_AUTO_TEST_CASE(default_format_is_inv_year_month_five_digits) {
    BOOST_TEST(validate_invoice_number_format(kDefaultInvoiceNumberFormat).ok());
    BOOST_TEST(format_invoice_number(kDefaultInvoiceNumberFormat, Period{2026, 1}, 1) == "INV-202601-00001");
    BOOST_TEST(format_invoice_number(kDefaultInvoiceNumberFormat, Period{2026, 12}, 99999) == "INV-202612-99999");
    BOOST_TEST(format_invoice_number(kDefaultInvoiceNumberFormat, Period{2026, 1}, 123456) == "INV-202601-123456");
}

BOOST_AUTO_TEST_CASE(custom_tokens) {
    BOOST_TEST(validate_invoice_number_format("KMN/{YY}{MM}/{NNN}").ok());
    BOOST_TEST(format_invoice_number("KMN/{YY}{MM}/{NNN}", Period{2026, 3}, 7) == "KMN/2603/007");
    BOOST_TEST(format_invoice_number("{YYYY}.{MM}.{N}", Period{2028, 2}, 42) == "2028.02.42");
}

BOOST_DATA_TEST_CASE(refuses_formats_that_could_repeat_numbers, data::make(kBadFormats), format) {
    auto checked = validate_invoice_number_format(format);
    BOOST_TEST_REQUIRE(!checked.ok());
    BOOST_TEST(checked.error().fields.contains("invoice_number_format"));
}

BOOST_AUTO_TEST_SUITE_END()
