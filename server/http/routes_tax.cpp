// api/tax_dto.hpp before http/routes.hpp: json_data's qualified api::to_json call sees only the
// overloads declared before its template.
#include "api/tax_dto.hpp"
#include "http/routes.hpp"
#include "services/coretax_export.hpp"

namespace kimonet::http {

namespace {

bool flag(const Request& request, const char* name) {
    const auto value = request.query_value(name);
    return value == "1" || value == "true";
}

RouteResult coretax_download(app::App& app, Request& request, bool zip) {
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        auto file = TRY(services::export_coretax(context, request.params["period"], flag(request, "again"), zip));
        return bytes(std::move(file.bytes), std::move(file.content_type), file.filename);
    });
}

}  // namespace

void register_tax_routes(Router& router, app::App& app) {
    router.add("GET", "/api/tax/coretax/{period}", "tax.export",
               "Coretax export of a month (YYYY-MM): fakturs pending and already exported, the files they make, whether the "
               "company NPWP is set",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::coretax_summary(context, request.params["period"]));
                   });
               });
    // Downloads are GETs because the browser's download button fetches with the session token (no
    // cookie, so no cross-site request can trigger one); each marks what it carried as exported and is
    // written to the activity log.
    router.add("GET", "/api/tax/coretax/{period}/faktur.xml", "tax.export",
               "Coretax import XML of the month's faktur keluaran not yet exported (?again=1: all of the month); marks them "
               "exported. 422 (field format) beyond 1,000 fakturs: take the .zip",
               [&app](Request& request) { return coretax_download(app, request, false); });
    router.add("GET", "/api/tax/coretax/{period}/faktur.zip", "tax.export",
               "The same as a .zip of XML files of at most 1,000 fakturs each (coretax-YYYY-MM-1.xml, -2.xml …)",
               [&app](Request& request) { return coretax_download(app, request, true); });
}

}  // namespace kimonet::http
