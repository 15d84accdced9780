#include "store/bill_check_store.hpp"

namespace kimonet::store {

Result<std::vector<billing::Invoice>> list_bill_invoices(Database& db, std::int64_t customer_id, int limit) {
    auto rows = TRY(db.prepare(
        "SELECT id, invoice_no, period, total, paid_amount, due_date, status FROM invoices WHERE customer_id = ? AND status <> 'void' "
        "ORDER BY CASE WHEN status IN ('unpaid','partial') THEN 0 ELSE 1 END, period DESC, id DESC LIMIT ?"));
    rows.bind(1, customer_id).bind(2, limit);
    std::vector<billing::Invoice> invoices;
    while (TRY(rows.step())) {
        billing::Invoice invoice;
        invoice.id = rows.column_int(0);
        invoice.invoice_no = rows.column_text(1);
        invoice.customer_id = customer_id;
        invoice.period = parse_period(rows.column_text(2)).value_or(Period{});
        invoice.totals.total = rows.column_int(3);
        invoice.paid_amount = rows.column_int(4);
        invoice.due_date = parse_date(rows.column_text(5)).value_or(Date{});
        invoice.status = billing::parse_invoice_status(rows.column_text(6)).value_or(billing::InvoiceStatus::Unpaid);
        invoices.push_back(std::move(invoice));
    }
    return invoices;
}

}  // namespace kimonet::store
