#include "api/billing_dto.hpp"
#include "core/date_window.hpp"
#include "http/public_limit.hpp"
#include "http/routes.hpp"
#include "pdf/invoice_pdf.hpp"
#include "pdf/receipt_pdf.hpp"
#include "services/invoice_generation.hpp"
#include "services/invoice_pdf_link.hpp"
#include "services/invoice_runs.hpp"
#include "services/credit_note_service.hpp"
#include "services/invoice_service.hpp"
#include "services/payment_service.hpp"
#include "services/payment_void_service.hpp"
#include "services/unique_codes.hpp"
#include "store/payment_store.hpp"

namespace kimonet::http {

namespace {

Result<std::optional<std::int64_t>> id_query(const Request& request, const char* name, FieldErrors& fields) {
    const std::string text = request.query_value(name);
    if (text.empty()) return std::optional<std::int64_t>();
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (*end != '\0' || value <= 0) {
        fields[name] = messages::kInvalidId;
        return std::optional<std::int64_t>();
    }
    return std::optional<std::int64_t>(value);
}

Result<store::InvoiceFilter> invoice_filter(const Request& request, const Date& today) {
    store::InvoiceFilter filter;
    auto [page, per_page] = TRY(pagination(request));
    filter.page = page;
    filter.per_page = per_page;
    filter.today = today;
    FieldErrors fields;
    if (auto text = request.query_value("period"); !text.empty()) {
        auto period = parse_period(text);
        if (!period) fields["period"] = messages::kPeriodFormat;
        else filter.period = *period;
    }
    if (auto text = request.query_value("status"); !text.empty()) {
        filter.status = billing::parse_invoice_status(text);
        if (!filter.status) fields["status"] = messages::kInvoiceStatusChoice;
    }
    filter.customer_id = TRY(id_query(request, "customer_id", fields));
    if (auto text = request.query_value("overdue"); !text.empty()) {
        if (text != "true" && text != "false" && text != "1" && text != "0") fields["overdue"] = messages::kTrueOrFalse;
        filter.overdue_only = text == "true" || text == "1";
    }
    if (!fields.empty()) return validation_error(std::move(fields));
    return filter;
}

// with_payments: payment data is its own permission (a technician reads invoices, not payments),
// as in a customer's history; the invoice's owner sees their own.
api::InvoiceResource detail_resource(const services::InvoiceDetail& detail, const app::Context& context, bool with_payments) {
    api::InvoiceResource resource{detail.invoice, detail.invoice.overdue(context.today()), detail.customer_name, detail.service_number};
    if (with_payments)
        for (const auto& payment : detail.payments) resource.payments.push_back({payment, context.offset});
    return resource;
}

// What a customer is shown of the payments on their own invoice: the receipt, the amount, how, when
// and whether it was voided; never what staff wrote around it (the cashier's login name is half of a
// staff sign-in; notes and void reasons are internal).
void without_staff_words(api::Json& payments) {
    for (api::Json& payment : payments)
        for (const char* key : {"recorded_by", "note", "voided_by", "void_reason"}) payment.erase(key);
}

RouteResult invoice_list(app::App& app, Request& request, std::optional<std::int64_t> owner) {
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        auto filter = TRY(invoice_filter(request, context.today()));
        if (owner) filter.customer_id = *owner;
        auto page = TRY(services::search_invoices(context.db, filter));
        api::Json rows = api::Json::array();
        for (const auto& row : page.rows) {
            api::InvoiceResource listed{row.invoice, row.invoice.overdue(context.today()), row.customer_name, row.service_number};
            listed.detail = false;
            rows.push_back(api::to_json(listed));
        }
        return json_list(std::move(rows), page.total, {{"page", filter.page}, {"per_page", filter.per_page}});
    });
}

RouteResult invoice_detail(app::App& app, Request& request, std::optional<std::int64_t> owner) {
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        auto detail = TRY(services::get_invoice_detail(context.db, request.id_param(), owner));
        api::InvoiceResource resource = detail_resource(detail, context, owner.has_value() || request.who().can("payments.read"));
        resource.unique_code = TRY(services::invoice_unique_code(context.db, detail.invoice.id));  // issue 20
        api::Json data = api::to_json(resource);
        if (owner && data.contains("payments")) without_staff_words(data["payments"]);
        api::add_invoice_credit(data, TRY(services::invoice_credit(context.db, detail.invoice)), context.offset);  // credit notes (issue 20)
        if (owner && data.contains("credit_notes"))
            for (api::Json& note : data["credit_notes"]) note.erase("created_by");  // a staff login name, as without_staff_words
        return json_ok({{"data", std::move(data)}});
    });
}

RouteResult invoice_pdf(app::App& app, Request& request, std::optional<std::int64_t> owner) {
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        auto detail = TRY(services::get_invoice_detail(context.db, request.id_param(), owner));
        std::string document = TRY(pdf::render_invoice_pdf(context.db, detail, app.config().public_base_url, context.today()));
        Response response = bytes(std::move(document), "application/pdf");
        response.headers["Content-Disposition"] = "inline; filename=\"" + detail.invoice.invoice_no + ".pdf\"";
        return response;
    });
}

// Opens per invoice and minute: enough for a provider's fetch and its retries and for a customer
// opening it again; keyed by the invoice, not the source, since a provider fetches every
// customer's document from the same few addresses.
constexpr int kInvoiceLinkOpensPerMinute = 20;

// GET /billing/invoice/<id>-<expires>-<signature>.pdf (services/invoice_pdf_link.hpp): anyone
// holding the link, no login. Forged, altered, expired or voided: 404, as any unknown path.
RouteResult signed_invoice_pdf(app::App& app, RateLimiter& limiter, Request& request) {
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        const auto invoice_id = TRY(services::invoice_of_pdf_link(context, request.params["token"]));
        if (!invoice_id) return json_error(make_error(ErrorCode::NotFound, messages::kNotFound));
        if (auto refused = refuse_when_key_limited(limiter, "invoice-link:" + std::to_string(*invoice_id), context, kInvoiceLinkOpensPerMinute,
                                                   messages::kTooManyRequests))
            return *refused;
        auto detail = TRY(services::get_invoice_detail(context.db, *invoice_id, std::nullopt));
        if (detail.invoice.status == billing::InvoiceStatus::Void) return json_error(make_error(ErrorCode::NotFound, messages::kNotFound));
        std::string document = TRY(pdf::render_invoice_pdf(context.db, detail, app.config().public_base_url, context.today()));
        Response response = bytes(std::move(document), "application/pdf");
        response.headers["Content-Disposition"] = "inline; filename=\"" + detail.invoice.invoice_no + ".pdf\"";
        response.headers["Cache-Control"] = "private, no-store";
        response.headers["X-Robots-Tag"] = "noindex, nofollow";
        return response;
    });
}

Result<services::GenerateOptions> generate_options(const api::Json& body, const Date& today) {
    api::FieldReader reader(body);
    services::GenerateOptions options;
    options.period = period_of(today);
    std::string period;
    reader.read("period", period);
    reader.read("notify", options.notify);
    reader.read("dry_run", options.dry_run);
    if (!period.empty()) {
        auto parsed = parse_period(period);
        if (!parsed) reader.add_error("period", "periode YYYY-MM");
        else if (auto problem = billing_period_problem(*parsed, today)) reader.add_error("period", *problem);
        else options.period = *parsed;
    }
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return options;
}

api::Json void_answer(const services::VoidOutcome& outcome, const app::Context& context) {
    api::Json data = api::to_json(outcome.payment, context.offset);
    data["invoice"] = api::to_json(outcome.invoice, context.today());
    data["already_void"] = outcome.already_void;
    data["credit_taken_back"] = outcome.credit_taken_back;
    data["credit_returned"] = outcome.credit_returned;
    data["dunning_steps_reopened"] = outcome.dunning_steps_reopened;
    data["correction"] = outcome.correction ? api::to_json(outcome.correction->payment, context.offset) : api::Json(nullptr);
    return {{"data", std::move(data)}};
}

api::Json preview_answer(const payments::PaymentPreview& preview) {
    return {{"data",
             {{"outstanding", preview.outstanding},
              {"amount", preview.amount},
              {"applied", preview.applied},
              {"remaining", preview.remaining},
              {"credit", preview.credit},
              {"fit", payments::to_string(preview.fit)},
              {"needs_confirmation", preview.fit != payments::AmountFit::Exact},
              {"status_after", billing::to_string(preview.status_after)},
              {"message", payments::unconfirmed_difference(preview, "")}}}};
}

api::Json summary_json(const services::GenerateSummary& summary, const services::GenerateOptions& options) {
    return {{"period", to_string(options.period)}, {"dry_run", options.dry_run}, {"created", summary.created},
            {"skipped", summary.skipped},         {"total_amount", summary.total_amount}, {"notified", summary.notified}};
}

}  // namespace

void register_billing_routes(Router& router, app::App& app) {
    router.add("GET", "/api/invoices", "invoices.read", "List invoices (period, status, customer_id, overdue, page, per_page)",
               [&app](Request& request) { return invoice_list(app, request, std::nullopt); });
    router.add("POST", "/api/invoices", "invoices.create", "Create a manual invoice {customer_id, lines[], due_date?}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto invoice = TRY(services::create_manual_invoice(context, body));
                       return json_ok({{"data", api::to_json(invoice, context.today())}}, 201);
                   });
               });
    router.add("POST", "/api/invoices/generate", "invoices.create", "Generate monthly invoices {period, notify, dry_run}; with invoice_run_mode=approve, prepares them for approval (run_id)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto options = TRY(generate_options(body, context.today()));
                       // invoice_run_mode = approve: the run is prepared for approval instead (issue 20).
                       if (!options.dry_run && TRY(services::invoice_run_needs_approval(context.db))) {
                           const std::int64_t run_id =
                               TRY(services::prepare_invoice_run(context, services::PrepareRunOptions{options.period, std::nullopt}));
                           const auto prepared = TRY(services::invoice_run_summary(context, run_id));
                           return json_ok({{"period", to_string(options.period)}, {"prepared", true}, {"run_id", run_id},
                                           {"created", 0}, {"drafts", prepared.run.invoice_count},
                                           {"total_amount", prepared.run.total_amount}, {"notified", 0}});
                       }
                       auto summary = TRY(services::generate_invoices(context, options));
                       return json_ok(summary_json(summary, options));
                   });
               });
    router.add("POST", "/api/invoices/prorate", "invoices.create",
               "Bill customers who joined in the period and have no invoice yet {period?, dry_run?}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto options = TRY(generate_options(body, context.today()));
                       options.joined_in_period_only = true;
                       auto summary = TRY(services::generate_invoices(context, options));
                       return json_ok(summary_json(summary, options));
                   });
               });
    router.add("GET", "/api/invoices/{id}", "invoices.read", "Get an invoice with its lines and payments",
               [&app](Request& request) { return invoice_detail(app, request, std::nullopt); });
    router.add("GET", "/api/invoices/{id}/pdf", "invoices.read", "The invoice as PDF",
               [&app](Request& request) { return invoice_pdf(app, request, std::nullopt); });
    router.add(Route{"GET", "/billing/invoice/{token}", Access::Public, "",
                     "An invoice's PDF by its signed link (what WhatsApp providers fetch; 404 when forged, altered, expired or voided)",
                     [&app, limiter = std::make_shared<RateLimiter>()](Request& request) { return signed_invoice_pdf(app, *limiter, request); }});
    router.add("POST", "/api/invoices/{id}/void", "invoices.update", "Void an invoice {reason} (keeps its number)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto invoice = TRY(services::void_invoice(context, request.id_param(), body));
                       return json_ok({{"data", api::to_json(invoice, context.today())}});
                   });
               });
    router.add("POST", "/api/invoices/{id}/lines", "invoices.update",
               "Add a line {description, quantity, unit_price, kind: charge|discount|late_fee} to an unpaid invoice",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto invoice = TRY(services::add_invoice_line(context, request.id_param(), body));
                       return json_ok({{"data", api::to_json(invoice, context.today())}}, 201);
                   });
               });

    router.add("GET", "/api/payments", "payments.read",
               "List payments (invoice_id, customer_id, page, per_page); rows carry invoice_no, customer_name, service_number",
               [&app](Request& request) -> RouteResult {
                   const auto paging = TRY(pagination(request));  // named: clang 14 cannot capture structured bindings
                   int page = paging.first, per_page = paging.second;
                   FieldErrors fields;
                   const auto invoice_id = TRY(id_query(request, "invoice_id", fields));
                   const auto customer_id = TRY(id_query(request, "customer_id", fields));
                   if (!fields.empty()) return validation_error(std::move(fields));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       std::int64_t total = 0;
                       auto rows = TRY(store::list_payments(context.db, invoice_id, customer_id, page, per_page, &total));
                       api::Json data = api::Json::array();
                       // The screen shows whose invoice each payment settled: one indexed lookup per row.
                       std::vector<std::int64_t> invoice_ids;
                       for (const auto& payment : rows) invoice_ids.push_back(payment.invoice_id);
                       const auto labels = TRY(store::find_invoice_labels(context.db, invoice_ids));
                       for (const auto& payment : rows) {
                           api::PaymentResource listed{payment, context.offset, true};
                           if (auto label = labels.find(payment.invoice_id); label != labels.end()) {
                               listed.invoice_no = label->second.invoice_no;
                               listed.customer_name = label->second.customer_name;
                               listed.service_number = label->second.service_number;
                           }
                           data.push_back(api::to_json(listed));
                       }
                       return json_list(std::move(data), total, {{"page", page}, {"per_page", per_page}});
                   });
               });
    router.add("POST", "/api/payments", "payments.create",
               "Record a manual payment {invoice_id, amount, method: cash|bank_transfer, paid_at?, note?, confirm?}; an "
               "Idempotency-Key header (or idempotency_key) makes a repeat answer 200 with the first payment (repeated: true)",
               [&app](Request& request) -> RouteResult {
                   auto body = TRY(json_body(request));
                   if (const std::string key = request.header("idempotency-key"); !key.empty() && body.is_object()) {
                       if (body.contains("idempotency_key") && body["idempotency_key"] != key)
                           return validation_error({{"idempotency_key", messages::kIdempotencyKeyTwice}});
                       body["idempotency_key"] = key;
                   }
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto receipt = TRY(services::record_payment(context, body));
                       api::Json data = api::to_json(receipt.payment, context.offset);
                       data["invoice"] = api::to_json(receipt.invoice, context.today());
                       data["credit_added"] = receipt.credit_added;
                       data["restore_requested"] = receipt.restore_requested;
                       data["next_invoice_id"] = receipt.next_invoice_id ? api::Json(*receipt.next_invoice_id) : api::Json(nullptr);
                       data["repeated"] = receipt.repeated;
                       return json_ok({{"data", std::move(data)}, {"receipt_no", receipt.payment.receipt_no}}, receipt.repeated ? 200 : 201);
                   });
               });
    router.add("POST", "/api/payments/preview", "payments.create",
               "What a payment would do, without recording it {invoice_id, amount (integer or typed: \"750rb\", \"Rp 750.000\")} → "
               "outstanding, amount, remaining, credit, fit: exact|partial|overpayment, needs_confirmation, message",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_ok(preview_answer(TRY(services::preview_payment(context, body))));
                   });
               });
    router.add("GET", "/api/payments/{id}/pdf", "payments.read",
               "The payment's receipt (kuitansi) as PDF; a voided payment's says BATAL, when, by whom, why and its correction",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto detail = TRY(services::get_payment_detail(context.db, request.id_param()));
                       std::string document = TRY(pdf::render_receipt_pdf(context.db, detail, context.offset));
                       Response response = bytes(std::move(document), "application/pdf");
                       response.headers["Content-Disposition"] = "inline; filename=\"" + detail.payment.receipt_no + ".pdf\"";
                       return response;
                   });
               });
    router.add("POST", "/api/payments/{id}/void", "payments.void",
               "Void a payment {reason, gateway_refund_reference?}: never deleted; the invoice, credit and dunning follow. Own payments "
               "of the last 24 h; payments.void_any for any (and gateway payments after their refund). Repeats answer already_void",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   const bool any = request.who().can("payments.void_any");
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_ok(void_answer(TRY(services::void_payment(context, request.id_param(), body, any)), context));
                   });
               });
    router.add("POST", "/api/payments/{id}/correct", "payments.void",
               "Correct a cash/bank transfer payment {amount, reason, confirm?, method?, paid_at?, note?}: voids it and records the right "
               "amount in one transaction (the new payment's replaces_payment_id names it). Repeats answer the same correction",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   const bool any = request.who().can("payments.void_any");
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto outcome = TRY(services::correct_payment(context, request.id_param(), body, any));
                       return json_ok(void_answer(outcome, context), outcome.already_void ? 200 : 201);
                   });
               });
    router.add("GET", "/api/customers/{id}/history", "invoices.read", "A customer's invoices, payments and credit",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto history = TRY(services::customer_history(context.db, request.id_param()));
                       api::Json invoices = api::Json::array(), payments = api::Json::array();
                       for (const auto& invoice : history.invoices) invoices.push_back(api::to_json(invoice, context.today()));
                       // Payment data is its own permission (a technician reads invoices, not payments).
                       if (request.who().can("payments.read"))
                           for (const auto& payment : history.payments) payments.push_back(api::to_json(payment, context.offset));
                       // Credit notes and refunds (issue 20): the notes follow invoices.read, refunds payments.read.
                       store::CreditNoteFilter notes_filter;
                       notes_filter.customer_id = request.id_param();
                       notes_filter.per_page = 500;
                       api::Json credit_notes = api::Json::array(), refunds = api::Json::array();
                       for (const auto& note : TRY(services::search_credit_notes(context.db, notes_filter)).rows)
                           credit_notes.push_back(api::to_json(note, context.offset));
                       if (request.who().can("payments.read"))
                           for (const auto& refund : TRY(services::customer_refunds(context.db, request.id_param())).refunds)
                               refunds.push_back(api::to_json(refund, context.offset));
                       return json_ok({{"data", {{"invoices", std::move(invoices)},
                                                 {"payments", std::move(payments)},
                                                 {"credit_notes", std::move(credit_notes)},
                                                 {"refunds", std::move(refunds)},
                                                 {"credit_balance", history.credit_balance}}}});
                   });
               });

    // The customer portal: the same reads, scoped to the logged-in customer.
    router.add("GET", "/api/portal/invoices", "portal.self", "My invoices", [&app](Request& request) {
        return invoice_list(app, request, request.who().id);
    });
    router.add("GET", "/api/portal/invoices/{id}", "portal.self", "One of my invoices", [&app](Request& request) {
        return invoice_detail(app, request, request.who().id);
    });
    router.add("GET", "/api/portal/invoices/{id}/pdf", "portal.self", "One of my invoices as PDF", [&app](Request& request) {
        return invoice_pdf(app, request, request.who().id);
    });
}

}  // namespace kimonet::http
