#include "store/network_map_store.hpp"

namespace kimonet::store {

Result<std::vector<RouterMapRow>> list_router_map_rows(Database& db) {
    auto rows = TRY(db.prepare(
        "SELECT r.id, r.name, r.latitude, r.longitude, h.reachable FROM routers r LEFT JOIN router_reachability h ON h.router_id = r.id "
        "WHERE r.latitude IS NOT NULL AND r.longitude IS NOT NULL ORDER BY r.name, r.id"));
    std::vector<RouterMapRow> out;
    while (TRY(rows.step())) {
        RouterMapRow row{rows.column_int(0), rows.column_text(1), GeoPoint{rows.column_double(2), rows.column_double(3)}, std::nullopt};
        if (!rows.column_is_null(4)) row.reachable = rows.column_int(4) != 0;
        out.push_back(std::move(row));
    }
    return out;
}

Result<bool> set_router_location(Database& db, std::int64_t router_id, std::optional<GeoPoint> location) {
    auto update = TRY(db.prepare("UPDATE routers SET latitude = ?, longitude = ? WHERE id = ?"));
    if (location) update.bind(1, location->latitude).bind(2, location->longitude);
    else update.bind_null(1).bind_null(2);
    update.bind(3, router_id);
    TRY_VOID(update.run());
    return db.changes() > 0;
}

Result<std::optional<std::optional<GeoPoint>>> router_location(Database& db, std::int64_t router_id) {
    auto row = TRY(db.prepare("SELECT latitude, longitude FROM routers WHERE id = ?"));
    row.bind(1, router_id);
    if (!TRY(row.step())) return std::optional<std::optional<GeoPoint>>();
    if (row.column_is_null(0) || row.column_is_null(1)) return std::optional<std::optional<GeoPoint>>(std::optional<GeoPoint>());
    return std::optional<std::optional<GeoPoint>>(GeoPoint{row.column_double(0), row.column_double(1)});
}

Result<std::vector<CustomerMapRow>> list_customer_map_rows(Database& db, int limit) {
    auto rows = TRY(db.prepare(
        "SELECT c.id, c.service_number, c.name, c.status, c.latitude, c.longitude, p.odp_id, p.port_number FROM customers c "
        "LEFT JOIN odp_ports p ON p.customer_id = c.id "
        "WHERE c.latitude IS NOT NULL AND c.longitude IS NOT NULL AND c.status <> 'terminated' ORDER BY c.id LIMIT ?"));
    rows.bind(1, limit);
    std::vector<CustomerMapRow> out;
    while (TRY(rows.step()))
        out.push_back({rows.column_int(0), rows.column_text(1), rows.column_text(2), rows.column_text(3),
                       GeoPoint{rows.column_double(4), rows.column_double(5)}, rows.column_optional_int(6),
                       static_cast<int>(rows.column_int(7))});
    return out;
}

}  // namespace kimonet::store
