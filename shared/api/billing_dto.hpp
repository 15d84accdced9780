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

// A payment as the staff API shows it: the payment, the offset its paid_at is written in
// ("2026-01-15T09:30:00+07:00"), and — in the rows of GET /api/payments only (`listed`) — whose
// invoice it settled. The server builds one and calls to_json; the browser reads it back with
// payment_resource_from_json.
struct PaymentResource {
    payments::Payment payment;
    UtcOffset offset;
    bool listed = false;  // a GET /api/payments row: carries invoice_no, customer_name, service_number
    std::string invoice_no;
    std::string customer_name;
    std::string service_number;
};

// An invoice as the staff API and the portal show it (GET /api/invoices, /api/invoices/{id} and
// their /api/portal twins): the invoice, whether it is overdue on the server's today (the browser
// has no clock of its own), whose it is, and — in the detail only — its lines and payments.
struct InvoiceResource {
    billing::Invoice invoice;
    bool overdue = false;
    std::string customer_name;
    std::string service_number;
    bool detail = true;  // false for list rows: no "lines", no "payments"
    std::vector<PaymentResource> payments;
    // Issue 20, in the detail only: "unique_code" (0 = none) and "transfer_amount" (outstanding +
    // code: what the customer transfers, billing/unique_code.hpp).
    Money unique_code = 0;
};

Json to_json(const PaymentResource& resource);
Json to_json(const InvoiceResource& resource);
// The reading sides (the browser): never throw; a missing or mistyped field keeps its default
// (applied_amount defaults to amount, paid_at to 0 at +07:00, kind to "monthly", status to unpaid).
// An error only when `json` is not an object with an id > 0.
Result<PaymentResource> payment_resource_from_json(const Json& json);
Result<InvoiceResource> invoice_resource_from_json(const Json& json);
// The rows of a list answer ({"data":[…]} or a bare array) that read; the others are skipped.
std::vector<PaymentResource> payment_resources_from_list(const Json& body);
std::vector<InvoiceResource> invoice_resources_from_list(const Json& body);

// "2026-01-15T09:30:00+07:00": a Unix time as local time at `offset`, and back (nullopt for other text).
std::string local_timestamp(std::int64_t unix_seconds, UtcOffset offset);
std::optional<std::pair<std::int64_t, UtcOffset>> parse_local_timestamp(std::string_view text);

// {"description","quantity","unit_price","kind"} typed by staff; kind defaults to "charge".
Result<billing::InvoiceLine> invoice_line_from_json(const Json& json);

}  // namespace kimonet::api
