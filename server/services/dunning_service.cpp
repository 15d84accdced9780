#include "services/dunning_service.hpp"
#include "core/whatsapp_failover_messages.hpp"

#include <algorithm>
#include <unordered_map>

#include "api/dunning_dto.hpp"
#include "billing/unique_code.hpp"
#include "core/money.hpp"
#include "network/isolir_settings.hpp"
#include "services/activity_log.hpp"
#include "services/invoice_service.hpp"
#include "services/network_service.hpp"
#include "services/notification_service.hpp"
#include "services/outage_service.hpp"
#include "services/payment_promise.hpp"
#include "services/settings.hpp"
#include "services/unique_codes.hpp"
#include "store/dunning_store.hpp"
#include "store/promise_store.hpp"

namespace kimonet::services {

namespace {

struct InvoiceRow {
    dunning::DunningInvoice invoice;
    std::string period;
};

Result<std::unordered_map<std::int64_t, std::vector<dunning::RecordedAction>>> recorded_actions(store::Database& db, std::int64_t customer_id) {
    std::unordered_map<std::int64_t, std::vector<dunning::RecordedAction>> recorded;
    for (const auto& action : TRY(store::recorded_dunning_actions(db, customer_id))) recorded[action.invoice_id].push_back(action);
    return recorded;
}

dunning::DunningInvoice invoice_of(const store::OpenDunningInvoice& open, const Date& today) {
    return {open.id, open.invoice_no, parse_date(open.issue_date).value_or(today), parse_date(open.due_date).value_or(today), open.total,
            open.paid_amount, billing::parse_invoice_status(open.status).value_or(billing::InvoiceStatus::Unpaid)};
}

// Steps may start up to this many days before the due date: the horizon of invoices to load.
int earliest_offset(const ScheduleSet& set) {
    int earliest = 0;
    for (const auto& [id, schedule] : set.schedules)
        for (const auto& step : schedule.steps)
            if (step.enabled) earliest = std::min(earliest, step.day_offset);
    return earliest;
}

// Evaluates the policy for every customer with an open invoice within reach of their schedule.
Result<DunningPlan> evaluate(store::Database& db, const Date& today, const std::unordered_set<std::int64_t>& paused) {
    DunningPlan plan;
    plan.today = today;
    plan.schedules = TRY(load_schedules(db));
    const auto promises = TRY(store::active_promise_dates(db));

    struct Group {
        dunning::DunningCustomer customer;
        std::int64_t schedule_id = 0;
        std::string service_number, name;
        std::vector<InvoiceRow> invoices;
        std::optional<Date> promised_until;  // the last day of the customer's promise to pay
        // The (invoice, step) pairs recorded for these invoices. due_actions() only asks whether a
        // pair is recorded, never with which status, so the store gives the pairs alone (from the
        // unique key's index) and they are marked Done here.
        std::vector<dunning::RecordedAction> recorded;
    } group;
    auto flush = [&]() {
        if (group.invoices.empty()) return;
        if (paused.contains(group.customer.id)) {
            ++plan.paused_by_outage;
            group.invoices.clear();
            group.recorded.clear();
            return;
        }
        ++plan.customers;
        plan.invoices += static_cast<std::int64_t>(group.invoices.size());
        std::vector<dunning::DunningInvoice> invoices;
        invoices.reserve(group.invoices.size());
        for (const auto& row : group.invoices) invoices.push_back(row.invoice);
        if (const dunning::Schedule* schedule = plan.schedules.find(group.schedule_id)) {
            auto decisions = dunning::due_actions(group.customer, invoices, *schedule, today, group.recorded);
            for (auto& decision : dunning::without_deferred(std::move(decisions), today, group.promised_until)) {
                const auto row = std::find_if(group.invoices.begin(), group.invoices.end(),
                                              [&](const InvoiceRow& candidate) { return candidate.invoice.id == decision.invoice_id; });
                plan.actions.push_back({std::move(decision), row->invoice.invoice_no, row->invoice.due_date, group.service_number, group.name});
            }
        }
        group.invoices.clear();
        group.recorded.clear();
    };
    // The open invoices of billable customers that some schedule can already reach, by customer.
    TRY_VOID(store::for_each_open_dunning_invoice(db, to_string(add_days(today, -earliest_offset(plan.schedules))),
                                                  [&](const store::OpenDunningInvoice& open) {
        if (open.customer_id != group.customer.id) {
            flush();
            group.customer = {open.customer_id, parse_customer_status(open.customer_status).value_or(CustomerStatus::Active)};
            group.promised_until.reset();
            if (auto promise = promises.find(open.customer_id); promise != promises.end())
                if (auto until = parse_date(promise->second)) group.promised_until = *until;
            group.schedule_id = open.schedule_id;
            group.service_number = open.service_number;
            group.name = open.customer_name;
        }
        InvoiceRow row;
        row.invoice = invoice_of(open, today);
        group.invoices.push_back(std::move(row));
        for (const std::int64_t step_id : open.recorded_step_ids) group.recorded.push_back({open.id, step_id, dunning::ActionStatus::Done});
    }));
    flush();
    return plan;
}

// Why isolation must wait (Sunday, holiday, outside isolir_hours), or "" when it may happen now.
Result<std::string> isolir_window_problem(app::Context& context) {
    const LocalDateTime local = local_from_unix(context.now, context.offset);
    if (TRY(get_setting(context.db, "isolir_skip_sundays")) == "1" && weekday(local.date) == 0) return std::string("hari Minggu");
    for (const Date& day : network::parse_holidays(TRY(get_setting(context.db, "isolir_holidays"))).value_or(std::vector<Date>{}))
        if (day == local.date) return "hari libur " + to_string(day);
    const std::string hours = TRY(get_setting(context.db, "isolir_hours"));
    if (auto window = network::parse_hours_window(hours).window; window && !network::inside(*window, local.hour * 60 + local.minute))
        return "di luar jam " + hours;
    return std::string();
}

Result<bool> record_action(app::Context& context, const PlannedAction& planned, dunning::ActionStatus status, const std::string& result,
                           std::optional<std::int64_t> notification_id = std::nullopt) {
    const auto& decision = planned.decision;
    store::NewDunningAction action;
    action.invoice_id = decision.invoice_id;
    action.step_id = decision.step->id;
    action.customer_id = decision.customer_id;
    action.action = std::string(dunning::to_string(decision.step->action));
    action.step_date = to_string(decision.date);
    action.amount = decision.amount;
    action.status = std::string(dunning::to_string(status));
    action.result = result;
    action.notification_id = notification_id;
    action.at = context.now;
    return store::insert_dunning_action(context.db, action);
}

Result<bool> already_recorded(store::Database& db, const dunning::Decision& decision) {
    return store::dunning_action_recorded(db, decision.invoice_id, decision.step->id);
}

// The date of the schedule's isolate step for this invoice, for the warning's {tanggal_isolir}.
std::string isolation_date_text(const DunningPlan& plan, const PlannedAction& planned) {
    for (const auto& [id, schedule] : plan.schedules.schedules) {
        const bool owns = std::any_of(schedule.steps.begin(), schedule.steps.end(), [&](const dunning::Step& step) { return &step == planned.decision.step; });
        if (!owns) continue;
        for (const auto& step : schedule.steps)
            if (step.enabled && step.action == dunning::StepAction::Isolate)
                return format_date_indonesian(add_days(planned.decision.date, step.day_offset - planned.decision.step->day_offset));
    }
    return "-";
}

Result<NotificationRequest> message_for(app::Context& context, const DunningPlan& plan, const PlannedAction& planned,
                                        const std::string& base_url, const std::string& template_key, Money total) {
    // Reminders, warnings and late-fee notices are bulk and about one invoice: dropped before
    // sending when it was paid or voided meanwhile (see outbox.cpp).
    NotificationRequest request(MessageClass::Bulk);
    request.invoice_id = planned.decision.invoice_id;
    request.key = "dunning:" + std::to_string(planned.decision.invoice_id) + ":" + std::to_string(planned.decision.step->id);
    request.customer_id = planned.decision.customer_id;
    request.template_key = template_key;
    request.variables = TRY(customer_variables(context.db, planned.decision.customer_id, base_url));
    if (!request.variables.contains("payment_link")) request.variables["payment_link"] = payment_link(base_url, planned.service_number);
    if (auto period = store::invoice_period_text(context.db, planned.decision.invoice_id); period && *period)
        if (auto parsed = parse_period(**period)) request.variables["periode"] = format_period_indonesian(*parsed);
    request.variables["invoice_no"] = planned.invoice_no;
    // Issue 20: with a unique code the reminder asks for the exact amount the statement import recognises.
    const Money code = TRY(invoice_unique_code(context.db, planned.decision.invoice_id));
    request.variables["total"] = format_rupiah(total) + exact_transfer_note(total, code);
    request.variables["jumlah_transfer"] = format_rupiah(billing::transfer_amount(total, code));
    request.variables["due_date"] = format_date_indonesian(planned.due_date);
    request.variables["sisa_hari"] = std::to_string(std::max<std::int64_t>(days_between(plan.today, planned.due_date), 0));
    request.variables["tanggal_isolir"] = isolation_date_text(plan, planned);
    request.variables["denda"] = format_rupiah(planned.decision.amount);
    return request;
}

// A message or a late fee: the action row, the outbox message and the fee line in one transaction.
Result<std::string> carry_out_in_store(app::Context& context, const DunningPlan& plan, const PlannedAction& planned, const std::string& base_url) {
    const auto& decision = planned.decision;
    const dunning::Step& step = *decision.step;
    std::string outcome = "done";
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (TRY(already_recorded(context.db, decision))) {
            outcome = "recorded";
            return {};
        }
        Money total = decision.amount;
        std::string result;
        if (step.action == dunning::StepAction::LateFee) {
            auto invoice = add_invoice_line(context, decision.invoice_id,
                                            {{"description", "Denda keterlambatan (" + dunning::day_label(step.day_offset) + ")"},
                                             {"quantity", 1}, {"unit_price", decision.amount}, {"kind", "late_fee"}});
            if (!invoice) {
                outcome = "failed";
                TRY(record_action(context, planned, dunning::ActionStatus::Failed, invoice.error().message()));
                return {};
            }
            total = invoice->outstanding();
            result = "denda " + format_rupiah(decision.amount);
        }
        std::optional<std::int64_t> notification_id;
        if (step.channel == "whatsapp") {
            auto queued = queue_notification(context, TRY(message_for(context, plan, planned, base_url, step.template_key, total)));
            if (!queued && queued.error().code != ErrorCode::ValidationFailed) return std::move(queued).error();
            if (!queued && step.action != dunning::StepAction::LateFee) {
                outcome = "failed";
                TRY(record_action(context, planned, dunning::ActionStatus::Failed, queued.error().message()));
                return {};
            }
            if (queued) notification_id = queued->id;
            const std::string sent = !queued ? "pesan tidak terkirim: " + queued.error().message()
                                     : queued->opted_out ? messages::with_detail(messages::kWhatsappOptedOut, "pesan tidak dikirim")
                                                         : std::string("pesan diantrikan");
            result += std::string(result.empty() ? "" : "; ") + sent;
        }
        TRY(record_action(context, planned, dunning::ActionStatus::Done, result, notification_id));
        return log_activity(context, "dunning." + std::string(dunning::to_string(step.action)), "invoice", decision.invoice_id, api::Json::object(),
                            {{"step", dunning::day_label(step.day_offset)}, {"customer_id", decision.customer_id},
                             {"amount", decision.amount}, {"result", result}});
    }));
    return outcome;
}

api::Json action_json(const PlannedAction& planned, const std::string& outcome) {
    const auto& decision = planned.decision;
    api::Json row = {{"customer_id", decision.customer_id}, {"service_number", planned.service_number}, {"customer_name", planned.customer_name},
                     {"invoice_id", decision.invoice_id},   {"invoice_no", planned.invoice_no},         {"step_id", decision.step->id},
                     {"label", dunning::day_label(decision.step->day_offset)},
                     {"action", dunning::to_string(decision.step->action)},
                     {"date", to_string(decision.date)},    {"amount", decision.amount},                {"skip", decision.skip},
                     {"outcome", outcome}};
    if (!decision.reason.empty()) row["reason"] = decision.reason;
    return row;
}

}  // namespace

Result<DunningPlan> plan_dunning(store::Database& db, const Date& today, const std::unordered_set<std::int64_t>& paused) {
    return evaluate(db, today, paused);
}

Result<api::Json> run_dunning(app::Context& context, const DunningOptions& options) {
    // Promises first: one whose invoice was paid is kept, one whose last day has passed unpaid is
    // broken, and the plan below then isolates that customer again.
    if (!options.dry_run) TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY(settle_promises(context));
        return success();
    }));
    const DunningPlan plan = TRY(plan_dunning(context.db, context.today(), TRY(customers_paused_by_outages(context.db, context.now, context.offset))));
    const std::string base_url = TRY(public_base_url(context.db, ""));
    const std::string window = TRY(isolir_window_problem(context));
    api::Json report = {{"date", to_string(plan.today)}, {"dry_run", options.dry_run}, {"customers", plan.customers},
                        {"invoices", plan.invoices}, {"paused_by_outage", plan.paused_by_outage}, {"by_action", api::Json::object()}, {"done", 0}, {"skipped", 0},
                        {"failed", 0}, {"waiting", 0}, {"isolir_window", window}, {"actions", api::Json::array()}};
    std::vector<const PlannedAction*> isolations;
    auto list = [&](const PlannedAction& planned, const std::string& outcome) {
        if (static_cast<int>(report["actions"].size()) < options.list_limit) report["actions"].push_back(action_json(planned, outcome));
        if (outcome == "done" || outcome == "due") report["done"] = report["done"].get<int>() + 1;
        else if (outcome == "skipped") report["skipped"] = report["skipped"].get<int>() + 1;
        else if (outcome == "failed") report["failed"] = report["failed"].get<int>() + 1;
        else if (outcome == "waiting") report["waiting"] = report["waiting"].get<int>() + 1;
    };
    for (const PlannedAction& planned : plan.actions) {
        const auto& decision = planned.decision;
        const dunning::StepAction action = decision.step->action;
        if (!options.only.empty() && !options.only.contains(action)) continue;
        const std::string name(dunning::to_string(action));
        if (!decision.skip) report["by_action"][name] = report["by_action"].value(name, 0) + 1;
        const bool network = action == dunning::StepAction::Isolate || action == dunning::StepAction::Terminate;
        if (network && !decision.skip && !window.empty()) {
            list(planned, "waiting");
            continue;
        }
        if (options.dry_run) {
            list(planned, decision.skip ? "skipped" : "due");
            continue;
        }
        if (decision.skip) {
            const bool recorded = TRY(record_action(context, planned, dunning::ActionStatus::Skipped, decision.reason));
            list(planned, recorded ? "skipped" : "recorded");
        } else if (network) {
            isolations.push_back(&planned);
        } else {
            list(planned, TRY(carry_out_in_store(context, plan, planned, base_url)));
        }
    }
    if (isolations.empty()) return report;
    // Isolation talks to the routers, so it runs outside any transaction (pipelined per router);
    // each outcome is recorded afterwards. A crash in between repeats the isolation on the next
    // run, which network control reports as "unchanged": the state converges.
    std::vector<Intent> intents;
    for (const PlannedAction* planned : isolations)
        intents.push_back({planned->decision.customer_id, NetworkAction::Isolate,
                           "dunning " + dunning::day_label(planned->decision.step->day_offset) + ": tagihan " + planned->invoice_no +
                               " jatuh tempo " + to_string(planned->due_date),
                           std::nullopt, 0});
    const auto outcomes = TRY(carry_out(context, intents));
    for (std::size_t index = 0; index < isolations.size(); ++index) {
        const PlannedAction& planned = *isolations[index];
        const NetworkOutcome& outcome = outcomes.at(index);
        const bool failed = outcome.result == "failed";
        std::string result = "isolir: " + outcome.result + (outcome.detail.empty() ? "" : " (" + outcome.detail + ")");
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            if (!failed && planned.decision.step->action == dunning::StepAction::Terminate) {
                TRY_VOID(store::terminate_customer(context.db, planned.decision.customer_id));
                result += "; langganan diputus";
            }
            const bool recorded = TRY(record_action(context, planned, failed ? dunning::ActionStatus::Failed : dunning::ActionStatus::Done, result));
            list(planned, !recorded ? "recorded" : failed ? "failed" : "done");
            return log_activity(context, "dunning." + std::string(dunning::to_string(planned.decision.step->action)), "customer",
                                planned.decision.customer_id, api::Json::object(),
                                {{"invoice_id", planned.decision.invoice_id}, {"step", dunning::day_label(planned.decision.step->day_offset)},
                                 {"result", result}});
        }));
    }
    return report;
}

Result<api::Json> customer_dunning(store::Database& db, std::int64_t customer_id, const Date& today) {
    const auto customer = TRY(store::find_customer_dunning_subject(db, customer_id));
    if (!customer) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
    const dunning::DunningCustomer subject{customer_id, parse_customer_status(customer->status).value_or(CustomerStatus::Active)};
    const auto active_promise = TRY(store::active_promise(db, customer_id));
    std::optional<Date> promised_until;
    if (active_promise)
        if (auto until = parse_date(active_promise->promised_until)) promised_until = *until;
    const auto own = customer->own_schedule_id, package = customer->package_schedule_id;
    const ScheduleSet set = TRY(load_schedules(db));
    const dunning::Schedule* schedule = set.find(own.value_or(package.value_or(0)));
    const std::string source = own ? "customer" : package ? "package" : "default";

    // Every open invoice of the customer, whether or not a step has reached it yet.
    std::vector<dunning::DunningInvoice> invoices;
    for (const auto& open : TRY(store::list_customer_open_invoices(db, customer_id))) invoices.push_back(invoice_of(open, today));
    const auto recorded_by_invoice = TRY(recorded_actions(db, customer_id));
    std::vector<dunning::RecordedAction> recorded;
    for (const auto& [invoice_id, rows] : recorded_by_invoice) recorded.insert(recorded.end(), rows.begin(), rows.end());

    api::Json out = {{"customer_id", customer_id}, {"status", to_string(subject.status)}, {"schedule_source", source},
                     {"schedule", nullptr}, {"timeline", api::Json::array()}, {"isolation_date", nullptr},
                     {"outstanding", 0}, {"actions", api::Json::array()}, {"promise", nullptr}, {"promises", api::Json::array()}};
    // Promises to pay: the one that holds (until its last day) and the history, newest first.
    if (active_promise && promised_until && *promised_until >= today) out["promise"] = to_json(*active_promise);
    for (const auto& promise : TRY(store::customer_promises(db, customer_id, 20))) out["promises"].push_back(to_json(promise));
    if (schedule) {
        out["schedule"] = {{"id", schedule->id}, {"name", schedule->name}};
        const dunning::Timeline timeline = dunning::timeline(subject, invoices, *schedule, today, recorded);
        // A promise to pay holding: its deferred steps are "postponed" and isolation waits for the day after it.
        const dunning::PromisedTimeline promised = dunning::promised_timeline(timeline, today, promised_until);
        for (std::size_t index = 0; index < timeline.entries.size(); ++index) {
            api::Json entry = api::to_json(timeline.entries[index]);
            if (promised.postponed[index]) {
                entry["state"] = "postponed";
                entry["reason"] = "janji bayar sampai " + to_string(*promised_until);
            }
            out["timeline"].push_back(std::move(entry));
        }
        if (promised.isolation_date) {
            out["isolation_date"] = to_string(*promised.isolation_date);
            out["isolation_date_text"] = format_date_indonesian(*promised.isolation_date);
        }
        out["outstanding"] = timeline.outstanding;
    }
    for (const auto& past : TRY(store::recent_dunning_actions(db, customer_id))) {
        out["actions"].push_back({{"id", past.id}, {"invoice_id", past.invoice_id}, {"invoice_no", past.invoice_no},
                                  {"action", past.action}, {"date", past.step_date}, {"amount", past.amount},
                                  {"status", past.status}, {"result", past.result}, {"at", past.at},
                                  {"label", dunning::day_label(past.day_offset)}});
    }
    return out;
}

}  // namespace kimonet::services
