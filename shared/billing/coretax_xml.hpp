#pragma once
// Faktur keluaran as DJP's Coretax import XML (the structure of the "Converter XML" of the official
// e-Faktur Excel template: TaxInvoiceBulk / TIN / ListOfTaxInvoice / TaxInvoice / ListOfGoodService /
// GoodService; see docs/tax-ppn-coretax.md and docs/integrations/coretax-taxinvoice.xsd).
// Pure text: the server reads the invoices and the settings, this writes the files.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "customers/tax_identity.hpp"

namespace kimonet::billing {

struct CoretaxSeller {
    std::string tin;           // NPWP16 of the company
    std::string idtku;         // NITKU (22 digits); empty: tin + "000000"
    std::string service_code;  // Kode Barang/Jasa of the service line, "000000" by default
};

// One invoice as one faktur with one service line (the invoice's total after discounts, so the
// faktur's DPP and PPN are exactly the invoice's stored figures).
struct CoretaxInvoice {
    Date date;
    std::string reference;  // the invoice number (RefDesc)
    customers::TaxIdentity buyer;
    std::string buyer_name;
    std::string buyer_address;
    std::string buyer_email;
    std::string item_name;
    Money price = 0;            // the positive lines
    Money discount = 0;         // the discount lines, as a positive number
    Money tax_base = 0;         // harga jual: price − discount (TaxBase)
    std::int64_t dpp_numerator = 1;    // OtherTaxBase = TaxBase × n/d, to the cent (as the template's converter writes it)
    std::int64_t dpp_denominator = 1;
    std::int64_t rate_basis_points = 0;
    Money vat = 0;                     // the stored PPN
    bool monthly = true;           // a monthly service (unit UM.0024 "Bulan") or another charge (UM.0033 "Lainnya")
};

inline constexpr std::size_t kCoretaxInvoicesPerFile = 1000;

// `& < > " '` as entities; characters below 0x20 other than tab/newline are dropped (XML 1.0 cannot carry them).
std::string xml_escape(std::string_view text);

// TaxBase × n/d to the cent, half up: "137500", "91666.67". Only n/d ≠ 1 is DPP nilai lain (TrxCode 04).
std::string other_tax_base_text(Money tax_base, std::int64_t numerator, std::int64_t denominator);

// One TaxInvoiceBulk document.
std::string coretax_document(const CoretaxSeller& seller, std::span<const CoretaxInvoice> invoices);

// The invoices in documents of at most `per_file` fakturs each, in order.
std::vector<std::string> coretax_files(const CoretaxSeller& seller, std::span<const CoretaxInvoice> invoices,
                                       std::size_t per_file = kCoretaxInvoicesPerFile);

}  // namespace kimonet::billing
