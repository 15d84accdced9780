#include "http/security_headers.hpp"

#include "http/rendered_page_blocks.hpp"
#include "inventory/web_mercator.hpp"

namespace kimonet::http {

std::string app_page_policy(std::string_view tile_url_template) {
    std::string policy = kStaticPagePolicy;
    if (tile_url_template.empty() || !inventory::valid_tile_url_template(tile_url_template)) return policy;
    const std::string origin = inventory::tile_origin(tile_url_template);
    for (const std::string_view directive : {std::string_view("img-src 'self' data: blob:"), std::string_view("connect-src 'self'")}) {
        const auto at = policy.find(directive);
        if (at != std::string::npos) policy.insert(at + directive.size(), " " + origin);
    }
    return policy;
}

void add_security_headers(Response& response) {
    auto set_default = [&](const char* name, const std::string& value) { response.headers.try_emplace(name, value); };
    const bool is_html = response.content_type.starts_with("text/html");
    set_default("Content-Security-Policy", is_html ? rendered_page_policy() : std::string(kDataPolicy));
    set_default("X-Frame-Options", "DENY");
    set_default("X-Content-Type-Options", "nosniff");
    set_default("Referrer-Policy", "no-referrer");
    // API answers carry personal data and tokens: never stored by the browser or a proxy.
    // Static files set their own Cache-Control.
    set_default("Cache-Control", "no-store");
}

}  // namespace kimonet::http
