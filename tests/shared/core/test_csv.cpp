#include <boost/test/unit_test.hpp>

#include "core/csv.hpp"

using namespace kimonet;

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(fields_are_quoted_only_when_needed_and_formulas_are_defused) {
    BOOST_TEST(csv_field("Budi") == "Budi");
    BOOST_TEST(csv_field("Jl. Mawar, RT 2") == "\"Jl. Mawar, RT 2\"");
    BOOST_TEST(csv_field("Toko \"Maju\"") == "\"Toko \"\"Maju\"\"\"");
    BOOST_TEST(csv_field("baris\nbaru") == "\"baris\nbaru\"");
    BOOST_TEST(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    BOOST_TEST(csv_field("\t=1+1") == "'\t=1+1", "a tab before a formula (Excel drops it, then evaluates)");
    BOOST_TEST(csv_field("\r=1+1") == "\"'\r=1+1\"");
    BOOST_TEST(csv_field("-5000", false) == "-5000");
    std::string row;
    append_csv_row(row, {"a", "b,c", ""});
    BOOST_TEST(row == "a,\"b,c\",\r\n");
}

BOOST_AUTO_TEST_CASE(parsing_handles_quotes_separators_and_blank_lines) {
    auto rows = parse_csv("Nama;Alamat\r\n\"Budi; Jr\";\"Jl. \"\"A\"\"\nRT 1\"\r\n\r\nSari;\n");
    BOOST_TEST_REQUIRE(rows.ok());
    BOOST_TEST_REQUIRE(rows->size() == 4u);
    BOOST_TEST((*rows)[1][0] == "Budi; Jr");
    BOOST_TEST((*rows)[1][1] == "Jl. \"A\"\nRT 1");
    BOOST_TEST((*rows)[2].size() == 1u);  // the blank line keeps its place
    BOOST_TEST((*rows)[3].size() == 2u);
    BOOST_TEST((*rows)[3][1] == "");
    auto tabs = parse_csv("a\tb\n1\t2");
    BOOST_TEST_REQUIRE(tabs.ok());
    BOOST_TEST((*tabs)[1][1] == "2");
    auto broken = parse_csv("a,b\n\"open,2\n");
    BOOST_TEST_REQUIRE(!broken.ok());
    BOOST_TEST(broken.error().fields.at("file") == "tanda kutip tidak ditutup; baris: 2");
}

BOOST_AUTO_TEST_CASE(decoding_keeps_utf8_converts_windows_1252_and_refuses_utf16) {
    auto utf8 = decode_spreadsheet_text("\xEF\xBB\xBFNama\nJos\xC3\xA9");
    BOOST_TEST_REQUIRE(utf8.ok());
    BOOST_TEST(utf8->text == "Nama\nJos\xC3\xA9");
    BOOST_TEST((utf8->encoding == TextEncoding::Utf8));
    auto cp1252 = decode_spreadsheet_text("Jos\xE9 \x80 \x93");
    BOOST_TEST_REQUIRE(cp1252.ok());
    BOOST_TEST(cp1252->text == "Jos\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9C");
    BOOST_TEST((cp1252->encoding == TextEncoding::Windows1252));
    BOOST_TEST(!decode_spreadsheet_text(std::string("\xFF\xFEN\0", 4)).ok());
    BOOST_TEST(!decode_spreadsheet_text("bad \x81 byte").ok());  // undefined in Windows-1252
}

BOOST_AUTO_TEST_SUITE_END()
