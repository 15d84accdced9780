// The landing page's API. Public (no login, CORS for allowlisted origins): the package list, the
// network status and the registration form (rate limited per IP, honeypot). Staff: leads (list,
// convert into a customer, reject), incidents for the network status, and a router probe now.
#include <algorithm>
#include <memory>

#include "http/portal_password_permission.hpp"
#include "http/public_limit.hpp"
#include "http/routes.hpp"
#include "services/lead_service.hpp"
#include "services/network_status.hpp"
#include "services/package_service.hpp"
#include "services/settings.hpp"

namespace kimonet::http {

namespace {

constexpr std::size_t kMaxRegistrationBody = 8 * 1024;

// What the public may know about a package: no MikroTik profile, no internal ids beyond the one
// the registration form sends back.
api::Json public_package(const Package& package) {
    const std::string download = format_speed(package.download_kbps);
    const std::string upload = format_speed(package.upload_kbps);
    return {{"id", package.id},
            {"name", package.name},
            {"download_kbps", package.download_kbps},
            {"upload_kbps", package.upload_kbps},
            {"speed", download},
            {"price", package.price},
            {"price_text", format_rupiah(package.price)},
            {"description", "Unduh " + download + ", unggah " + upload + ", tanpa batas kuota"}};
}

// A token for this IP, or the 429 answer (with Retry-After) when the source registered too often.
Result<std::optional<Response>> limit_registrations(RateLimiter& limiter, app::Context& context, const Request& request) {
    const int per_minute = static_cast<int>(TRY(services::get_setting_int(context.db, "register_rate_per_minute")));
    return refuse_when_limited(limiter, "register", request, context, std::max(per_minute, 1), messages::kTooManyRegistrations);
}

}  // namespace

void register_landing_routes(Router& router, app::App& app) {
    auto limiter = std::make_shared<RateLimiter>();

    router.add(Route{"GET", "/api/packages/public", Access::Public, "", "Active packages for the landing page: id, name, speed, price, description",
                     [&app](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             api::Json data = api::Json::array();
                             for (const auto& package : TRY(services::list_packages(context.db, true))) data.push_back(public_package(package));
                             return json_ok({{"data", std::move(data)}});
                         });
                     }});
    router.add(Route{"GET", "/api/network-status", Access::Public, "",
                     "Routers up/down as last seen by the server, and open incidents (overall: normal | gangguan)",
                     [&app](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             return json_data(services::public_network_status(context.db, context.offset));
                         });
                     }});
    router.add(Route{"GET", "/api/register", Access::Public, "",
                     "What the registration form asks: {email_required} (the register_email_required setting; name and WhatsApp number always)",
                     [&app](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             const bool email_required = TRY(services::get_setting(context.db, "register_email_required")) == "1";
                             return json_ok({{"data", {{"email_required", email_required}}}});
                         });
                     }});
    router.add(Route{"POST", "/api/register", Access::Public, "",
                     "Landing page registration {name, phone, email?, address, package_id, latitude?, longitude?, notes?} → lead (email required when register_email_required is 1; rate limited per IP)",
                     [&app, limiter](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             if (auto refused = TRY(limit_registrations(*limiter, context, request))) return *refused;
                             const api::Json body = TRY(json_body(request));
                             // The same answer whether this number had applied before or not: the registration
                             // number goes only to the number's WhatsApp (its owner), never to the visitor.
                             TRY_VOID(services::register_lead(context, body));
                             return json_ok({{"data", {{"message", "Pendaftaran diterima. Kami akan menghubungi Anda melalui WhatsApp."}}}}, 201);
                         });
                     },
                     kMaxRegistrationBody});

    router.add("GET", "/api/leads", "customers.read", "Registrations from the landing page (status=new|converted|rejected, page, per_page)",
               [&app](Request& request) -> RouteResult {
                   const auto [page, per_page] = TRY(pagination(request));
                   services::LeadQuery query{request.query_value("status"), page, per_page};
                   if (!query.status.empty() && query.status != "new" && query.status != "converted" && query.status != "rejected")
                       return validation_error({{"status", messages::kLeadStatusChoice}});
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto leads = TRY(services::list_leads(context.db, query));
                       return json_list(std::move(leads.rows), leads.total);
                   });
               });
    router.add("GET", "/api/leads/{id}", "customers.read", "One registration", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::get_lead(context.db, request.id_param()));
        });
    });
    router.add("POST", "/api/leads/{id}/convert", "customers.create",
               "Create a customer from a registration (optional overrides: router_id, pppoe_username, due_day, …) and mark it converted",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(optional_body(request));
                   TRY_VOID(check_portal_password_permission(request, body));  // as POST /api/customers
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::convert_lead(context, request.id_param(), body), 201);
                   });
               });
    router.add("POST", "/api/leads/{id}/reject", "customers.create", "Reject a registration {\"reason\"}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(optional_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::reject_lead(context, request.id_param(), body));
                   });
               });

    router.add("GET", "/api/incidents", "network.read", "Network incidents (open only unless all=1)", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            auto rows = TRY(services::list_incidents(context.db, context.offset, request.query_value("all") == "1"));
            const auto total = static_cast<std::int64_t>(rows.size());
            return json_list(std::move(rows), total);
        });
    });
    router.add("POST", "/api/incidents", "network.control",
               "Post an incident for the public network status {message, router_id?, expected_recovery_at? (unix or \"YYYY-MM-DD HH:MM\")}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::create_incident(context, body), 201);
                   });
               });
    router.add("PUT", "/api/incidents/{id}", "network.control", "Change an incident or resolve it {\"resolved\": true}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::update_incident(context, request.id_param(), body));
                   });
               });
    router.add("POST", "/api/network/probe", "network.control", "Check every router's reachability now (the network status uses it)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const int reachable = TRY(services::probe_routers(context));
                       api::Json status = TRY(services::public_network_status(context.db, context.offset));
                       return json_ok({{"data", {{"reachable", reachable}, {"status", std::move(status)}}}});
                   });
               });
}

}  // namespace kimonet::http
