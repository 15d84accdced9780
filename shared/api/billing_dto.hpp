#pragma once
// JSON shapes of invoices and payments (field names as in the API: invoice_no, subtotal, …).
#include "api/json_fields.hpp"
#include "billing/invoice.hpp"
#include "payments/payment_rules.hpp"

namespace kimonet::api {

// Lines are included when the invoice carries them.
Json to_json(const billing::Invoice& invoice, const Date& today);
Json to_json(const billing::InvoiceLine& line);
// paid_at as local "YYYY-MM-DDTHH:MM:SS+07:00".
Json to_json(const payments::Payment& payment, UtcOffset offset);

// The reading side of to_json(Invoice) and to_json(InvoiceLine) (the browser): every field the
// server writes, without throwing — a missing or mistyped field keeps its default. An error only
// when `json` is not an invoice object with an id. ("outstanding" and "overdue" are derived.)
Result<billing::Invoice> invoice_from_json(const Json& json);
billing::InvoiceLine invoice_line_from_output_json(const Json& json);

// The public key of the customer's service number in the rows of GET /api/payments (the seed's
// shape); every other shape says "service_number". Written and read only through this name.
inline constexpr const char* kPaymentRowServiceNumberKey = "nomor_layanan";

// {"description","quantity","unit_price","kind"} typed by staff; kind defaults to "charge".
Result<billing::InvoiceLine> invoice_line_from_json(const Json& json);

}  // namespace kimonet::api
