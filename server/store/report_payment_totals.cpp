// payment_totals (report_totals.hpp): GROUP BY on PostgreSQL, folds on SQLite.
#include <algorithm>

#include "store/postgresql_setting.hpp"
#include "store/report_totals.hpp"
#include "store/sqlite_fold.hpp"

namespace kimonet::store {

namespace {

constexpr std::int64_t kSecondsPerLocalDay = 86400;

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

// The gateway payments of the range by id. Payment ids are handed out in order, so those of a
// range of days are mostly dense: then a slot per id between the lowest and the highest (a lookup
// is one read); when they are not (at most one in 16 ids), sorted and searched.
class GatewayPaymentIndex {
public:
    explicit GatewayPaymentIndex(std::vector<GatewayPayment>& payments) : m_payments(payments) {
        const auto [lowest, highest] = std::minmax_element(payments.begin(), payments.end());
        m_lowest = lowest->payment_id;
        m_highest = highest->payment_id;
        const auto span = static_cast<std::uint64_t>(m_highest - m_lowest) + 1;
        if (span <= 16 * static_cast<std::uint64_t>(payments.size())) {
            m_slots.assign(static_cast<std::size_t>(span), 0);
            for (std::size_t i = 0; i < payments.size(); ++i) m_slots[static_cast<std::size_t>(payments[i].payment_id - m_lowest)] = static_cast<std::uint32_t>(i + 1);
        } else {
            std::sort(payments.begin(), payments.end());
        }
    }
    std::int64_t lowest() const { return m_lowest; }
    std::int64_t highest() const { return m_highest; }
    const GatewayPayment* find(std::int64_t payment_id) const {
        if (payment_id < m_lowest || payment_id > m_highest) return nullptr;
        if (!m_slots.empty()) {
            const std::uint32_t slot = m_slots[static_cast<std::size_t>(payment_id - m_lowest)];
            return slot == 0 ? nullptr : &m_payments[slot - 1];
        }
        const auto found = std::lower_bound(m_payments.begin(), m_payments.end(), GatewayPayment{payment_id});
        return found != m_payments.end() && found->payment_id == payment_id ? &*found : nullptr;
    }

private:
    const std::vector<GatewayPayment>& m_payments;
    std::vector<std::uint32_t> m_slots;  // payment id - lowest → index + 1 (0 = none)
    std::int64_t m_lowest = 0;
    std::int64_t m_highest = 0;
};

Result<PaymentTotals> sqlite_payment_totals(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds) {
    const std::int64_t first_day = (start + offset_seconds) / kSecondsPerLocalDay;
    const std::int64_t days = std::max<std::int64_t>(0, (end + offset_seconds) / kSecondsPerLocalDay - first_day + 1);
    PaymentTextCodes methods, gateways;
    DayGrid by_method(first_day, days), by_gateway(first_day, days);
    std::vector<GatewayPayment> gateway_payments;
    // One pass over the covering index payments_report (0050); the payments made through a
    // gateway are kept by id for the second pass, which reads their gateway.
    auto payments = TRY(db.prepare("SELECT kimonet_fold(paid_at, method, amount, applied_amount, id) FROM payments "
                                   "WHERE paid_at >= ?1 AND paid_at < ?2 AND voided_at IS NULL"));
    payments.bind(1, start).bind(2, end);
    TRY_VOID(fold_rows(payments, [&](const FoldRow& row) {
        const std::int64_t day = (row.integer(0) + offset_seconds) / kSecondsPerLocalDay;
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
        const GatewayPaymentIndex index(gateway_payments);
        auto transactions = TRY(db.prepare("SELECT kimonet_fold(payment_id, gateway) FROM gateway_transactions WHERE payment_id BETWEEN ?1 AND ?2"));
        transactions.bind(1, index.lowest()).bind(2, index.highest());
        TRY_VOID(fold_rows(transactions, [&](const FoldRow& row) {
            const GatewayPayment* payment = index.find(row.integer(0));
            if (!payment) return;
            DayTotals* cell = by_gateway.at(payment->local_day, gateways.code(row.text(1)));
            if (!cell) return;
            cell->count += 1;
            cell->applied += payment->applied;
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

// Two GROUP BYs (one pass with a LEFT JOIN to the gateway transactions measured slower: 0.80 s
// against 0.27 + 0.34 s for 1,000,000 invoices' payments on a loaded machine). The gateways: the
// live gateway payments (payments_gateway_report, 0053) merged in id order with their transactions
// (gateway_transactions_payment), two index-only scans. The planner prefers a hash of one of them,
// which measured 1.3–1.7× the merge (bench_reports' 200,000 gateway payments, load 9–10.5: 0.10–0.24 s
// against 0.06–0.18 s), so hash joins are off for this query alone.
Result<PaymentTotals> postgresql_payment_totals(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds) {
    PaymentTotals totals;
    auto payments = TRY(db.prepare("SELECT (paid_at + ?3) / 86400, method, COUNT(*), SUM(amount), SUM(applied_amount) FROM payments "
                                   "WHERE paid_at >= ?1 AND paid_at < ?2 AND voided_at IS NULL GROUP BY 1, 2"));
    payments.bind(1, start).bind(2, end).bind(3, offset_seconds);
    while (TRY(payments.step()))
        totals.by_method.push_back({payments.column_int(0), payments.column_text(1), payments.column_int(2), payments.column_int(3), payments.column_int(4)});
    const ScopedPostgresqlSetting merge_join(db, "enable_hashjoin", "off");
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
