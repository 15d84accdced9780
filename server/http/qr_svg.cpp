#include "http/qr_svg.hpp"

#include "auth/two_factor.hpp"
#include "http/html.hpp"

namespace kimonet::http {

Result<std::string> qr_svg(std::string_view text, std::string_view label) {
    // The same modules the app draws from a pay answer's `qr` (one libqrencode call, level M).
    return qr_svg_of(TRY(auth::qr_matrix(text)), label);
}

std::string qr_svg_of(const api::Json& matrix, std::string_view label) {
    constexpr int kQuietZone = 4;  // modules of white around the symbol, as ISO/IEC 18004 asks
    const int width = matrix["size"].get<int>();
    const auto& rows = matrix["rows"];
    const std::string side = std::to_string(width + 2 * kQuietZone);
    std::string path;
    // One subpath per horizontal run of dark modules: a QRIS code of ~70 modules stays a few KB.
    for (int y = 0; y < width; ++y) {
        const std::string& row = rows[static_cast<std::size_t>(y)].get_ref<const std::string&>();
        for (int x = 0; x < width;) {
            if (row[static_cast<std::size_t>(x)] != '1') {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < width && row[static_cast<std::size_t>(x + run)] == '1') ++run;
            path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h" + std::to_string(run) + "v1h-" +
                    std::to_string(run) + "z";
            x += run;
        }
    }
    return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side +
           "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + html_escape(label) + "\"><rect width=\"" + side +
           "\" height=\"" + side + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace kimonet::http
