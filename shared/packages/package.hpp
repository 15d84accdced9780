#pragma once
// An internet package: bandwidth, monthly price and the MikroTik PPP profile it maps to.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.hpp"
#include "core/result.hpp"

namespace kimonet {

struct Package {
    std::int64_t id = 0;
    std::string name;
    std::int64_t download_kbps = 0;
    std::int64_t upload_kbps = 0;
    Money price = 0;
    std::string mikrotik_profile;
    bool active = true;
    bool operator==(const Package&) const = default;
};

bool is_valid_mikrotik_profile(std::string_view name);
// "10 Mbps" / "512 kbps" for display.
std::string format_speed(std::int64_t kbps);
Result<Package> validate_package(Package package);

}  // namespace kimonet
