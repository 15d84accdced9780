// Prepared monthly runs awaiting approval (issue 20): prepare, read, change list, exclude,
// approve, discard. services/invoice_runs.hpp does the work.
#include <algorithm>
#include <span>

#include "api/invoice_run_dto.hpp"
#include "core/date_window.hpp"
#include "http/routes.hpp"
#include "services/invoice_runs.hpp"

namespace kimonet::http {

namespace {

constexpr std::string_view kReasons[] = {"same", "new", "proration", "package_change", "amount_change", "no_previous", "leaving"};
constexpr std::string_view kStates[] = {"draft", "excluded", "issued", "skipped", "none"};

bool one_of(std::string_view value, std::span<const std::string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

std::string local_minute(std::optional<std::int64_t> unix_seconds, const app::Context& context) {
    if (!unix_seconds) return {};
    return to_string(local_from_unix(*unix_seconds, context.offset)).substr(0, 16);
}

api::InvoiceRunResource run_resource(const services::InvoiceRunSummary& summary, const app::Context& context) {
    api::InvoiceRunResource out;
    out.id = summary.run.id;
    out.period = summary.run.period;
    out.status = summary.run.status;
    out.prepared_by = summary.run.prepared_by_name;
    out.prepared_at = local_minute(summary.run.prepared_at, context);
    out.approved_by = summary.run.approved_by_name;
    out.approved_at = local_minute(summary.run.approved_at, context);
    out.invoice_count = summary.run.invoice_count;
    out.total_amount = summary.run.total_amount;
    out.issued = summary.issued;
    out.excluded = summary.excluded;
    out.skipped = summary.skipped;
    out.same = summary.same;
    out.new_customers = summary.new_customers;
    out.leaving = summary.leaving;
    out.prorations = summary.prorations;
    out.package_changes = summary.package_changes;
    out.amount_changes = summary.amount_changes;
    out.no_previous = summary.no_previous;
    out.four_eyes = summary.four_eyes;
    out.outage_credits = summary.outage_credits;
    out.outage_credit_amount = summary.outage_credit_amount;
    return out;
}

api::InvoiceRunChange change_resource(const store::InvoiceRunItemRow& item) {
    api::InvoiceRunChange out;
    out.customer_id = item.customer_id;
    out.customer_name = item.customer_name;
    out.service_number = item.service_number;
    out.reason = item.reason;
    out.state = item.state;
    out.package_name = item.package_name;
    out.has_previous = item.previous_amount.has_value();
    out.previous_amount = item.previous_amount.value_or(0);
    out.amount = item.total;
    out.prorated = item.line_kind == "prorated_package";
    out.description = item.description;
    out.due_date = item.due_date;
    out.invoice_id = item.invoice_id.value_or(0);
    return out;
}

Result<Period> period_of_body(const api::Json& body, const Date& today) {
    api::FieldReader reader(body);
    Period period = period_of(today);
    std::string text;
    reader.read("period", text);
    if (!text.empty()) {
        auto parsed = parse_period(text);
        if (!parsed) reader.add_error("period", messages::kPeriodFormat);
        else if (auto problem = billing_period_problem(*parsed, today)) reader.add_error("period", *problem);
        else period = *parsed;
    }
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return period;
}

// ?reason=<one reason>|changes (every reason but same)|proration (prorated drafts), ?state=, page, per_page.
Result<store::RunItemFilter> change_filter(const Request& request) {
    store::RunItemFilter filter;
    const auto paging = TRY(pagination(request, 50));
    filter.page = paging.first;
    filter.per_page = paging.second;
    FieldErrors fields;
    if (const std::string reason = request.query_value("reason"); reason == "changes") filter.changes_only = true;
    else if (reason == "prorated") filter.prorated_only = true;
    else if (reason == "outage_credit") filter.outage_credit_only = true;
    else if (!reason.empty() && !one_of(reason, kReasons)) fields["reason"] = messages::kInvalid;
    else if (!reason.empty()) filter.reason = reason;
    if (const std::string state = request.query_value("state"); !state.empty()) {
        if (!one_of(state, kStates)) fields["state"] = messages::kInvalid;
        else filter.state = state;
    }
    if (!fields.empty()) return validation_error(std::move(fields));
    return filter;
}

RouteResult summary_answer(app::Context& context, std::int64_t run_id, int status = 200) {
    const auto summary = TRY(services::invoice_run_summary(context, run_id));
    return json_ok({{"data", api::to_json(run_resource(summary, context))}}, status);
}

}  // namespace

void register_invoice_run_routes(Router& router, app::App& app) {
    router.add("GET", "/api/invoice-runs", "invoices.read", "Recent prepared runs, newest first (open ones first to act on)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       api::Json rows = api::Json::array();
                       for (const auto& run : TRY(store::list_invoice_runs(context.db, 24))) {
                           const auto summary = TRY(services::invoice_run_summary(context, run.id));
                           rows.push_back(api::to_json(run_resource(summary, context)));
                       }
                       return json_ok({{"data", rows}});
                   });
               });
    router.add("POST", "/api/invoice-runs", "invoices.create",
               "Prepare the monthly run of {period} as drafts for approval (nothing numbered or sent); 409 while one is open",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const Period period = TRY(period_of_body(body, context.today()));
                       const std::int64_t run_id = TRY(services::prepare_invoice_run(context, services::PrepareRunOptions{period, std::nullopt}));
                       return summary_answer(context, run_id, 201);
                   });
               });
    router.add("GET", "/api/invoice-runs/{id}", "invoices.read", "A prepared run's summary: count, total, changes vs last month",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) { return summary_answer(context, request.id_param()); });
               });
    router.add("GET", "/api/invoice-runs/{id}/changes", "invoices.read",
               "The run's customers (reason=<reason>|changes|prorated|outage_credit, state, page, per_page): draft amount vs last month, "
               "and the outage credit a draft will carry",
               [&app](Request& request) -> RouteResult {
                   const auto filter = TRY(change_filter(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const std::int64_t run_id = request.id_param();
                       const auto run = TRY(store::find_invoice_run(context.db, run_id));
                       if (!run) return make_error(ErrorCode::NotFound, messages::kInvoiceRunNotFound);
                       const auto items = TRY(store::list_invoice_run_items(context.db, run_id, filter));
                       // The outage credit each draft will carry once approved (issue 21), shown before approval.
                       const auto credits = TRY(services::draft_outage_credits(context, TRY(parse_period(run->period)), items));
                       api::Json rows = api::Json::array();
                       for (const auto& item : items) {
                           api::InvoiceRunChange change = change_resource(item);
                           if (const auto credit = credits.find(item.customer_id); credit != credits.end()) {
                               change.outage_credit = credit->second.amount;
                               change.outage_credit_description = credit->second.description;
                               change.amount_after_credit = credit->second.total_after;
                           }
                           rows.push_back(api::to_json(change));
                       }
                       const std::int64_t total = TRY(store::count_invoice_run_items(context.db, run_id, filter));
                       return json_ok({{"data", rows}, {"total", total}, {"page", filter.page}, {"per_page", filter.per_page}});
                   });
               });
    router.add("POST", "/api/invoice-runs/{id}/exclude", "invoices.update",
               "Leave a customer's draft out of a prepared run, or put it back {customer_id, excluded}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   api::FieldReader reader(body);
                   std::int64_t customer_id = 0;
                   bool excluded = true;
                   reader.read("customer_id", customer_id);
                   reader.read("excluded", excluded);
                   if (customer_id <= 0) reader.add_error("customer_id", messages::kInvalidId);
                   if (!reader.ok()) return validation_error(std::move(reader.errors()));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto item = TRY(services::set_invoice_run_item_excluded(context, request.id_param(), customer_id, excluded));
                       return json_ok({{"data", api::to_json(change_resource(item))}});
                   });
               });
    router.add("POST", "/api/invoice-runs/{id}/approve", "invoices.approve_run",
               "Approve a prepared run: number the drafts in order, issue them, queue the new-invoice messages (resumable; twice = once)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto summary = TRY(services::approve_invoice_run(context, request.id_param(), {}));
                       return json_ok({{"data", api::to_json(run_resource(summary, context))}});
                   });
               });
    router.add("POST", "/api/invoice-runs/{id}/discard", "invoices.approve_run",
               "Discard a prepared run: its drafts are deleted, no number is used and nothing is sent",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       TRY_VOID(services::discard_invoice_run(context, request.id_param()));
                       return json_ok({{"discarded", true}});
                   });
               });
}

}  // namespace kimonet::http
