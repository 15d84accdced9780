#pragma once
// What an outage is attached to, and the customers below it (services/outage_service.hpp): a
// router's customers; a drawn area's customers by their coordinates; an OLT's, PON port's, ODC's or
// ODP's customers through the FTTH inventory.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::services {

// The element's name for the public label ("OLT-1 / PON 3" for a PON port), or nothing when it does
// not exist.
Result<std::optional<std::string>> outage_target_name(store::Database& db, const std::string& kind, std::int64_t id);

// Stores the affected set of outage `outage_id` and gives its size: the billable customers (active
// or isolated) below the element (store::customers_below: a router's own customers and those below
// its OLTs; an OLT's, PON port's, ODC's or ODP's through the tree), or, for an area, those whose
// coordinates are inside `area_shape` (a first cut by its bounding box on the customers_location index).
Result<std::int64_t> store_outage_customers(store::Database& db, std::int64_t outage_id, const std::string& kind,
                                            std::optional<std::int64_t> id, const std::string& area_shape);

}  // namespace kimonet::services
