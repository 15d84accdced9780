// Online payments over HTTP. Public (no login): payment methods, the bill check and pay API, the
// server-rendered bill page, its status poll and the gateways' callbacks. Staff: reconciliation.
// The bill check and pay are rate limited per client IP (billing_check_rate_per_minute).
#include <cctype>
#include <cstdio>
#include <memory>
#include <optional>
#include <random>

#include "api/json_fields.hpp"
#include "api/json_top_strings.hpp"
#include "api/public_shapes.hpp"
#include "auth/two_factor.hpp"
#include "core/date_time_text.hpp"
#include "core/text.hpp"
#include "customers/typed_lookup.hpp"
#include "network/peer_replies.hpp"
#include "payments/gateway_rules.hpp"
#include "http/bill_check_cache.hpp"
#include "http/customer_address.hpp"
#include "http/kept_setting.hpp"
#include "http/prepared_answers.hpp"
#include "http/public_billing_page.hpp"
#include "services/company_logo.hpp"
#include "http/public_limit.hpp"
#include "http/qr_svg.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"
#include "services/callback_inbox.hpp"
#include "services/gateway_payments.hpp"
#include "services/settings.hpp"
#include "store/dunning_store.hpp"
#include "store/gateway_store.hpp"
#include "store/payment_lookups.hpp"

namespace kimonet::http {

namespace {

constexpr std::size_t kMaxCallbackBody = 64 * 1024;
constexpr std::size_t kMaxPublicBody = 4 * 1024;
constexpr const char* kBillCheckPath = "/billing/check";
// Looking up an order id (the bill page's poll, the way back from a gateway): one per-source
// bucket for both, 4× billing_check_rate_per_minute, as the bill page (a page polls every 4 s).
constexpr const char* kOrderStatusBucket = "order-status";

std::string server_base_url(const app::App& app) {
    if (!app.config().public_base_url.empty()) return app.config().public_base_url;
    return "http://" + app.config().bind + ":" + std::to_string(app.config().port);
}

// Takes a token for this IP from `bucket`; the 429 answer (with Retry-After) when there is none.
// The setting is read through `cache` (kept until anything commits, see bill_check_cache.hpp).
Result<std::optional<Response>> limit(RateLimiter& limiter, BillCheckCache& cache, app::Context& context, const Request& request,
                                      const std::string& bucket, int multiplier = 1, bool as_html = false) {
    const std::int64_t setting = TRY(cache.setting([&] { return services::get_setting_int(context.db, "billing_check_rate_per_minute"); }));
    const int per_minute = static_cast<int>(setting) * multiplier;
    // 0 = no limit (documented; the default is 30)
    return refuse_when_limited(limiter, bucket, request, context, per_minute, messages::kTooManyRequests, as_html);
}

// What a gateway answered when a charge failed (curl's text naming hosts and ports, the gateway's
// own message, "API key rejected") is for the operator, not for whoever pressed "Bayar": the payer
// gets the code's own message with a reference, the detail goes to the server log under it. Our
// own refusals (a field, the open-charge limit, a paid invoice) are the payer's and pass unchanged.
Error for_the_payer(Error error) {
    const bool from_the_gateway = error.code == ErrorCode::BadGateway || (error.code == ErrorCode::ValidationFailed && error.fields.empty());
    if (!from_the_gateway) return error;
    thread_local std::mt19937_64 generator{std::random_device{}()};
    char reference[17];
    std::snprintf(reference, sizeof reference, "%016llx", static_cast<unsigned long long>(generator()));
    std::fprintf(stderr, "gateway error %s: %s\n", reference, network::terminal_line(error.message()).c_str());
    return make_error(error.code, messages::with_detail(messages::kBadGateway, reference));
}

// A request's context whose pooled connection is taken on first use, and returned with it.
class ContextOnDemand {
public:
    ContextOnDemand(app::App& app, const Request& request) : m_app(app), m_request(request) {}

    Result<app::Context*> get() {
        if (!m_context) {
            m_lease.emplace(TRY(m_app.database()));
            m_context.emplace(m_app.context(**m_lease, m_request));
        }
        return &*m_context;
    }

private:
    app::App& m_app;
    const Request& m_request;
    std::optional<store::ConnectionPool::Lease> m_lease;  // declared before the context that refers to it
    std::optional<app::Context> m_context;
};

Result<std::vector<BillingPageMethod>> page_methods(app::Context& context) {
    std::vector<BillingPageMethod> methods;
    for (const char* gateway : {"flip", "midtrans", "duitku"}) {
        const api::Json offered = TRY(services::offered_payment_methods(context, gateway));
        for (const auto& method : offered)
            methods.push_back({gateway, method["code"].get<std::string>(), method["name"].get<std::string>(), method["fee"].get<long long>(),
                               method["type"].get<std::string>()});
    }
    return methods;
}

Result<api::Json> live_transactions(app::Context& context, const api::Json& bill) {
    api::Json pending = api::Json::object();
    for (const auto& invoice : bill["invoices"]) {
        for (const auto& transaction : TRY(store::list_open_charges(context.db, invoice["invoice_id"].get<std::int64_t>(), context.now, 3))) {
            api::Json row = services::to_json(transaction, context.offset);
            row["expires_text"] = format_moment_indonesian(transaction.expires_at, context.offset);
            pending[std::to_string(transaction.invoice_id)].push_back(std::move(row));
        }
    }
    return pending;
}

// Where the gateways send the customer after paying (GatewayConfig::return_url, /billing) with
// their order id in the query: Duitku's merchantOrderId, Midtrans' order_id. What our records say
// of that payment, as GET /billing/status/{order_id} tells it (the gateway's word in the query,
// resultCode or transaction_status, is anyone's to type); nothing for an unknown order id.
std::string return_order(const Request& request) {
    std::string order = request.query_value("merchantOrderId");
    if (order.empty()) order = request.query_value("order_id");
    return order;
}

Result<std::string> return_message(app::Context& context, const Request& request) {
    const std::string order = return_order(request);
    if (order.empty() || !is_valid_utf8(order)) return std::string();  // no one's order (and no PostgreSQL error)
    const auto found = TRY(store::find_attempt_status(context.db, order));
    if (!found) return std::string();
    if (found->invoice_status == "paid" || found->status == "paid") return std::string("Pembayaran diterima. Terima kasih!");
    return std::string("Pembayaran Anda sedang dikonfirmasi. Tagihan tercatat lunas otomatis dalam beberapa saat setelah pembayaran "
                       "diterima; cek lagi dengan nomor layanan Anda di bawah ini.");
}

RouteResult billing_page(app::App& app, RateLimiter& limiter, BillCheckCache& cache, Request& request, const std::string& service_number) {
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        const std::string company = TRY(services::get_setting(context.db, "company_name"));
        const bool logo = TRY(services::company_logo(context.db)).has_value();
        if (service_number.empty()) {
            // The way back from a gateway names an order: a lookup, from the poll's budget.
            if (!return_order(request).empty())
                if (auto refused = TRY(limit(limiter, cache, context, request, kOrderStatusBucket, 4, true))) return *refused;
            return html(render_billing_page(company, api::Json::object(), {}, api::Json::object(), TRY(return_message(context, request)), logo));
        }
        if (auto refused = TRY(limit(limiter, cache, context, request, "page", 4, true))) return *refused;
        auto bill = services::check_bill(context.db, service_number);
        if (!bill) {
            if (bill.error().code != ErrorCode::NotFound) return bill.error();
            return html(render_billing_page(company, api::Json::object(), {}, api::Json::object(), "Nomor layanan tidak ditemukan.", logo), 404);
        }
        const auto methods = TRY(page_methods(context));
        const api::Json pending = TRY(live_transactions(context, *bill));
        return html(render_billing_page(company, *bill, methods, pending, "", logo, to_string(context.today())));
    });
}

// GET / and HEAD /: the app (the static site), except on a customer address
// ({nomor_layanan}.<billing_base_domain>, see http/customer_address.hpp), which is that customer's
// bill page. What an unknown number gets is exactly what a host outside the base domain gets, and
// every customer-shaped host takes a token of the bill page's per-source limit: over the limit the
// answer is the normal site too, so the Host header is no faster way to test numbers than
// /billing/{nomor_layanan} and no 429 tells a tester anything either.
RouteResult site_root(app::App& app, RateLimiter& limiter, BillCheckCache& cache, KeptSetting& base_domain_setting, KeptSetting& tile_url_setting,
                      Request& request) {
    ContextOnDemand on_demand(app, request);
    const auto normal_site = [&]() -> RouteResult {
        // The page's policy names the operator's tile server (issue 21), kept like the base domain.
        const std::string tile_url = TRY(tile_url_setting.get([&]() -> Result<std::string> {
            return services::get_setting(TRY(on_demand.get())->db, "map_tile_url");
        }));
        if (auto file = serve_static(app.config(), request, app_page_policy(tile_url))) return *file;
        return make_error(ErrorCode::NotFound, messages::with_detail(messages::kNoRoute, request.method + " " + request.path));
    };
    // The settings are kept a few seconds (http/kept_setting.hpp): loading the app asks the database
    // nothing, and takes no pooled connection, while the feature is off.
    const std::string base_domain = TRY(base_domain_setting.get([&]() -> Result<std::string> {
        return services::get_setting(TRY(on_demand.get())->db, "billing_base_domain");
    }));
    if (base_domain.empty()) return normal_site();
    const HostAddress host = customer_host(request.header("host"), base_domain);
    if (host.kind == HostAddress::Kind::Malformed)
        return make_error(ErrorCode::BadRequest, messages::with_detail(messages::kMalformedHeaderLine, "Host"));
    if (host.kind != HostAddress::Kind::Customer) return normal_site();
    app::Context& context = *TRY(on_demand.get());
    if (TRY(limit(limiter, cache, context, request, "page", 4, true))) return normal_site();
    auto bill = services::check_bill(context.db, host.label);
    if (!bill) {
        if (bill.error().code != ErrorCode::NotFound) return bill.error();
        return normal_site();
    }
    const std::string company = TRY(services::get_setting(context.db, "company_name"));
    const bool logo = TRY(services::company_logo(context.db)).has_value();
    const auto methods = TRY(page_methods(context));
    const api::Json pending = TRY(live_transactions(context, *bill));
    return html(render_billing_page(company, *bill, methods, pending, "", logo, to_string(context.today())));
}

// The QRIS string's QR code, encoded once: its modules (size, rows of '0'/'1') for the app to draw
// and the same modules as an inline SVG for the bill page; null and "" without one (or if
// libqrencode cannot encode it: the string is still shown with its copy button).
std::pair<api::Json, std::string> qr_of(const std::string& qr_string) {
    if (qr_string.empty()) return {nullptr, ""};
    auto matrix = auth::qr_matrix(qr_string);
    if (!matrix) return {nullptr, ""};
    std::string svg = qr_svg_of(*matrix, "Kode QRIS");
    return {std::move(matrix).value(), std::move(svg)};
}

// Every enabled gateway's methods, one entry per method: the cheapest gateway for it (the first of
// flip, midtrans, duitku on a tie), as the public bill page lists them.
Result<api::Json> payment_choices(app::Context& context) {
    api::Json out = api::Json::array();
    for (const auto& method : cheapest_per_method(TRY(page_methods(context))))
        out.push_back({{"code", method.code}, {"name", method.name}, {"type", method.type}, {"fee", method.fee}, {"gateway", method.gateway}});
    return out;
}

api::Json pay_answer(const services::GatewayTransaction& transaction, UtcOffset offset) {
    const api::Json full = services::to_json(transaction, offset);
    auto [qr, qr_svg] = qr_of(transaction.qr_string);
    return {{"payment_url", full["payment_url"]}, {"payment_code", full["payment_code"]}, {"transaction_id", full["transaction_id"]},
            {"expires_at", full["expires_at"]},   {"order_id", full["order_id"]},         {"qr_string", full["qr_string"]},
            {"amount", full["amount"]},           {"reused", full["reused"]},         {"qr_svg", std::move(qr_svg)},
            {"qr", std::move(qr)},                {"expires_text", format_moment_indonesian(transaction.expires_at, offset)}};
}

// /billing/pay takes JSON, or the bill page's plain form (invoice_id, choice=gateway:method) when
// JavaScript is off; the form gets a redirect back to the page, which shows the new code.
struct PayInput {
    api::Json body;
    bool from_form = false;
    std::string back_to;  // a form's service number: the page it came from
};

Result<PayInput> pay_input(const Request& request) {
    if (request.header("content-type").starts_with("application/x-www-form-urlencoded")) {
        const auto form = parse_query_string(request.body);
        PayInput input{api::Json::object(), true, {}};
        if (auto found = form.find("invoice_id"); found != form.end()) input.body["invoice_id"] = std::atoll(found->second.c_str());
        if (auto found = form.find("choice"); found != form.end()) {
            const auto colon = found->second.find(':');
            input.body["gateway"] = found->second.substr(0, colon);
            input.body["method"] = colon == std::string::npos ? std::string() : found->second.substr(colon + 1);
        }
        if (auto found = form.find(api::kPublicServiceNumberKey); found != form.end()) input.back_to = found->second;
        return input;
    }
    return PayInput{TRY(json_body(request)), false, {}};
}

}  // namespace

void register_payment_routes(Router& router, app::App& app) {
    auto limiter = std::make_shared<RateLimiter>();
    // A kept answer is kept as the whole response the server writes for it (http/prepared_answers.hpp).
    auto cache = std::make_shared<BillCheckCache>(app.config().db_path, store::commit_counter(app.config().db_path), BillCheckCache::kWindow,
                                                  [&app](const std::string& body) {
                                                      Request plain;
                                                      plain.method = "POST";
                                                      plain.path = kBillCheckPath;
                                                      return keep_alive_answer(app, plain, Response{200, "application/json", body, {}});
                                                  });
    // A kept answer to the check's own body shape with the limit off (as the handler below finds
    // it) goes out as those bytes; anything else runs the handler.
    auto prepared_check = std::make_shared<const PreparedRoute>(PreparedRoute{
        "POST", kBillCheckPath, [cache](const Request& request) -> std::shared_ptr<const std::string> {
            const auto typed = api::plain_string_of(request.body, api::kBillCheckCustomerNumberKey);
            if (!typed) return nullptr;
            auto kept = cache->kept(customers::service_number_from_typed(*typed));
            if (!kept.setting || *kept.setting > 0) return nullptr;  // 0 = no limit; a limit takes a token per request
            return std::move(kept.wire);
        }});
    add_prepared_route(router, prepared_check);
    auto base_domain = std::make_shared<KeptSetting>(app.clock(), store::commit_counter(app.config().db_path));
    auto tile_url = std::make_shared<KeptSetting>(app.clock(), store::commit_counter(app.config().db_path));

    router.add(Route{"GET", "/api/payment-methods", Access::Public, "",
                     "Payment methods a gateway offers (?gateway=flip|midtrans|duitku); without ?gateway every enabled gateway's methods, "
                     "one per method (the cheapest gateway; flip, midtrans, duitku on a tie) with its gateway and fee",
                     [&app](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             const std::string gateway = request.query_value("gateway");
                             if (gateway.empty()) return json_data(payment_choices(context));
                             return json_data(services::offered_payment_methods(context, gateway));
                         });
                     }});
    router.add(Route{"POST", kBillCheckPath, Access::Public, "", "Public bill check {customer_number}: masked name, invoices (rate limited per IP, 429 with Retry-After)",
                     [&app, limiter, cache, prepared_check](Request& request) -> RouteResult {  // owns prepared_check as long as the route lives
                         // A kept answer with the limit off asks the database nothing, so it takes no
                         // connection either (on PostgreSQL a checkout and its return each poll the socket:
                         // bench_billing_check measured 11.1 -> 9.4 us of server CPU per kept answer).
                         ContextOnDemand on_demand(app, request);
                         const std::int64_t setting = TRY(cache->setting([&]() -> Result<std::int64_t> {
                             return services::get_setting_int(TRY(on_demand.get())->db, "billing_check_rate_per_minute");
                         }));
                         if (setting > 0) {
                             // 0 = no limit (documented; the default is 30)
                             if (auto refused = refuse_when_limited(*limiter, "check", request, *TRY(on_demand.get()), static_cast<int>(setting),
                                                                    messages::kTooManyRequests))
                                 return *refused;
                         }
                         // Read without building the JSON tree (the same verdicts as json_body, see json_top_strings.hpp);
                         // the check's own shape {"customer_number":"…"} without even the parser.
                         std::string number;
                         if (const auto plain = api::plain_string_of(request.body, api::kBillCheckCustomerNumberKey)) {
                             number = *plain;
                         } else {
                             const auto fields =
                                 TRY(api::top_level_strings(request.body, {api::kBillCheckCustomerNumberKey, api::kPublicServiceNumberKey}));
                             for (const auto& field : fields)
                                 if (number.empty() && field) number = *field;
                         }
                         number = customers::service_number_from_typed(number);  // one cache entry for cust003 and CUST003
                         // Only found customers' answers are kept; an unknown number asks the database every time.
                         std::string answer = TRY(cache->answer(number, [&]() -> Result<std::string> {
                             return json_ok(TRY(services::check_bill(TRY(on_demand.get())->db, number))).body;
                         }));
                         return Response{200, "application/json", std::move(answer), {}};
                     },
                     kMaxPublicBody});
    router.add(Route{"POST", "/billing/pay", Access::Public, "",
                     "Create (or reuse) a gateway payment {invoice_id, gateway, method} → payment_url, payment_code, transaction_id, expires_at, expires_text",
                     [&app, limiter, cache](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             if (auto refused = TRY(limit(*limiter, *cache, context, request, "pay"))) return *refused;
                             const PayInput input = TRY(pay_input(request));
                             auto created = services::create_gateway_payment(context, input.body, server_base_url(app));
                             if (!created) return for_the_payer(created.error());
                             const auto& transaction = *created;
                             if (input.from_form) {
                                 // Back to the bill page the form came from, when it is this invoice's
                                 // customer's: an invoice id alone never tells whose it is.
                                 const auto service_number = TRY(store::find_service_number(context.db, transaction.customer_id));
                                 const bool same = service_number && !input.back_to.empty() &&
                                                   customers::service_number_from_typed(input.back_to) == *service_number;
                                 // A meta refresh rather than a 303: it works whatever the proxy in front does with headers.
                                 const std::string page = same ? "/billing/" + api::url_encode(*service_number) : "/billing";
                                 return html("<!doctype html><html lang=\"id\"><meta charset=\"utf-8\"><meta name=\"viewport\" "
                                             "content=\"width=device-width,initial-scale=1\"><title>Kembali ke tagihan</title>"
                                             "<meta http-equiv=\"refresh\" content=\"0;url=" + page + "\"><a href=\"" + page +
                                             "\">Lanjutkan ke tagihan</a></html>");
                             }
                             return json_ok(pay_answer(transaction, context.offset), transaction.reused ? 200 : 201);
                         });
                     },
                     kMaxPublicBody});
    // The portal remembers a payment the customer started: reopening "Bayar online" shows the
    // pending VA number or QR with its expiry instead of starting another charge.
    router.add("GET", "/api/portal/payments/pending", "portal.self",
               "My payments still waiting at a gateway (not expired), newest first, with the QR's modules for QRIS",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       api::Json out = api::Json::array();
                       for (const auto& invoice : TRY(store::list_customer_open_invoices(context.db, request.who().id)))
                           for (const auto& transaction : TRY(store::list_open_charges(context.db, invoice.id, context.now, 3))) {
                               api::Json row = pay_answer(transaction, context.offset);
                               row["invoice_id"] = transaction.invoice_id;
                               row["invoice_no"] = invoice.invoice_no;
                               row["method"] = transaction.method;
                               const auto* info = payments::find_method(transaction.method);
                               row["method_name"] = info ? std::string(info->name) : transaction.method;
                               out.push_back(std::move(row));
                           }
                       return json_ok({{"data", std::move(out)}});
                   });
               });
    router.add(Route{"GET", "/billing/status/{order_id}", Access::Public, "", "Status of a payment attempt and its invoice (the bill page polls it; rate limited per IP, 429 with Retry-After)",
                     [&app, limiter, cache](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             if (auto refused = TRY(limit(*limiter, *cache, context, request, kOrderStatusBucket, 4))) return *refused;
                             // Bytes that are no UTF-8 are no order's (PostgreSQL would refuse them in the query: a 500).
                             if (!is_valid_utf8(request.params["order_id"])) return make_error(ErrorCode::NotFound);
                             const auto found = TRY(store::find_attempt_status(context.db, request.params["order_id"]));
                             if (!found) return make_error(ErrorCode::NotFound);
                             return json_ok({{"status", found->status}, {"invoice_status", found->invoice_status}});
                         });
                     }});
    router.add(Route{"GET", "/billing", Access::Public, "", "Public bill page (HTML); ?nomor_layanan=CUST001 shows its invoices",
                     [&app, limiter, cache](Request& request) -> RouteResult {
                         std::string number = request.query_value(api::kPublicServiceNumberKey);
                         if (number.empty()) number = request.query_value("nomor");
                         return billing_page(app, *limiter, *cache, request, number);
                     }});
    // The seed's public link (api/public_shapes.hpp): the path parameter keeps its published name.
    router.add(Route{"GET", "/billing/{nomor_layanan}", Access::Public, "", "Public bill page (HTML) of one customer, with pay buttons",
                     [&app, limiter, cache](Request& request) -> RouteResult {
                         return billing_page(app, *limiter, *cache, request, request.params[api::kPublicServiceNumberKey]);
                     }});
    for (const char* method : {"GET", "HEAD"})
        router.add(Route{method, "/", Access::Public, "",
                         "The browser app; on a customer address ({nomor_layanan}.<billing_base_domain>) that customer's bill page (HTML)",
                         [&app, limiter, cache, base_domain, tile_url](Request& request) -> RouteResult {
                         return site_root(app, *limiter, *cache, *base_domain, *tile_url, request);
                     }});
    router.add(Route{"POST", "/payment/callback/{gateway}", Access::Public, "",
                     "Gateway callbacks (flip: form data+token; midtrans: JSON signature_key; duitku: form signature). Verified and kept "
                     "(outcome \"accepted\"), then confirmed with the gateway's status API and applied once, after the answer; a replay of what "
                     "is recorded: \"duplicate\"/\"ignored\"; 415 for another Content-Type than the gateway's (flip, duitku: form; midtrans: "
                     "JSON), 429 for a source whose rejections are over budget",
                     [&app](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             const std::string gateway = request.params["gateway"];
                             context.actor.type = "system";
                             context.actor.name = "gateway:" + gateway;
                             // Kept (committed) before the answer; confirmed and applied after it (services/callback_inbox.hpp).
                             const auto outcome = TRY(app.callback_inbox().handle(context, gateway, request.header("content-type"), request.body));
                             return json_ok({{"outcome", outcome.outcome}});
                         });
                     },
                     kMaxCallbackBody});
    router.add("GET", "/api/payments/reconciliation", "payments.read", "Reconciliation findings: applied, expired, mismatches (page, per_page)",
               [&app](Request& request) -> RouteResult {
                   const auto paging = TRY(pagination(request));  // named: clang 14 cannot capture structured bindings
                   const int page = paging.first, per_page = paging.second;
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       api::Json list = TRY(services::list_reconciliation(context.db, page, per_page, context.offset));
                       return json_list(list["data"], list["total"].get<std::int64_t>());
                   });
               });
    router.add("GET", "/api/payments/callback-inbox", "payments.read",
               "Gateway callbacks kept and answered, not confirmed and applied yet (oldest first; page, per_page): gateway, order_id, "
               "attempts, received_at, next_attempt_at",
               [&app](Request& request) -> RouteResult {
                   const auto paging = TRY(pagination(request));  // named: clang 14 cannot capture structured bindings
                   const int page = paging.first, per_page = paging.second;
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       api::Json list = TRY(services::list_waiting_callbacks(context.db, page, per_page, context.offset));
                       return json_list(list["data"], list["total"].get<std::int64_t>());
                   });
               });
    router.add("GET", "/api/payments/transactions", "payments.read",
               "Gateway payment attempts, newest first (status=pending|paid|expired|failed|review, page, per_page)",
               [&app](Request& request) -> RouteResult {
                   const auto paging = TRY(pagination(request));  // named: clang 14 cannot capture structured bindings
                   const int page = paging.first, per_page = paging.second;
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       api::Json list = TRY(services::list_gateway_transactions(context.db, request.query_value("status"), page, per_page,
                                                                                context.offset));
                       return json_list(list["data"], list["total"].get<std::int64_t>());
                   });
               });
    router.add("POST", "/api/payments/reconcile", "payments.create", "Run payment reconciliation with the gateways now",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto report = TRY(services::reconcile_payments(context, server_base_url(app)));
                       return json_ok({{"data", report.to_json()}});
                   });
               });
}

}  // namespace kimonet::http
