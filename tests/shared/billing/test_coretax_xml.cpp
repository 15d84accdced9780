#include <boost/test/unit_test.hpp>

#include "billing/coretax_xml.hpp"

using namespace kimonet;
using namespace kimonet::billing;

namespace {

CoretaxSeller seller() { return CoretaxSeller{"0012345678901000", "", "000000"}; }

CoretaxInvoice internet_invoice(int number) {
    CoretaxInvoice invoice;
    invoice.date = Date{2026, 1, 1};
    invoice.reference = "INV-202601-" + std::to_string(number);
    invoice.buyer = customers::TaxIdentity{"0123456789012345", "", "", true};
    invoice.buyer_name = "PT Maju Jaya";
    invoice.buyer_address = "Jl. Merdeka 1, Bandung";
    invoice.item_name = "Home 30 Mbps - Januari 2026";
    invoice.price = 150000;
    invoice.tax_base = 150000;
    invoice.dpp_numerator = 11;
    invoice.dpp_denominator = 12;
    invoice.rate_basis_points = 1200;
    invoice.vat = 16500;
    return invoice;
}

std::size_t count_of(const std::string& text, std::string_view needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
    return count;
}

// The opening tags in order, from the first <TaxInvoice> to its end: the structure the template fixes.
std::vector<std::string> tags_of_first_invoice(const std::string& xml) {
    std::vector<std::string> tags;
    const auto end = xml.find("</TaxInvoice>");
    for (auto at = xml.find("<TaxInvoice>"); at < end; at = xml.find('<', at + 1)) {
        if (xml[at + 1] == '/') continue;
        const auto stop = xml.find_first_of(">/", at + 1);
        tags.push_back(xml.substr(at + 1, stop - at - 1));
    }
    return tags;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(coretax_xml)

BOOST_AUTO_TEST_CASE(elements_come_in_the_templates_order) {
    const std::vector<CoretaxInvoice> invoices{internet_invoice(1)};
    const std::string xml = coretax_document(seller(), invoices);
    BOOST_TEST(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TaxInvoiceBulk"));
    BOOST_TEST(xml.find("<TIN>0012345678901000</TIN>\n  <ListOfTaxInvoice>") != std::string::npos);
    const std::vector<std::string> expected{
        "TaxInvoice", "TaxInvoiceDate", "TaxInvoiceOpt", "TrxCode", "AddInfo", "CustomDoc", "CustomDocMonthYear", "RefDesc",
        "FacilityStamp", "SellerIDTKU", "BuyerTin", "BuyerDocument", "BuyerCountry", "BuyerDocumentNumber", "BuyerName",
        "BuyerAdress", "BuyerEmail", "BuyerIDTKU", "ListOfGoodService", "GoodService", "Opt", "Code", "Name", "Unit", "Price", "Qty",
        "TotalDiscount", "TaxBase", "OtherTaxBase", "VATRate", "VAT", "STLGRate", "STLG"};
    BOOST_TEST(tags_of_first_invoice(xml) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(internet_service_is_trx_04_with_dpp_nilai_lain) {
    const std::vector<CoretaxInvoice> invoices{internet_invoice(1)};
    const std::string xml = coretax_document(seller(), invoices);
    for (const char* expected : {"<TaxInvoiceDate>2026-01-01</TaxInvoiceDate>", "<TrxCode>04</TrxCode>", "<RefDesc>INV-202601-1</RefDesc>",
                                 "<SellerIDTKU>0012345678901000000000</SellerIDTKU>", "<BuyerTin>0123456789012345</BuyerTin>",
                                 "<BuyerDocument>TIN</BuyerDocument>", "<BuyerIDTKU>0123456789012345000000</BuyerIDTKU>",
                                 "<Opt>B</Opt>", "<Code>000000</Code>", "<Unit>UM.0024</Unit>", "<Price>150000</Price>",
                                 "<TaxBase>150000</TaxBase>", "<OtherTaxBase>137500</OtherTaxBase>", "<VATRate>12</VATRate>",
                                 "<VAT>16500</VAT>", "<STLG>0</STLG>"})
        BOOST_TEST(xml.find(expected) != std::string::npos, expected);
}

BOOST_AUTO_TEST_CASE(other_tax_base_is_written_to_the_cent) {
    BOOST_TEST(other_tax_base_text(150000, 11, 12) == "137500");
    BOOST_TEST(other_tax_base_text(100000, 11, 12) == "91666.67");
    BOOST_TEST(other_tax_base_text(13, 11, 12) == "11.92");
    BOOST_TEST(other_tax_base_text(100000, 1, 1) == "100000");
}

BOOST_AUTO_TEST_CASE(a_buyer_with_only_a_nik_is_named_by_the_national_id) {
    CoretaxInvoice invoice = internet_invoice(1);
    invoice.buyer = customers::TaxIdentity{"", "3201014101900001", "", true};
    invoice.dpp_numerator = invoice.dpp_denominator = 1;
    const std::string xml = coretax_document(seller(), std::vector<CoretaxInvoice>{invoice});
    for (const char* expected : {"<BuyerTin>0000000000000000</BuyerTin>", "<BuyerDocument>National ID</BuyerDocument>",
                                 "<BuyerDocumentNumber>3201014101900001</BuyerDocumentNumber>", "<BuyerIDTKU>000000</BuyerIDTKU>",
                                 "<TrxCode>01</TrxCode>"})
        BOOST_TEST(xml.find(expected) != std::string::npos, expected);
}

BOOST_AUTO_TEST_CASE(names_and_addresses_are_escaped) {
    CoretaxInvoice invoice = internet_invoice(1);
    invoice.buyer_name = "CV \"Aman\" & <Sentosa> 'Jaya'";
    invoice.buyer_address = "Jl. A&B <script>\x01";
    const std::string xml = coretax_document(seller(), std::vector<CoretaxInvoice>{invoice});
    BOOST_TEST(xml.find("<BuyerName>CV &quot;Aman&quot; &amp; &lt;Sentosa&gt; &apos;Jaya&apos;</BuyerName>") != std::string::npos);
    BOOST_TEST(xml.find("<BuyerAdress>Jl. A&amp;B &lt;script&gt;</BuyerAdress>") != std::string::npos);
    BOOST_TEST(xml.find("<script>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_month_of_1001_invoices_gives_two_files) {
    std::vector<CoretaxInvoice> invoices;
    for (int number = 1; number <= 1001; ++number) invoices.push_back(internet_invoice(number));
    const auto files = coretax_files(seller(), invoices);
    BOOST_TEST_REQUIRE(files.size() == 2u);
    BOOST_TEST(count_of(files[0], "<TaxInvoice>") == 1000u);
    BOOST_TEST(count_of(files[1], "<TaxInvoice>") == 1u);
    BOOST_TEST(files[1].find("<RefDesc>INV-202601-1001</RefDesc>") != std::string::npos);
    BOOST_TEST(coretax_files(seller(), std::span(invoices).first(1000)).size() == 1u);
    BOOST_TEST(coretax_files(seller(), std::span<const CoretaxInvoice>()).empty());
}

BOOST_AUTO_TEST_SUITE_END()
