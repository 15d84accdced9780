#pragma once
// Headers every response carries (browser-side defences), added by the transport so that no
// route, static file or refusal can forget them. A response that sets its own value keeps it.
#include <string>
#include <string_view>

#include "http/response.hpp"

namespace kimonet::http {

// The browser app and the landing page (static files): scripts only from this origin plus
// WebAssembly compilation ('wasm-unsafe-eval', which Emscripten needs); no inline script/style.
inline constexpr const char* kStaticPagePolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
// The app's page when the operator has a tile server (setting map_tile_url, issue 21): the static
// policy with exactly that template's origin (inventory::tile_origin) added to img-src and
// connect-src, where the map's tiles come from; nothing else changes. An empty or invalid setting
// gives kStaticPagePolicy unchanged.
std::string app_page_policy(std::string_view tile_url_template);
// Pages rendered by route handlers (public bill check, isolir) embed their small style and
// script inline: their policy (http/rendered_page_blocks.hpp, rendered_page_policy()) allows
// exactly those blocks by hash, no 'unsafe-inline'; still no other origin, no plugins, no framing.
// Everything else (JSON, downloads): nothing to run, nothing to frame.
inline constexpr const char* kDataPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

void add_security_headers(Response& response);

}  // namespace kimonet::http
