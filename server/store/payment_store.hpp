#pragma once
// The reads of invoices and payments that the bill page, the payment screens and gateway payments
// need beside invoice_store.hpp: a customer's bill by service number, an invoice's status, whose
// invoice a payment settled. Readers only; no transaction needed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

// A customer that is not terminated, found by service number for the public bill check.
struct BillCustomer {
    std::int64_t id = 0;
    std::string service_number;
    std::string name;
};
Result<std::optional<BillCustomer>> find_bill_customer(Database& db, const std::string& service_number);
// The customer's invoices the bill shows (not void): unpaid and partial first, then the newest
// periods; at most `limit`.
Result<std::vector<std::int64_t>> list_bill_invoice_ids(Database& db, std::int64_t customer_id, int limit);

// An invoice's stored status ("unpaid", "partial", "paid", "void"); empty when there is no such invoice.
Result<std::string> find_invoice_status(Database& db, std::int64_t invoice_id);

// Whose invoice a payment settled, for the payments list.
struct InvoiceLabel {
    std::string invoice_no;
    std::string customer_name;
    std::string service_number;
};
// By invoice id; ids without an invoice are left out.
Result<std::map<std::int64_t, InvoiceLabel>> find_invoice_labels(Database& db, const std::vector<std::int64_t>& invoice_ids);

}  // namespace kimonet::store
