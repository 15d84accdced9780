#include "store/inventory_store.hpp"

#include <array>
#include <utility>

namespace kimonet::store {

namespace {

constexpr std::array<std::pair<InventoryLevel, std::string_view>, 5> kInventoryLevelNames{{
    {InventoryLevel::Router, "router"},
    {InventoryLevel::Olt, "olt"},
    {InventoryLevel::PonPort, "pon_port"},
    {InventoryLevel::Odc, "odc"},
    {InventoryLevel::Odp, "odp"},
}};

// Binds latitude at `index` and longitude at `index + 1`, both NULL when there is no location.
void inventory_bind_location(Statement& statement, int index, const std::optional<GeoPoint>& location) {
    if (location) statement.bind(index, location->latitude).bind(index + 1, location->longitude);
    else statement.bind_null(index).bind_null(index + 1);
}

std::optional<GeoPoint> inventory_location_at(const Statement& row, int index) {
    if (row.column_is_null(index) || row.column_is_null(index + 1)) return std::nullopt;
    return GeoPoint{row.column_double(index), row.column_double(index + 1)};
}

Result<std::int64_t> inventory_returned_id(Statement& statement) {
    if (!TRY(statement.step())) return make_error(ErrorCode::Internal);  // an INSERT that succeeds returns its row
    const std::int64_t id = statement.column_int(0);
    TRY_VOID(statement.run());
    return id;
}

Result<bool> inventory_changed_a_row(Database& db, Statement& statement) {
    TRY_VOID(statement.run());
    return db.changes() > 0;
}

Result<bool> inventory_delete_by_id(Database& db, const char* sql, std::int64_t id) {
    auto remove = TRY(db.prepare(sql));
    remove.bind(1, id);
    return inventory_changed_a_row(db, remove);
}

constexpr const char* kOltSelect = "SELECT id, name, router_id, site, latitude, longitude FROM olts";
OltRecord olt_from_row(const Statement& row) {
    return OltRecord{row.column_int(0), row.column_text(1), row.column_optional_int(2), row.column_text(3), inventory_location_at(row, 4)};
}

constexpr const char* kPonPortSelect = "SELECT id, olt_id, label FROM pon_ports";
PonPortRecord pon_port_from_row(const Statement& row) { return PonPortRecord{row.column_int(0), row.column_int(1), row.column_text(2)}; }

constexpr const char* kOdcSelect = "SELECT id, name, pon_port_id, latitude, longitude FROM odcs";
OdcRecord odc_from_row(const Statement& row) {
    return OdcRecord{row.column_int(0), row.column_text(1), row.column_int(2), inventory_location_at(row, 3)};
}

constexpr const char* kOdpSelect =
    "SELECT o.id, o.name, o.odc_id, o.port_count, o.latitude, o.longitude, "
    "(SELECT COUNT(*) FROM odp_ports p WHERE p.odp_id = o.id) FROM odps o";
OdpRecord odp_from_row(const Statement& row) {
    return OdpRecord{row.column_int(0), row.column_text(1), row.column_int(2), static_cast<int>(row.column_int(3)),
                     inventory_location_at(row, 4), static_cast<int>(row.column_int(6))};
}

constexpr const char* kOdpPortSelect =
    "SELECT p.odp_id, p.port_number, p.customer_id, p.placed_at, c.service_number, c.name "
    "FROM odp_ports p JOIN customers c ON c.id = p.customer_id";
OdpPortRecord odp_port_from_row(const Statement& row) {
    return OdpPortRecord{row.column_int(0), static_cast<int>(row.column_int(1)), row.column_int(2), row.column_int(3),
                         row.column_text(4), row.column_text(5)};
}

template <typename Record, typename FromRow>
Result<std::optional<Record>> inventory_find_one(Database& db, const std::string& sql, std::int64_t id, FromRow from_row) {
    auto statement = TRY(db.prepare(sql));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::optional<Record>();
    Record record = from_row(statement);
    TRY_VOID(statement.run());
    return std::optional<Record>(std::move(record));
}

// Every row of `sql`, whose first parameter (if any) is the optional parent id bound twice: `(? IS NULL OR parent = ?)`.
template <typename Record, typename FromRow>
Result<std::vector<Record>> inventory_list(Database& db, const std::string& sql, std::optional<std::int64_t> parent, FromRow from_row) {
    auto statement = TRY(db.prepare(sql));
    statement.bind(1, parent).bind(2, parent);
    std::vector<Record> out;
    while (TRY(statement.step())) out.push_back(from_row(statement));
    return out;
}

// The customers' ids below each level, as a subquery with one parameter (the node's id).
std::string customer_ids_below_sql(InventoryLevel level) {
    switch (level) {
        case InventoryLevel::Odp: return "SELECT p.customer_id FROM odp_ports p WHERE p.odp_id = ?";
        case InventoryLevel::Odc:
            return "SELECT p.customer_id FROM odps o JOIN odp_ports p ON p.odp_id = o.id WHERE o.odc_id = ?";
        case InventoryLevel::PonPort:
            return "SELECT p.customer_id FROM odcs d JOIN odps o ON o.odc_id = d.id JOIN odp_ports p ON p.odp_id = o.id "
                   "WHERE d.pon_port_id = ?";
        case InventoryLevel::Olt:
            return "SELECT p.customer_id FROM pon_ports n JOIN odcs d ON d.pon_port_id = n.id JOIN odps o ON o.odc_id = d.id "
                   "JOIN odp_ports p ON p.odp_id = o.id WHERE n.olt_id = ?";
        case InventoryLevel::Router:
            return "SELECT r.id FROM customers r WHERE r.router_id = :node UNION "
                   "SELECT p.customer_id FROM olts t JOIN pon_ports n ON n.olt_id = t.id JOIN odcs d ON d.pon_port_id = n.id "
                   "JOIN odps o ON o.odc_id = d.id JOIN odp_ports p ON p.odp_id = o.id WHERE t.router_id = :node";
    }
    return {};
}

}  // namespace

std::string_view inventory_level_name(InventoryLevel level) {
    for (const auto& [value, name] : kInventoryLevelNames)
        if (value == level) return name;
    return {};
}

std::optional<InventoryLevel> inventory_level_from_name(std::string_view name) {
    for (const auto& [value, level_name] : kInventoryLevelNames)
        if (level_name == name) return value;
    return std::nullopt;
}

Result<std::int64_t> insert_olt(Database& db, const OltRecord& olt) {
    auto insert = TRY(db.prepare("INSERT INTO olts(name, router_id, site, latitude, longitude) VALUES (?,?,?,?,?) RETURNING id"));
    insert.bind(1, olt.name).bind(2, olt.router_id).bind(3, olt.site);
    inventory_bind_location(insert, 4, olt.location);
    return inventory_returned_id(insert);
}

Result<bool> update_olt(Database& db, const OltRecord& olt) {
    auto update = TRY(db.prepare("UPDATE olts SET name = ?, router_id = ?, site = ?, latitude = ?, longitude = ? WHERE id = ?"));
    update.bind(1, olt.name).bind(2, olt.router_id).bind(3, olt.site).bind(6, olt.id);
    inventory_bind_location(update, 4, olt.location);
    return inventory_changed_a_row(db, update);
}

Result<bool> delete_olt(Database& db, std::int64_t id) { return inventory_delete_by_id(db, "DELETE FROM olts WHERE id = ?", id); }

Result<std::optional<OltRecord>> find_olt(Database& db, std::int64_t id) {
    return inventory_find_one<OltRecord>(db, std::string(kOltSelect) + " WHERE id = ?", id, olt_from_row);
}

Result<std::vector<OltRecord>> list_olts(Database& db) {
    auto rows = TRY(db.prepare(std::string(kOltSelect) + " ORDER BY name, id"));
    std::vector<OltRecord> out;
    while (TRY(rows.step())) out.push_back(olt_from_row(rows));
    return out;
}

Result<std::int64_t> insert_pon_port(Database& db, const PonPortRecord& port) {
    auto insert = TRY(db.prepare("INSERT INTO pon_ports(olt_id, label) VALUES (?,?) RETURNING id"));
    insert.bind(1, port.olt_id).bind(2, port.label);
    return inventory_returned_id(insert);
}

Result<bool> update_pon_port(Database& db, const PonPortRecord& port) {
    auto update = TRY(db.prepare("UPDATE pon_ports SET olt_id = ?, label = ? WHERE id = ?"));
    update.bind(1, port.olt_id).bind(2, port.label).bind(3, port.id);
    return inventory_changed_a_row(db, update);
}

Result<bool> delete_pon_port(Database& db, std::int64_t id) { return inventory_delete_by_id(db, "DELETE FROM pon_ports WHERE id = ?", id); }

Result<std::optional<PonPortRecord>> find_pon_port(Database& db, std::int64_t id) {
    return inventory_find_one<PonPortRecord>(db, std::string(kPonPortSelect) + " WHERE id = ?", id, pon_port_from_row);
}

Result<std::vector<PonPortRecord>> list_pon_ports(Database& db, std::optional<std::int64_t> olt_id) {
    return inventory_list<PonPortRecord>(db, std::string(kPonPortSelect) + " WHERE (? IS NULL OR olt_id = ?) ORDER BY olt_id, label, id",
                                         olt_id, pon_port_from_row);
}

Result<std::int64_t> insert_odc(Database& db, const OdcRecord& odc) {
    auto insert = TRY(db.prepare("INSERT INTO odcs(name, pon_port_id, latitude, longitude) VALUES (?,?,?,?) RETURNING id"));
    insert.bind(1, odc.name).bind(2, odc.pon_port_id);
    inventory_bind_location(insert, 3, odc.location);
    return inventory_returned_id(insert);
}

Result<bool> update_odc(Database& db, const OdcRecord& odc) {
    auto update = TRY(db.prepare("UPDATE odcs SET name = ?, pon_port_id = ?, latitude = ?, longitude = ? WHERE id = ?"));
    update.bind(1, odc.name).bind(2, odc.pon_port_id).bind(5, odc.id);
    inventory_bind_location(update, 3, odc.location);
    return inventory_changed_a_row(db, update);
}

Result<bool> delete_odc(Database& db, std::int64_t id) { return inventory_delete_by_id(db, "DELETE FROM odcs WHERE id = ?", id); }

Result<std::optional<OdcRecord>> find_odc(Database& db, std::int64_t id) {
    return inventory_find_one<OdcRecord>(db, std::string(kOdcSelect) + " WHERE id = ?", id, odc_from_row);
}

Result<std::vector<OdcRecord>> list_odcs(Database& db, std::optional<std::int64_t> pon_port_id) {
    return inventory_list<OdcRecord>(db, std::string(kOdcSelect) + " WHERE (? IS NULL OR pon_port_id = ?) ORDER BY name, id", pon_port_id,
                                     odc_from_row);
}

Result<std::int64_t> insert_odp(Database& db, const OdpRecord& odp) {
    auto insert = TRY(db.prepare("INSERT INTO odps(name, odc_id, port_count, latitude, longitude) VALUES (?,?,?,?,?) RETURNING id"));
    insert.bind(1, odp.name).bind(2, odp.odc_id).bind(3, odp.port_count);
    inventory_bind_location(insert, 4, odp.location);
    return inventory_returned_id(insert);
}

Result<bool> update_odp(Database& db, const OdpRecord& odp) {
    auto update = TRY(db.prepare("UPDATE odps SET name = ?, odc_id = ?, port_count = ?, latitude = ?, longitude = ? WHERE id = ?"));
    update.bind(1, odp.name).bind(2, odp.odc_id).bind(3, odp.port_count).bind(6, odp.id);
    inventory_bind_location(update, 4, odp.location);
    return inventory_changed_a_row(db, update);
}

Result<bool> delete_odp(Database& db, std::int64_t id) { return inventory_delete_by_id(db, "DELETE FROM odps WHERE id = ?", id); }

Result<std::optional<OdpRecord>> find_odp(Database& db, std::int64_t id) {
    return inventory_find_one<OdpRecord>(db, std::string(kOdpSelect) + " WHERE o.id = ?", id, odp_from_row);
}

Result<std::vector<OdpRecord>> list_odps(Database& db, std::optional<std::int64_t> odc_id) {
    return inventory_list<OdpRecord>(db, std::string(kOdpSelect) + " WHERE (? IS NULL OR o.odc_id = ?) ORDER BY o.name, o.id", odc_id,
                                     odp_from_row);
}

Result<void> place_customer_on_odp_port(Database& db, std::int64_t odp_id, int port_number, std::int64_t customer_id, std::int64_t now) {
    auto insert = TRY(db.prepare("INSERT INTO odp_ports(odp_id, port_number, customer_id, placed_at) VALUES (?,?,?,?)"));
    insert.bind(1, odp_id).bind(2, port_number).bind(3, customer_id).bind(4, now);
    return insert.run();
}

Result<bool> unplace_customer(Database& db, std::int64_t customer_id) {
    return inventory_delete_by_id(db, "DELETE FROM odp_ports WHERE customer_id = ?", customer_id);
}

Result<std::optional<OdpPortRecord>> find_customer_odp_port(Database& db, std::int64_t customer_id) {
    return inventory_find_one<OdpPortRecord>(db, std::string(kOdpPortSelect) + " WHERE p.customer_id = ?", customer_id, odp_port_from_row);
}

Result<std::vector<OdpPortRecord>> list_odp_ports(Database& db, std::int64_t odp_id) {
    return inventory_list<OdpPortRecord>(db, std::string(kOdpPortSelect) + " WHERE (? IS NULL OR p.odp_id = ?) ORDER BY p.port_number",
                                         std::optional<std::int64_t>(odp_id), odp_port_from_row);
}

Result<std::vector<int>> free_odp_ports(Database& db, std::int64_t odp_id) {
    const auto odp = TRY(find_odp(db, odp_id));
    if (!odp) return std::vector<int>();
    std::vector<bool> taken(static_cast<std::size_t>(odp->port_count) + 1, false);
    for (const auto& port : TRY(list_odp_ports(db, odp_id)))
        if (port.port_number >= 1 && port.port_number <= odp->port_count) taken[static_cast<std::size_t>(port.port_number)] = true;
    std::vector<int> free;
    for (int number = 1; number <= odp->port_count; ++number)
        if (!taken[static_cast<std::size_t>(number)]) free.push_back(number);
    return free;
}

std::string customers_below_sql(InventoryLevel level) {
    return "SELECT c.id, c.service_number, c.name, c.phone, c.status FROM customers c WHERE c.id IN (" + customer_ids_below_sql(level) +
           ") ORDER BY c.id";
}

Result<std::vector<CustomerBelow>> customers_below(Database& db, InventoryLevel level, std::int64_t id) {
    auto rows = TRY(db.prepare(customers_below_sql(level)));
    if (level == InventoryLevel::Router) rows.bind_named(":node", id);
    else rows.bind(1, id);
    std::vector<CustomerBelow> out;
    while (TRY(rows.step()))
        out.push_back(CustomerBelow{rows.column_int(0), rows.column_text(1), rows.column_text(2), rows.column_text(3), rows.column_text(4)});
    return out;
}

Result<std::optional<GeoPoint>> find_customer_location(Database& db, std::int64_t customer_id) {
    auto row = TRY(db.prepare("SELECT latitude, longitude FROM customers WHERE id = ?"));
    row.bind(1, customer_id);
    if (!TRY(row.step())) return std::optional<GeoPoint>();
    const auto location = inventory_location_at(row, 0);
    TRY_VOID(row.run());
    return location;
}

Result<bool> set_customer_location(Database& db, std::int64_t customer_id, std::optional<GeoPoint> location) {
    auto update = TRY(db.prepare("UPDATE customers SET latitude = ?, longitude = ? WHERE id = ?"));
    inventory_bind_location(update, 1, location);
    update.bind(3, customer_id);
    return inventory_changed_a_row(db, update);
}

}  // namespace kimonet::store
