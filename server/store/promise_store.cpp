#include "store/promise_store.hpp"

#include "store/transaction_memo.hpp"

namespace kimonet::store {

namespace {

// Remembered in a write transaction: "1" when an active promise may exist, nothing when none does.
constexpr std::string_view kAnyActivePromiseMemo = "payment_promises:any_active";

constexpr const char* kPromiseColumns =
    "p.id, p.customer_id, p.invoice_id, i.invoice_no, p.made_on, p.promised_until, p.days, p.channel, p.status, p.actor_type, "
    "p.actor_id, p.actor_name, p.reason, p.restored, p.created_at, p.ended_at "
    "FROM payment_promises p JOIN invoices i ON i.id = p.invoice_id ";

PromiseRow promise_of(const Statement& row) {
    PromiseRow promise;
    promise.id = row.column_int(0);
    promise.customer_id = row.column_int(1);
    promise.invoice_id = row.column_int(2);
    promise.invoice_no = row.column_text(3);
    promise.made_on = row.column_text(4);
    promise.promised_until = row.column_text(5);
    promise.days = static_cast<int>(row.column_int(6));
    promise.channel = row.column_text(7);
    promise.status = row.column_text(8);
    promise.actor_type = row.column_text(9);
    promise.actor_id = row.column_optional_int(10);
    promise.actor_name = row.column_text(11);
    promise.reason = row.column_text(12);
    promise.restored = row.column_int(13) != 0;
    promise.created_at = row.column_int(14);
    promise.ended_at = row.column_optional_int(15);
    return promise;
}

}  // namespace

Result<std::vector<PromiseRow>> customer_promises(Database& db, std::int64_t customer_id, int limit) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kPromiseColumns + "WHERE p.customer_id = ? ORDER BY p.id DESC LIMIT ?"));
    statement.bind(1, customer_id).bind(2, limit);
    std::vector<PromiseRow> out;
    while (TRY(statement.step())) out.push_back(promise_of(statement));
    return out;
}

Result<std::optional<PromiseRow>> active_promise(Database& db, std::int64_t customer_id) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kPromiseColumns + "WHERE p.customer_id = ? AND p.status = 'active'"));
    statement.bind(1, customer_id);
    if (!TRY(statement.step())) return std::optional<PromiseRow>();
    return std::optional<PromiseRow>(promise_of(statement));
}

Result<std::map<std::int64_t, std::string>> active_promise_dates(Database& db) {
    auto statement = TRY(db.prepare("SELECT customer_id, promised_until FROM payment_promises WHERE status = 'active'"));
    std::map<std::int64_t, std::string> out;
    while (TRY(statement.step())) out[statement.column_int(0)] = statement.column_text(1);
    return out;
}

Result<std::int64_t> insert_promise(Database& db, const PromiseRow& promise) {
    auto insert = TRY(db.prepare(
        "INSERT INTO payment_promises(customer_id, invoice_id, made_on, promised_until, days, channel, status, actor_type, actor_id, "
        "actor_name, reason, restored, created_at) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, promise.customer_id).bind(2, promise.invoice_id).bind(3, promise.made_on).bind(4, promise.promised_until);
    insert.bind(5, promise.days).bind(6, promise.channel).bind(7, promise.actor_type).bind(8, promise.actor_id);
    insert.bind(9, promise.actor_name).bind(10, promise.reason).bind(11, promise.restored).bind(12, promise.created_at);
    TRY(insert.step());
    const std::int64_t id = insert.column_int(0);
    TRY_VOID(insert.run());
    if (db.in_transaction()) remember(db, std::string(kAnyActivePromiseMemo), std::string("1"));
    return id;
}

Result<void> end_promise(Database& db, std::int64_t promise_id, const std::string& status, std::int64_t now) {
    auto update = TRY(db.prepare("UPDATE payment_promises SET status = ?, ended_at = ? WHERE id = ? AND status = 'active'"));
    update.bind(1, status).bind(2, now).bind(3, promise_id);
    return update.run();
}

Result<std::vector<ActivePromiseState>> active_promise_states(Database& db) {
    auto statement = TRY(db.prepare(
        "SELECT p.id, p.customer_id, p.invoice_id, p.promised_until, i.status FROM payment_promises p "
        "JOIN invoices i ON i.id = p.invoice_id WHERE p.status = 'active' ORDER BY p.id"));
    std::vector<ActivePromiseState> out;
    while (TRY(statement.step()))
        out.push_back({statement.column_int(0), statement.column_int(1), statement.column_int(2), statement.column_text(3), statement.column_text(4)});
    return out;
}

Result<std::vector<ActivePromiseState>> active_promises_of_invoice(Database& db, std::int64_t customer_id, std::int64_t invoice_id) {
    if (db.in_transaction()) {
        const auto* known = remembered(db, kAnyActivePromiseMemo);
        if (known && !known->has_value()) return std::vector<ActivePromiseState>();
        if (!known) {
            auto any = TRY(db.prepare("SELECT EXISTS(SELECT 1 FROM payment_promises WHERE status = 'active')"));
            const bool found = TRY(any.step()) && any.column_int(0) != 0;
            TRY_VOID(any.run());
            remember(db, std::string(kAnyActivePromiseMemo), found ? std::optional<std::string>("1") : std::nullopt);
            if (!found) return std::vector<ActivePromiseState>();
        }
    }
    auto statement = TRY(db.prepare(
        "SELECT p.id, p.customer_id, p.invoice_id, p.promised_until, i.status FROM payment_promises p "
        "JOIN invoices i ON i.id = p.invoice_id WHERE p.customer_id = ? AND p.invoice_id = ? AND p.status = 'active' ORDER BY p.id"));
    statement.bind(1, customer_id).bind(2, invoice_id);
    std::vector<ActivePromiseState> out;
    while (TRY(statement.step()))
        out.push_back({statement.column_int(0), statement.column_int(1), statement.column_int(2), statement.column_text(3), statement.column_text(4)});
    return out;
}

Result<std::vector<PromiseInvoice>> overdue_open_invoices(Database& db, std::int64_t customer_id, const std::string& today) {
    auto statement = TRY(db.prepare(
        "SELECT id, invoice_no, due_date, period, total - paid_amount FROM invoices "
        "WHERE customer_id = ? AND status IN ('unpaid','partial') AND total > paid_amount AND due_date <= ? ORDER BY due_date, id"));
    statement.bind(1, customer_id).bind(2, today);
    std::vector<PromiseInvoice> out;
    while (TRY(statement.step()))
        out.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2), statement.column_text(3), statement.column_int(4)});
    return out;
}

Result<void> forget_recorded_isolations(Database& db, std::int64_t customer_id) {
    auto remove = TRY(db.prepare(
        "DELETE FROM dunning_actions WHERE customer_id = ? AND action = 'isolate' AND invoice_id IN "
        "(SELECT id FROM invoices WHERE customer_id = ? AND status IN ('unpaid','partial'))"));
    remove.bind(1, customer_id).bind(2, customer_id);
    return remove.run();
}

}  // namespace kimonet::store
