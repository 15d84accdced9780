#include "spreadsheets/data_exports.hpp"

namespace kimonet::spreadsheets {

namespace {

Cell date_cell(const std::string& text) {
    auto date = parse_date(text.substr(0, 10));
    if (!date) return std::monostate{};
    return *date;
}

Cell optional_int(store::Statement& statement, int column) {
    if (statement.column_is_null(column)) return std::monostate{};
    return statement.column_int(column);
}

}  // namespace

Result<void> export_customers(app::Context& context, TableWriter& writer) {
    TRY_VOID(writer.begin_sheet("Pelanggan", {{"No. Layanan", ColumnKind::Text, 14},
                                              {"Nama", ColumnKind::Text, 28},
                                              {"Telepon", ColumnKind::Text, 16},
                                              {"Email", ColumnKind::Text, 24},
                                              {"Alamat", ColumnKind::Text, 36},
                                              {"Paket", ColumnKind::Text, 18},
                                              {"Harga Paket", ColumnKind::Money, 14},
                                              {"Router", ColumnKind::Text, 16},
                                              {"Status", ColumnKind::Text, 10},
                                              {"Tanggal Daftar", ColumnKind::Date, 14},
                                              {"PPPoE", ColumnKind::Text, 16},
                                              {"Jatuh Tempo", ColumnKind::Integer, 11}}));
    auto statement = TRY(context.db.prepare(
        "SELECT c.service_number, c.name, c.phone, c.email, c.address, p.name, p.price, IFNULL(r.name, ''), c.status, c.join_date, "
        "c.pppoe_username, c.due_day FROM customers c JOIN internet_packages p ON p.id = c.package_id "
        "LEFT JOIN routers r ON r.id = c.router_id ORDER BY c.service_number"));
    std::vector<Cell> row(12);
    while (TRY(statement.step())) {
        for (int i : {0, 1, 2, 3, 4, 5}) row[static_cast<std::size_t>(i)] = statement.column_text(i);
        row[6] = statement.column_int(6);
        row[7] = statement.column_text(7);
        row[8] = statement.column_text(8);
        row[9] = date_cell(statement.column_text(9));
        row[10] = statement.column_text(10);
        row[11] = optional_int(statement, 11);
        TRY_VOID(writer.add_row(row));
    }
    return {};
}

Result<void> export_invoices(app::Context& context, TableWriter& writer, const std::optional<reports::MonthRange>& range) {
    TRY_VOID(writer.begin_sheet("Tagihan", {{"No. Tagihan", ColumnKind::Text, 18},
                                            {"No. Layanan", ColumnKind::Text, 14},
                                            {"Nama", ColumnKind::Text, 28},
                                            {"Periode", ColumnKind::Text, 10},
                                            {"Jenis", ColumnKind::Text, 10},
                                            {"Tanggal Terbit", ColumnKind::Date, 14},
                                            {"Jatuh Tempo", ColumnKind::Date, 14},
                                            {"Subtotal", ColumnKind::Money, 14},
                                            {"Pajak", ColumnKind::Money, 12},
                                            {"Total", ColumnKind::Money, 14},
                                            {"Dibayar", ColumnKind::Money, 14},
                                            {"Sisa", ColumnKind::Money, 14},
                                            {"Status", ColumnKind::Text, 10}}));
    auto statement = TRY(context.db.prepare(
        "SELECT i.invoice_no, c.service_number, c.name, i.period, i.kind, i.issue_date, i.due_date, i.subtotal, i.tax, i.total, "
        "i.paid_amount, CASE WHEN i.status = 'void' THEN 0 ELSE i.total - i.paid_amount END, i.status "
        "FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.period BETWEEN ?1 AND ?2 "
        "ORDER BY i.period DESC, i.sequence"));
    statement.bind(1, range ? to_string(range->from) : std::string("0000-00")).bind(2, range ? to_string(range->to) : std::string("9999-99"));
    std::vector<Cell> row(13);
    while (TRY(statement.step())) {
        for (int i : {0, 1, 2, 3, 4, 12}) row[static_cast<std::size_t>(i)] = statement.column_text(i);
        row[5] = date_cell(statement.column_text(5));
        row[6] = date_cell(statement.column_text(6));
        for (int i : {7, 8, 9, 10, 11}) row[static_cast<std::size_t>(i)] = statement.column_int(i);
        TRY_VOID(writer.add_row(row));
    }
    return {};
}

Result<void> export_payments(app::Context& context, TableWriter& writer, const std::optional<reports::MonthRange>& range) {
    TRY_VOID(writer.begin_sheet("Pembayaran", {{"No. Kwitansi", ColumnKind::Text, 18},
                                               {"No. Tagihan", ColumnKind::Text, 18},
                                               {"No. Layanan", ColumnKind::Text, 14},
                                               {"Nama", ColumnKind::Text, 28},
                                               {"Tanggal Bayar", ColumnKind::Date, 14},
                                               {"Metode", ColumnKind::Text, 14},
                                               {"Gateway", ColumnKind::Text, 10},
                                               {"Jumlah", ColumnKind::Money, 14},
                                               {"Diterapkan", ColumnKind::Money, 14},
                                               {"Dicatat Oleh", ColumnKind::Text, 16},
                                               {"Catatan", ColumnKind::Text, 30}}));
    std::int64_t start = 0, end = INT64_MAX;
    if (range) {
        start = unix_from_local(LocalDateTime{first_day(range->from)}, context.offset);
        end = unix_from_local(LocalDateTime{first_day(next_period(range->to))}, context.offset);
    }
    auto statement = TRY(context.db.prepare(
        "SELECT p.receipt_no, i.invoice_no, c.service_number, c.name, p.paid_at, p.method, IFNULL(g.gateway, ''), p.amount, "
        "p.applied_amount, p.recorded_by_name, p.note FROM payments p JOIN invoices i ON i.id = p.invoice_id "
        "JOIN customers c ON c.id = p.customer_id LEFT JOIN gateway_transactions g ON g.payment_id = p.id "
        "WHERE p.paid_at >= ?1 AND p.paid_at < ?2 ORDER BY p.paid_at, p.id"));
    statement.bind(1, start).bind(2, end);
    std::vector<Cell> row(11);
    while (TRY(statement.step())) {
        for (int i : {0, 1, 2, 3, 5, 6, 9, 10}) row[static_cast<std::size_t>(i)] = statement.column_text(i);
        row[4] = local_from_unix(statement.column_int(4), context.offset).date;
        row[7] = statement.column_int(7);
        row[8] = statement.column_int(8);
        TRY_VOID(writer.add_row(row));
    }
    return {};
}

}  // namespace kimonet::spreadsheets
