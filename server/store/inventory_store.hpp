#pragma once
// The FTTH inventory (issue 21, migration 0039): OLT → PON port → ODC → ODP → one customer per ODP
// port, the customers' coordinates, and `customers_below`, the one query that says which customers
// an incident at any level (or at a router) affects. SQL only; the rules (port within the ODP's
// count, no delete of a level with something below it) are services/inventory_*'s.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

// WGS84 degrees. The schema keeps both or neither and each within its range.
struct GeoPoint {
    double latitude = 0;
    double longitude = 0;
};

// The levels a customer can be "below"; a router counts too (its PPPoE customers, and the
// customers of the OLTs that hang off it).
enum class InventoryLevel { Router, Olt, PonPort, Odc, Odp };
// "router", "olt", "pon_port", "odc", "odp".
std::string_view inventory_level_name(InventoryLevel level);
std::optional<InventoryLevel> inventory_level_from_name(std::string_view name);

struct OltRecord {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> router_id;
    std::string site;
    std::optional<GeoPoint> location;
};
struct PonPortRecord {
    std::int64_t id = 0;
    std::int64_t olt_id = 0;
    std::string label;
};
struct OdcRecord {
    std::int64_t id = 0;
    std::string name;
    std::int64_t pon_port_id = 0;
    std::optional<GeoPoint> location;
};
struct OdpRecord {
    std::int64_t id = 0;
    std::string name;
    std::int64_t odc_id = 0;
    int port_count = 0;
    std::optional<GeoPoint> location;
    int used_ports = 0;  // read only: customers placed on it
};
// An occupied ODP port and who is on it.
struct OdpPortRecord {
    std::int64_t odp_id = 0;
    int port_number = 0;
    std::int64_t customer_id = 0;
    std::int64_t placed_at = 0;
    std::string service_number;
    std::string customer_name;
};
// A customer below an inventory node: what an outage needs to notify and pause.
struct CustomerBelow {
    std::int64_t id = 0;
    std::string service_number;
    std::string name;
    std::string phone;
    std::string status;  // active / isolated / inactive / terminated: the caller chooses whom to count
};

// Each level: insert (returns the id), update (false when no such row), delete (false when no such
// row; a level with rows below it fails with the engine's constraint error, 409), find, list.
Result<std::int64_t> insert_olt(Database& db, const OltRecord& olt);
Result<bool> update_olt(Database& db, const OltRecord& olt);
Result<bool> delete_olt(Database& db, std::int64_t id);
Result<std::optional<OltRecord>> find_olt(Database& db, std::int64_t id);
Result<std::vector<OltRecord>> list_olts(Database& db);

Result<std::int64_t> insert_pon_port(Database& db, const PonPortRecord& port);
Result<bool> update_pon_port(Database& db, const PonPortRecord& port);
Result<bool> delete_pon_port(Database& db, std::int64_t id);
Result<std::optional<PonPortRecord>> find_pon_port(Database& db, std::int64_t id);
// All PON ports, or one OLT's; by OLT then label.
Result<std::vector<PonPortRecord>> list_pon_ports(Database& db, std::optional<std::int64_t> olt_id);

Result<std::int64_t> insert_odc(Database& db, const OdcRecord& odc);
Result<bool> update_odc(Database& db, const OdcRecord& odc);
Result<bool> delete_odc(Database& db, std::int64_t id);
Result<std::optional<OdcRecord>> find_odc(Database& db, std::int64_t id);
// All ODCs, or one PON port's; by name.
Result<std::vector<OdcRecord>> list_odcs(Database& db, std::optional<std::int64_t> pon_port_id);

Result<std::int64_t> insert_odp(Database& db, const OdpRecord& odp);
Result<bool> update_odp(Database& db, const OdpRecord& odp);
Result<bool> delete_odp(Database& db, std::int64_t id);
Result<std::optional<OdpRecord>> find_odp(Database& db, std::int64_t id);
// All ODPs, or one ODC's; by name, each with its used port count.
Result<std::vector<OdpRecord>> list_odps(Database& db, std::optional<std::int64_t> odc_id);

// Puts the customer on the ODP's port; a taken port or an already placed customer fails with the
// engine's constraint error (409). Whether the port exists on the ODP is the caller's check.
Result<void> place_customer_on_odp_port(Database& db, std::int64_t odp_id, int port_number, std::int64_t customer_id, std::int64_t now);
// Takes the customer off its port; false when it was on none.
Result<bool> unplace_customer(Database& db, std::int64_t customer_id);
Result<std::optional<OdpPortRecord>> find_customer_odp_port(Database& db, std::int64_t customer_id);
// The ODP's occupied ports by number.
Result<std::vector<OdpPortRecord>> list_odp_ports(Database& db, std::int64_t odp_id);
// The ODP's free port numbers, ascending (empty when the ODP does not exist or is full).
Result<std::vector<int>> free_odp_ports(Database& db, std::int64_t odp_id);

// Every customer below the node, once, by id: an ODP's placed customers; an ODC's, PON port's or
// OLT's through the tree; a router's PPPoE customers (customers.router_id) and those placed below the
// OLTs attached to it. One indexed query per level on both engines.
Result<std::vector<CustomerBelow>> customers_below(Database& db, InventoryLevel level, std::int64_t id);
// Its SQL (one parameter, the node's id; `:node` for a router), for the test that reads its plan.
std::string customers_below_sql(InventoryLevel level);

// The customer's coordinates (nullopt when not surveyed, or no such customer) and setting them.
Result<std::optional<GeoPoint>> find_customer_location(Database& db, std::int64_t customer_id);
// False when there is no such customer.
Result<bool> set_customer_location(Database& db, std::int64_t customer_id, std::optional<GeoPoint> location);

}  // namespace kimonet::store
