#include "spreadsheets/report_document.hpp"

#include "core/money.hpp"

namespace kimonet::spreadsheets {

namespace {

std::string range_text(const reports::MonthRange& range) {
    return "Periode " + format_period_indonesian(range.from) + " - " + format_period_indonesian(range.to);
}

std::string percent_text(std::int64_t basis_points) {
    const std::int64_t magnitude = basis_points < 0 ? -basis_points : basis_points;
    const std::int64_t part = magnitude % 100;
    return (basis_points < 0 ? "-" : "") + std::to_string(magnitude / 100) + "," + (part < 10 ? "0" : "") + std::to_string(part) + "%";
}

ReportSheet revenue_slices(const std::string& title, const std::string& key_header, const std::vector<reports::RevenueSlice>& slices,
                           bool with_billed) {
    ReportSheet sheet{title, {{key_header, ColumnKind::Text, 24}, {"Jumlah", ColumnKind::Integer, 10}}};
    if (with_billed) sheet.columns.push_back({"Ditagih", ColumnKind::Money, 16});
    sheet.columns.push_back({with_billed ? "Terbayar" : "Terkumpul", ColumnKind::Money, 16});
    for (const auto& slice : slices) {
        std::vector<Cell> row{slice.label, slice.count};
        if (with_billed) row.push_back(slice.billed);
        row.push_back(slice.collected);
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

ReportSheet customer_slices(const std::string& title, const std::string& key_header, const std::vector<reports::CustomerSlice>& slices) {
    ReportSheet sheet{title,
                      {{key_header, ColumnKind::Text, 24}, {"Aktif", ColumnKind::Integer, 10}, {"Isolir", ColumnKind::Integer, 10},
                       {"Nonaktif", ColumnKind::Integer, 10}, {"Total", ColumnKind::Integer, 10}}};
    for (const auto& slice : slices) sheet.rows.push_back({slice.label, slice.active, slice.isolated, slice.inactive, slice.total});
    return sheet;
}

}  // namespace

ReportDocument revenue_document(const reports::RevenueReport& report) {
    ReportDocument document{"revenue", "Laporan Pendapatan", range_text(report.range)};
    document.figures = {{"Ditagih", format_rupiah(report.total_billed)},
                        {"Terkumpul", format_rupiah(report.total_collected)},
                        {"Penjualan voucher", format_rupiah(report.total_voucher_gross) + " (komisi reseller " +
                                                  format_rupiah(report.total_voucher_commission) + ")"},
                        {"Terkumpul + voucher", format_rupiah(report.total_collected_with_vouchers)},
                        {"Pendapatan (tagihan bersih + voucher)", format_rupiah(report.total_revenue)},
                        {"Denda terkumpul", format_rupiah(report.total_late_fees_collected)},
                        {"Tagihan dibatalkan", std::to_string(report.voided_invoices) + " (" + format_rupiah(report.voided_amount) + ")"}};
    document.chart.title = "Ditagih vs terkumpul per bulan";
    ChartSeries billed{"Ditagih"}, collected{"Terkumpul"};
    ReportSheet months{"Per bulan",
                       {{"Periode", ColumnKind::Text, 10}, {"Tagihan", ColumnKind::Integer, 10}, {"Ditagih", ColumnKind::Money, 16},
                        {"Terbayar dari tagihan", ColumnKind::Money, 20}, {"Terkumpul", ColumnKind::Money, 16},
                        {"Uang diterima", ColumnKind::Money, 16}, {"Dari kredit", ColumnKind::Money, 14},
                        {"Denda terkumpul", ColumnKind::Money, 16}, {"Nota kredit", ColumnKind::Money, 14},
                        {"Ditagih bersih", ColumnKind::Money, 16}, {"Dikembalikan", ColumnKind::Money, 14},
                        {"Voucher", ColumnKind::Integer, 9}, {"Penjualan voucher", ColumnKind::Money, 16},
                        {"Komisi reseller", ColumnKind::Money, 15}, {"Voucher bersih", ColumnKind::Money, 15},
                        {"Terkumpul + voucher", ColumnKind::Money, 18}, {"Pendapatan (tagihan bersih + voucher)", ColumnKind::Money, 20}}};
    for (const auto& month : report.months) {
        document.chart.labels.push_back(to_string(month.period));
        billed.values.push_back(month.billed);
        collected.values.push_back(month.collected);
        months.rows.push_back({to_string(month.period), month.invoices, month.billed, month.paid_on_billed, month.collected,
                               month.cash_received, month.credit_applied, month.late_fees_collected, month.credited, month.net_billed,
                               month.refunded, month.vouchers, month.voucher_gross, month.voucher_commission, month.voucher_net,
                               month.collected_with_vouchers, month.revenue});
    }
    document.chart.series = {billed, collected};
    document.sheets.push_back(std::move(months));
    document.sheets.push_back(revenue_slices("Per paket", "Paket", report.by_package, true));
    document.sheets.push_back(revenue_slices("Per router", "Router", report.by_router, true));
    document.sheets.push_back(revenue_slices("Per metode", "Metode", report.by_method, false));
    document.sheets.push_back(revenue_slices("Per gateway", "Gateway", report.by_gateway, false));
    ReportSheet daily{"Harian", {{"Tanggal", ColumnKind::Date, 14}, {"Pembayaran", ColumnKind::Integer, 12}, {"Terkumpul", ColumnKind::Money, 16}}};
    for (const auto& day : report.daily) daily.rows.push_back({day.day, day.payments, day.collected});
    document.sheets.push_back(std::move(daily));
    return document;
}

ReportDocument customer_document(const reports::CustomerReport& report) {
    ReportDocument document{"customers", "Laporan Pelanggan", range_text(report.range)};
    document.figures = {{"Total pelanggan", std::to_string(report.total)},
                        {"Aktif", std::to_string(report.active)},
                        {"Isolir", std::to_string(report.isolated)},
                        {"Nonaktif", std::to_string(report.inactive)}};
    document.chart.title = "Pelanggan baru vs berhenti per bulan";
    ChartSeries joined{"Baru"}, churned{"Berhenti"};
    ReportSheet months{"Per bulan",
                       {{"Periode", ColumnKind::Text, 10}, {"Aktif", ColumnKind::Integer, 10}, {"Baru", ColumnKind::Integer, 10},
                        {"Berhenti", ColumnKind::Integer, 10}, {"Diisolir", ColumnKind::Integer, 10},
                        {"Pertumbuhan bersih", ColumnKind::Integer, 18}, {"Pertumbuhan", ColumnKind::BasisPoints, 12}}};
    for (const auto& month : report.months) {
        document.chart.labels.push_back(to_string(month.period));
        joined.values.push_back(month.new_customers);
        churned.values.push_back(month.churned);
        months.rows.push_back({to_string(month.period), month.active, month.new_customers, month.churned, month.isolated,
                               month.net_growth, month.growth_bp});
    }
    document.chart.series = {joined, churned};
    document.sheets.push_back(std::move(months));
    document.sheets.push_back(customer_slices("Per paket", "Paket", report.by_package));
    document.sheets.push_back(customer_slices("Per router", "Router", report.by_router));
    return document;
}

ReportDocument billing_document(const reports::BillingReport& report) {
    ReportDocument document{"billing", "Laporan Penagihan", range_text(report.range) + ", posisi " + format_date_indonesian(report.as_of)};
    document.figures = {{"Piutang", format_rupiah(report.receivable)},
                        {"Tingkat penagihan", percent_text(report.collection_rate_bp)},
                        {"DSO", std::to_string(report.dso_days) + " hari"},
                        {"MRR", format_rupiah(report.mrr)},
                        {"ARPU", format_rupiah(report.arpu)}};
    document.chart.title = "Umur piutang";
    ChartSeries amounts{"Piutang"};
    ReportSheet aging{"Umur piutang", {{"Umur", ColumnKind::Text, 20}, {"Tagihan", ColumnKind::Integer, 10}, {"Jumlah", ColumnKind::Money, 16}}};
    for (const auto& bucket : report.aging) {
        document.chart.labels.push_back(bucket.label);
        amounts.values.push_back(bucket.amount);
        aging.rows.push_back({bucket.label, bucket.invoices, bucket.amount});
    }
    document.chart.series = {amounts};
    document.sheets.push_back(std::move(aging));
    ReportSheet summary{"Ringkasan", {{"Ukuran", ColumnKind::Text, 24}, {"Nilai", ColumnKind::Money, 18}}};
    summary.rows = {{std::string("Piutang"), report.receivable}, {std::string("Ditagih"), report.billed},
                    {std::string("Terbayar"), report.paid_on_billed}, {std::string("Tingkat penagihan (bp)"), report.collection_rate_bp},
                    {std::string("DSO (hari)"), report.dso_days}, {std::string("MRR"), report.mrr},
                    {std::string("Pelanggan berlangganan"), report.subscribers}, {std::string("ARPU"), report.arpu}};
    document.sheets.push_back(std::move(summary));
    ReportSheet debtors{"Penunggak teratas",
                        {{"No. Layanan", ColumnKind::Text, 14}, {"Nama", ColumnKind::Text, 28}, {"Tagihan", ColumnKind::Integer, 10},
                         {"Jatuh tempo terlama", ColumnKind::Date, 18}, {"Sisa", ColumnKind::Money, 16}}};
    for (const auto& debtor : report.top_debtors)
        debtors.rows.push_back({debtor.service_number, debtor.name, debtor.invoices, debtor.oldest_due, debtor.outstanding});
    document.sheets.push_back(std::move(debtors));
    return document;
}

Result<void> write_document(const ReportDocument& document, TableWriter& writer) {
    for (const auto& sheet : document.sheets) {
        TRY_VOID(writer.begin_sheet(sheet.title, sheet.columns));
        for (const auto& row : sheet.rows) TRY_VOID(writer.add_row(row));
    }
    return {};
}

std::string cell_text(const Cell& cell, ColumnKind kind) {
    if (const auto* text = std::get_if<std::string>(&cell)) return *text;
    if (const auto* date = std::get_if<Date>(&cell)) return to_string(*date);
    if (const auto* number = std::get_if<std::int64_t>(&cell)) {
        if (kind == ColumnKind::Money) return format_thousands(*number);
        if (kind == ColumnKind::BasisPoints) return percent_text(*number);
        return std::to_string(*number);
    }
    return "";
}

}  // namespace kimonet::spreadsheets
