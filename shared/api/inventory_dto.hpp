#pragma once
// The FTTH inventory and map shapes (issue 21). The server writes them with to_json; the browser
// reads them back with the *_from_json readers, which never throw.
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "inventory/inventory_rules.hpp"

namespace kimonet::api {

struct InventoryOlt {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> router_id;
    std::string router_name;
    std::string site;
    std::optional<inventory::Coordinates> location;
};
struct InventoryPonPort {
    std::int64_t id = 0;
    std::int64_t olt_id = 0;
    std::string label;
};
struct InventoryOdc {
    std::int64_t id = 0;
    std::string name;
    std::int64_t pon_port_id = 0;
    std::optional<inventory::Coordinates> location;
};
struct InventoryOdp {
    std::int64_t id = 0;
    std::string name;
    std::int64_t odc_id = 0;
    int port_count = 0;
    int used_ports = 0;
    std::optional<inventory::Coordinates> location;
    int free_ports() const { return port_count > used_ports ? port_count - used_ports : 0; }
};
// The whole tree in one answer: the inventory screen draws OLT → PON → ODC → ODP from it.
struct InventoryTree {
    std::vector<InventoryOlt> olts;
    std::vector<InventoryPonPort> pon_ports;
    std::vector<InventoryOdc> odcs;
    std::vector<InventoryOdp> odps;
};
Json to_json(const InventoryOlt& olt);
Json to_json(const InventoryPonPort& port);
Json to_json(const InventoryOdc& odc);
Json to_json(const InventoryOdp& odp);
Json to_json(const InventoryTree& tree);
InventoryTree inventory_tree_from_json(const Json& json);

// One ODP's ports: who is on each taken port, and the free ones.
struct OdpPortOccupant {
    int port_number = 0;
    std::int64_t customer_id = 0;
    std::string service_number;
    std::string customer_name;
};
struct OdpPorts {
    InventoryOdp odp;
    std::vector<OdpPortOccupant> taken;
    std::vector<int> free;
};
Json to_json(const OdpPorts& ports);
OdpPorts odp_ports_from_json(const Json& json);

// A marker on the map. kind: router, olt, odc, odp, customer. status: a customer's status (active,
// isolated, inactive, terminated), a router's reachability (online, offline, unknown), "" otherwise.
// The line to its parent (customer → ODP → ODC → OLT) is drawn when the parent is on the map too.
struct MapMarker {
    std::string kind;
    std::int64_t id = 0;
    std::string name;
    std::string detail;  // a service number, "5/8 port", a site
    inventory::Coordinates location;
    std::string status;
    std::string parent_kind;
    std::int64_t parent_id = 0;
    bool ticket_open = false;  // the trouble tickets' hook (issue 21): true when the customer has an open ticket
};
struct NetworkMap {
    std::vector<MapMarker> markers;
    std::string tile_url;  // the operator's tile server template ({z}/{x}/{y}); empty = the schematic
    std::string tile_attribution;  // the tile server's credit, drawn on the map with its tiles
};
Json to_json(const MapMarker& marker);
Json to_json(const NetworkMap& map);
NetworkMap network_map_from_json(const Json& json);

}  // namespace kimonet::api
