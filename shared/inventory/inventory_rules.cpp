#include "inventory/inventory_rules.hpp"

#include <cmath>

#include "core/inventory_messages.hpp"

namespace kimonet::inventory {

bool valid_latitude(double latitude) { return std::isfinite(latitude) && latitude >= -90.0 && latitude <= 90.0; }
bool valid_longitude(double longitude) { return std::isfinite(longitude) && longitude >= -180.0 && longitude <= 180.0; }

std::optional<Coordinates> checked_coordinates(std::optional<double> latitude, std::optional<double> longitude, FieldErrors& errors) {
    if (!latitude && !longitude) return std::nullopt;
    bool ok = true;
    if (latitude && !valid_latitude(*latitude)) {
        errors.emplace("latitude", messages::kLatitudeRange);
        ok = false;
    }
    if (longitude && !valid_longitude(*longitude)) {
        errors.emplace("longitude", messages::kLongitudeRange);
        ok = false;
    }
    if (!latitude || !longitude) {
        errors.emplace(latitude ? "longitude" : "latitude", messages::kLocationBothOrNeither);
        ok = false;
    }
    if (!ok) return std::nullopt;
    return Coordinates{*latitude, *longitude};
}

void check_name_length(const std::string& name, std::size_t max_length, const char* field, const char* message, FieldErrors& errors) {
    if (name.empty() || name.size() > max_length) errors.emplace(field, message);
}

void check_odp_port_count(int port_count, FieldErrors& errors) {
    if (port_count < kMinOdpPorts || port_count > kMaxOdpPorts) errors.emplace("port_count", messages::kOdpPortCountRange);
}

}  // namespace kimonet::inventory
