#include "api/inventory_dto.hpp"

namespace kimonet::api {

namespace {

std::optional<double> inventory_json_double(const Json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

Json location_json(const std::optional<inventory::Coordinates>& location) {
    return location ? Json(location->latitude) : Json(nullptr);
}

Json longitude_json(const std::optional<inventory::Coordinates>& location) {
    return location ? Json(location->longitude) : Json(nullptr);
}

std::optional<inventory::Coordinates> location_from_json(const Json& object) {
    const auto latitude = inventory_json_double(object, "latitude");
    const auto longitude = inventory_json_double(object, "longitude");
    if (!latitude || !longitude) return std::nullopt;
    return inventory::Coordinates{*latitude, *longitude};
}

const Json& inventory_array(const Json& object, const char* key) {
    static const Json kEmpty = Json::array();
    if (!object.is_object()) return kEmpty;
    const auto it = object.find(key);
    return it != object.end() && it->is_array() ? *it : kEmpty;
}

InventoryOdp odp_from_json(const Json& item) {
    return {json_int(item, "id"), json_string(item, "name"), json_int(item, "odc_id"), static_cast<int>(json_int(item, "port_count")),
            static_cast<int>(json_int(item, "used_ports")), location_from_json(item)};
}

}  // namespace

Json to_json(const InventoryOlt& olt) {
    return {{"id", olt.id},
            {"name", olt.name},
            {"router_id", olt.router_id ? Json(*olt.router_id) : Json(nullptr)},
            {"router_name", olt.router_name},
            {"site", olt.site},
            {"latitude", location_json(olt.location)},
            {"longitude", longitude_json(olt.location)}};
}

Json to_json(const InventoryPonPort& port) { return {{"id", port.id}, {"olt_id", port.olt_id}, {"label", port.label}}; }

Json to_json(const InventoryOdc& odc) {
    return {{"id", odc.id}, {"name", odc.name}, {"pon_port_id", odc.pon_port_id}, {"latitude", location_json(odc.location)},
            {"longitude", longitude_json(odc.location)}};
}

Json to_json(const InventoryOdp& odp) {
    return {{"id", odp.id},
            {"name", odp.name},
            {"odc_id", odp.odc_id},
            {"port_count", odp.port_count},
            {"used_ports", odp.used_ports},
            {"free_ports", odp.free_ports()},
            {"latitude", location_json(odp.location)},
            {"longitude", longitude_json(odp.location)}};
}

Json to_json(const InventoryTree& tree) {
    Json olts = Json::array(), ports = Json::array(), odcs = Json::array(), odps = Json::array();
    for (const auto& olt : tree.olts) olts.push_back(to_json(olt));
    for (const auto& port : tree.pon_ports) ports.push_back(to_json(port));
    for (const auto& odc : tree.odcs) odcs.push_back(to_json(odc));
    for (const auto& odp : tree.odps) odps.push_back(to_json(odp));
    return {{"olts", olts}, {"pon_ports", ports}, {"odcs", odcs}, {"odps", odps}};
}

InventoryTree inventory_tree_from_json(const Json& json) {
    const Json& data = response_data(json);
    InventoryTree tree;
    for (const auto& item : inventory_array(data, "olts")) {
        const auto router = json_int(item, "router_id");
        tree.olts.push_back({json_int(item, "id"), json_string(item, "name"), router ? std::optional<std::int64_t>(router) : std::nullopt,
                             json_string(item, "router_name"), json_string(item, "site"), location_from_json(item)});
    }
    for (const auto& item : inventory_array(data, "pon_ports"))
        tree.pon_ports.push_back({json_int(item, "id"), json_int(item, "olt_id"), json_string(item, "label")});
    for (const auto& item : inventory_array(data, "odcs"))
        tree.odcs.push_back({json_int(item, "id"), json_string(item, "name"), json_int(item, "pon_port_id"), location_from_json(item)});
    for (const auto& item : inventory_array(data, "odps")) tree.odps.push_back(odp_from_json(item));
    return tree;
}

Json to_json(const OdpPorts& ports) {
    Json taken = Json::array();
    for (const auto& port : ports.taken)
        taken.push_back({{"port_number", port.port_number}, {"customer_id", port.customer_id}, {"service_number", port.service_number},
                         {"customer_name", port.customer_name}});
    return {{"odp", to_json(ports.odp)}, {"taken", taken}, {"free", ports.free}};
}

OdpPorts odp_ports_from_json(const Json& json) {
    const Json& data = response_data(json);
    OdpPorts ports;
    if (!data.is_object()) return ports;
    if (const auto odp = data.find("odp"); odp != data.end()) ports.odp = odp_from_json(*odp);
    for (const auto& item : inventory_array(data, "taken"))
        ports.taken.push_back({static_cast<int>(json_int(item, "port_number")), json_int(item, "customer_id"),
                               json_string(item, "service_number"), json_string(item, "customer_name")});
    for (const auto& item : inventory_array(data, "free"))
        if (item.is_number_integer()) ports.free.push_back(item.get<int>());
    return ports;
}

Json to_json(const MapMarker& marker) {
    return {{"kind", marker.kind},
            {"id", marker.id},
            {"name", marker.name},
            {"detail", marker.detail},
            {"latitude", marker.location.latitude},
            {"longitude", marker.location.longitude},
            {"status", marker.status},
            {"parent_kind", marker.parent_kind},
            {"parent_id", marker.parent_id},
            {"ticket_open", marker.ticket_open}};
}

Json to_json(const NetworkMap& map) {
    Json markers = Json::array();
    for (const auto& marker : map.markers) markers.push_back(to_json(marker));
    return {{"markers", markers}, {"tile_url", map.tile_url}, {"tile_attribution", map.tile_attribution}};
}

NetworkMap network_map_from_json(const Json& json) {
    const Json& data = response_data(json);
    NetworkMap map;
    map.tile_url = json_string(data, "tile_url");
    map.tile_attribution = json_string(data, "tile_attribution");
    for (const auto& item : inventory_array(data, "markers")) {
        const auto location = location_from_json(item);
        if (!location) continue;
        map.markers.push_back({json_string(item, "kind"), json_int(item, "id"), json_string(item, "name"), json_string(item, "detail"),
                               *location, json_string(item, "status"), json_string(item, "parent_kind"), json_int(item, "parent_id"),
                               json_bool(item, "ticket_open", false)});
    }
    return map;
}

}  // namespace kimonet::api
