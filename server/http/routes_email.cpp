// Email and "send this invoice" (issue 22, docs/email.md): staff send any invoice (invoices.send), a
// customer sends their own invoice to their own address or number from the portal (the relay
// bounds and the log are in services/invoice_send.cpp); a customer's channel preference, set by
// staff on the customer form or by the customer in the portal profile.
#include "http/routes.hpp"
#include "services/email_notices.hpp"
#include "services/invoice_send.hpp"
#include "store/email_store.hpp"

namespace kimonet::http {

namespace {

RouteResult invoice_send_route(app::App& app, Request& request, std::optional<std::int64_t> owner) {
    const auto body = TRY(json_body(request));
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        return json_data(services::send_invoice(context, request.id_param(), body, owner, app.config().public_base_url), 201);
    });
}

RouteResult channel_preference_route(app::App& app, Request& request, std::int64_t customer_id, bool change) {
    api::Json body = api::Json::object();
    if (change) body = TRY(json_body(request));
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        if (change) {
            std::string preference;
            api::FieldReader reader(body);
            reader.read("channel_preference", preference);
            if (!reader.ok()) return validation_error(std::move(reader.errors()));
            TRY_VOID(services::set_channel_preference(context, customer_id, preference));
        }
        const auto contact = TRY(store::find_customer_contact(context.db, customer_id));
        if (!contact) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
        const auto channels = services::notice_channels(contact->channel_preference, contact->phone, contact->email);
        return json_ok({{"data",
                         {{"channel_preference", contact->channel_preference},
                          {"email", contact->email},
                          {"effective", {{"whatsapp", channels.whatsapp}, {"email", channels.email}}}}}});
    });
}

RouteResult invoice_send_log_route(app::App& app, Request& request, std::optional<std::int64_t> owner) {
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        return json_data(services::invoice_send_log(context, request.id_param(), owner));
    });
}

}  // namespace

void register_email_routes(Router& router, app::App& app) {
    Route send{"POST", "/api/invoices/{id}/send", Access::Permission, "invoices.send",
               "Send this invoice by WhatsApp or email ({channel, to?, idempotency_key})",
               [&app](Request& request) { return invoice_send_route(app, request, std::nullopt); }};
    send.max_body = 4096;
    router.add(std::move(send));
    router.add("GET", "/api/invoices/{id}/sends", "invoices.read", "Who sent this invoice, when, how and to whom",
               [&app](Request& request) { return invoice_send_log_route(app, request, std::nullopt); });
    Route portal{"POST", "/api/portal/invoices/{id}/send", Access::Permission, "portal.self",
                 "Send one of my invoices to my own email or WhatsApp ({channel, idempotency_key})",
                 [&app](Request& request) { return invoice_send_route(app, request, request.who().id); }};
    portal.max_body = 4096;
    router.add(std::move(portal));
    router.add("GET", "/api/customers/{id}/channel", "customers.read", "The customer's notice channels (preference and what it means now)",
               [&app](Request& request) { return channel_preference_route(app, request, request.id_param(), false); });
    router.add("PUT", "/api/customers/{id}/channel", "customers.update",
               "Set the customer's channel preference ({channel_preference: \"\"|whatsapp|email|both})",
               [&app](Request& request) { return channel_preference_route(app, request, request.id_param(), true); });
    router.add("GET", "/api/portal/channel", "portal.self", "My notice channels",
               [&app](Request& request) { return channel_preference_route(app, request, request.who().id, false); });
    router.add("PUT", "/api/portal/channel", "portal.self", "Choose how my invoices and receipts reach me ({channel_preference})",
               [&app](Request& request) { return channel_preference_route(app, request, request.who().id, true); });
}

}  // namespace kimonet::http
