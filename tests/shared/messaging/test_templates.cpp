#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "messaging/templates.hpp"

using namespace kimonet;
using namespace kimonet::messaging;
namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(renders_known_placeholders_and_keeps_other_braces) {
    const TemplateVariables variables{{"nama_pelanggan", "Budi"}, {"total", "Rp 166.500"}};
    BOOST_TEST(render_template("Halo *{nama_pelanggan}*, total {total}.", variables) == "Halo *Budi*, total Rp 166.500.");
    BOOST_TEST(render_template("{total}{total}", variables) == "Rp 166.500Rp 166.500");
    BOOST_TEST(render_template("kurung {Bukan} { spasi } {} {", variables) == "kurung {Bukan} { spasi } {} {");
    BOOST_TEST(render_template("", variables) == "");
}

BOOST_AUTO_TEST_CASE(a_missing_variable_stays_visible_and_is_reported) {
    const TemplateVariables variables{{"nama_pelanggan", "Budi"}};
    BOOST_TEST(render_template("Halo {nama_pelanggan}, bayar di {payment_link}", variables) ==
               "Halo Budi, bayar di {payment_link}");
    const auto missing = missing_variables("Halo {nama_pelanggan}, bayar di {payment_link} {payment_link}", variables);
    BOOST_TEST_REQUIRE(missing.size() == 1u);
    BOOST_TEST(missing[0] == "payment_link");
}

BOOST_AUTO_TEST_CASE(values_are_not_rendered_again) {
    // A customer named "{total}" must not pull the total into their name.
    const TemplateVariables variables{{"nama_pelanggan", "{total}"}, {"total", "Rp 1"}};
    BOOST_TEST(render_template("{nama_pelanggan}: {total}", variables) == "{total}: Rp 1");
}

BOOST_AUTO_TEST_CASE(lists_placeholders_once_in_order) {
    const auto names = placeholders_in("{b} {a} {b} {c_1}");
    BOOST_TEST_REQUIRE(names.size() == 3u);
    BOOST_TEST(names[0] == "b");
    BOOST_TEST(names[1] == "a");
    BOOST_TEST(names[2] == "c_1");
}

BOOST_AUTO_TEST_CASE(unknown_placeholder_is_a_field_error) {
    auto result = validate_template("reminder", "Halo {nama_pelanggan}, {tanggal_isolir} {foo}");
    BOOST_TEST_REQUIRE(!result.ok());
    BOOST_TEST(result.error().code_name() == "validation_failed");
    BOOST_TEST(result.error().fields.at("body") == "placeholder tidak dikenal: {tanggal_isolir}, {foo}");
    BOOST_TEST(validate_template("isolir_warning", "Diisolir pada {tanggal_isolir}").ok());
}

BOOST_AUTO_TEST_CASE(rejects_empty_and_unknown_kinds) {
    BOOST_TEST(validate_template("reminder", "   \n").error().fields.at("body") == "wajib diisi");
    BOOST_TEST(validate_template("reminder", std::string(4097, 'a')).error().fields.count("body") == 1u);
    BOOST_TEST(validate_template("reminder", std::string(4096, 'a')).ok());
    BOOST_TEST(validate_template("no_such_template", "hi").error().fields.count("key") == 1u);
    BOOST_TEST(!validate_template("reminder", std::string("\xff\xfe", 2)).ok());
}

static std::vector<std::string> all_keys() {
    std::vector<std::string> keys;
    for (const auto& definition : template_definitions()) keys.emplace_back(definition.key);
    return keys;
}

BOOST_DATA_TEST_CASE(every_default_template_is_valid_and_renders_fully_with_sample_data, data::make(all_keys()), key) {
    const auto* definition = find_template_definition(key);
    BOOST_TEST_REQUIRE(definition != nullptr);
    BOOST_TEST(validate_template(key, definition->default_body).ok());
    const std::string rendered = render_template(definition->default_body, sample_variables());
    BOOST_TEST(rendered.find('{') == std::string::npos, rendered);
    BOOST_TEST(missing_variables(definition->default_body, sample_variables()).empty());
}

BOOST_AUTO_TEST_CASE(the_seed_kinds_exist) {
    for (const char* key : {"invoice_new", "reminder", "payment_confirmation", "isolir_warning", "isolir_notice",
                            "service_restored", "broadcast"})
        BOOST_TEST(find_template_definition(key) != nullptr, key);
}

BOOST_AUTO_TEST_CASE(payment_confirmation_is_a_receipt) {
    const auto* definition = find_template_definition("payment_confirmation");
    const std::string rendered = render_template(definition->default_body, sample_variables());
    for (const char* expected : {"INV-202601-0001", "Rp 166.500", "QRIS", "15 Januari 2026 pukul 09.30 WIB"})
        BOOST_TEST(rendered.find(expected) != std::string::npos, expected);
}

BOOST_AUTO_TEST_SUITE_END()
