#pragma once
// A QR code (libqrencode, error correction M, the 4-module quiet zone) as a small inline SVG: the
// public bill page shows a QRIS payment as a code the customer scans, not as its text. One <path>
// of dark modules, crisp edges, sized by the page's CSS; scalable, so it stays sharp when zoomed.
#include <string>
#include <string_view>

#include "api/json_fields.hpp"
#include "core/result.hpp"

namespace kimonet::http {

// `label` is the image's accessible name (aria-label, escaped here).
Result<std::string> qr_svg(std::string_view text, std::string_view label);
// The same from modules already encoded (auth::qr_matrix's {"size","rows"}).
std::string qr_svg_of(const api::Json& matrix, std::string_view label);

}  // namespace kimonet::http
