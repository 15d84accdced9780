#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <set>

#include "payments/gateway_fields.hpp"

using namespace kimonet::payments;

namespace {

const char* const kGateways[] = {"midtrans", "duitku", "flip"};

// Whether `text` is valid UTF-8 (the same rules JSON serialisers apply).
bool valid_utf8(const std::string& text) { return fit_utf8(text, text.size()) == text; }

}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_fields)

BOOST_DATA_TEST_CASE(an_invoice_number_with_slashes_and_spaces_becomes_an_accepted_recognisable_order_id,
                     boost::unit_test::data::make(kGateways), gateway) {
    const std::string id = gateway_order_id(gateway, "INV/2026/01 0042", "a1b2c3d4");
    BOOST_TEST(id == "INV-2026-01-0042-a1b2c3d4");
    BOOST_TEST(gateway_order_id_valid(gateway, id));
    BOOST_TEST(!gateway_order_id_valid(gateway, "INV/2026/01-a1b2c3d4"));  // what we used to send
}

BOOST_DATA_TEST_CASE(a_very_long_invoice_format_keeps_start_end_and_suffix_within_50, boost::unit_test::data::make(kGateways), gateway) {
    const std::string invoice = "PT-KIMONET-NUSANTARA-SEJAHTERA/CABANG-BANDUNG-TIMUR/2026/01/000123";
    const std::string id = gateway_order_id(gateway, invoice, "a1b2c3d4");
    BOOST_TEST(id.size() == 50u);
    BOOST_TEST(gateway_order_id_valid(gateway, id));
    BOOST_TEST(id.starts_with("PT-KIMONET-N.."));  // the series…
    BOOST_TEST(id.ends_with("2026-01-000123-a1b2c3d4"));  // …the running number and the unique suffix
    // Two attempts for the same invoice still differ.
    BOOST_TEST(gateway_order_id(gateway, invoice, "ffffffff") != id);
}

BOOST_AUTO_TEST_CASE(letters_outside_ascii_and_empty_numbers_still_give_a_valid_id) {
    BOOST_TEST(gateway_order_id("midtrans", "Tagihan Désember #7", "0a0b") == "Tagihan-D-sember-7-0a0b");
    BOOST_TEST(gateway_order_id("midtrans", "///", "0a0b") == "INV-0a0b");
    BOOST_TEST(gateway_order_id_valid("midtrans", "A~b.c_d-1"));
    BOOST_TEST(!gateway_order_id_valid("midtrans", std::string(51, 'a')));
    BOOST_TEST(!gateway_order_id_valid("duitku", ""));
}

BOOST_AUTO_TEST_CASE(many_attempts_of_one_long_invoice_stay_unique) {
    std::set<std::string> ids;
    for (int i = 0; i < 1000; ++i) {
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "%08x", i * 2654435761u);
        ids.insert(gateway_order_id("duitku", std::string(120, '9'), suffix));
    }
    BOOST_TEST(ids.size() == 1000u);
}

BOOST_AUTO_TEST_CASE(text_is_cut_between_letters_never_inside_one) {
    // "Hadiwéjaya": é is two bytes (C3 A9) after five.
    const std::string name = "Hadiw\xC3\xA9jaya";
    BOOST_TEST(fit_utf8(name, 5) == "Hadiw");
    BOOST_TEST(fit_utf8(name, 6) == "Hadiw");  // half an é does not fit
    BOOST_TEST(fit_utf8(name, 7) == "Hadiw\xC3\xA9");
    BOOST_TEST(fit_utf8(name, 100) == name);
    // Every cut of a name full of multi-byte letters is valid UTF-8 within the limit.
    const std::string mixed = "Siti \xC3\x9Clfah \xE6\x9D\x8E \xF0\x9F\x98\x80 Hadiw\xC3\xA9jaya";
    for (std::size_t limit = 0; limit <= mixed.size(); ++limit) {
        const std::string cut = fit_utf8(mixed, limit);
        BOOST_TEST(cut.size() <= limit);
        BOOST_TEST(valid_utf8(cut));
        BOOST_TEST(mixed.starts_with(cut));
    }
}

BOOST_AUTO_TEST_CASE(invalid_bytes_are_dropped_so_json_can_carry_the_text) {
    BOOST_TEST(fit_utf8("Bu\xFF" "di\xC3", 50) == "Budi");
    BOOST_TEST(fit_utf8("\xED\xA0\x80x", 50) == "x");  // a surrogate is not a character
    BOOST_TEST(fit_utf8("\xC0\xAFx", 50) == "x");      // nor is an overlong "/"
}

BOOST_AUTO_TEST_CASE(each_gateway_has_its_documented_limits) {
    BOOST_TEST(gateway_field_limits("midtrans").order_id == 50u);
    BOOST_TEST(gateway_field_limits("midtrans").title == 50u);
    BOOST_TEST(gateway_field_limits("midtrans").customer_name == 255u);
    BOOST_TEST(gateway_field_limits("duitku").order_id == 50u);
    BOOST_TEST(gateway_field_limits("duitku").customer_name == 20u);
    BOOST_TEST(gateway_field_limits("duitku").phone == 50u);
    BOOST_TEST(gateway_field_limits("duitku").title == 255u);
    BOOST_TEST(gateway_field_limits("flip").title == 255u);
}

BOOST_AUTO_TEST_SUITE_END()
