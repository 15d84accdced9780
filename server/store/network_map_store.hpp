#pragma once
// What the map reads (issue 21, migration 0042): routers and customers with coordinates, with the
// status each is drawn in, and setting a router's coordinates. SQL only; the inventory levels are
// store/inventory_store.hpp's.
#include <optional>
#include <string>
#include <vector>

#include "store/inventory_store.hpp"

namespace kimonet::store {

struct RouterMapRow {
    std::int64_t id = 0;
    std::string name;
    GeoPoint location;
    std::optional<bool> reachable;  // the router probe's last word; nullopt = never probed
};
// Routers that have coordinates, by name.
Result<std::vector<RouterMapRow>> list_router_map_rows(Database& db);
// False when there is no such router.
Result<bool> set_router_location(Database& db, std::int64_t router_id, std::optional<GeoPoint> location);
// The router's coordinates: nullopt when there is no such router, an empty inner value when it has none.
Result<std::optional<std::optional<GeoPoint>>> router_location(Database& db, std::int64_t router_id);

struct CustomerMapRow {
    std::int64_t id = 0;
    std::string service_number;
    std::string name;
    std::string status;
    GeoPoint location;
    std::optional<std::int64_t> odp_id;  // the ODP the customer is placed on
    int port_number = 0;
};
// Customers that have coordinates and are not terminated, by id; at most `limit`.
Result<std::vector<CustomerMapRow>> list_customer_map_rows(Database& db, int limit);

}  // namespace kimonet::store
