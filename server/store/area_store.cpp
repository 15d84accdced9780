#include "store/area_store.hpp"

namespace kimonet::store {

Result<void> rename_area(Database& db, std::int64_t area_id, const std::string& name) {
    auto update = TRY(db.prepare("UPDATE areas SET name = ? WHERE id = ?"));
    update.bind(1, name).bind(2, area_id);
    return update.run();
}

Result<std::vector<AreaCustomerRow>> list_area_customers(Database& db, std::int64_t area_id, int limit) {
    auto rows = TRY(db.prepare(
        "SELECT c.id, c.service_number, c.name FROM customer_areas ca JOIN customers c ON c.id = ca.customer_id "
        "WHERE ca.area_id = ? ORDER BY c.name, c.id LIMIT ?"));
    rows.bind(1, area_id).bind(2, limit);
    std::vector<AreaCustomerRow> out;
    while (TRY(rows.step())) out.push_back({rows.column_int(0), rows.column_text(1), rows.column_text(2)});
    return out;
}

Result<std::optional<std::int64_t>> customer_id_by_service_number(Database& db, const std::string& service_number) {
    auto row = TRY(db.prepare("SELECT id FROM customers WHERE service_number = ?"));
    row.bind(1, service_number);
    if (!TRY(row.step())) return std::optional<std::int64_t>();
    const std::int64_t id = row.column_int(0);
    row.reset();
    return std::optional<std::int64_t>(id);
}

Result<std::vector<CollectorRow>> list_collector_users(Database& db) {
    auto rows = TRY(db.prepare(
        "SELECT DISTINCT u.id, u.username, u.full_name FROM users u JOIN user_role ur ON ur.user_id = u.id "
        "JOIN role_permission rp ON rp.role_id = ur.role_id JOIN permissions p ON p.id = rp.permission_id "
        "WHERE u.active = 1 AND p.name = 'cash.collect' ORDER BY u.username"));
    std::vector<CollectorRow> out;
    while (TRY(rows.step())) out.push_back({rows.column_int(0), rows.column_text(1), rows.column_text(2)});
    return out;
}

}  // namespace kimonet::store
