#include "http/security_headers.hpp"

namespace kimonet::http {

void add_security_headers(Response& response) {
    auto set_default = [&](const char* name, const std::string& value) { response.headers.try_emplace(name, value); };
    const bool is_html = response.content_type.starts_with("text/html");
    set_default("Content-Security-Policy", is_html ? kRenderedPagePolicy : kDataPolicy);
    set_default("X-Frame-Options", "DENY");
    set_default("X-Content-Type-Options", "nosniff");
    set_default("Referrer-Policy", "no-referrer");
    // API answers carry personal data and tokens: never stored by the browser or a proxy.
    // Static files set their own Cache-Control.
    set_default("Cache-Control", "no-store");
}

}  // namespace kimonet::http
