#include "store/export_store.hpp"

#include <string>

namespace kimonet::store {

Result<void> scan_customers_for_export(Database& db, const std::function<Result<void>(const CustomerExportRow&)>& visit) {
    auto statement = TRY(db.prepare(
        "SELECT c.service_number, c.name, c.phone, c.email, c.address, p.name, p.price, COALESCE(r.name, ''), c.status, c.join_date, "
        "c.pppoe_username, c.due_day FROM customers c JOIN internet_packages p ON p.id = c.package_id "
        "LEFT JOIN routers r ON r.id = c.router_id ORDER BY c.service_number"));
    while (TRY(statement.step())) {
        TRY_VOID(visit({statement.column_text_view(0), statement.column_text_view(1), statement.column_text_view(2),
                        statement.column_text_view(3), statement.column_text_view(4), statement.column_text_view(5),
                        statement.column_int(6), statement.column_text_view(7), statement.column_text_view(8),
                        statement.column_text_view(9), statement.column_text_view(10), statement.column_optional_int(11)}));
    }
    return {};
}

Result<void> scan_invoices_for_export(Database& db, const std::optional<Period>& from, const std::optional<Period>& to,
                                      const std::function<Result<void>(const InvoiceExportRow&)>& visit) {
    auto statement = TRY(db.prepare(
        "SELECT i.invoice_no, c.service_number, c.name, i.period, i.kind, i.issue_date, i.due_date, i.subtotal, i.tax, i.total, "
        "i.paid_amount, CASE WHEN i.status = 'void' THEN 0 ELSE i.total - i.paid_amount END, i.status "
        "FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.period BETWEEN ?1 AND ?2 "
        "ORDER BY i.period DESC, i.sequence"));
    statement.bind(1, from ? to_string(*from) : std::string("0000-00")).bind(2, to ? to_string(*to) : std::string("9999-99"));
    while (TRY(statement.step())) {
        TRY_VOID(visit({statement.column_text_view(0), statement.column_text_view(1), statement.column_text_view(2),
                        statement.column_text_view(3), statement.column_text_view(4), statement.column_text_view(5),
                        statement.column_text_view(6), statement.column_int(7), statement.column_int(8), statement.column_int(9),
                        statement.column_int(10), statement.column_int(11), statement.column_text_view(12)}));
    }
    return {};
}

Result<void> scan_payments_for_export(Database& db, std::int64_t start, std::int64_t end,
                                      const std::function<Result<void>(const PaymentExportRow&)>& visit) {
    auto statement = TRY(db.prepare(
        "SELECT p.receipt_no, i.invoice_no, c.service_number, c.name, p.paid_at, p.method, COALESCE(g.gateway, ''), p.amount, "
        "p.applied_amount, p.recorded_by_name, p.note FROM payments p JOIN invoices i ON i.id = p.invoice_id "
        "JOIN customers c ON c.id = p.customer_id LEFT JOIN gateway_transactions g ON g.payment_id = p.id "
        "WHERE p.paid_at >= ?1 AND p.paid_at < ?2 AND p.voided_at IS NULL ORDER BY p.paid_at, p.id"));
    statement.bind(1, start).bind(2, end);
    while (TRY(statement.step())) {
        TRY_VOID(visit({statement.column_text_view(0), statement.column_text_view(1), statement.column_text_view(2),
                        statement.column_text_view(3), statement.column_int(4), statement.column_text_view(5),
                        statement.column_text_view(6), statement.column_int(7), statement.column_int(8),
                        statement.column_text_view(9), statement.column_text_view(10)}));
    }
    return {};
}

}  // namespace kimonet::store
