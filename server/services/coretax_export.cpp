#include "services/coretax_export.hpp"

#include "billing/coretax_xml.hpp"
#include "core/tax_messages.hpp"
#include "services/activity_log.hpp"
#include "services/settings.hpp"
#include "spreadsheets/zip_writer.hpp"
#include "store/coretax_store.hpp"

namespace kimonet::services {

namespace {

Result<Period> month_of(std::string_view text) {
    auto period = parse_period(text);
    if (!period) return validation_error({{"period", messages::kInvalid}});
    return *period;
}

std::int64_t files_for(std::int64_t invoices) {
    const auto per_file = static_cast<std::int64_t>(billing::kCoretaxInvoicesPerFile);
    return (invoices + per_file - 1) / per_file;
}

Result<billing::CoretaxSeller> seller_of(store::Database& db) {
    billing::CoretaxSeller seller;
    seller.tin = TRY(get_setting(db, "company_npwp"));
    if (seller.tin.empty()) return validation_error({{"company_npwp", messages::kCompanyNpwpMissing}});
    seller.tin = customers::npwp16(seller.tin);
    seller.idtku = TRY(get_setting(db, "company_nitku"));
    seller.service_code = TRY(get_setting(db, "coretax_service_code"));
    return seller;
}

}  // namespace

Result<api::CoretaxSummary> coretax_summary(app::Context& context, std::string_view period_text) {
    const Period period = TRY(month_of(period_text));
    const store::CoretaxCounts counts = TRY(store::coretax_counts(context.db, period));
    api::CoretaxSummary summary;
    summary.period = to_string(period);
    summary.pending = counts.pending;
    summary.exported = counts.exported;
    summary.files = files_for(counts.pending);
    summary.seller_ready = !TRY(get_setting(context.db, "company_npwp")).empty();
    return summary;
}

Result<CoretaxDownload> export_coretax(app::Context& context, std::string_view period_text, bool again, bool zip) {
    const Period period = TRY(month_of(period_text));
    CoretaxDownload download;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const billing::CoretaxSeller seller = TRY(seller_of(context.db));
        const auto invoices = TRY(store::coretax_invoices(context.db, period, again));
        if (invoices.empty()) return make_error(ErrorCode::NotFound, messages::kCoretaxNothingToExport);
        const std::vector<std::string> files = billing::coretax_files(seller, invoices);
        if (!zip && files.size() > 1) return validation_error({{"format", messages::kCoretaxTooManyForOneFile}});
        const std::string stem = "coretax-" + to_string(period);
        if (zip) {
            std::vector<std::pair<std::string, std::string>> named;
            for (std::size_t index = 0; index < files.size(); ++index)
                named.emplace_back(stem + "-" + std::to_string(index + 1) + ".xml", files[index]);
            download.bytes = TRY(spreadsheets::zip_archive(named));
            download.content_type = "application/zip";
            download.filename = stem + ".zip";
        } else {
            download.bytes = files.front();
            download.content_type = "application/xml";
            download.filename = stem + ".xml";
        }
        download.invoices = static_cast<std::int64_t>(invoices.size());
        download.files = static_cast<std::int64_t>(files.size());
        TRY(store::mark_coretax_exported(context.db, period, again, context.now));
        return log_activity(context, "tax.coretax_export", "coretax", std::nullopt, nullptr,
                            api::Json{{"period", to_string(period)}, {"invoices", download.invoices}, {"files", download.files},
                                      {"again", again}});
    }));
    return download;
}

}  // namespace kimonet::services
