#include "packages/package.hpp"

#include "core/text.hpp"
#include "core/validation_messages.hpp"

namespace kimonet {

bool is_valid_mikrotik_profile(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' ||
              c == '_' || c == '-'))
            return false;
    return true;
}

std::string format_speed(std::int64_t kbps) {
    if (kbps >= 1000 && kbps % 1000 == 0) return std::to_string(kbps / 1000) + " Mbps";
    // 12500 → "12,5 Mbps" (Indonesian decimal comma); speeds that are not a whole 100 kbps stay in kbps.
    if (kbps >= 1000 && kbps % 100 == 0) return std::to_string(kbps / 1000) + "," + std::to_string(kbps % 1000 / 100) + " Mbps";
    return std::to_string(kbps) + " kbps";
}

Result<Package> validate_package(Package package) {
    FieldErrors fields;
    package.name = trim_copy(package.name);
    package.mikrotik_profile = trim_copy(package.mikrotik_profile);
    if (package.name.empty()) fields["name"] = messages::kRequired;
    else if (utf8_length(package.name) > 100 || !is_valid_utf8(package.name)) fields["name"] = messages::kTooLong100;
    constexpr std::int64_t kMaxKbps = 100'000'000;
    if (package.download_kbps < 1 || package.download_kbps > kMaxKbps) fields["download_kbps"] = messages::kPositiveSpeed;
    if (package.upload_kbps < 1 || package.upload_kbps > kMaxKbps) fields["upload_kbps"] = messages::kPositiveSpeed;
    if (package.price < 0 || package.price > kMaxMoney) fields["price"] = messages::kPrice;
    if (package.mikrotik_profile.empty()) fields["mikrotik_profile"] = messages::kRequired;
    else if (!is_valid_mikrotik_profile(package.mikrotik_profile)) fields["mikrotik_profile"] = messages::kProfile;
    if (!fields.empty()) return validation_error(std::move(fields));
    return package;
}

}  // namespace kimonet
