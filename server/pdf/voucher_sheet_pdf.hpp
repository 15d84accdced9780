#pragma once
// Printable voucher sheets (issue 19): A4 with a grid of cards (3 × 10 a page) for an office
// printer, or one column on 58 mm thermal paper for the receipt printers shops use. Every card has
// the code (and password in userpass mode), price, time/quota/validity and a QR code of the hotspot
// login link with the credentials, so a phone camera logs in.
#include <string>
#include <vector>

#include "core/result.hpp"
#include "vouchers/voucher_records.hpp"

namespace kimonet::pdf {

enum class SheetLayout { A4, Thermal58 };

struct VoucherSheet {
    std::string company;
    std::string login_url;  // the hotspot_login_url setting
    VoucherBatch batch;
    std::vector<Voucher> vouchers;
};

Result<std::string> render_voucher_sheet_pdf(const VoucherSheet& sheet, SheetLayout layout);

}  // namespace kimonet::pdf
