#pragma once
// The map screen's data (issue 21): routers, OLTs, ODCs, ODPs and customers that have coordinates,
// each with its status colour's source and its parent for the lines (customer → ODP → ODC → OLT), and
// the operator's tile server template (setting map_tile_url; empty = the app draws a schematic).
// GET /api/map.
#include "api/inventory_dto.hpp"
#include "app/context.hpp"

namespace kimonet::services {

// At most this many customers are drawn (the first by id); the map says so by its count.
inline constexpr int kMaxMapCustomers = 20000;

Result<api::NetworkMap> network_map(app::Context& context);

}  // namespace kimonet::services
