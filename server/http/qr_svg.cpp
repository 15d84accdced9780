#include "http/qr_svg.hpp"

#include <memory>

#include <qrencode.h>

#include "core/error_messages.hpp"
#include "http/html.hpp"

namespace kimonet::http {

Result<std::string> qr_svg(std::string_view text, std::string_view label) {
    constexpr int kQuietZone = 4;  // modules of white around the symbol, as ISO/IEC 18004 asks
    const std::string input(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) return make_error(ErrorCode::Internal, messages::kQrCodeFailed);
    const int width = code->width;
    const std::string side = std::to_string(width + 2 * kQuietZone);
    std::string path;
    // One subpath per horizontal run of dark modules: a QRIS code of ~70 modules stays a few KB.
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width;) {
            if (!(code->data[y * width + x] & 1)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < width && (code->data[y * width + x + run] & 1)) ++run;
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
