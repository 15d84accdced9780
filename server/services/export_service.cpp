#include "services/export_service.hpp"

#include "pdf/report_pdf.hpp"
#include "services/bhp_uso_service.hpp"
#include "services/report_service.hpp"
#include "spreadsheets/data_exports.hpp"
#include "spreadsheets/report_document.hpp"

namespace kimonet::services {

namespace {

using spreadsheets::ExportFormat;

std::unique_ptr<spreadsheets::TableWriter> writer_for(ExportFormat format) {
    return format == ExportFormat::Xlsx ? spreadsheets::make_xlsx_writer() : spreadsheets::make_csv_writer();
}

Result<std::optional<reports::MonthRange>> optional_range(const app::Context& context, std::string_view from, std::string_view to) {
    if (from.empty() && to.empty()) return std::optional<reports::MonthRange>();
    return std::optional<reports::MonthRange>(TRY(report_range(context, from, to)));
}

Result<spreadsheets::ReportDocument> report_document(app::Context& context, std::string_view subject, const reports::MonthRange& range,
                                                     std::string_view per) {
    if (subject == "bhp-uso")
        return spreadsheets::bhp_uso_document(TRY(bhp_uso_report(context, to_string(range.from), to_string(range.to), per)));
    if (subject == "revenue") return spreadsheets::revenue_document(TRY(revenue_report(context, range)));
    if (subject == "customers-report") return spreadsheets::customer_document(TRY(customer_report(context, range)));
    return spreadsheets::billing_document(TRY(billing_report(context, range)));
}

}  // namespace

std::string_view export_permission(std::string_view subject) {
    if (subject == "customers") return "customers.read";
    if (subject == "invoices") return "invoices.read";
    if (subject == "payments") return "payments.read";
    return "reports.read";
}

Result<ExportFile> export_file(app::Context& context, std::string_view subject, ExportFormat format, std::string_view from,
                               std::string_view to, std::string_view per) {
    const bool is_report = subject == "revenue" || subject == "customers-report" || subject == "billing" || subject == "bhp-uso";
    const bool is_data = subject == "customers" || subject == "invoices" || subject == "payments";
    if (!is_report && !is_data)
        return validation_error({{"subject", messages::kExportSubjectChoice}});
    if (is_data && format == ExportFormat::Pdf) return validation_error({{"format", messages::kPdfOnlyForReports}});
    ExportFile file;
    file.content_type = std::string(spreadsheets::content_type(format));
    std::string stem;
    if (is_data) {
        const auto range = TRY(optional_range(context, from, to));
        auto writer = writer_for(format);
        if (subject == "customers") {
            stem = "pelanggan";
            TRY_VOID(spreadsheets::export_customers(context, *writer));
        } else if (subject == "invoices") {
            stem = "tagihan";
            TRY_VOID(spreadsheets::export_invoices(context, *writer, range));
        } else {
            stem = "pembayaran";
            TRY_VOID(spreadsheets::export_payments(context, *writer, range));
        }
        file.bytes = TRY(writer->finish());
    } else {
        const auto range = TRY(report_range(context, from, to));
        const auto document = TRY(report_document(context, subject, range, per));
        stem = "laporan-" + document.name;
        if (format == ExportFormat::Pdf) {
            file.bytes = TRY(pdf::render_report_pdf(document, format_date_indonesian(context.today())));
        } else {
            auto writer = writer_for(format);
            TRY_VOID(spreadsheets::write_document(document, *writer));
            file.bytes = TRY(writer->finish());
        }
    }
    file.filename = stem + "-" + to_string(context.today()) + "." + std::string(spreadsheets::extension(format));
    return file;
}

}  // namespace kimonet::services
