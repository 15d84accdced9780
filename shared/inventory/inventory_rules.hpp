#pragma once
// The FTTH inventory's rules that the server and the browser's forms share (issue 21): name and label
// lengths, the ODP port count bounds, coordinates within their ranges and given both or neither.
#include <optional>
#include <string>

#include "core/error.hpp"

namespace kimonet::inventory {

inline constexpr std::size_t kMaxInventoryNameLength = 80;
inline constexpr std::size_t kMaxPonLabelLength = 40;
inline constexpr std::size_t kMaxSiteLength = 120;
inline constexpr int kMinOdpPorts = 1;
inline constexpr int kMaxOdpPorts = 128;

struct Coordinates {
    double latitude = 0;
    double longitude = 0;
    friend bool operator==(const Coordinates&, const Coordinates&) = default;
};

bool valid_latitude(double latitude);
bool valid_longitude(double longitude);
// Both given and in range → the coordinates; neither → nullopt; otherwise field errors on
// "latitude"/"longitude" are added to `errors`.
std::optional<Coordinates> checked_coordinates(std::optional<double> latitude, std::optional<double> longitude, FieldErrors& errors);
// Adds `field`'s error when `name` (already trimmed) is empty or longer than `max_length` bytes.
void check_name_length(const std::string& name, std::size_t max_length, const char* field, const char* message, FieldErrors& errors);
// Adds a "port_count" error outside kMinOdpPorts…kMaxOdpPorts.
void check_odp_port_count(int port_count, FieldErrors& errors);

}  // namespace kimonet::inventory
