#include <boost/test/unit_test.hpp>

#include "customers/customer_import.hpp"

using namespace kimonet;

BOOST_AUTO_TEST_SUITE(import_columns)

BOOST_AUTO_TEST_CASE(indonesian_and_english_headers_map_to_fields) {
    const auto mapping = detect_columns({"No. Layanan", "Nama Pelanggan", "Telepon/HP/WA", "ALAMAT", "Paket", "Router/Lokasi",
                                         "Tgl. Daftar", "E-mail", "Catatan", "Phone"});
    BOOST_TEST((mapping.column_of(ImportField::ServiceNumber) == std::optional<std::size_t>(0)));
    BOOST_TEST((mapping.column_of(ImportField::Name) == std::optional<std::size_t>(1)));
    BOOST_TEST((mapping.column_of(ImportField::Phone) == std::optional<std::size_t>(2)));  // the second phone column is ignored
    BOOST_TEST((mapping.column_of(ImportField::Address) == std::optional<std::size_t>(3)));
    BOOST_TEST((mapping.column_of(ImportField::Router) == std::optional<std::size_t>(5)));
    BOOST_TEST((mapping.column_of(ImportField::JoinDate) == std::optional<std::size_t>(6)));
    BOOST_TEST((mapping.column_of(ImportField::Email) == std::optional<std::size_t>(7)));
    BOOST_TEST(!mapping.columns[8].has_value());
    BOOST_TEST(!mapping.columns[9].has_value());
    BOOST_TEST(check_required_columns(mapping).ok());
    const auto missing = check_required_columns(detect_columns({"Nama", "Alamat"}));
    BOOST_TEST_REQUIRE(!missing.ok());
    BOOST_TEST(missing.error().fields.contains("phone"));
    BOOST_TEST(missing.error().fields.contains("package"));
}

BOOST_AUTO_TEST_CASE(dates_in_iso_indonesian_order_and_excel_serials) {
    BOOST_TEST(to_string(*parse_import_date("2025-06-01")) == "2025-06-01");
    BOOST_TEST(to_string(*parse_import_date("01/06/2025")) == "2025-06-01");
    BOOST_TEST(to_string(*parse_import_date("1-6-2025")) == "2025-06-01");
    BOOST_TEST(to_string(*parse_import_date("45809")) == "2025-06-01");
    BOOST_TEST(to_string(*parse_import_date("45809.75")) == "2025-06-01");
    BOOST_TEST(!parse_import_date("31/02/2025").ok());
    BOOST_TEST(!parse_import_date("kemarin").ok());
}

BOOST_AUTO_TEST_CASE(numeric_phone_cells_get_their_digits_back) {
    BOOST_TEST(phone_from_cell("6.28123456789E+12") == "6281234567890");
    BOOST_TEST(phone_from_cell(" 0812-3456 ") == "0812-3456");
}

BOOST_AUTO_TEST_SUITE_END()
