#include "services/dashboard_service.hpp"

#include <cstdio>
#include <map>

#include "jobs/cron.hpp"
#include "jobs/scheduler.hpp"
#include "services/settings.hpp"

namespace kimonet::services {
namespace {

constexpr int kMonths = 12;

std::int64_t month_start(const Period& period, UtcOffset offset) {
    return unix_from_local(LocalDateTime{first_day(period), 0, 0, 0}, offset);
}

Result<api::Json> customer_counts(store::Database& db) {
    api::Json counts = {{"active", 0}, {"isolated", 0}, {"inactive", 0}, {"terminated", 0}, {"total", 0}};
    auto rows = TRY(db.prepare("SELECT status, COUNT(*) FROM customers GROUP BY status"));
    std::int64_t total = 0;
    while (TRY(rows.step())) {
        counts[rows.column_text(0)] = rows.column_int(1);
        total += rows.column_int(1);
    }
    counts["total"] = total;
    return counts;
}

// Billed = non-void invoices of the period; collected = payments received in the calendar month.
Result<api::Json> money(app::Context& context, const Date& today) {
    const Period current = period_of(today);
    std::vector<Period> periods;
    Period period = current;
    for (int i = 0; i < kMonths; ++i) {
        periods.insert(periods.begin(), period);
        period = previous_period(period);
    }
    std::map<std::string, std::int64_t> billed, collected, invoice_counts;
    auto invoices = TRY(context.db.prepare(
        "SELECT period, SUM(total), COUNT(*) FROM invoices WHERE status <> 'void' AND period >= ?1 GROUP BY period"));
    invoices.bind(1, to_string(periods.front()));
    while (TRY(invoices.step())) {
        billed[invoices.column_text(0)] = invoices.column_int(1);
        invoice_counts[invoices.column_text(0)] = invoices.column_int(2);
    }
    auto payments = TRY(context.db.prepare("SELECT paid_at, amount FROM payments WHERE paid_at >= ?1"));
    payments.bind(1, month_start(periods.front(), context.offset));
    while (TRY(payments.step()))
        collected[to_string(period_of(local_from_unix(payments.column_int(0), context.offset).date))] += payments.column_int(1);

    api::Json months = api::Json::array();
    for (const Period& p : periods) {
        const std::string key = to_string(p);
        months.push_back({{"period", key}, {"billed", billed[key]}, {"collected", collected[key]}});
    }
    const std::string today_text = to_string(today);
    auto overdue = TRY(context.db.prepare(
        "SELECT COALESCE(SUM(total - paid_amount), 0), COUNT(*) FROM invoices WHERE status IN ('unpaid','partial') AND due_date < ?1"));
    overdue.bind(1, today_text);
    TRY(overdue.step());
    auto outstanding = TRY(context.db.prepare(
        "SELECT COALESCE(SUM(total - paid_amount), 0) FROM invoices WHERE status IN ('unpaid','partial')"));
    TRY(outstanding.step());
    const std::string key = to_string(current);
    // Gateway payments a person must look at (amount mismatches, paid twice, refunds/chargebacks of
    // settled payments): finance's alert on the dashboard, listed under gateway transactions.
    auto review = TRY(context.db.prepare("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM gateway_transactions WHERE status = 'review'"));
    TRY(review.step());
    return api::Json{{"gateway_review", {{"count", review.column_int(0)}, {"total", review.column_int(1)}}},
                     {"period", key},
                     {"billed", billed[key]},
                     {"collected", collected[key]},
                     {"invoices", invoice_counts[key]},
                     {"overdue_total", overdue.column_int(0)},
                     {"overdue_count", overdue.column_int(1)},
                     {"outstanding_total", outstanding.column_int(0)},
                     {"months", std::move(months)}};
}

// Each scheduled job: its schedule, the slots it has today (local time) and today's runs.
Result<api::Json> jobs_today(app::Context& context, UtcOffset offset) {
    const LocalDateTime now = local_from_unix(context.now, offset);
    const std::int64_t day_start = unix_from_local(LocalDateTime{now.date, 0, 0, 0}, offset);
    api::Json jobs = api::Json::array();
    std::int64_t failures = 0;
    for (const auto& job : jobs::default_jobs()) {
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
        auto runs = TRY(context.db.prepare(
            "SELECT key, status, started_at, duration_ms, result FROM job_runs WHERE job = ?1 AND started_at >= ?2 "
            "ORDER BY started_at DESC, id DESC LIMIT 5"));
        runs.bind(1, job.name).bind(2, day_start);
        api::Json today_runs = api::Json::array();
        while (TRY(runs.step())) {
            const std::string status = runs.column_text(1);
            if (status == "failed") ++failures;
            api::Json result = api::parse_json(runs.column_text(4));
            std::string error;
            if (result.is_object() && result.contains("error") && result["error"].is_string()) error = result["error"].get<std::string>();
            today_runs.push_back({{"key", runs.column_text(0)},
                                  {"status", status},
                                  {"started_at", runs.column_int(2)},
                                  {"duration_ms", runs.column_is_null(3) ? api::Json(nullptr) : api::Json(runs.column_int(3))},
                                  {"error", error}});
        }
        jobs.push_back({{"name", job.name}, {"schedule", schedule_text}, {"slots_today", slots}, {"next_slot", next}, {"runs", std::move(today_runs)}});
    }
    return api::Json{{"date", to_string(now.date)}, {"failures", failures}, {"jobs", std::move(jobs)}};
}

}  // namespace

Result<api::Json> dashboard_summary(app::Context& context, bool include_money) {
    UtcOffset offset = context.offset;
    if (auto setting = get_setting(context.db, "timezone")) {
        if (auto parsed = parse_utc_offset(*setting)) offset = *parsed;
    }
    // Named first: a TRY inside the braced initialiser would leak the keys already built on error.
    api::Json customers = TRY(customer_counts(context.db));
    api::Json jobs = TRY(jobs_today(context, offset));
    api::Json out = {{"today", to_string(context.today())},
                     {"customers", std::move(customers)},
                     {"jobs", std::move(jobs)},
                     {"money_visible", include_money}};
    if (include_money) out["billing"] = TRY(money(context, context.today()));
    return out;
}

}  // namespace kimonet::services
