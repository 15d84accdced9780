#include "store/payment_store.hpp"

namespace kimonet::store {

Result<std::map<std::int64_t, InvoiceLabel>> find_invoice_labels(Database& db, const std::vector<std::int64_t>& invoice_ids) {
    // One indexed lookup per id through one statement (a page of payments names a few dozen at most).
    auto label = TRY(db.prepare(
        "SELECT i.invoice_no, c.name, c.service_number FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = ?"));
    std::map<std::int64_t, InvoiceLabel> labels;
    for (const std::int64_t id : invoice_ids) {
        if (labels.contains(id)) continue;
        label.reset();
        label.bind(1, id);
        if (TRY(label.step())) labels[id] = InvoiceLabel{label.column_text(0), label.column_text(1), label.column_text(2)};
    }
    return labels;
}

}  // namespace kimonet::store
