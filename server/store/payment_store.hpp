#pragma once
// The reads of invoices and payments that the payment screens and gateway payments need beside
// invoice_store.hpp: the bill's customer (bill_check_store.hpp reads it with its invoices), whose
// invoice a payment settled. Readers only; no transaction needed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

// A customer that is not terminated, as the public bill check names it.
struct BillCustomer {
    std::int64_t id = 0;
    std::string service_number;
    std::string name;
};
// Whose invoice a payment settled, for the payments list.
struct InvoiceLabel {
    std::string invoice_no;
    std::string customer_name;
    std::string service_number;
};
// By invoice id; ids without an invoice are left out.
Result<std::map<std::int64_t, InvoiceLabel>> find_invoice_labels(Database& db, const std::vector<std::int64_t>& invoice_ids);

}  // namespace kimonet::store
