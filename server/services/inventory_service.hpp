#pragma once
// The FTTH inventory (issue 21): OLT → PON port → ODC → ODP, customers on ODP ports, coordinates.
// Shared by the /api/inventory routes, the CSV import and the map. Every write is one transaction
// with an activity-log entry; bad input changes nothing (422 per field, 404, 409 with a message).
#include <vector>

#include "api/inventory_dto.hpp"
#include "app/context.hpp"
#include "store/inventory_store.hpp"

namespace kimonet::services {

// The whole tree, each level ordered by name (PON ports by label), with each ODP's used ports.
Result<api::InventoryTree> inventory_tree(app::Context& context);

// Create, update (the whole record) or delete one item of a level (olt, pon_port, odc, odp; not
// router). Fields: olt {name, router_id?, site?, latitude?, longitude?}; pon_port {olt_id, label};
// odc {name, pon_port_id, latitude?, longitude?}; odp {name, odc_id, port_count, latitude?,
// longitude?}. A delete is refused (409) while something is below the item: ports, ODCs, ODPs or
// customers on an ODP. Create returns the item as to_json writes it.
Result<api::Json> create_inventory_item(app::Context& context, store::InventoryLevel level, const api::Json& input);
Result<api::Json> update_inventory_item(app::Context& context, store::InventoryLevel level, std::int64_t id, const api::Json& input);
Result<void> delete_inventory_item(app::Context& context, store::InventoryLevel level, std::int64_t id);

// One ODP's ports: taken (with the customer) and free.
Result<api::OdpPorts> odp_ports(app::Context& context, std::int64_t odp_id);
// Puts a customer ({customer_id} or {service_number}) on {port_number} of the ODP; a port taken, a
// customer already on a port, or a port beyond the ODP's count is refused with its own message.
Result<api::OdpPorts> place_customer_on_port(app::Context& context, std::int64_t odp_id, const api::Json& input);
// Takes the customer off its ODP port (404 when it is on none).
Result<void> remove_customer_from_port(app::Context& context, std::int64_t customer_id);
// The customer's port ({odp_id, odp_name, port_number} or null) and coordinates.
Result<api::Json> customer_placement(app::Context& context, std::int64_t customer_id);
// Sets or clears ({latitude:null, longitude:null}) the customer's coordinates.
Result<api::Json> set_customer_coordinates(app::Context& context, std::int64_t customer_id, const api::Json& input);
// Sets or clears a router's coordinates (the map draws routers where they stand).
Result<api::Json> set_router_coordinates(app::Context& context, std::int64_t router_id, const api::Json& input);
// {latitude, longitude} of a router (both null when it has none); 404 when there is no such router.
Result<api::Json> router_coordinates(app::Context& context, std::int64_t router_id);

// Every customer below a node (an outage's reach); 404 when the node does not exist.
Result<std::vector<store::CustomerBelow>> customers_below_node(app::Context& context, store::InventoryLevel level, std::int64_t id);

// {latitude, longitude} of a JSON object: both numbers in range, or both absent/null (nullopt);
// field errors are added to `errors`. Shared by the forms above and the CSV import.
std::optional<inventory::Coordinates> coordinates_of(const api::Json& input, FieldErrors& errors);

}  // namespace kimonet::services
