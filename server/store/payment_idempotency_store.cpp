#include "store/payment_idempotency_store.hpp"

namespace kimonet::store {

Result<std::optional<std::int64_t>> find_payment_by_idempotency_key(Database& db, std::int64_t user_id, const std::string& key) {
    auto row = TRY(db.prepare(
        "SELECT id FROM payments WHERE recorded_by_type = 'user' AND recorded_by_id = ? AND idempotency_key = ?"));
    row.bind(1, user_id).bind(2, key);
    if (!TRY(row.step())) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(row.column_int(0));
}

Result<void> set_payment_idempotency_key(Database& db, std::int64_t payment_id, const std::string& key) {
    auto update = TRY(db.prepare("UPDATE payments SET idempotency_key = ? WHERE id = ?"));
    update.bind(1, key).bind(2, payment_id);
    return update.run();
}

}  // namespace kimonet::store
