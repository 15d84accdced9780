#include "services/payment_promise.hpp"

#include <algorithm>

#include "core/error_messages.hpp"
#include "core/promise_messages.hpp"
#include "core/money.hpp"
#include "core/text.hpp"
#include "services/activity_log.hpp"
#include "services/notification_service.hpp"
#include "services/restore_request.hpp"
#include "services/settings.hpp"
#include "store/payment_lookups.hpp"

namespace kimonet::services {

namespace {

constexpr std::size_t kMaxReason = 500;

std::string date_text(const std::string& iso) {
    const auto date = parse_date(iso);
    return date ? format_date_indonesian(*date) : iso;
}

std::vector<dunning::PastPromise> history_of(const std::vector<store::PromiseRow>& rows) {
    std::vector<dunning::PastPromise> history;
    for (const auto& row : rows) {
        const auto made_on = parse_date(row.made_on);
        if (!made_on) continue;
        history.push_back({row.invoice_id, *made_on, dunning::parse_promise_status(row.status).value_or(dunning::PromiseStatus::Active)});
    }
    return history;
}

Result<void> validate_staff_request(const PromiseRequest& request) {
    FieldErrors fields;
    if (!request.days || *request.days < 1 || *request.days > dunning::kPromiseMaxStaffDays) fields["days"] = messages::kPromiseStaffDays;
    const std::string reason = trim_copy(request.reason);
    if (reason.empty()) fields["reason"] = messages::kRequired;
    else if (reason.size() > kMaxReason) fields["reason"] = messages::kTooLong500;
    else if (has_control_characters(reason, false)) fields["reason"] = messages::kControlCharacters;
    if (!fields.empty()) return validation_error(std::move(fields));
    return success();
}

// The invoice the promise names: the one asked for (it must be the customer's and still owed, else
// "not found", whoever's it is) or the customer's oldest overdue one.
Result<store::PromiseInvoice> promised_invoice(app::Context& context, const PromiseRequest& request, const Date& today) {
    const auto open = TRY(store::overdue_open_invoices(context.db, request.customer_id, "9999-12-31"));
    const std::string today_text = to_string(today);
    if (request.invoice_id) {
        const auto found = std::find_if(open.begin(), open.end(), [&](const store::PromiseInvoice& invoice) { return invoice.id == *request.invoice_id; });
        if (found == open.end()) return make_error(ErrorCode::NotFound, messages::kInvoiceNotFound);
        if (found->due_date > today_text) return make_error(ErrorCode::Conflict, messages::kPromiseNoOverdueInvoice);
        return *found;
    }
    if (open.empty() || open.front().due_date > today_text) return make_error(ErrorCode::Conflict, messages::kPromiseNoOverdueInvoice);
    return open.front();
}

Result<void> queue_promise_notice(app::Context& context, const store::PromiseRow& promise) {
    NotificationRequest request(MessageClass::Transactional);
    request.key = "promise:" + std::to_string(promise.id);
    request.customer_id = promise.customer_id;
    request.template_key = "janji_bayar_diterima";
    request.variables = TRY(promise_notice_variables(context, promise));
    // A customer without a usable phone still gets the promise: the notice is best effort.
    auto queued = queue_notification(context, request);
    if (!queued && queued.error().code != ErrorCode::ValidationFailed) return std::move(queued).error();
    return success();
}

Result<PromiseOutcome> create(app::Context& context, const PromiseRequest& request, const Date& today, int days,
                              const std::optional<store::PromiseRow>& replacing) {
    const auto invoice = TRY(promised_invoice(context, request, today));
    PromiseOutcome outcome;
    if (replacing) TRY_VOID(store::end_promise(context.db, replacing->id, "replaced", context.now));
    outcome.restored = TRY(request_restore_if_isolated(context, request.customer_id, invoice.id, "janji bayar sampai " + to_string(dunning::promise_until(today, days)),
                                                       {{"invoice_no", invoice.invoice_no}, {"promise_until", to_string(dunning::promise_until(today, days))}}));
    if (outcome.restored) TRY_VOID(store::forget_recorded_isolations(context.db, request.customer_id));
    store::PromiseRow& promise = outcome.promise;
    promise.customer_id = request.customer_id;
    promise.invoice_id = invoice.id;
    promise.invoice_no = invoice.invoice_no;
    promise.made_on = to_string(today);
    promise.promised_until = to_string(dunning::promise_until(today, days));
    promise.days = days;
    promise.channel = std::string(dunning::to_string(request.channel));
    promise.status = "active";
    promise.actor_type = context.actor.type;
    promise.actor_id = context.actor.id ? std::optional(context.actor.id) : std::nullopt;
    promise.actor_name = context.actor.name;
    promise.reason = trim_copy(request.reason);
    promise.restored = outcome.restored;
    promise.created_at = context.now;
    promise.id = TRY(store::insert_promise(context.db, promise));
    outcome.created = true;
    if (request.notify) TRY_VOID(queue_promise_notice(context, promise));
    api::Json after = to_json(promise);
    if (replacing) after["replaces"] = replacing->id;
    TRY_VOID(log_activity(context, "dunning.promise", "customer", request.customer_id, api::Json::object(), after));
    return outcome;
}

}  // namespace

Result<dunning::PromiseSettings> load_promise_settings(store::Database& db) {
    dunning::PromiseSettings settings;
    settings.enabled = TRY(get_setting(db, "dunning_promise_enabled")) == "1";
    settings.days = static_cast<int>(std::clamp<std::int64_t>(TRY(get_setting_int(db, "dunning_promise_days")), 1, dunning::kPromiseMaxCustomerDays));
    settings.frequency = dunning::parse_promise_frequency(TRY(get_setting(db, "dunning_promise_frequency"))).value_or(dunning::PromiseFrequency::PerInvoice);
    settings.customers = dunning::parse_promise_customers(TRY(get_setting(db, "dunning_promise_customers"))).value_or(dunning::PromiseCustomers::StaffOnly);
    return settings;
}

Result<PromiseOutcome> make_promise(app::Context& context, const PromiseRequest& request) {
    const bool staff = request.channel == dunning::PromiseChannel::Staff;
    if (staff) TRY_VOID(validate_staff_request(request));
    const Date today = context.today();
    PromiseOutcome outcome;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const std::string status = TRY(store::find_customer_status(context.db, request.customer_id));
        if (status.empty()) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
        if (status != "active" && status != "isolated") return make_error(ErrorCode::Conflict, messages::kPromiseCustomerNotBillable);
        TRY(settle_promises(context, request.customer_id));
        const auto active = TRY(store::active_promise(context.db, request.customer_id));
        if (staff) {
            // The same grant again (a double click, a replay) is the one already made.
            if (active && active->channel == "staff" && active->promised_until == to_string(dunning::promise_until(today, *request.days))) {
                outcome.promise = *active;
                return success();
            }
            outcome = TRY(create(context, request, today, *request.days, active));
            return success();
        }
        if (active) {  // the answer to a repeated request is the promise that holds
            outcome.promise = *active;
            return success();
        }
        const auto settings = TRY(load_promise_settings(context.db));
        const auto invoice = TRY(promised_invoice(context, request, today));
        const auto history = history_of(TRY(store::customer_promises(context.db, request.customer_id)));
        // A rule of the business, not a missing permission: 409 with the reason (403 is RBAC's).
        if (auto problem = dunning::customer_promise_problem(settings, history, invoice.id, today))
            return make_error(ErrorCode::Conflict, *problem);
        PromiseRequest named = request;
        named.invoice_id = invoice.id;
        outcome = TRY(create(context, named, today, settings.days, std::nullopt));
        return success();
    }));
    return outcome;
}

Result<int> settle_promises(app::Context& context, std::int64_t customer_id) {
    const std::string today = to_string(context.today());
    int ended = 0;
    for (const auto& state : TRY(store::active_promise_states(context.db))) {
        if (customer_id != 0 && state.customer_id != customer_id) continue;
        const bool settled = state.invoice_status == "paid" || state.invoice_status == "void";
        if (!settled && state.promised_until >= today) continue;
        const std::string status = settled ? "kept" : "broken";
        TRY_VOID(store::end_promise(context.db, state.id, status, context.now));
        TRY_VOID(log_activity(context, "dunning.promise_" + status, "customer", state.customer_id, {{"status", "active"}},
                              {{"status", status}, {"promise_id", state.id}, {"promised_until", state.promised_until}}));
        ++ended;
    }
    return ended;
}

Result<void> keep_promise_of_paid_invoice(app::Context& context, std::int64_t customer_id, std::int64_t invoice_id) {
    for (const auto& state : TRY(store::active_promises_of_invoice(context.db, customer_id, invoice_id))) {
        TRY_VOID(store::end_promise(context.db, state.id, "kept", context.now));
        TRY_VOID(log_activity(context, "dunning.promise_kept", "customer", state.customer_id, {{"status", "active"}},
                              {{"status", "kept"}, {"promise_id", state.id}, {"promised_until", state.promised_until}}));
    }
    return success();
}

Result<api::Json> promise_offer(app::Context& context, std::int64_t customer_id) {
    const Date today = context.today();
    api::Json offer = {{"active", nullptr}, {"available", false}};
    const auto active = TRY(store::active_promise(context.db, customer_id));
    if (active && active->promised_until >= to_string(today)) {
        offer["active"] = to_json(*active);
        return offer;
    }
    const auto settings = TRY(load_promise_settings(context.db));
    const auto open = TRY(store::overdue_open_invoices(context.db, customer_id, to_string(today)));
    if (open.empty()) {
        offer["problem"] = messages::kPromiseNoOverdueInvoice;
        return offer;
    }
    const auto history = history_of(TRY(store::customer_promises(context.db, customer_id)));
    if (auto problem = dunning::customer_promise_problem(settings, history, open.front().id, today)) {
        offer["problem"] = *problem;
        return offer;
    }
    const Date until = dunning::promise_until(today, settings.days);
    offer["available"] = true;
    offer["invoice_id"] = open.front().id;
    offer["invoice_no"] = open.front().invoice_no;
    offer["days"] = settings.days;
    offer["until"] = to_string(until);
    offer["until_text"] = format_date_indonesian(until);
    return offer;
}

Result<messaging::TemplateVariables> promise_notice_variables(app::Context& context, const store::PromiseRow& promise) {
    const std::string base_url = TRY(public_base_url(context.db, ""));
    auto variables = TRY(customer_variables(context.db, promise.customer_id, base_url));
    variables.erase("__phone");
    if (!variables.contains("payment_link")) variables["payment_link"] = payment_link(base_url, variables["nomor_layanan"]);
    variables["tanggal_janji"] = date_text(promise.promised_until);
    variables["invoice_no"] = promise.invoice_no;
    Money outstanding = 0;
    for (const auto& invoice : TRY(store::overdue_open_invoices(context.db, promise.customer_id, "9999-12-31")))
        if (invoice.id == promise.invoice_id) outstanding = invoice.outstanding;
    variables["total"] = format_rupiah(outstanding);
    return variables;
}

api::Json to_json(const store::PromiseRow& promise) {
    return {{"id", promise.id},
            {"customer_id", promise.customer_id},
            {"invoice_id", promise.invoice_id},
            {"invoice_no", promise.invoice_no},
            {"made_on", promise.made_on},
            {"promised_until", promise.promised_until},
            {"promised_until_text", date_text(promise.promised_until)},
            {"days", promise.days},
            {"channel", promise.channel},
            {"status", promise.status},
            {"by", promise.actor_name},
            {"by_type", promise.actor_type},
            {"reason", promise.reason},
            {"restored", promise.restored},
            {"created_at", promise.created_at},
            {"ended_at", promise.ended_at ? api::Json(*promise.ended_at) : api::Json(nullptr)}};
}

}  // namespace kimonet::services
