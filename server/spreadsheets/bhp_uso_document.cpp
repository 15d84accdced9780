// The BHP Telekomunikasi and USO report laid out for export (declared in report_document.hpp).
#include "core/money.hpp"
#include "spreadsheets/report_document.hpp"

namespace kimonet::spreadsheets {

namespace {

// "2026-Q1" → "Triwulan I 2026"; "2026" → "Tahun 2026"; "2026-01" → "Januari 2026".
std::string line_label(const reports::BhpUsoLine& line) {
    static const char* const kRoman[] = {"I", "II", "III", "IV"};
    if (line.key == "total") return "Total";
    if (line.key.size() == 7 && line.key[5] == 'Q' && line.key[6] >= '1' && line.key[6] <= '4')
        return std::string("Triwulan ") + kRoman[line.key[6] - '1'] + " " + line.key.substr(0, 4);
    if (line.key.size() == 4) return "Tahun " + line.key;
    return format_period_indonesian(line.from);
}

std::string rate_text(std::int64_t basis_points, bool varies) {
    std::string part = std::to_string(basis_points % 100);
    if (part.size() < 2) part = "0" + part;
    return std::to_string(basis_points / 100) + "," + part + "%" + (varies ? "*" : "");
}

ReportSheet lines_sheet(const std::string& title, const std::vector<reports::BhpUsoLine>& lines, const reports::BhpUsoLine* total) {
    ReportSheet sheet{title,
                      {{"Periode", ColumnKind::Text, 18}, {"Tagihan", ColumnKind::Integer, 9}, {"Ditagih (dengan PPN)", ColumnKind::Money, 18},
                       {"PPN", ColumnKind::Money, 14}, {"Nota kredit (DPP)", ColumnKind::Money, 15},
                       {"Voucher", ColumnKind::Integer, 9}, {"Penjualan voucher", ColumnKind::Money, 17}, {"Pendapatan kotor", ColumnKind::Money, 17}, {"Pengurang", ColumnKind::Money, 15},
                       {"Dasar", ColumnKind::Money, 17}, {"Tarif BHP", ColumnKind::Text, 10}, {"BHP Tel", ColumnKind::Money, 14},
                       {"Tarif USO", ColumnKind::Text, 10}, {"USO/KPU", ColumnKind::Money, 14}}};
    const auto add = [&](const reports::BhpUsoLine& line) {
        sheet.rows.push_back({line_label(line), line.invoices, line.billed, line.tax, line.credited, line.vouchers, line.voucher_sales, line.gross, line.deductions, line.base,
                              rate_text(line.bhp_bp, line.rates_vary), line.bhp, rate_text(line.uso_bp, line.rates_vary), line.uso});
    };
    for (const auto& line : lines) add(line);
    if (total) add(*total);
    return sheet;
}

const char* deduction_kind_label(const std::string& kind) {
    if (kind == "bad_debt") return "Piutang tak tertagih (dihapusbukukan)";
    if (kind == "interconnection") return "Interkoneksi / ketersambungan";
    return "Pendapatan di luar telekomunikasi";
}

}  // namespace

ReportDocument bhp_uso_document(const reports::BhpUsoReport& report) {
    ReportDocument document{"bhp-uso", "Laporan BHP Telekomunikasi dan USO",
                            "Periode " + format_period_indonesian(report.range.from) + " - " + format_period_indonesian(report.range.to) +
                                "; pendapatan kotor dari tagihan (tanpa PPN, tagihan batal tidak dihitung, dikurangi nota kredit yang terbit) "
                                "ditambah penjualan voucher hotspot ke reseller (harga voucher, komisi reseller tidak dikurangkan)"};
    document.figures = {{"Pendapatan kotor", format_rupiah(report.total.gross)},
                        {"Penjualan voucher", format_rupiah(report.total.voucher_sales) + " (" + std::to_string(report.total.vouchers) + " voucher)"},
                        {"Pengurang", format_rupiah(report.total.deductions)},
                        {"Dasar pengenaan", format_rupiah(report.total.base)},
                        {"BHP Tel terutang", format_rupiah(report.total.bhp)},
                        {"USO/KPU terutang", format_rupiah(report.total.uso)}};
    document.chart.title = "BHP Tel dan USO/KPU per periode";
    ChartSeries bhp{"BHP Tel"}, uso{"USO/KPU"};
    for (const auto& line : report.periods) {
        document.chart.labels.push_back(line_label(line));
        bhp.values.push_back(line.bhp);
        uso.values.push_back(line.uso);
    }
    document.chart.series = {bhp, uso};
    document.sheets.push_back(lines_sheet("Per periode", report.periods, &report.total));
    document.sheets.push_back(lines_sheet("Per bulan", report.months, nullptr));
    ReportSheet deductions{"Pengurang",
                           {{"Bulan", ColumnKind::Text, 10}, {"Jenis", ColumnKind::Text, 30}, {"Jumlah", ColumnKind::Money, 16},
                            {"Alasan", ColumnKind::Text, 40}}};
    for (const auto& deduction : report.deductions)
        deductions.rows.push_back({to_string(deduction.period), std::string(deduction_kind_label(deduction.kind)), deduction.amount, deduction.reason});
    document.sheets.push_back(std::move(deductions));
    ReportSheet rates{"Tarif", {{"Berlaku mulai", ColumnKind::Date, 14}, {"BHP Tel", ColumnKind::Text, 10}, {"USO/KPU", ColumnKind::Text, 10},
                                {"Catatan", ColumnKind::Text, 30}}};
    for (const auto& rate : report.rates)
        rates.rows.push_back({rate.effective_from, rate_text(rate.bhp_bp, false), rate_text(rate.uso_bp, false), rate.note});
    document.sheets.push_back(std::move(rates));
    document.pdf_tables = 4;  // the accountant's file: periods, months, deductions and the rates used
    return document;
}

}  // namespace kimonet::spreadsheets
