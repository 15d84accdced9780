#include "platform/qr_image.hpp"

#include <cstdlib>

#include <emscripten/emscripten.h>

// window.__kimonetQr[serial] = null while running, "" on failure, "<size>:<0|1…>" when done.
EM_JS(void, kimonet_qr_start, (const char* url, int serial), {
    var store = window.__kimonetQr || (window.__kimonetQr = {});
    store[serial] = null;
    var image = new Image();
    image.crossOrigin = "anonymous";
    image.onerror = function () { store[serial] = ""; };
    image.onload = function () {
        try {
            var w = image.naturalWidth, h = image.naturalHeight;
            var canvas = document.createElement("canvas");
            canvas.width = w; canvas.height = h;
            var context = canvas.getContext("2d");
            context.fillStyle = "#fff";
            context.fillRect(0, 0, w, h);
            context.drawImage(image, 0, 0);
            var pixels = context.getImageData(0, 0, w, h).data;
            var dark = function (x, y) {
                var i = (y * w + x) * 4;
                return pixels[i] * 0.3 + pixels[i + 1] * 0.59 + pixels[i + 2] * 0.11 < 128;
            };
            // Bounding box of the dark pixels = the symbol without its quiet zone.
            var left = w, top = h, right = -1, bottom = -1;
            for (var y = 0; y < h; y++) for (var x = 0; x < w; x++) if (dark(x, y)) {
                if (x < left) left = x; if (x > right) right = x; if (y < top) top = y; if (y > bottom) bottom = y;
            }
            if (right < 0) { store[serial] = ""; return; }
            // The top-left finder pattern"s top edge is 7 modules of dark.
            var run = 0;
            while (left + run <= right && dark(left + run, top)) run++;
            var module = run / 7;
            var size = Math.round((right - left + 1) / module);
            if (module < 1 || size < 21 || size > 177 || (size - 17) % 4 !== 0) { store[serial] = ""; return; }
            var bits = "";
            for (var row = 0; row < size; row++) for (var col = 0; col < size; col++) {
                var px = Math.min(right, Math.floor(left + (col + 0.5) * module));
                var py = Math.min(bottom, Math.floor(top + (row + 0.5) * module));
                bits += dark(px, py) ? "1" : "0";
            }
            store[serial] = size + ":" + bits;
        } catch (e) { store[serial] = ""; }
    };
    image.src = UTF8ToString(url);
});

// -1 running, -2 failed, else the length of the result.
EM_JS(int, kimonet_qr_length, (int serial), {
    var value = (window.__kimonetQr || {})[serial];
    if (value === null || value === undefined) return value === null ? -1 : -2;
    return value === "" ? -2 : lengthBytesUTF8(value);
});

EM_JS(void, kimonet_qr_copy, (int serial, char* buffer, int size), {
    stringToUTF8(window.__kimonetQr[serial], buffer, size);
});

namespace kimonet::platform {
namespace {
int g_next_serial = 1;
}

int start_qr_decode(const std::string& url) {
    const int serial = g_next_serial++;
    kimonet_qr_start(url.c_str(), serial);
    return serial;
}

QrState qr_state(int handle) {
    const int length = kimonet_qr_length(handle);
    if (length == -1) return QrState::Running;
    return length < 0 ? QrState::Failed : QrState::Ready;
}

QrModules qr_modules(int handle) {
    QrModules out;
    const int length = kimonet_qr_length(handle);
    if (length <= 0) return out;
    std::string text(static_cast<std::size_t>(length) + 1, '\0');
    kimonet_qr_copy(handle, text.data(), length + 1);
    text.resize(static_cast<std::size_t>(length));
    const auto colon = text.find(':');
    if (colon == std::string::npos) return out;
    out.size = std::atoi(text.substr(0, colon).c_str());
    for (std::size_t i = colon + 1; i < text.size(); ++i) out.dark.push_back(text[i] == '1');
    if (out.dark.size() != static_cast<std::size_t>(out.size * out.size)) out = {};
    return out;
}

}  // namespace kimonet::platform
