// Bank statement import and review (issue 20): upload a BCA/Mandiri/BRI/BNI export, list the lines,
// match a line to an invoice or ignore it. Importing, matching and ignoring record payments, so they
// need payments.create (finance, admin); reading the lines needs payments.read.
#include "core/bank_transfer_messages.hpp"
#include "http/routes.hpp"
#include "services/bank_statement_service.hpp"

namespace kimonet::http {

void register_bank_statement_routes(Router& router, app::App& app) {
    Route import_route{"POST", "/api/bank-statements/import", Access::Permission, "payments.create",
                       "Import a bank statement (mutasi rekening): body = the bank's CSV or .xlsx export; ?bank=bca|mandiri|bri|bni "
                       "(optional, detected from the header). Credits are matched to open invoices and paid; the rest waits for review. "
                       "A line imported before is skipped. A bad row: 422 naming the rows, nothing imported",
                       [&app](Request& request) -> RouteResult {
                           std::optional<payments::Bank> bank;
                           if (const auto text = request.query_value("bank"); !text.empty()) {
                               bank = payments::parse_bank(text);
                               if (!bank) return validation_error({{"bank", messages::kStatementBankChoice}});
                           }
                           return with_context(app, request, [&](app::Context& context) -> RouteResult {
                               const auto summary = TRY(services::import_bank_statement(context, request.body, bank));
                               return json_ok({{"data", api::to_json(summary)}}, 201);
                           });
                       }};
    import_route.max_body = services::kMaxStatementBytes;
    router.add(std::move(import_route));

    router.add("GET", "/api/bank-statements/lines", "payments.read",
               "Imported bank statement lines, newest first (?status=review|paid|ignored|all, default review; page, per_page)",
               [&app](Request& request) -> RouteResult {
                   const auto paging = TRY(pagination(request, 50));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto list = TRY(services::list_statement_lines(context, request.query_value("status"), paging.first, paging.second));
                       api::Json rows = api::Json::array();
                       for (const auto& line : list.lines) rows.push_back(api::to_json(line));
                       return json_list(std::move(rows), list.total);
                   });
               });
    router.add("POST", "/api/bank-statements/lines/{id}/match", "payments.create",
               "Pay an invoice with a statement line under review ({\"invoice_id\"} or {\"invoice_no\"}, \"confirm\"?: \"partial\"|\"overpayment\")",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto line = TRY(services::match_statement_line(context, request.id_param(), body));
                       return json_ok({{"data", api::to_json(line)}});
                   });
               });
    router.add("POST", "/api/bank-statements/lines/{id}/ignore", "payments.create",
               "Set a statement line under review aside ({\"note\"?}): not a customer's payment",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto line = TRY(services::ignore_statement_line(context, request.id_param(), body));
                       return json_ok({{"data", api::to_json(line)}});
                   });
               });
}

}  // namespace kimonet::http
