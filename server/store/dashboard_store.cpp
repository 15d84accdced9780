#include "store/dashboard_store.hpp"

namespace kimonet::store {

Result<std::vector<StatusCount>> count_customers_by_status(Database& db) {
    auto statement = TRY(db.prepare("SELECT status, COUNT(*) FROM customers GROUP BY status"));
    std::vector<StatusCount> out;
    while (TRY(statement.step())) out.push_back({statement.column_text(0), statement.column_int(1)});
    return out;
}

Result<std::vector<PeriodInvoiceTotal>> list_invoice_totals_since(Database& db, const Period& first) {
    auto statement = TRY(db.prepare(
        "SELECT period, SUM(total), COUNT(*) FROM invoices WHERE status <> 'void' AND period >= ?1 GROUP BY period"));
    statement.bind(1, to_string(first));
    std::vector<PeriodInvoiceTotal> out;
    while (TRY(statement.step())) out.push_back({statement.column_text(0), statement.column_int(1), statement.column_int(2)});
    return out;
}

Result<void> scan_payments_since(Database& db, std::int64_t start, const std::function<void(std::int64_t paid_at, Money applied)>& visit) {
    auto statement = TRY(db.prepare("SELECT paid_at, applied_amount FROM payments WHERE paid_at >= ?1 AND voided_at IS NULL"));
    statement.bind(1, start);
    while (TRY(statement.step())) visit(statement.column_int(0), statement.column_int(1));
    return {};
}

Result<OutstandingTotal> sum_overdue_invoices(Database& db, const Date& today) {
    auto statement = TRY(db.prepare(
        "SELECT COALESCE(SUM(total - paid_amount), 0), COUNT(*) FROM invoices WHERE status IN ('unpaid','partial') AND due_date < ?1"));
    statement.bind(1, to_string(today));
    TRY(statement.step());
    return OutstandingTotal{statement.column_int(0), statement.column_int(1)};
}

Result<Money> sum_outstanding_invoices(Database& db) {
    auto statement = TRY(db.prepare("SELECT COALESCE(SUM(total - paid_amount), 0) FROM invoices WHERE status IN ('unpaid','partial')"));
    TRY(statement.step());
    return statement.column_int(0);
}

Result<OutstandingTotal> sum_gateway_transactions_in_review(Database& db) {
    auto statement = TRY(db.prepare("SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM gateway_transactions WHERE status = 'review'"));
    TRY(statement.step());
    return OutstandingTotal{statement.column_int(0), statement.column_int(1)};
}

}  // namespace kimonet::store
