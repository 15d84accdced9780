#include "store/payment_store.hpp"

namespace kimonet::store {

Result<std::optional<BillCustomer>> find_bill_customer(Database& db, const std::string& service_number) {
    auto customer = TRY(db.prepare("SELECT id, service_number, name FROM customers WHERE service_number = ? AND status <> 'terminated'"));
    customer.bind(1, service_number);
    if (!TRY(customer.step())) return std::optional<BillCustomer>();
    return std::optional<BillCustomer>(BillCustomer{customer.column_int(0), customer.column_text(1), customer.column_text(2)});
}

Result<std::vector<std::int64_t>> list_bill_invoice_ids(Database& db, std::int64_t customer_id, int limit) {
    auto invoices = TRY(db.prepare(
        "SELECT id FROM invoices WHERE customer_id = ? AND status <> 'void' "
        "ORDER BY CASE WHEN status IN ('unpaid','partial') THEN 0 ELSE 1 END, period DESC, id DESC LIMIT ?"));
    invoices.bind(1, customer_id).bind(2, limit);
    std::vector<std::int64_t> ids;
    while (TRY(invoices.step())) ids.push_back(invoices.column_int(0));
    return ids;
}

Result<std::string> find_invoice_status(Database& db, std::int64_t invoice_id) {
    auto status = TRY(db.prepare("SELECT status FROM invoices WHERE id = ?"));
    status.bind(1, invoice_id);
    return TRY(status.step()) ? status.column_text(0) : std::string();
}

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
