#include "store/payment_lookups.hpp"

#include "core/date.hpp"
#include "store/callback_apply_store.hpp"

namespace kimonet::store {

Result<std::optional<Payer>> find_payer(Database& db, std::int64_t customer_id) {
    auto statement = TRY(db.prepare("SELECT name, email, phone FROM customers WHERE id = ?"));
    statement.bind(1, customer_id);
    if (!TRY(statement.step())) return std::optional<Payer>();
    return std::optional<Payer>(Payer{statement.column_text(0), statement.column_text(1), statement.column_text(2)});
}

Result<std::optional<std::string>> find_service_number(Database& db, std::int64_t customer_id) {
    auto customer = TRY(db.prepare("SELECT service_number FROM customers WHERE id = ?"));
    customer.bind(1, customer_id);
    if (!TRY(customer.step())) return std::optional<std::string>();
    return std::optional<std::string>(customer.column_text(0));
}

Result<std::string> find_customer_status(Database& db, std::int64_t customer_id) {
    if (const auto* known = CallbackCustomerKnown::find(db, customer_id); known && known->status_known()) return known->customer().status;
    auto status = TRY(db.prepare("SELECT status FROM customers WHERE id = ?"));
    status.bind(1, customer_id);
    return TRY(status.step()) ? status.column_text(0) : std::string();
}

Result<void> reactivate_customer(Database& db, std::int64_t customer_id, std::int64_t now) {
    CallbackCustomerKnown::forget_status(db, customer_id);
    // customers.updated_at is ISO-8601 UTC text (what strftime('%Y-%m-%dT%H:%M:%SZ') wrote), from the Clock.
    std::string updated_at = to_string(local_from_unix(now, UtcOffset{0}));
    updated_at[10] = 'T';
    updated_at += 'Z';
    auto update = TRY(db.prepare("UPDATE customers SET status = 'active', updated_at = ? WHERE id = ?"));
    update.bind(1, updated_at).bind(2, customer_id);
    return update.run();
}

Result<void> queue_restore_action(Database& db, std::int64_t customer_id, const std::string& reason, std::int64_t invoice_id,
                                  std::int64_t now) {
    auto action = TRY(db.prepare(
        "INSERT INTO network_actions(customer_id, action, status, reason, invoice_id, created_at) VALUES (?, 'restore', 'pending', ?, ?, ?)"));
    action.bind(1, customer_id).bind(2, reason).bind(3, invoice_id).bind(4, now);
    return action.run();
}

}  // namespace kimonet::store
