// payment_totals (report_totals.hpp): GROUP BY on PostgreSQL, folds on SQLite.
#include <algorithm>

#include "store/report_totals.hpp"
#include "store/sqlite_fold.hpp"

namespace kimonet::store {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// The few distinct texts of a column (methods, gateways) as small numbers, so rows find their
// group without a string per row.
class PaymentTextCodes {
public:
    std::size_t code(std::string_view text) {
        for (std::size_t i = 0; i < m_texts.size(); ++i)
            if (m_texts[i] == text) return i;
        m_texts.emplace_back(text);
        return m_texts.size() - 1;
    }
    const std::string& text(std::size_t code) const { return m_texts[code]; }
    std::size_t size() const { return m_texts.size(); }

private:
    std::vector<std::string> m_texts;
};

struct DayTotals {
    std::int64_t count = 0;
    Money received = 0;
    Money applied = 0;
};

// Totals per (local day, text code): a vector per code, indexed by the day within the range.
class DayGrid {
public:
    DayGrid(std::int64_t first_day, std::int64_t days) : m_first_day(first_day), m_days(days) {}
    // nullptr for a day outside the range (a clock offset beyond a day; not expected).
    DayTotals* at(std::int64_t day, std::size_t code) {
        const std::int64_t index = day - m_first_day;
        if (index < 0 || index >= m_days) return nullptr;
        while (m_codes.size() <= code) m_codes.emplace_back(static_cast<std::size_t>(m_days));
        return &m_codes[code][static_cast<std::size_t>(index)];
    }
    template <typename Emit>
    void each(const Emit& emit) const {
        for (std::size_t code = 0; code < m_codes.size(); ++code)
            for (std::size_t index = 0; index < m_codes[code].size(); ++index)
                if (m_codes[code][index].count > 0) emit(m_first_day + static_cast<std::int64_t>(index), code, m_codes[code][index]);
    }

private:
    std::int64_t m_first_day;
    std::int64_t m_days;
    std::vector<std::vector<DayTotals>> m_codes;
};

struct GatewayPayment {
    std::int64_t payment_id = 0;
    std::int64_t local_day = 0;
    Money applied = 0;
    bool operator<(const GatewayPayment& other) const { return payment_id < other.payment_id; }
};

Result<PaymentTotals> sqlite_payment_totals(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds) {
    const std::int64_t first_day = (start + offset_seconds) / kSecondsPerDay;
    const std::int64_t days = std::max<std::int64_t>(0, (end + offset_seconds) / kSecondsPerDay - first_day + 1);
    PaymentTextCodes methods, gateways;
    DayGrid by_method(first_day, days), by_gateway(first_day, days);
    std::vector<GatewayPayment> gateway_payments;
    // One pass over the covering index payments_report (0050); the payments made through a
    // gateway are kept by id for the second pass, which reads their gateway.
    auto payments = TRY(db.prepare("SELECT kimonet_fold(paid_at, method, amount, applied_amount, id) FROM payments "
                                   "WHERE paid_at >= ?1 AND paid_at < ?2 AND voided_at IS NULL"));
    payments.bind(1, start).bind(2, end);
    TRY_VOID(fold_rows(payments, [&](const FoldRow& row) {
        const std::int64_t day = (row.integer(0) + offset_seconds) / kSecondsPerDay;
        const std::string_view method = row.text(1);
        DayTotals* cell = by_method.at(day, methods.code(method));
        if (!cell) return;
        cell->count += 1;
        cell->received += row.integer(2);
        cell->applied += row.integer(3);
        if (method == "gateway") gateway_payments.push_back({row.integer(4), day, row.integer(3)});
    }));
    // The gateway of each: one range of the covering index gateway_transactions_payment
    // (payment_id, gateway) between the lowest and highest id, matched in C++ (a lookup per
    // payment inside SQLite is a B-tree descent each, several times the cost).
    if (!gateway_payments.empty()) {
        std::sort(gateway_payments.begin(), gateway_payments.end());
        auto transactions = TRY(db.prepare("SELECT kimonet_fold(payment_id, gateway) FROM gateway_transactions WHERE payment_id BETWEEN ?1 AND ?2"));
        transactions.bind(1, gateway_payments.front().payment_id).bind(2, gateway_payments.back().payment_id);
        TRY_VOID(fold_rows(transactions, [&](const FoldRow& row) {
            const auto found = std::lower_bound(gateway_payments.begin(), gateway_payments.end(), GatewayPayment{row.integer(0)});
            if (found == gateway_payments.end() || found->payment_id != row.integer(0)) return;
            DayTotals* cell = by_gateway.at(found->local_day, gateways.code(row.text(1)));
            if (!cell) return;
            cell->count += 1;
            cell->applied += found->applied;
        }));
    }
    PaymentTotals totals;
    by_method.each([&](std::int64_t day, std::size_t code, const DayTotals& cell) {
        totals.by_method.push_back({day, methods.text(code), cell.count, cell.received, cell.applied});
    });
    by_gateway.each([&](std::int64_t day, std::size_t code, const DayTotals& cell) {
        totals.by_gateway.push_back({day, gateways.text(code), cell.count, cell.applied});
    });
    return totals;
}

Result<PaymentTotals> postgresql_payment_totals(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds) {
    PaymentTotals totals;
    auto payments = TRY(db.prepare("SELECT (paid_at + ?3) / 86400, method, COUNT(*), SUM(amount), SUM(applied_amount) FROM payments "
                                   "WHERE paid_at >= ?1 AND paid_at < ?2 AND voided_at IS NULL GROUP BY 1, 2"));
    payments.bind(1, start).bind(2, end).bind(3, offset_seconds);
    while (TRY(payments.step()))
        totals.by_method.push_back({payments.column_int(0), payments.column_text(1), payments.column_int(2), payments.column_int(3), payments.column_int(4)});
    auto gateways = TRY(db.prepare("SELECT (p.paid_at + ?3) / 86400, g.gateway, COUNT(*), SUM(p.applied_amount) FROM payments p "
                                   "JOIN gateway_transactions g ON g.payment_id = p.id "
                                   "WHERE p.method = 'gateway' AND p.paid_at >= ?1 AND p.paid_at < ?2 AND p.voided_at IS NULL GROUP BY 1, 2"));
    gateways.bind(1, start).bind(2, end).bind(3, offset_seconds);
    while (TRY(gateways.step()))
        totals.by_gateway.push_back({gateways.column_int(0), gateways.column_text(1), gateways.column_int(2), gateways.column_int(3)});
    return totals;
}

}  // namespace

Result<PaymentTotals> payment_totals(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds) {
    return db.engine() == Engine::Sqlite ? sqlite_payment_totals(db, start, end, offset_seconds)
                                         : postgresql_payment_totals(db, start, end, offset_seconds);
}

}  // namespace kimonet::store
