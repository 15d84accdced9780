#include "store/bill_check_store.hpp"

namespace kimonet::store {

namespace {

// Columns `first`… of a row: id, invoice_no, period, total, paid_amount, due_date, status.
billing::Invoice read_bill_invoice(const Statement& rows, int first, std::int64_t customer_id) {
    billing::Invoice invoice;
    invoice.id = rows.column_int(first);
    invoice.invoice_no = rows.column_text(first + 1);
    invoice.customer_id = customer_id;
    invoice.period = parse_period(rows.column_text(first + 2)).value_or(Period{});
    invoice.totals.total = rows.column_int(first + 3);
    invoice.paid_amount = rows.column_int(first + 4);
    invoice.due_date = parse_date(rows.column_text(first + 5)).value_or(Date{});
    invoice.status = billing::parse_invoice_status(rows.column_text(first + 6)).value_or(billing::InvoiceStatus::Unpaid);
    return invoice;
}

}  // namespace

Result<std::optional<BillCheck>> find_bill_check(Database& db, const std::string& service_number, int limit) {
    // A customer without invoices is one row whose invoice columns are NULL (the LEFT JOIN).
    auto rows = TRY(db.prepare(
        "SELECT c.id, c.service_number, c.name, i.id, i.invoice_no, i.period, i.total, i.paid_amount, i.due_date, i.status "
        "FROM customers c LEFT JOIN invoices i ON i.customer_id = c.id AND i.status <> 'void' "
        "WHERE c.service_number = ? AND c.status <> 'terminated' "
        "ORDER BY CASE WHEN i.status IN ('unpaid','partial') THEN 0 ELSE 1 END, i.period DESC, i.id DESC LIMIT ?"));
    rows.bind(1, service_number).bind(2, limit);
    std::optional<BillCheck> found;
    while (TRY(rows.step())) {
        if (!found) found = BillCheck{BillCustomer{rows.column_int(0), rows.column_text(1), rows.column_text(2)}, {}};
        else if (rows.column_int(0) != found->customer.id) break;  // service numbers are unique; never a second customer's rows
        if (!rows.column_is_null(3)) found->invoices.push_back(read_bill_invoice(rows, 3, found->customer.id));
    }
    return found;
}

Result<std::vector<billing::Invoice>> list_bill_invoices(Database& db, std::int64_t customer_id, int limit) {
    auto rows = TRY(db.prepare(
        "SELECT id, invoice_no, period, total, paid_amount, due_date, status FROM invoices WHERE customer_id = ? AND status <> 'void' "
        "ORDER BY CASE WHEN status IN ('unpaid','partial') THEN 0 ELSE 1 END, period DESC, id DESC LIMIT ?"));
    rows.bind(1, customer_id).bind(2, limit);
    std::vector<billing::Invoice> invoices;
    while (TRY(rows.step())) invoices.push_back(read_bill_invoice(rows, 0, customer_id));
    return invoices;
}

}  // namespace kimonet::store
