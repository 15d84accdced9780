#include "services/inventory_records.hpp"

#include "core/inventory_messages.hpp"
#include "core/text.hpp"
#include "services/inventory_service.hpp"

namespace kimonet::services {

namespace {

using store::InventoryLevel;

// A coordinate field: a number, or null/absent (nullopt); anything else is an error.
std::optional<double> inventory_coordinate_field(const api::Json& input, const char* field, const char* message, FieldErrors& errors) {
    const auto it = input.find(field);
    if (it == input.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) {
        errors.emplace(field, message);
        return std::nullopt;
    }
    return it->get<double>();
}

}  // namespace

std::optional<inventory::Coordinates> coordinates_of(const api::Json& input, FieldErrors& errors) {
    if (!input.is_object()) return std::nullopt;
    FieldErrors found;
    const auto latitude = inventory_coordinate_field(input, "latitude", messages::kLatitudeRange, found);
    const auto longitude = inventory_coordinate_field(input, "longitude", messages::kLongitudeRange, found);
    if (!found.empty()) {
        api::merge_field_errors(errors, found);
        return std::nullopt;
    }
    return inventory::checked_coordinates(latitude, longitude, errors);
}

std::optional<inventory::Coordinates> coordinates_from_store(const std::optional<store::GeoPoint>& point) {
    if (!point) return std::nullopt;
    return inventory::Coordinates{point->latitude, point->longitude};
}

std::optional<store::GeoPoint> store_point_of(const std::optional<inventory::Coordinates>& coordinates) {
    if (!coordinates) return std::nullopt;
    return store::GeoPoint{coordinates->latitude, coordinates->longitude};
}

Result<InventoryItem> inventory_item_from_json(InventoryLevel level, const api::Json& input) {
    api::FieldReader reader(input);
    InventoryItem item;
    FieldErrors location_errors;
    const auto location = store_point_of(coordinates_of(input, location_errors));
    switch (level) {
        case InventoryLevel::Olt:
            reader.read("name", item.olt.name);
            reader.read("router_id", item.olt.router_id);
            reader.read("site", item.olt.site);
            item.olt.name = trim_copy(item.olt.name);
            item.olt.site = trim_copy(item.olt.site);
            item.olt.location = location;
            break;
        case InventoryLevel::PonPort:
            reader.read("olt_id", item.pon_port.olt_id);
            reader.read("label", item.pon_port.label);
            item.pon_port.label = trim_copy(item.pon_port.label);
            break;
        case InventoryLevel::Odc:
            reader.read("name", item.odc.name);
            reader.read("pon_port_id", item.odc.pon_port_id);
            item.odc.name = trim_copy(item.odc.name);
            item.odc.location = location;
            break;
        case InventoryLevel::Odp:
            reader.read("name", item.odp.name);
            reader.read("odc_id", item.odp.odc_id);
            reader.read("port_count", item.odp.port_count);
            item.odp.name = trim_copy(item.odp.name);
            item.odp.location = location;
            break;
        case InventoryLevel::Router: break;
    }
    if (level != InventoryLevel::PonPort) api::merge_field_errors(reader.errors(), location_errors);
    if (!reader.ok()) return validation_error(reader.errors());
    return item;
}

FieldErrors check_inventory_item(InventoryLevel level, const InventoryItem& item) {
    FieldErrors errors;
    switch (level) {
        case InventoryLevel::Olt:
            inventory::check_name_length(item.olt.name, inventory::kMaxInventoryNameLength, "name", messages::kInventoryNameLength, errors);
            if (item.olt.site.size() > inventory::kMaxSiteLength) errors.emplace("site", messages::kSiteLength);
            break;
        case InventoryLevel::PonPort:
            inventory::check_name_length(item.pon_port.label, inventory::kMaxPonLabelLength, "label", messages::kPonLabelLength, errors);
            if (item.pon_port.olt_id <= 0) errors.emplace("olt_id", messages::kOltNotFound);
            break;
        case InventoryLevel::Odc:
            inventory::check_name_length(item.odc.name, inventory::kMaxInventoryNameLength, "name", messages::kInventoryNameLength, errors);
            if (item.odc.pon_port_id <= 0) errors.emplace("pon_port_id", messages::kPonPortNotFound);
            break;
        case InventoryLevel::Odp:
            inventory::check_name_length(item.odp.name, inventory::kMaxInventoryNameLength, "name", messages::kInventoryNameLength, errors);
            inventory::check_odp_port_count(item.odp.port_count, errors);
            if (item.odp.odc_id <= 0) errors.emplace("odc_id", messages::kOdcNotFound);
            break;
        case InventoryLevel::Router: break;
    }
    return errors;
}

api::InventoryOlt olt_resource(const store::OltRecord& olt) {
    return {olt.id, olt.name, olt.router_id, {}, olt.site, coordinates_from_store(olt.location)};
}

api::InventoryOdc odc_resource(const store::OdcRecord& odc) { return {odc.id, odc.name, odc.pon_port_id, coordinates_from_store(odc.location)}; }

api::InventoryOdp odp_resource(const store::OdpRecord& odp) {
    return {odp.id, odp.name, odp.odc_id, odp.port_count, odp.used_ports, coordinates_from_store(odp.location)};
}

api::Json inventory_item_json(InventoryLevel level, const InventoryItem& item) {
    switch (level) {
        case InventoryLevel::Olt: return api::to_json(olt_resource(item.olt));
        case InventoryLevel::PonPort: return api::to_json(api::InventoryPonPort{item.pon_port.id, item.pon_port.olt_id, item.pon_port.label});
        case InventoryLevel::Odc: return api::to_json(odc_resource(item.odc));
        case InventoryLevel::Odp: return api::to_json(odp_resource(item.odp));
        case InventoryLevel::Router: break;
    }
    return nullptr;
}

}  // namespace kimonet::services
