#include "services/bhp_uso_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "core/regulatory_messages.hpp"
#include "services/activity_log.hpp"
#include "services/report_service.hpp"
#include "services/reseller_service.hpp"
#include "store/credit_note_store.hpp"
#include "store/regulatory_store.hpp"

namespace kimonet::services {

namespace {

constexpr std::size_t kMaxReasonBytes = 500;

}  // namespace

Result<reports::BhpUsoReport> bhp_uso_report(app::Context& context, std::string_view from, std::string_view to, std::string_view per) {
    const auto grouping = TRY(reports::parse_grouping(per));
    const auto range = TRY(report_range(context, from, to));
    auto revenue = TRY(store::monthly_revenue(context.db, range.from, range.to));
    // Credit notes lower gross revenue in the month they are issued (as the revenue report nets
    // them), by their base: their PPN was never revenue.
    for (const auto& notes : TRY(store::credit_notes_by_month(context.db, first_day(range.from), last_day(range.to)))) {
        auto month = std::find_if(revenue.begin(), revenue.end(), [&](const reports::MonthlyRevenue& row) { return row.period == notes.period; });
        if (month == revenue.end()) month = revenue.insert(revenue.end(), reports::MonthlyRevenue{notes.period});
        month->credited = TRY(checked_add(month->credited, TRY(checked_add(notes.amount, -notes.tax))));
    }
    // Hotspot vouchers sold to resellers are telecommunication revenue too, at their gross: the
    // resellers' commission is a cost of selling them, not one of the deductions the rules allow.
    for (const auto& sold : TRY(services::voucher_sales_by_month(context, range))) {
        auto month = std::find_if(revenue.begin(), revenue.end(), [&](const reports::MonthlyRevenue& row) { return row.period == sold.period; });
        if (month == revenue.end()) month = revenue.insert(revenue.end(), reports::MonthlyRevenue{sold.period});
        month->vouchers = TRY(checked_add(month->vouchers, sold.vouchers));
        month->voucher_sales = TRY(checked_add(month->voucher_sales, sold.gross));
    }
    auto deductions = TRY(store::list_revenue_deductions(context.db, range.from, range.to));
    auto rates = TRY(store::list_regulatory_rates(context.db));
    return reports::bhp_uso_report(range, grouping, revenue, std::move(deductions), std::move(rates));
}

Result<reports::RevenueDeduction> add_revenue_deduction(app::Context& context, const api::Json& input) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    api::FieldReader reader(input);
    std::string period_text, kind, reason;
    std::int64_t amount = 0;
    reader.read("period", period_text);
    reader.read("kind", kind);
    reader.read("amount", amount);
    reader.read("reason", reason);
    reason = trim_copy(reason);
    reports::RevenueDeduction deduction;
    if (auto period = parse_period(period_text)) deduction.period = *period;
    else reader.add_error("period", messages::kPeriodFormat);
    if (!reports::is_deduction_kind(kind)) reader.add_error("kind", messages::kDeductionKindChoice);
    if (amount <= 0 || amount > kMaxMoney) reader.add_error("amount", messages::kDeductionAmount);
    if (reason.empty() || reason.size() > kMaxReasonBytes) reader.add_error("reason", messages::kDeductionReason);
    if (!reader.ok()) return validation_error(reader.errors());
    deduction.kind = kind;
    deduction.amount = amount;
    deduction.reason = reason;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        deduction.id = TRY(store::insert_revenue_deduction(context.db, deduction, context.actor.id, context.now));
        return log_activity(context, "revenue_deduction.create", "revenue_deduction", deduction.id, nullptr, api::to_json(deduction));
    }));
    return deduction;
}

Result<void> remove_revenue_deduction(app::Context& context, std::int64_t id) {
    return context.db.transaction([&]() -> Result<void> {
        auto deduction = TRY(store::find_revenue_deduction(context.db, id));
        if (!deduction) return make_error(ErrorCode::NotFound, messages::kDeductionNotFound);
        TRY_VOID(store::delete_revenue_deduction(context.db, id));
        return log_activity(context, "revenue_deduction.delete", "revenue_deduction", id, api::to_json(*deduction), nullptr);
    });
}

Result<std::vector<reports::RegulatoryRate>> regulatory_rates(app::Context& context) {
    return store::list_regulatory_rates(context.db);
}

Result<reports::RegulatoryRate> add_regulatory_rate(app::Context& context, const api::Json& input) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    api::FieldReader reader(input);
    std::string effective_from, note;
    std::int64_t bhp_bp = -1, uso_bp = -1;
    reader.read("effective_from", effective_from);
    reader.read("bhp_bp", bhp_bp);
    reader.read("uso_bp", uso_bp);
    reader.read("note", note);
    note = trim_copy(note);
    reports::RegulatoryRate rate;
    if (auto date = parse_date(effective_from); date && date->day == 1) rate.effective_from = *date;
    else reader.add_error("effective_from", messages::kFirstOfMonth);
    if (bhp_bp < 0 || bhp_bp > 10'000) reader.add_error("bhp_bp", messages::kRateBasisPoints);
    if (uso_bp < 0 || uso_bp > 10'000) reader.add_error("uso_bp", messages::kRateBasisPoints);
    if (note.size() > kMaxReasonBytes) reader.add_error("note", messages::kDeductionReason);
    if (!reader.ok()) return validation_error(reader.errors());
    rate.bhp_bp = bhp_bp;
    rate.uso_bp = uso_bp;
    rate.note = note;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        for (const auto& existing : TRY(store::list_regulatory_rates(context.db)))
            if (existing.effective_from == rate.effective_from)
                return Error{ErrorCode::Conflict, messages::kRateDateExists, {{"effective_from", messages::kRateDateExists}}};
        rate.id = TRY(store::insert_regulatory_rate(context.db, rate, context.actor.id, context.now));
        return log_activity(context, "regulatory_rate.create", "regulatory_rate", rate.id, nullptr, api::to_json(rate));
    }));
    return rate;
}

}  // namespace kimonet::services
