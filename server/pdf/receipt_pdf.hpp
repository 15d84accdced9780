#pragma once
// A payment's receipt (kuitansi) as PDF (libharu): receipt number, date, payer, invoice, method
// and amount. A voided payment's receipt says BATAL in a red stamp, with when, by whom and why,
// and names the payment that corrected it, so a printed copy of a voided receipt cannot pass for
// a valid one.
#include <string>

#include "services/payment_void_service.hpp"

namespace kimonet::pdf {

// The company name comes from settings; times are written in `offset`.
Result<std::string> render_receipt_pdf(store::Database& db, const services::PaymentDetail& facts, UtcOffset offset);

}  // namespace kimonet::pdf
