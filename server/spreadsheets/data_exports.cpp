#include "spreadsheets/data_exports.hpp"

#include "store/export_store.hpp"

namespace kimonet::spreadsheets {

namespace {

Cell date_cell(std::string_view text) {
    auto date = parse_date(text.substr(0, 10));
    if (!date) return std::monostate{};
    return *date;
}

// Reuses the cell's string when it holds one (a row vector is refilled for every exported row).
void set_text(Cell& cell, std::string_view text) {
    if (auto* held = std::get_if<std::string>(&cell)) held->assign(text);
    else cell = std::string(text);
}

Cell optional_int(const std::optional<std::int64_t>& value) {
    if (!value) return std::monostate{};
    return *value;
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
    std::vector<Cell> row(12);
    return store::scan_customers_for_export(context.db, [&](const store::CustomerExportRow& customer) -> Result<void> {
        set_text(row[0], customer.service_number);
        set_text(row[1], customer.name);
        set_text(row[2], customer.phone);
        set_text(row[3], customer.email);
        set_text(row[4], customer.address);
        set_text(row[5], customer.package_name);
        row[6] = customer.package_price;
        set_text(row[7], customer.router_name);
        set_text(row[8], customer.status);
        row[9] = date_cell(customer.join_date);
        set_text(row[10], customer.pppoe_username);
        row[11] = optional_int(customer.due_day);
        return writer.add_row(row);
    });
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
    std::vector<Cell> row(13);
    const auto from = range ? std::optional<Period>(range->from) : std::nullopt, to = range ? std::optional<Period>(range->to) : std::nullopt;
    return store::scan_invoices_for_export(context.db, from, to, [&](const store::InvoiceExportRow& invoice) -> Result<void> {
        set_text(row[0], invoice.invoice_no);
        set_text(row[1], invoice.service_number);
        set_text(row[2], invoice.customer_name);
        set_text(row[3], invoice.period);
        set_text(row[4], invoice.kind);
        row[5] = date_cell(invoice.issue_date);
        row[6] = date_cell(invoice.due_date);
        row[7] = invoice.subtotal;
        row[8] = invoice.tax;
        row[9] = invoice.total;
        row[10] = invoice.paid;
        row[11] = invoice.remaining;
        set_text(row[12], invoice.status);
        return writer.add_row(row);
    });
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
    std::vector<Cell> row(11);
    return store::scan_payments_for_export(context.db, start, end, [&](const store::PaymentExportRow& payment) -> Result<void> {
        set_text(row[0], payment.receipt_no);
        set_text(row[1], payment.invoice_no);
        set_text(row[2], payment.service_number);
        set_text(row[3], payment.customer_name);
        row[4] = local_from_unix(payment.paid_at, context.offset).date;
        set_text(row[5], payment.method);
        set_text(row[6], payment.gateway);
        row[7] = payment.amount;
        row[8] = payment.applied;
        set_text(row[9], payment.recorded_by);
        set_text(row[10], payment.note);
        return writer.add_row(row);
    });
}

}  // namespace kimonet::spreadsheets
