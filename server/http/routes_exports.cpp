#include "http/routes.hpp"
#include "services/customer_import_service.hpp"
#include "services/export_service.hpp"

namespace kimonet::http {

namespace {

struct ExportRoute {
    const char* path;     // under /api/exports/
    const char* subject;  // for services::export_file
    const char* what;
    std::vector<spreadsheets::ExportFormat> formats;
};

void add_export_route(Router& router, app::App& app, const ExportRoute& route, spreadsheets::ExportFormat format) {
    const std::string extension(spreadsheets::extension(format));
    const std::string subject = route.subject;
    router.add("GET", std::string("/api/exports/") + route.path + "." + extension, std::string(services::export_permission(subject)),
               std::string(route.what) + " as ." + extension + " (attachment; ?from=YYYY-MM&to=YYYY-MM)",
               [&app, subject, format](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto file = TRY(services::export_file(context, subject, format, request.query_value("from"), request.query_value("to"),
                                                                 request.query_value("per")));
                       return bytes(std::move(file.bytes), std::move(file.content_type), file.filename);
                   });
               });
}

}  // namespace

void register_export_routes(Router& router, app::App& app) {
    using spreadsheets::ExportFormat;
    const ExportRoute routes[] = {
        {"customers", "customers", "All customers", {ExportFormat::Xlsx, ExportFormat::Csv}},
        {"invoices", "invoices", "Invoices (of the months ?from..?to, all without)", {ExportFormat::Xlsx, ExportFormat::Csv}},
        {"payments", "payments", "Payments (made in ?from..?to, all without)", {ExportFormat::Xlsx, ExportFormat::Csv}},
        {"reports/revenue", "revenue", "Revenue report", {ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Pdf}},
        {"reports/customers", "customers-report", "Customers report", {ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Pdf}},
        {"reports/billing", "billing", "Billing report", {ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Pdf}},
        {"reports/bhp-uso", "bhp-uso", "BHP Telekomunikasi and USO report (?per=month|quarter|year)",
         {ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Pdf}},
    };
    for (const auto& route : routes)
        for (auto format : route.formats) add_export_route(router, app, route, format);

    Route import_route{"POST", "/api/imports/customers", Access::Permission, "customers.create",
                       "Import customers: body = the .xlsx or .csv file bytes; ?dry_run=true previews with per-row errors, "
                       "otherwise all rows are imported in one transaction or none (422 with the row errors)",
                       [&app](Request& request) -> RouteResult {
                           const bool dry_run = request.query_value("dry_run") == "true" || request.query_value("dry_run") == "1";
                           return with_context(app, request, [&](app::Context& context) -> RouteResult {
                               auto outcome = TRY(services::import_customers(context, request.body, dry_run));
                               if (dry_run || outcome.errors.empty()) return json_ok({{"data", services::to_json(outcome)}}, dry_run ? 200 : 201);
                               Error error = validation_error({{"rows", messages::with_detail(messages::kRowsWithErrors, std::to_string(outcome.errors.size()))}},
                                                              messages::kRowsWithErrors);
                               Response response = json_error(error);
                               api::Json body = api::parse_json(response.body);
                               body["data"] = services::to_json(outcome);
                               response.body = body.dump(-1, ' ', false, api::Json::error_handler_t::replace);
                               return response;
                           });
                       }};
    import_route.max_body = 16u << 20;  // a spreadsheet of tens of thousands of customers; see request_admission.hpp
    router.add(std::move(import_route));
}

}  // namespace kimonet::http
