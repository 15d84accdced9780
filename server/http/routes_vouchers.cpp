// Hotspot vouchers and resellers (issue 19): profiles, batches (make, push with progress, print),
// resellers (balance top-up, sales), the sales report.
#include "api/voucher_dto.hpp"
#include "core/voucher_messages.hpp"
#include "http/routes.hpp"
#include "http/routes_vouchers.hpp"
#include "pdf/voucher_sheet_pdf.hpp"
#include "services/reseller_service.hpp"
#include "services/settings.hpp"
#include "services/voucher_push.hpp"
#include "services/voucher_service.hpp"

namespace kimonet::http {

namespace {

template <typename T>
RouteResult one(Result<T> result, int status = 200) {
    if (!result) return std::move(result).error();
    api::Json data = api::to_json(*result);
    return json_ok({{"data", std::move(data)}}, status);
}

template <typename T>
RouteResult many(Result<std::vector<T>> result) {
    if (!result) return std::move(result).error();
    api::Json rows = api::Json::array();
    for (const auto& item : *result) rows.push_back(api::to_json(item));
    return json_list(std::move(rows), static_cast<std::int64_t>(result->size()));
}

api::Json push_json(const services::VoucherPushReport& report) {
    return api::Json{{"batch_id", report.batch_id}, {"total", report.total},         {"pushed", report.pushed},
                     {"added", report.added},       {"found_on_router", report.found_on_router}, {"refused", report.refused},
                     {"status", report.status},     {"error", report.error}};
}

void register_profile_and_batch_routes(Router& router, app::App& app) {
    router.add("GET", "/api/hotspot-profiles", "vouchers.read", "Hotspot user profiles (rate limit, time limit, quota, validity, price)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult { return many(services::list_hotspot_profiles(context.db)); });
               });
    router.add("POST", "/api/hotspot-profiles", "vouchers.create",
               "Create a hotspot profile {name, package_id?, rate_limit?, time_limit_seconds?, quota_bytes?, validity_days?, shared_users?, price}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return one(services::create_hotspot_profile(context, body), 201);
                   });
               });
    router.add("PUT", "/api/hotspot-profiles/{id}", "vouchers.create", "Update a hotspot profile (new batches use it)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return one(services::update_hotspot_profile(context, request.id_param(), body));
                   });
               });
    router.add("GET", "/api/voucher-batches", "vouchers.read", "Voucher batches, newest first, with push progress and sold/ended counts",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult { return many(services::list_voucher_batches(context.db)); });
               });
    router.add("POST", "/api/voucher-batches", "vouchers.create",
               "Make a batch {router_id, profile_id, count (1-25000), mode: voucher|userpass, code_length 8-16, prefix?, note?}; "
               "queued for the push (POST …/push, or the vouchers job)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return one(services::create_voucher_batch(context, body), 201);
                   });
               });
    router.add("GET", "/api/voucher-batches/{id}", "vouchers.read", "One batch: status, pushed_count of count (the push's progress)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return one(services::get_voucher_batch(context.db, request.id_param()));
                   });
               });
    router.add("GET", "/api/voucher-batches/{id}/vouchers", "vouchers.read", "The batch's vouchers: code, password, state, pushed, usage",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return many(services::list_batch_vouchers(context.db, request.id_param()));
                   });
               });
    router.add("POST", "/api/voucher-batches/{id}/push", "vouchers.create",
               "Push the batch's vouchers not yet on the router (pipelined /ip/hotspot/user/add); resumes an interrupted push without duplicates",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto report = TRY(services::push_voucher_batch(context, request.id_param()));
                       return json_ok({{"data", push_json(report)}});
                   });
               });
    router.add("GET", "/api/voucher-batches/{id}/pdf", "vouchers.read",
               "Printable cards: ?layout=a4 (3 × 10 a page) or 58mm (thermal roll), each with code, price, limits and a QR login link",
               [&app](Request& request) -> RouteResult {
                   const std::string layout = request.query_value("layout", "a4");
                   if (layout != "a4" && layout != "58mm") return validation_error({{"layout", messages::kSheetLayout}});
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       pdf::VoucherSheet sheet;
                       sheet.batch = TRY(services::get_voucher_batch(context.db, request.id_param()));
                       sheet.vouchers = TRY(services::list_batch_vouchers(context.db, sheet.batch.id));
                       sheet.company = TRY(services::get_setting(context.db, "company_name"));
                       sheet.login_url = TRY(services::get_setting(context.db, "hotspot_login_url"));
                       std::string document =
                           TRY(pdf::render_voucher_sheet_pdf(sheet, layout == "a4" ? pdf::SheetLayout::A4 : pdf::SheetLayout::Thermal58));
                       Response response = bytes(std::move(document), "application/pdf");
                       response.headers["Content-Disposition"] =
                           "inline; filename=\"voucher-" + std::to_string(sheet.batch.id) + "-" + layout + ".pdf\"";
                       return response;
                   });
               });
}

void register_reseller_routes(Router& router, app::App& app) {
    router.add("GET", "/api/resellers", "vouchers.read", "Resellers with their balance and commission", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult { return many(services::list_resellers(context.db)); });
    });
    router.add("POST", "/api/resellers", "vouchers.sell",
               "Create a reseller {name, phone?, commission_type: percent (basis points) | fixed (rupiah per voucher), commission_value}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult { return one(services::create_reseller(context, body), 201); });
               });
    router.add("PUT", "/api/resellers/{id}", "vouchers.sell", "Update a reseller (the balance moves only by top-ups and sales)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return one(services::update_reseller(context, request.id_param(), body));
                   });
               });
    router.add("POST", "/api/resellers/{id}/top-up", "vouchers.sell",
               "Add to a reseller's balance {amount, note?, idempotency_key?} (or the Idempotency-Key header, per user), with a ledger "
               "row; the same key again answers the first top-up (repeated: true), on another top-up 409",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(keyed_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto top_up = TRY(services::top_up_reseller(context, request.id_param(), body));
                       return json_ok({{"data", api::to_json(top_up.reseller)}, {"repeated", top_up.repeated}});
                   });
               });
    router.add("POST", "/api/voucher-sales", "vouchers.sell",
               "Sell vouchers to a reseller {reseller_id, batch_id, count}: the net price leaves the balance (never below zero); an "
               "Idempotency-Key header (or idempotency_key) makes a repeat answer 200 with the first sale (repeated: true)",
               [&app](Request& request) -> RouteResult {
                   auto body = TRY(json_body(request));
                   if (const std::string key = request.header("idempotency-key"); !key.empty() && body.is_object()) {
                       if (body.contains("idempotency_key") && body["idempotency_key"] != key)
                           return validation_error({{"idempotency_key", messages::kIdempotencyKeyTwice}});
                       body["idempotency_key"] = key;
                   }
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto sale = TRY(services::sell_vouchers(context, body));
                       return json_ok({{"data", api::to_json(sale)}}, sale.repeated ? 200 : 201);
                   });
               });
    router.add("GET", "/api/voucher-sales/report", "vouchers.read",
               "Sales by reseller and day ?from=YYYY-MM-DD&to=YYYY-MM-DD&reseller_id=&format=csv (default this month, JSON)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const std::int64_t reseller = std::atoll(request.query_value("reseller_id", "0").c_str());
                       const auto report =
                           TRY(services::reseller_sales_report(context, request.query_value("from"), request.query_value("to"), reseller));
                       if (request.query_value("format") == "csv")
                           return bytes(services::sales_report_csv(report), "text/csv; charset=utf-8",
                                        "penjualan-voucher-" + report.from + "-" + report.to + ".csv");
                       api::Json rows = api::Json::array();
                       for (const auto& day : report.days) rows.push_back(api::to_json(day));
                       return json_list(std::move(rows), static_cast<std::int64_t>(report.days.size()), {{"from", report.from}, {"to", report.to}});
                   });
               });
}

}  // namespace

void register_voucher_routes(Router& router, app::App& app) {
    register_profile_and_batch_routes(router, app);
    register_reseller_routes(router, app);
}

}  // namespace kimonet::http
