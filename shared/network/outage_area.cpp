#include "network/outage_area.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/outage_messages.hpp"

namespace kimonet::network {

namespace {

constexpr double kEarthRadiusMetres = 6'371'008.8;
constexpr double kOutageMaxRadiusMetres = 50'000;
constexpr std::size_t kOutageMaxCorners = 100;

Error outage_area_error() { return validation_error({{"area_shape", messages::kOutageAreaShape}}); }

std::optional<double> outage_number_of(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty() || text.size() > 32) return std::nullopt;
    // Digits, one sign, one point only (no exponent, hex, inf or nan), then strtod: emscripten's
    // libc++ has no floating-point from_chars.
    if (text.find_first_not_of("0123456789.-+") != std::string_view::npos) return std::nullopt;
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::vector<std::string_view> outage_split_on(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto at = text.find(separator, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) return parts;
        start = at + 1;
    }
}

std::optional<GeoPoint> outage_point_of(std::string_view latitude, std::string_view longitude) {
    const auto lat = outage_number_of(latitude), lon = outage_number_of(longitude);
    if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) return std::nullopt;
    return GeoPoint{*lat, *lon};
}

double outage_radians(double degrees) { return degrees * 3.14159265358979323846 / 180.0; }

std::string outage_number_text(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.7g", value);
    return text;
}

}  // namespace

double distance_metres(const GeoPoint& from, const GeoPoint& to) {
    const double dlat = outage_radians(to.latitude - from.latitude), dlon = outage_radians(to.longitude - from.longitude);
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(outage_radians(from.latitude)) * std::cos(outage_radians(to.latitude)) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusMetres * std::asin(std::min(1.0, std::sqrt(a)));
}

bool OutageArea::contains(const GeoPoint& point) const {
    if (kind == Kind::Circle) return distance_metres(centre, point) <= radius_metres;
    bool inside = false;
    for (std::size_t index = 0, previous = corners.size() - 1; index < corners.size(); previous = index++) {
        const GeoPoint& a = corners[index];
        const GeoPoint& b = corners[previous];
        if ((a.latitude > point.latitude) != (b.latitude > point.latitude)) {
            const double crossing = a.longitude + (point.latitude - a.latitude) * (b.longitude - a.longitude) / (b.latitude - a.latitude);
            if (point.longitude < crossing) inside = !inside;
        }
    }
    return inside;
}

BoundingBox OutageArea::bounds() const {
    if (kind == Kind::Circle) {
        // One degree of latitude is about 111.2 km; of longitude, that times cos(latitude).
        const double dlat = radius_metres / 111'195.0;
        const double dlon = radius_metres / (111'195.0 * std::max(0.01, std::cos(outage_radians(centre.latitude))));
        return {centre.latitude - dlat, centre.latitude + dlat, centre.longitude - dlon, centre.longitude + dlon};
    }
    BoundingBox box{corners.front().latitude, corners.front().latitude, corners.front().longitude, corners.front().longitude};
    for (const GeoPoint& corner : corners) {
        box.min_latitude = std::min(box.min_latitude, corner.latitude);
        box.max_latitude = std::max(box.max_latitude, corner.latitude);
        box.min_longitude = std::min(box.min_longitude, corner.longitude);
        box.max_longitude = std::max(box.max_longitude, corner.longitude);
    }
    return box;
}

std::string OutageArea::to_text() const {
    if (kind == Kind::Circle)
        return "circle:" + outage_number_text(centre.latitude) + "," + outage_number_text(centre.longitude) + "," + outage_number_text(radius_metres);
    std::string text = "polygon:";
    for (std::size_t index = 0; index < corners.size(); ++index)
        text += (index ? ";" : "") + outage_number_text(corners[index].latitude) + "," + outage_number_text(corners[index].longitude);
    return text;
}

Result<OutageArea> parse_outage_area(std::string_view text) {
    if (text.size() > 8000) return outage_area_error();
    OutageArea area;
    if (text.starts_with("circle:")) {
        const auto parts = outage_split_on(text.substr(7), ',');
        if (parts.size() != 3) return outage_area_error();
        const auto centre = outage_point_of(parts[0], parts[1]);
        const auto radius = outage_number_of(parts[2]);
        if (!centre || !radius || *radius < 1 || *radius > kOutageMaxRadiusMetres) return outage_area_error();
        area.kind = OutageArea::Kind::Circle;
        area.centre = *centre;
        area.radius_metres = *radius;
        return area;
    }
    if (!text.starts_with("polygon:")) return outage_area_error();
    area.kind = OutageArea::Kind::Polygon;
    for (const std::string_view corner : outage_split_on(text.substr(8), ';')) {
        const auto parts = outage_split_on(corner, ',');
        if (parts.size() != 2) return outage_area_error();
        const auto point = outage_point_of(parts[0], parts[1]);
        if (!point) return outage_area_error();
        area.corners.push_back(*point);
        if (area.corners.size() > kOutageMaxCorners) return outage_area_error();
    }
    if (area.corners.size() < 3) return outage_area_error();
    return area;
}

}  // namespace kimonet::network
