#include "store/import_store.hpp"

namespace kimonet::store {

Result<void> scan_customer_identities(Database& db, const std::function<void(const CustomerIdentityRow&)>& visit) {
    auto statement = TRY(db.prepare("SELECT service_number, COALESCE(router_id, 0), pppoe_username FROM customers"));
    while (TRY(statement.step())) visit({statement.column_text_view(0), statement.column_int(1), statement.column_text_view(2)});
    return {};
}

Result<std::int64_t> count_customers_and_users(Database& db) {
    auto statement = TRY(db.prepare("SELECT (SELECT COUNT(*) FROM customers) + (SELECT COUNT(*) FROM users)"));
    if (!TRY(statement.step())) return std::int64_t{0};
    const std::int64_t count = statement.column_int(0);
    statement.reset();  // the read must end before the caller's write transaction (store/database.hpp)
    return count;
}

}  // namespace kimonet::store
