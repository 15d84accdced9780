#pragma once
// Invoices other than the monthly run: reading, manual invoices, voiding, extra lines, history.
#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "billing/invoice.hpp"
#include "payments/payment_rules.hpp"
#include "store/invoice_store.hpp"

namespace kimonet::services {

struct InvoiceDetail {
    billing::Invoice invoice;
    std::vector<payments::Payment> payments;
    std::string customer_name;
    std::string service_number;
    std::string customer_address;
    std::string customer_phone;
};

// `owner` limits the lookup to one customer's invoices (the portal): others are "not found".
Result<InvoiceDetail> get_invoice_detail(store::Database& db, std::int64_t id, std::optional<std::int64_t> owner = std::nullopt);
Result<store::InvoicePage> search_invoices(store::Database& db, const store::InvoiceFilter& filter);

// {"customer_id", "lines":[{description, quantity, unit_price, kind}], "due_date"?}: numbered in
// the current period's sequence; due on the given date or the customer's due day (a week from
// today when that has passed).
Result<billing::Invoice> create_manual_invoice(app::Context& context, const api::Json& input);
// Needs a reason; keeps the number. Invoices with payments cannot be voided.
Result<billing::Invoice> void_invoice(app::Context& context, std::int64_t id, const api::Json& input);
// Adds a charge, discount or late fee to an unpaid or partly paid invoice and recomputes totals.
Result<billing::Invoice> add_invoice_line(app::Context& context, std::int64_t id, const api::Json& input);

struct CustomerHistory {
    std::vector<billing::Invoice> invoices;
    std::vector<payments::Payment> payments;
    Money credit_balance = 0;
};
Result<CustomerHistory> customer_history(store::Database& db, std::int64_t customer_id);

}  // namespace kimonet::services
