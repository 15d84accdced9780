#include "network/radius_reply.hpp"

#include "core/validation_messages.hpp"
#include "network/isolir_settings.hpp"
#include "packages/package.hpp"

namespace kimonet::network {

static std::string rate(std::int64_t kbps) {
    if (kbps > 0 && kbps % 1024 == 0) return std::to_string(kbps / 1024) + "M";
    return std::to_string(kbps) + "k";
}

std::string mikrotik_rate_limit(std::int64_t upload_kbps, std::int64_t download_kbps) { return rate(upload_kbps) + "/" + rate(download_kbps); }

RadiusAttributes radius_reply_attributes(bool isolated, std::int64_t upload_kbps, std::int64_t download_kbps, std::string_view ip_address,
                                         const RadiusIsolirPolicy& policy) {
    RadiusAttributes attributes;
    if (!isolated) {
        attributes.reply.emplace_back("Mikrotik-Rate-Limit", mikrotik_rate_limit(upload_kbps, download_kbps));
        if (!ip_address.empty()) attributes.reply.emplace_back("Framed-IP-Address", std::string(ip_address));
        return attributes;
    }
    attributes.reply.emplace_back("Mikrotik-Rate-Limit", policy.rate_limit.empty() ? mikrotik_rate_limit(upload_kbps, download_kbps) : policy.rate_limit);
    if (!policy.pool.empty()) attributes.reply.emplace_back("Framed-Pool", policy.pool);
    else if (!ip_address.empty()) attributes.reply.emplace_back("Framed-IP-Address", std::string(ip_address));
    attributes.reply.emplace_back("Mikrotik-Address-List", "ISOLIR");
    return attributes;
}

DynamicAuthorization dynamic_authorization_for(const RadiusIsolirPolicy& policy) {
    return policy.pool.empty() ? DynamicAuthorization::ChangeOfAuthorization : DynamicAuthorization::Disconnect;
}

std::optional<std::string> radius_setting_problem(std::string_view key, std::string_view value) {
    if (key == "radius_isolir_rate_limit" && !value.empty()) return rate_limit_problem(value);
    if (key == "radius_isolir_pool" && !value.empty() && (!is_valid_mikrotik_profile(value) || value.find(' ') != std::string_view::npos))
        return std::string(messages::kProfile);
    return std::nullopt;
}

}  // namespace kimonet::network
