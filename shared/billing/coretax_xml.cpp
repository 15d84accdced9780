#include "billing/coretax_xml.hpp"

namespace kimonet::billing {

namespace {

constexpr std::string_view kNoTin = "0000000000000000";

// VATRate is a percentage: 1200bp → "12", 1150bp → "11.5".
std::string percent_text(std::int64_t basis_points) {
    std::string text = std::to_string(basis_points / 100);
    if (const auto fraction = basis_points % 100; fraction != 0) {
        text += '.';
        text += fraction % 10 == 0 ? std::to_string(fraction / 10) : (fraction < 10 ? "0" : "") + std::to_string(fraction);
    }
    return text;
}

void element(std::string& out, std::string_view indent, std::string_view name, std::string_view value) {
    out.append(indent);
    if (value.empty()) {
        out.append("<").append(name).append("/>\n");
        return;
    }
    out.append("<").append(name).append(">").append(xml_escape(value)).append("</").append(name).append(">\n");
}

void write_invoice(std::string& out, const CoretaxSeller& seller, const CoretaxInvoice& invoice) {
    constexpr std::string_view in = "      ";
    out.append("    <TaxInvoice>\n");
    element(out, in, "TaxInvoiceDate", to_string(invoice.date));
    element(out, in, "TaxInvoiceOpt", "Normal");
    element(out, in, "TrxCode", invoice.dpp_numerator != invoice.dpp_denominator ? "04" : "01");
    element(out, in, "AddInfo", "");
    element(out, in, "CustomDoc", "");
    element(out, in, "CustomDocMonthYear", "");
    element(out, in, "RefDesc", invoice.reference);
    element(out, in, "FacilityStamp", "");
    element(out, in, "SellerIDTKU", seller.idtku.empty() ? seller.tin + "000000" : seller.idtku);
    // A buyer with an NPWP is identified by it (a 15-digit one in its 16-digit form); a buyer with
    // only a NIK by the national ID, with the all-zero TIN and the 000000 place the template asks for.
    const auto& buyer = invoice.buyer;
    if (!buyer.npwp.empty()) {
        const std::string tin = customers::npwp16(buyer.npwp);
        element(out, in, "BuyerTin", tin);
        element(out, in, "BuyerDocument", "TIN");
        element(out, in, "BuyerCountry", "IDN");
        element(out, in, "BuyerDocumentNumber", "");
        element(out, in, "BuyerName", invoice.buyer_name);
        element(out, in, "BuyerAdress", invoice.buyer_address);
        element(out, in, "BuyerEmail", invoice.buyer_email);
        element(out, in, "BuyerIDTKU", buyer.nitku.empty() ? tin + "000000" : buyer.nitku);
    } else {
        element(out, in, "BuyerTin", kNoTin);
        element(out, in, "BuyerDocument", "National ID");
        element(out, in, "BuyerCountry", "IDN");
        element(out, in, "BuyerDocumentNumber", buyer.nik);
        element(out, in, "BuyerName", invoice.buyer_name);
        element(out, in, "BuyerAdress", invoice.buyer_address);
        element(out, in, "BuyerEmail", invoice.buyer_email);
        element(out, in, "BuyerIDTKU", "000000");
    }
    constexpr std::string_view line = "          ";
    out.append(in).append("<ListOfGoodService>\n");
    out.append("        <GoodService>\n");
    element(out, line, "Opt", "B");  // B = jasa (service)
    element(out, line, "Code", seller.service_code.empty() ? "000000" : seller.service_code);
    element(out, line, "Name", invoice.item_name);
    element(out, line, "Unit", invoice.monthly ? "UM.0024" : "UM.0033");
    element(out, line, "Price", std::to_string(invoice.price));
    element(out, line, "Qty", "1");
    element(out, line, "TotalDiscount", std::to_string(invoice.discount));
    element(out, line, "TaxBase", std::to_string(invoice.tax_base));
    element(out, line, "OtherTaxBase", other_tax_base_text(invoice.tax_base, invoice.dpp_numerator, invoice.dpp_denominator));
    element(out, line, "VATRate", percent_text(invoice.rate_basis_points));
    element(out, line, "VAT", std::to_string(invoice.vat));
    element(out, line, "STLGRate", "0");
    element(out, line, "STLG", "0");
    out.append("        </GoodService>\n");
    out.append(in).append("</ListOfGoodService>\n");
    out.append("    </TaxInvoice>\n");
}

}  // namespace

std::string other_tax_base_text(Money tax_base, std::int64_t numerator, std::int64_t denominator) {
    if (denominator <= 0 || tax_base < 0) return "0";
    // ≤ 10^12 × 10^3 × 100 = 10^17: fits int64.
    const Money cents = (tax_base * numerator * 100 * 2 + denominator) / (2 * denominator);
    std::string text = std::to_string(cents / 100);
    if (cents % 100 != 0) text += "." + std::string(cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
    return text;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
                out += c;
        }
    }
    return out;
}

std::string coretax_document(const CoretaxSeller& seller, std::span<const CoretaxInvoice> invoices) {
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<TaxInvoiceBulk xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                      "xsi:noNamespaceSchemaLocation=\"TaxInvoice.xsd\">\n";
    element(out, "  ", "TIN", seller.tin);
    out.append("  <ListOfTaxInvoice>\n");
    for (const auto& invoice : invoices) write_invoice(out, seller, invoice);
    out.append("  </ListOfTaxInvoice>\n</TaxInvoiceBulk>\n");
    return out;
}

std::vector<std::string> coretax_files(const CoretaxSeller& seller, std::span<const CoretaxInvoice> invoices, std::size_t per_file) {
    std::vector<std::string> files;
    if (per_file == 0) per_file = kCoretaxInvoicesPerFile;
    for (std::size_t first = 0; first < invoices.size(); first += per_file)
        files.push_back(coretax_document(seller, invoices.subspan(first, std::min(per_file, invoices.size() - first))));
    return files;
}

}  // namespace kimonet::billing
