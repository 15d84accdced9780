#include "store/messaging_lookups.hpp"

#include "store/callback_apply_store.hpp"

namespace kimonet::store {

Result<std::optional<InvoiceStanding>> find_invoice_standing(Database& db, std::int64_t invoice_id) {
    auto invoice = TRY(db.prepare(
        "SELECT i.invoice_no, i.status, c.status, c.service_number FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = ?"));
    invoice.bind(1, invoice_id);
    if (!TRY(invoice.step())) return std::optional<InvoiceStanding>();
    return std::optional<InvoiceStanding>(
        InvoiceStanding{invoice.column_text(0), invoice.column_text(1), invoice.column_text(2), invoice.column_text(3)});
}

Result<std::optional<CustomerMessageFields>> find_customer_message_fields(Database& db, std::int64_t customer_id) {
    if (const auto* known = CallbackCustomerKnown::find(db, customer_id)) return std::optional<CustomerMessageFields>(known->customer().fields);
    auto row = TRY(db.prepare(
        "SELECT c.name, c.service_number, c.phone, COALESCE(p.name, '') FROM customers c "
        "LEFT JOIN internet_packages p ON p.id = c.package_id WHERE c.id = ?"));
    row.bind(1, customer_id);
    if (!TRY(row.step())) return std::optional<CustomerMessageFields>();
    return std::optional<CustomerMessageFields>(
        CustomerMessageFields{row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3)});
}

Result<std::vector<std::int64_t>> list_segment_customer_ids(Database& db, const BroadcastSegment& segment) {
    std::string where = " WHERE 1=1";
    if (segment.router_id) where += " AND router_id = :router_id";
    if (segment.package_id) where += " AND package_id = :package_id";
    if (!segment.status.empty()) where += " AND status = :status";
    else where += " AND status <> 'terminated'";
    auto customers = TRY(db.prepare("SELECT id FROM customers" + where + " ORDER BY id"));
    if (segment.router_id) customers.bind_named(":router_id", *segment.router_id);
    if (segment.package_id) customers.bind_named(":package_id", *segment.package_id);
    if (!segment.status.empty()) customers.bind_named(":status", segment.status);
    std::vector<std::int64_t> ids;
    while (TRY(customers.step())) ids.push_back(customers.column_int(0));
    return ids;
}

Result<std::optional<PhoneOwner>> find_customer_by_phone(Database& db, const std::string& phone) {
    // CASE rather than ORDER BY a comparison: booleans are 0/1 integers on both engines only
    // when written so.
    auto query = TRY(db.prepare(
        "SELECT id, status FROM customers WHERE phone = ? "
        "ORDER BY CASE WHEN status = 'terminated' THEN 1 ELSE 0 END, CASE WHEN status = 'inactive' THEN 1 ELSE 0 END, id DESC LIMIT 1"));
    query.bind(1, phone);
    if (!TRY(query.step())) return std::optional<PhoneOwner>();
    return std::optional<PhoneOwner>(PhoneOwner{query.column_int(0), query.column_text(1)});
}

Result<PhoneCustomers> list_customers_by_phone(Database& db, const std::string& phone, int limit) {
    // The window totals are taken before LIMIT, so they count every live subscription of the
    // number; the outstanding sum is list_outstanding_invoices' filter. Casts: PostgreSQL's SUM
    // of BIGINT is NUMERIC.
    auto query = TRY(db.prepare(
        "SELECT id, status, service_number, name, package_name, outstanding, COUNT(*) OVER (), "
        "CAST(SUM(CASE WHEN outstanding > 0 THEN 1 ELSE 0 END) OVER () AS BIGINT), CAST(SUM(outstanding) OVER () AS BIGINT) FROM ("
        "SELECT c.id, c.status, c.service_number, c.name, COALESCE(p.name, '') AS package_name, "
        "(SELECT CAST(COALESCE(SUM(i.total - i.paid_amount), 0) AS BIGINT) FROM invoices i WHERE i.customer_id = c.id "
        "AND i.status IN ('unpaid','partial') AND i.total > i.paid_amount) AS outstanding "
        "FROM customers c LEFT JOIN internet_packages p ON p.id = c.package_id WHERE c.phone = ? AND c.status <> 'terminated'"
        ") live ORDER BY id LIMIT ?"));
    query.bind(1, phone).bind(2, std::int64_t{limit});
    PhoneCustomers found;
    while (TRY(query.step())) {
        found.customers.push_back({query.column_int(0), query.column_text(1), query.column_text(2), query.column_text(3), query.column_text(4),
                                   query.column_int(5)});
        found.count = query.column_int(6);
        found.owing_count = query.column_int(7);
        found.outstanding = query.column_int(8);
    }
    return found;
}

Result<std::vector<OutstandingInvoice>> list_outstanding_invoices(Database& db, std::int64_t customer_id) {
    auto query = TRY(db.prepare(
        "SELECT invoice_no, period, total - paid_amount, due_date FROM invoices WHERE customer_id = ? "
        "AND status IN ('unpaid','partial') AND total > paid_amount ORDER BY due_date, id"));
    query.bind(1, customer_id);
    std::vector<OutstandingInvoice> out;
    while (TRY(query.step())) out.push_back({query.column_text(0), query.column_text(1), query.column_int(2), query.column_text(3)});
    return out;
}

Result<std::vector<NewInvoiceNotice>> list_open_invoices_of_period(Database& db, const std::string& period, std::int64_t after_id,
                                                                   int limit) {
    auto invoices = TRY(db.prepare(
        "SELECT id, customer_id, invoice_no, total, due_date, paid_amount FROM invoices WHERE period = ? AND status IN ('unpaid', 'partial') "
        "AND id > ? ORDER BY id LIMIT ?"));
    invoices.bind(1, period).bind(2, after_id).bind(3, std::int64_t{limit});
    std::vector<NewInvoiceNotice> page;
    while (TRY(invoices.step()))
        page.push_back({invoices.column_int(0), invoices.column_int(1), invoices.column_text(2), invoices.column_int(3), invoices.column_text(4),
                        invoices.column_int(5)});
    return page;
}

}  // namespace kimonet::store
