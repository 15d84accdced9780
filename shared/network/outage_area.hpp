#pragma once
// The area of an outage drawn on the map rather than attached to a network element: a circle
// (centre and radius in metres) or a polygon (3-100 corners), in WGS84 degrees. Stored as text
// ("circle:-6.9175,107.6191,500" / "polygon:lat,lon;lat,lon;lat,lon") so both engines keep it in
// one column; parsed here, so the server and the browser read it alike. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet::network {

struct GeoPoint {
    double latitude = 0;
    double longitude = 0;
    bool operator==(const GeoPoint&) const = default;
};

struct BoundingBox {
    double min_latitude = 0, max_latitude = 0, min_longitude = 0, max_longitude = 0;
};

struct OutageArea {
    enum class Kind { Circle, Polygon };
    Kind kind = Kind::Circle;
    GeoPoint centre;          // circle
    double radius_metres = 0;  // circle: 1 m to 50 km
    std::vector<GeoPoint> corners;  // polygon

    // Inside or on the edge. A polygon by the even-odd rule on the plane of the degrees (areas of a
    // few kilometres, far from the poles and the antimeridian, as an ISP's are).
    bool contains(const GeoPoint& point) const;
    // A box around the area, for the store's first cut by an index on coordinates.
    BoundingBox bounds() const;
    std::string to_text() const;
};

// Reads the stored text form; a ValidationFailed (field "area_shape", kOutageAreaShape) when it is
// not one: coordinates out of range, a radius outside 1 m-50 km, fewer than 3 or more than 100 corners.
Result<OutageArea> parse_outage_area(std::string_view text);

// Great-circle distance in metres (haversine, mean Earth radius).
double distance_metres(const GeoPoint& from, const GeoPoint& to);

}  // namespace kimonet::network
