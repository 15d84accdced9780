#include "views/coordinate_fields.hpp"

#include <cstdlib>
#include <optional>

#include "core/inventory_messages.hpp"
#include "inventory/inventory_rules.hpp"

namespace kimonet {

namespace {

// "-6.9147" or "-6,9147" → the number; "" → nullopt; anything else → the field's range message.
std::optional<double> form_coordinate(const std::string& text, const char* field, FieldErrors& errors) {
    if (text.empty()) return std::nullopt;
    std::string number = text;
    if (number.find('.') == std::string::npos)
        if (const auto comma = number.find(','); comma != std::string::npos) number[comma] = '.';
    char* end = nullptr;
    const double value = std::strtod(number.c_str(), &end);
    if (end == number.c_str() || *end != '\0') {
        errors.emplace(field, std::string(field) == "latitude" ? messages::kLatitudeRange : messages::kLongitudeRange);
        return std::nullopt;
    }
    return value;
}

}  // namespace

api::Json form_coordinates_json(const std::string& latitude_text, const std::string& longitude_text, FieldErrors& errors) {
    FieldErrors found;
    const auto latitude = form_coordinate(latitude_text, "latitude", found);
    const auto longitude = form_coordinate(longitude_text, "longitude", found);
    std::optional<inventory::Coordinates> checked;
    if (found.empty()) checked = inventory::checked_coordinates(latitude, longitude, found);
    for (auto& [field, message] : found) errors.emplace(field, message);
    if (!checked) return {{"latitude", nullptr}, {"longitude", nullptr}};
    return {{"latitude", checked->latitude}, {"longitude", checked->longitude}};
}

}  // namespace kimonet
