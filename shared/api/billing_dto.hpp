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

// {"description","quantity","unit_price","kind"} typed by staff; kind defaults to "charge".
Result<billing::InvoiceLine> invoice_line_from_json(const Json& json);

}  // namespace kimonet::api
