#pragma once
// The rows of the spreadsheet exports (spreadsheets/data_exports.cpp). Read-only. Exports cover
// every customer, invoice or payment (up to millions of rows), so they stream: each row is handed
// to `visit` while the statement is on it (string_views valid only during that call) and the
// scan stops at the first error `visit` returns.
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"
#include "store/database.hpp"

namespace kimonet::store {

struct CustomerExportRow {
    std::string_view service_number, name, phone, email, address, package_name;
    Money package_price = 0;
    std::string_view router_name;  // "" without a router
    std::string_view status;
    std::string_view join_date;  // "2026-01-15"
    std::string_view pppoe_username;
    std::optional<std::int64_t> due_day;
};
// Every customer, by service number.
Result<void> scan_customers_for_export(Database& db, const std::function<Result<void>(const CustomerExportRow&)>& visit);

struct InvoiceExportRow {
    std::string_view invoice_no, service_number, customer_name, period, kind, issue_date, due_date;
    Money subtotal = 0, tax = 0, total = 0, paid = 0;
    Money remaining = 0;  // 0 for a void invoice
    std::string_view status;
};
// Invoices of the periods from … to (inclusive; nullopt = all), newest period first, then by number.
Result<void> scan_invoices_for_export(Database& db, const std::optional<Period>& from, const std::optional<Period>& to,
                                      const std::function<Result<void>(const InvoiceExportRow&)>& visit);

struct PaymentExportRow {
    std::string_view receipt_no, invoice_no, service_number, customer_name;
    std::int64_t paid_at = 0;  // unix seconds
    std::string_view method;
    std::string_view gateway;  // "" when not paid through a gateway
    Money amount = 0, applied = 0;
    std::string_view recorded_by, note;
};
// Payments with paid_at in [start, end), oldest first.
Result<void> scan_payments_for_export(Database& db, std::int64_t start, std::int64_t end,
                                      const std::function<Result<void>(const PaymentExportRow&)>& visit);

}  // namespace kimonet::store
