#pragma once
// Invoices as PDF (libharu): company header, customer block, lines, tax, totals, due date,
// a LUNAS / BELUM LUNAS stamp, payment instructions and the public payment link.
#include <string>

#include "services/invoice_service.hpp"

namespace kimonet::pdf {

// Company details, bank accounts and instructions come from settings; the link is
// <public_base_url>/billing/<nomor layanan> (setting first, then `fallback_base_url`).
Result<std::string> render_invoice_pdf(store::Database& db, const services::InvoiceDetail& detail,
                                       const std::string& fallback_base_url, const Date& today);

}  // namespace kimonet::pdf
