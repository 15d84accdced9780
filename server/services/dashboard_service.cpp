#include "services/dashboard_service.hpp"

#include <cstdio>
#include <map>
#include <optional>

#include "jobs/cron.hpp"
#include "jobs/scheduler.hpp"
#include "services/reseller_service.hpp"
#include "services/settings.hpp"
#include "store/credit_note_store.hpp"
#include "store/dashboard_store.hpp"
#include "store/job_run_store.hpp"
#include "store/report_store.hpp"

namespace kimonet::services {
namespace {

constexpr int kMonths = 12;

std::int64_t month_start(const Period& period, UtcOffset offset) {
    return unix_from_local(LocalDateTime{first_day(period), 0, 0, 0}, offset);
}

Result<api::Json> customer_counts(store::Database& db) {
    api::Json counts = {{"active", 0}, {"isolated", 0}, {"inactive", 0}, {"terminated", 0}, {"total", 0}};
    std::int64_t total = 0;
    for (const auto& row : TRY(store::count_customers_by_status(db))) {
        counts[row.status] = row.count;
        total += row.count;
    }
    counts["total"] = total;
    return counts;
}

// Billed = non-void invoices of the period; collected = what live payments made in the calendar month
// settled (their applied amounts, credit use included): the revenue report's "collected", figure for figure.
// Hotspot vouchers sold to resellers in the month are beside it (gross and net), and
// collected_with_vouchers = collected + voucher net, as the revenue report's.
Result<api::Json> money(app::Context& context, const Date& today, bool include_vouchers) {
    const Period current = period_of(today);
    std::vector<Period> periods;
    Period period = current;
    for (int i = 0; i < kMonths; ++i) {
        periods.insert(periods.begin(), period);
        period = previous_period(period);
    }
    std::map<std::string, std::int64_t> billed, collected, invoice_counts;
    for (const auto& row : TRY(store::list_invoice_totals_since(context.db, periods.front()))) {
        billed[row.period] = row.total;
        invoice_counts[row.period] = row.count;
    }
    // Summed with checked arithmetic: a figure past int64 is an error, never a wrapped total.
    std::optional<Error> overflow;
    TRY_VOID(store::scan_payments_since(context.db, month_start(periods.front(), context.offset), [&](std::int64_t paid_at, Money applied) {
        Money& sum = collected[to_string(period_of(local_from_unix(paid_at, context.offset).date))];
        auto added = checked_add(sum, applied);
        if (!added) overflow = added.error();
        else sum = *added;
    }));
    if (overflow) return *overflow;
    // Credit notes in the month they are issued and refunds on the local day they are paid, as the
    // revenue report counts them, so the owner's first screen reconciles with the report.
    std::map<std::string, Money> credited, refunded;
    for (const auto& notes : TRY(store::credit_notes_by_month(context.db, first_day(periods.front()), last_day(current))))
        credited[to_string(notes.period)] = TRY(checked_add(credited[to_string(notes.period)], notes.amount));
    const std::int64_t offset_seconds = std::int64_t{context.offset.minutes} * 60;
    const std::int64_t end = month_start(next_period(current), context.offset);
    for (const auto& day : TRY(store::list_refunds_by_day(context.db, month_start(periods.front(), context.offset), end, offset_seconds))) {
        const std::string key = to_string(period_of(civil_from_days(day.local_day)));
        refunded[key] = TRY(checked_add(refunded[key], day.amount));
    }

    std::map<std::string, reports::VoucherSalesMonth> vouchers;
    if (include_vouchers)
        for (const auto& month : TRY(services::voucher_sales_by_month(context, reports::MonthRange{periods.front(), current})))
            vouchers[to_string(month.period)] = month;
    std::map<std::string, Money> with_vouchers;
    api::Json months = api::Json::array();
    for (const Period& p : periods) {
        const std::string key = to_string(p);
        with_vouchers[key] = TRY(checked_add(collected[key], vouchers[key].net));
        const Money net_billed = TRY(checked_add(billed[key], -credited[key]));
        api::Json month = {{"period", key},
                           {"billed", billed[key]},
                           {"credited", credited[key]},
                           {"net_billed", net_billed},
                           {"collected", collected[key]},
                           {"refunded", refunded[key]}};
        if (include_vouchers) {
            month["voucher_gross"] = vouchers[key].gross;
            month["voucher_net"] = vouchers[key].net;
            month["collected_with_vouchers"] = with_vouchers[key];
        }
        months.push_back(std::move(month));
    }
    const auto overdue = TRY(store::sum_overdue_invoices(context.db, today));
    const Money outstanding = TRY(store::sum_outstanding_invoices(context.db));
    const std::string key = to_string(current);
    const Money net_billed = TRY(checked_add(billed[key], -credited[key]));
    // Gateway payments a person must look at (amount mismatches, paid twice, refunds/chargebacks of
    // settled payments): finance's alert on the dashboard, listed under gateway transactions.
    const auto review = TRY(store::sum_gateway_transactions_in_review(context.db));
    api::Json out{{"gateway_review", {{"count", review.count}, {"total", review.total}}},
                  {"period", key},
                  {"billed", billed[key]},
                  {"credited", credited[key]},
                  {"net_billed", net_billed},
                  {"collected", collected[key]},
                  {"refunded", refunded[key]},
                  {"invoices", invoice_counts[key]},
                  {"overdue_total", overdue.total},
                  {"overdue_count", overdue.count},
                  {"outstanding_total", outstanding},
                  {"months", std::move(months)}};
    if (include_vouchers) {
        out["voucher_gross"] = vouchers[key].gross;
        out["voucher_net"] = vouchers[key].net;
        out["collected_with_vouchers"] = with_vouchers[key];
    }
    return out;
}

// Each scheduled job: its schedule, the slots it has today (local time) and today's runs.
Result<api::Json> jobs_today(app::Context& context, UtcOffset offset) {
    const LocalDateTime now = local_from_unix(context.now, offset);
    const std::int64_t day_start = unix_from_local(LocalDateTime{now.date, 0, 0, 0}, offset);
    api::Json jobs = api::Json::array();
    std::int64_t failures = 0;
    for (const auto& job : jobs::default_jobs(context.db.engine())) {
        const std::string schedule_text = TRY(get_setting(context.db, job.schedule_setting));
        // Today's slots (local time): how many, and the next one from now ("HH:MM", null when done).
        std::int64_t slots = 0;
        api::Json next = nullptr;
        if (auto schedule = jobs::parse_cron(schedule_text)) {
            for (int minute = 0; minute < 24 * 60; ++minute) {
                const LocalDateTime slot{now.date, minute / 60, minute % 60, 0};
                if (!jobs::matches(*schedule, slot)) continue;
                ++slots;
                if (next.is_null() && minute >= now.hour * 60 + now.minute) {
                    char text[8];
                    std::snprintf(text, sizeof text, "%02d:%02d", slot.hour, slot.minute);
                    next = text;
                }
            }
        }
        api::Json today_runs = api::Json::array();
        for (const auto& run : TRY(store::list_job_runs_since(context.db, job.name, day_start, 5))) {
            if (run.status == "failed") ++failures;
            api::Json result = api::parse_json(run.result);
            std::string error;
            if (result.is_object() && result.contains("error") && result["error"].is_string()) error = result["error"].get<std::string>();
            today_runs.push_back({{"key", run.key},
                                  {"status", run.status},
                                  {"started_at", run.started_at},
                                  {"duration_ms", run.duration_ms ? api::Json(*run.duration_ms) : api::Json(nullptr)},
                                  {"error", error}});
        }
        jobs.push_back({{"name", job.name}, {"schedule", schedule_text}, {"slots_today", slots}, {"next_slot", next}, {"runs", std::move(today_runs)}});
    }
    return api::Json{{"date", to_string(now.date)}, {"failures", failures}, {"jobs", std::move(jobs)}};
}

}  // namespace

Result<api::Json> dashboard_summary(app::Context& context, bool include_money, bool include_vouchers) {
    // Named first: a TRY inside the braced initialiser would leak the keys already built on error.
    api::Json customers = TRY(customer_counts(context.db));
    api::Json jobs = TRY(jobs_today(context, context.offset));
    api::Json out = {{"today", to_string(context.today())},
                     {"customers", std::move(customers)},
                     {"jobs", std::move(jobs)},
                     {"money_visible", include_money}};
    if (include_money) out["billing"] = TRY(money(context, context.today(), include_vouchers));
    return out;
}

}  // namespace kimonet::services
