// Trouble tickets (issue 21, docs/tickets.md): the staff's list and actions, the customer's own
// tickets in the portal, and the landing page's public report by service number. Photos are
// attachments (services/attachments.hpp), served only through a ticket the caller may see.
#include "api/public_shapes.hpp"
#include "core/ticket_messages.hpp"
#include "customers/customer.hpp"
#include "customers/typed_lookup.hpp"
#include "http/public_limit.hpp"
#include "http/routes.hpp"
#include "services/attachments.hpp"
#include "services/settings.hpp"
#include "services/ticket_notices.hpp"
#include "services/tickets.hpp"
#include "store/customer_store.hpp"
#include "tickets/ticket_rules.hpp"

namespace kimonet::http {

namespace {

constexpr std::size_t kMaxTicketBody = 16u << 10;

// The portal's routes see as the customer behind the token, whatever permissions a role was given;
// the staff routes see everything (their permission is tickets.read, which no customer holds).
services::TicketViewer viewer_of(const Request& request, bool portal) {
    services::TicketViewer viewer;
    if (portal) viewer.customer_id = request.who().kind == Principal::Kind::Customer ? request.who().id : 0;
    return viewer;
}

// The photo's bytes as they were stored, under a name of ours.
Response photo_response(services::AttachmentFile file, std::int64_t ticket_id) {
    const std::string extension = file.row.content_type == "image/png" ? "png" : file.row.content_type == "image/webp" ? "webp" : "jpg";
    Response response = bytes(std::move(file.bytes), file.row.content_type);
    response.headers["Content-Disposition"] =
        "inline; filename=\"" + tickets::ticket_number(ticket_id) + "-" + std::to_string(file.row.id) + "." + extension + "\"";
    response.headers["Cache-Control"] = "private, no-store";
    return response;
}

// The routes a staff user and a customer share, under `prefix` ("/api/tickets", "/api/portal/tickets").
void register_ticket_item_routes(Router& router, app::App& app, const std::string& prefix, const std::string& read, const std::string& update,
                                 bool portal) {
    router.add("GET", prefix + "/{id}", read, "One ticket with its comments (a customer: public ones only) and photos",
               [&app, portal](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::ticket_detail_json(context.db, request.id_param(), viewer_of(request, portal), context.now));
                   });
               });
    router.add("POST", prefix + "/{id}/comments", update, "Comment on a ticket {body, internal? (staff only)}; 201 {id}",
               [&app, portal](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const std::int64_t id = TRY(services::add_ticket_comment(context, request.id_param(), viewer_of(request, portal), body));
                       return json_ok({{"data", {{"id", id}}}}, 201);
                   });
               });
    Route upload{"POST", prefix + "/{id}/photos", Access::Permission, update,
                 "Add a photo to an open ticket: body = the JPEG, PNG or WebP file's bytes (type read from the bytes; at most "
                 "attachments_max_kb, attachments_per_owner per ticket); 201 {id, content_type, size_bytes, sha256, ...}",
                 [&app, portal](Request& request) -> RouteResult {
                     return with_context(app, request, [&](app::Context& context) -> RouteResult {
                         const auto photo = TRY(services::add_ticket_photo(context, services::attachments_directory(app.config()), request.id_param(),
                                                                           viewer_of(request, portal), request.body));
                         return json_ok({{"data", services::attachment_json(photo)}}, 201);
                     });
                 }};
    upload.max_body = services::kAttachmentUploadMaxBody;
    router.add(std::move(upload));
    router.add("GET", prefix + "/{id}/photos/{photo_id}", read, "A ticket's photo (its image bytes, for those who may see the ticket)",
               [&app, portal](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto ticket = TRY(services::viewable_ticket(context.db, request.id_param(), viewer_of(request, portal)));
                       auto file = TRY(services::read_attachment(context.db, services::attachments_directory(app.config()),
                                                                 services::AttachmentOwner{"ticket", ticket.id}, request.id_param("photo_id")));
                       return photo_response(std::move(file), ticket.id);
                   });
               });
}

void register_staff_ticket_routes(Router& router, app::App& app) {
    router.add("GET", "/api/tickets", "tickets.read",
               "Tickets (status=open|assigned|in_progress|closed|active, category, priority, assignee=<user id>|none, breach=1, customer_id, "
               "page, per_page), not closed first by their resolution target, each with its SLA state",
               [&app](Request& request) -> RouteResult {
                   const auto paging = TRY(pagination(request));  // a pair, not a structured binding: clang 14 cannot capture one
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto filter = TRY(services::ticket_filter_from_query(request.query, context.now));
                       filter.page = paging.first;
                       filter.per_page = paging.second;
                       return json_ok(TRY(services::list_tickets_json(context.db, filter, services::TicketViewer{}, context.now)));
                   });
               });
    router.add(Route{"POST", "/api/tickets", Access::Permission, "tickets.update",
                     "Open a ticket for a customer {customer_id, category, priority?, subject?, message, idempotency_key?} (or the "
                     "Idempotency-Key header, per user); 201 the ticket, 200 the same ticket for a repeated key, 409 for the key on another report",
                     [&app](Request& request) -> RouteResult {
                         const auto body = TRY(keyed_body(request));
                         auto ticket_request = TRY(services::ticket_request_from_json(body, true));
                         // Keys are per user, as payments' are: another user's key neither answers with their ticket nor stops this one.
                         if (!ticket_request.idempotency_key.empty())
                             ticket_request.idempotency_key = "staff:" + std::to_string(request.who().id) + ":" + ticket_request.idempotency_key;
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             const auto opened = TRY(services::open_ticket(context, ticket_request));
                             return json_data(services::ticket_detail_json(context.db, opened.ticket_id, services::TicketViewer{}, context.now),
                                            opened.created ? 201 : 200);
                         });
                     },
                     kMaxTicketBody});
    router.add("GET", "/api/ticket-assignees", "tickets.assign", "Staff users a ticket may be given to (active, with tickets.update)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::ticket_assignees_json(context.db));
                   });
               });
    router.add("PUT", "/api/tickets/{id}", "tickets.update", "Change a ticket's category, priority (moves its SLA targets) or status (in_progress)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       TRY_VOID(services::update_ticket(context, request.id_param(), body));
                       return json_data(services::ticket_detail_json(context.db, request.id_param(), services::TicketViewer{}, context.now));
                   });
               });
    router.add("POST", "/api/tickets/{id}/assign", "tickets.assign", "Give a ticket to a staff user {user_id}; the customer is told on WhatsApp",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   api::FieldReader reader(body);
                   std::int64_t user_id = 0;
                   reader.read("user_id", user_id);
                   if (reader.ok() && user_id <= 0) reader.add_error("user_id", messages::kRequired);
                   if (!reader.ok()) return validation_error(reader.errors());
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       TRY_VOID(services::assign_ticket(context, request.id_param(), user_id));
                       return json_data(services::ticket_detail_json(context.db, request.id_param(), services::TicketViewer{}, context.now));
                   });
               });
    router.add("POST", "/api/tickets/{id}/close", "tickets.close", "Close a ticket {cause, note?}; the customer is told on WhatsApp",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   api::FieldReader reader(body);
                   std::string cause, note;
                   reader.read("cause", cause);
                   reader.read("note", note);
                   if (!reader.ok()) return validation_error(reader.errors());
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       TRY_VOID(services::close_ticket(context, request.id_param(), cause, note));
                       return json_data(services::ticket_detail_json(context.db, request.id_param(), services::TicketViewer{}, context.now));
                   });
               });
    register_ticket_item_routes(router, app, "/api/tickets", "tickets.read", "tickets.update", false);
}

void register_portal_ticket_routes(Router& router, app::App& app) {
    router.add("GET", "/api/portal/tickets", "portal.self", "My tickets, newest first, with their SLA state (page, per_page)",
               [&app](Request& request) -> RouteResult {
                   const auto paging = TRY(pagination(request));  // a pair, not a structured binding: clang 14 cannot capture one
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       store::TicketFilter filter;
                       filter.now = context.now;
                       filter.page = paging.first;
                       filter.per_page = paging.second;
                       return json_ok(TRY(services::list_tickets_json(context.db, filter, viewer_of(request, true), context.now)));
                   });
               });
    router.add(Route{"POST", "/api/portal/tickets", Access::Permission, "portal.self",
                     "Report a problem {category, subject?, message, idempotency_key?} (or the Idempotency-Key header); 201 the "
                     "ticket, 200 the same ticket for a repeated key; 409 while 3 tickets are open or for the key on another report",
                     [&app](Request& request) -> RouteResult {
                         const auto body = TRY(keyed_body(request));
                         auto ticket_request = TRY(services::ticket_request_from_json(body, false));
                         ticket_request.customer_id = *viewer_of(request, true).customer_id;
                         if (!ticket_request.idempotency_key.empty())
                             ticket_request.idempotency_key = "portal:" + std::to_string(request.who().id) + ":" + ticket_request.idempotency_key;
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             const auto opened = TRY(services::open_ticket(context, ticket_request));
                             return json_data(services::ticket_detail_json(context.db, opened.ticket_id, viewer_of(request, true), context.now),
                                            opened.created ? 201 : 200);
                         });
                     },
                     kMaxTicketBody});
    register_ticket_item_routes(router, app, "/api/portal/tickets", "portal.self", "portal.self", true);
}

// The landing page's "lapor gangguan" by service number. The answer is the same whether the number
// exists or not (the ticket, if any, is told to the customer's registered WhatsApp, never to the
// visitor); limited per source address only, so nobody can use up someone else's reports.
void register_public_ticket_routes(Router& router, app::App& app) {
    auto limiter = std::make_shared<RateLimiter>();
    router.add(Route{"POST", "/api/trouble-reports", Access::Public, "",
                     "Public trouble report {nomor_layanan, category?, message}: always 202 with the same message for a well-formed "
                     "report (rate limited per IP: ticket_report_rate_per_minute)",
                     [&app, limiter](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             const int per_minute = static_cast<int>(TRY(services::get_setting_int(context.db, "ticket_report_rate_per_minute")));
                             if (auto refused = refuse_when_limited(*limiter, "trouble", request, context, std::max(per_minute, 1),
                                                                    messages::kTooManyTicketReports))
                                 return *refused;
                             const api::Json body = TRY(json_body(request));
                             api::FieldReader reader(body);
                             std::string number, category = "no_connection", message;
                             for (const auto& [key, value] : body.items())
                                 if (key != api::kPublicServiceNumberKey && key != "category" && key != "message") reader.add_error(key, messages::kUnknownField);
                             reader.read(api::kPublicServiceNumberKey, number);
                             reader.read("category", category);
                             reader.read("message", message);
                             if (reader.ok() && (number.empty() || number.size() > 32)) reader.add_error(api::kPublicServiceNumberKey, messages::kRequired);
                             if (reader.ok() && !tickets::is_category(category)) reader.add_error("category", messages::kTicketCategoryChoice);
                             if (!reader.ok()) return validation_error(reader.errors());
                             // The message is judged before the number is looked up, alike for known and unknown numbers.
                             if (auto problem = services::ticket_text_problem(message, tickets::kMaxDescriptionLength, true))
                                 return validation_error({{"message", *problem}});
                             const auto customer = TRY(store::find_customer_by_service_number(context.db, customers::service_number_from_typed(number)));
                             if (customer && customer->status != CustomerStatus::Terminated) {
                                 services::TicketOpenRequest report;
                                 report.customer_id = customer->id;
                                 report.channel = "landing";
                                 report.category = category;
                                 report.message = message;
                                 TRY(services::open_ticket(context, report));
                             }
                             return json_ok({{"data", {{"message", messages::kTicketReportAccepted}}}}, 202);
                         });
                     },
                     kMaxTicketBody});
}

}  // namespace

void register_ticket_routes(Router& router, app::App& app) {
    register_staff_ticket_routes(router, app);
    register_portal_ticket_routes(router, app);
    register_public_ticket_routes(router, app);
}

}  // namespace kimonet::http
