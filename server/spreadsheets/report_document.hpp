#pragma once
// A report laid out for export: headline figures, one chart and its tables. The same document
// becomes an XLSX workbook (a sheet per table), a CSV (tables one after another) or a PDF.
#include "reports/bhp_uso_report.hpp"
#include "reports/billing_report.hpp"
#include "reports/customer_report.hpp"
#include "reports/revenue_report.hpp"
#include "spreadsheets/table_writer.hpp"

namespace kimonet::spreadsheets {

struct ChartSeries {
    std::string name;
    std::vector<std::int64_t> values;
};

struct ReportChart {
    std::string title;
    std::vector<std::string> labels;
    std::vector<ChartSeries> series;  // one or two bars per label
};

struct ReportSheet {
    std::string title;
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
};

struct ReportDocument {
    std::string name;   // "revenue", "customers", "billing": file names
    std::string title;  // "Laporan Pendapatan"
    std::string subtitle;
    std::vector<std::pair<std::string, std::string>> figures;  // label, formatted value
    ReportChart chart;
    std::vector<ReportSheet> sheets;
    std::size_t pdf_tables = 1;  // the PDF prints this many of the first sheets
};

ReportDocument revenue_document(const reports::RevenueReport& report);
ReportDocument customer_document(const reports::CustomerReport& report);
ReportDocument billing_document(const reports::BillingReport& report);
// BHP Telekomunikasi and USO (bhp_uso_document.cpp): per period with the total, per month, deductions, rates.
ReportDocument bhp_uso_document(const reports::BhpUsoReport& report);

Result<void> write_document(const ReportDocument& document, TableWriter& writer);
// A cell as text the way the PDF prints it ("1.250.000", "52,63%", "2026-01-15").
std::string cell_text(const Cell& cell, ColumnKind kind);

}  // namespace kimonet::spreadsheets
