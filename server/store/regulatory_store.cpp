#include "store/regulatory_store.hpp"

namespace kimonet::store {

namespace {

Period period_or_epoch(const std::string& text) {
    auto parsed = parse_period(text);
    return parsed ? *parsed : Period{};
}

reports::RevenueDeduction deduction_row(Statement& row) {
    return {row.column_int(0), period_or_epoch(row.column_text(1)), row.column_text(2), row.column_int(3), row.column_text(4)};
}

constexpr const char* kDeductionColumns = "SELECT id, period, kind, amount, reason FROM revenue_deductions ";

}  // namespace

Result<std::vector<reports::MonthlyRevenue>> monthly_revenue(Database& db, const Period& from, const Period& to) {
    auto rows = TRY(db.prepare(
        "SELECT period, COUNT(*), COALESCE(SUM(total), 0), COALESCE(SUM(tax), 0) FROM invoices "
        "WHERE status <> 'void' AND period >= ? AND period <= ? GROUP BY period ORDER BY period"));
    rows.bind(1, to_string(from)).bind(2, to_string(to));
    std::vector<reports::MonthlyRevenue> out;
    while (TRY(rows.step())) {
        auto period = parse_period(rows.column_text(0));
        if (!period) continue;  // a malformed period is no billing month
        out.push_back({*period, rows.column_int(1), rows.column_int(2), rows.column_int(3)});
    }
    return out;
}

Result<std::vector<reports::RevenueDeduction>> list_revenue_deductions(Database& db, const Period& from, const Period& to) {
    auto rows = TRY(db.prepare(std::string(kDeductionColumns) + "WHERE period >= ? AND period <= ? ORDER BY period, id"));
    rows.bind(1, to_string(from)).bind(2, to_string(to));
    std::vector<reports::RevenueDeduction> out;
    while (TRY(rows.step())) out.push_back(deduction_row(rows));
    return out;
}

Result<std::optional<reports::RevenueDeduction>> find_revenue_deduction(Database& db, std::int64_t id) {
    auto row = TRY(db.prepare(std::string(kDeductionColumns) + "WHERE id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return std::optional<reports::RevenueDeduction>();
    auto out = deduction_row(row);
    row.reset();
    return std::optional<reports::RevenueDeduction>(std::move(out));
}

Result<std::int64_t> insert_revenue_deduction(Database& db, const reports::RevenueDeduction& deduction, std::int64_t created_by,
                                              std::int64_t created_at) {
    auto insert = TRY(db.prepare(
        "INSERT INTO revenue_deductions(period, kind, amount, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, to_string(deduction.period)).bind(2, deduction.kind).bind(3, deduction.amount).bind(4, deduction.reason);
    insert.bind(5, created_by).bind(6, created_at);
    TRY(insert.step());
    const std::int64_t id = insert.column_int(0);
    insert.reset();
    return id;
}

Result<void> delete_revenue_deduction(Database& db, std::int64_t id) {
    auto remove = TRY(db.prepare("DELETE FROM revenue_deductions WHERE id = ?"));
    remove.bind(1, id);
    return remove.run();
}

Result<std::vector<reports::RegulatoryRate>> list_regulatory_rates(Database& db) {
    auto rows = TRY(db.prepare("SELECT id, effective_from, bhp_bp, uso_bp, note FROM regulatory_rates ORDER BY effective_from"));
    std::vector<reports::RegulatoryRate> out;
    while (TRY(rows.step())) {
        auto date = parse_date(rows.column_text(1));
        if (!date) continue;
        out.push_back({rows.column_int(0), *date, rows.column_int(2), rows.column_int(3), rows.column_text(4)});
    }
    return out;
}

Result<std::int64_t> insert_regulatory_rate(Database& db, const reports::RegulatoryRate& rate, std::int64_t created_by,
                                            std::int64_t created_at) {
    auto insert = TRY(db.prepare(
        "INSERT INTO regulatory_rates(effective_from, bhp_bp, uso_bp, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, to_string(rate.effective_from)).bind(2, rate.bhp_bp).bind(3, rate.uso_bp).bind(4, rate.note);
    insert.bind(5, created_by).bind(6, created_at);
    TRY(insert.step());
    const std::int64_t id = insert.column_int(0);
    insert.reset();
    return id;
}

}  // namespace kimonet::store
