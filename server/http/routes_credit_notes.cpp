// Credit notes (nota kredit) and refunds (pengembalian dana), issue 20: creating them
// (credit_notes.create, refunds.create), reading them (invoices.read; refunds, being payment data,
// payments.read), the credit note PDF, and the portal's PDF of the customer's own credit note.
// The rules are in services/credit_note_service.hpp; docs/credit-notes.md.
#include "api/billing_dto.hpp"
#include "api/credit_note_dto.hpp"
#include "core/validation_messages.hpp"
#include "http/routes.hpp"
#include "pdf/credit_note_pdf.hpp"
#include "services/credit_note_service.hpp"
#include "services/staff_names.hpp"
#include "store/credit_note_store.hpp"

namespace kimonet::http {

namespace {

Result<store::CreditNoteFilter> credit_note_filter(const Request& request) {
    store::CreditNoteFilter filter;
    auto [page, per_page] = TRY(pagination(request, 50));
    filter.page = page;
    filter.per_page = per_page;
    FieldErrors fields;
    for (const char* name : {"invoice_id", "customer_id"}) {
        const std::string text = request.query_value(name);
        if (text.empty()) continue;
        char* end = nullptr;
        const long long value = std::strtoll(text.c_str(), &end, 10);
        if (*end != '\0' || value <= 0) fields[name] = messages::kInvalidId;
        else (std::string_view(name) == "invoice_id" ? filter.invoice_id : filter.customer_id) = value;
    }
    for (const char* name : {"from", "to"}) {
        const std::string text = request.query_value(name);
        if (text.empty()) continue;
        auto date = parse_date(text);
        if (!date) fields[name] = messages::kDate;
        else (std::string_view(name) == "from" ? filter.from : filter.to) = *date;
    }
    if (filter.from && filter.to && *filter.to < *filter.from) fields["from"] = messages::kFromBeforeTo;
    if (!fields.empty()) return validation_error(std::move(fields));
    return filter;
}

RouteResult credit_note_pdf(app::App& app, Request& request, std::optional<std::int64_t> owner) {
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        auto note = TRY(services::get_credit_note(context.db, request.id_param(), owner));
        // Its customer reads who made it by name, never by login name (as on their tickets).
        if (owner) note.created_by = services::staff_name_for_customers(TRY(store::credit_note_maker_full_name(context.db, note.id)));
        std::string document = TRY(pdf::render_credit_note_pdf(context.db, note, context.offset));
        Response response = bytes(std::move(document), "application/pdf");
        std::string filename = note.credit_note_no;
        for (char& c : filename)
            if (c == '/') c = '-';
        response.headers["Content-Disposition"] = "inline; filename=\"" + filename + ".pdf\"";
        return response;
    });
}

}  // namespace

void register_credit_note_routes(Router& router, app::App& app) {
    router.add("POST", "/api/invoices/{id}/credit-notes", "credit_notes.create",
               "Issue a credit note (nota kredit) on the invoice {full: true | amount | lines: [positions], reason}: its own number "
               "series, the invoice's PPN in proportion; it lowers what the invoice asks for and the rest becomes customer credit. "
               "At most what was billed minus earlier credit notes (422). An Idempotency-Key header (or idempotency_key) makes a "
               "repeat answer 200 with the first note (repeated: true)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(keyed_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto outcome = TRY(services::create_credit_note(context, request.id_param(), body));
                       api::Json data = api::to_json(outcome.note, context.offset);
                       data["invoice"] = api::to_json(outcome.invoice, context.today());
                       data["credit_balance"] = outcome.credit_balance;
                       data["restore_requested"] = outcome.restore_requested;
                       data["repeated"] = outcome.repeated;
                       return json_ok({{"data", std::move(data)}}, outcome.repeated ? 200 : 201);
                   });
               });
    router.add("GET", "/api/credit-notes", "invoices.read",
               "Credit notes, newest first, with the count and the sums of amount and tax of all that match "
               "?invoice_id&customer_id&from&to (issue dates YYYY-MM-DD)&page&per_page",
               [&app](Request& request) -> RouteResult {
                   const auto filter = TRY(credit_note_filter(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto page = TRY(services::search_credit_notes(context.db, filter));
                       api::Json rows = api::Json::array();
                       for (const auto& note : page.rows) rows.push_back(api::to_json(note, context.offset));
                       return json_list(std::move(rows), page.total,
                                        {{"page", filter.page}, {"per_page", filter.per_page}, {"amount", page.amount}, {"tax", page.tax}});
                   });
               });
    router.add("GET", "/api/credit-notes/{id}", "invoices.read", "One credit note", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            // Not TRY inside the braces: an error return there would skip the keys already built (leak).
            const auto note = TRY(services::get_credit_note(context.db, request.id_param()));
            return json_ok({{"data", api::to_json(note, context.offset)}});
        });
    });
    router.add("GET", "/api/credit-notes/{id}/pdf", "invoices.read", "The credit note as PDF",
               [&app](Request& request) { return credit_note_pdf(app, request, std::nullopt); });
    router.add("GET", "/api/portal/credit-notes/{id}/pdf", "portal.self", "One of my credit notes as PDF",
               [&app](Request& request) { return credit_note_pdf(app, request, request.who().id); });

    router.add("POST", "/api/customers/{id}/refunds", "refunds.create",
               "Refund customer credit {amount, method: cash|bank_transfer, reference (required for a transfer), reason}: never more "
               "than the credit balance (422); an Idempotency-Key header (or idempotency_key) makes a repeat answer 200 (repeated: true)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(keyed_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto outcome = TRY(services::create_refund(context, request.id_param(), body));
                       api::Json data = api::to_json(outcome.refund, context.offset);
                       data["credit_balance"] = outcome.credit_balance;
                       data["repeated"] = outcome.repeated;
                       return json_ok({{"data", std::move(data)}}, outcome.repeated ? 200 : 201);
                   });
               });
    router.add("GET", "/api/customers/{id}/refunds", "payments.read", "The customer's credit balance and refunds, newest first",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto out = TRY(services::customer_refunds(context.db, request.id_param()));
                       api::Json rows = api::Json::array();
                       for (const auto& refund : out.refunds) rows.push_back(api::to_json(refund, context.offset));
                       return json_ok({{"data", {{"credit_balance", out.credit_balance}, {"refunds", std::move(rows)}}}});
                   });
               });
}

}  // namespace kimonet::http
