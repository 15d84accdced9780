#pragma once
// The inventory items as the services read them from JSON (the API and the CSV import) and write
// them back: one item of any level, its field checks, its resource shape. Used by
// services/inventory_*.cpp only.
#include "api/inventory_dto.hpp"
#include "store/inventory_store.hpp"

namespace kimonet::services {

// One item of one level; only the member of its level is meaningful.
struct InventoryItem {
    store::OltRecord olt;
    store::PonPortRecord pon_port;
    store::OdcRecord odc;
    store::OdpRecord odp;
};

// The level's fields of `input` (wrong JSON types are 422 field errors); names and labels trimmed.
Result<InventoryItem> inventory_item_from_json(store::InventoryLevel level, const api::Json& input);
// Lengths, the port count and the parent's presence (not its existence: the service looks it up).
FieldErrors check_inventory_item(store::InventoryLevel level, const InventoryItem& item);
api::Json inventory_item_json(store::InventoryLevel level, const InventoryItem& item);

api::InventoryOlt olt_resource(const store::OltRecord& olt);
api::InventoryOdc odc_resource(const store::OdcRecord& odc);
api::InventoryOdp odp_resource(const store::OdpRecord& odp);

std::optional<inventory::Coordinates> coordinates_from_store(const std::optional<store::GeoPoint>& point);
std::optional<store::GeoPoint> store_point_of(const std::optional<inventory::Coordinates>& coordinates);

}  // namespace kimonet::services
