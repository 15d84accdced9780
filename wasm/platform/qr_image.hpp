#pragma once
// The WhatsApp gateways hand out the pairing QR as a PNG (a data: URL or a link). The browser
// decodes it (an <img> drawn into a canvas) and reads back the QR modules — the module size is
// measured from the top-left finder pattern (7 modules wide) — so the app can draw them with
// ImGui's draw list at any scale. An image that is not a readable QR reports a failure.
#include <string>
#include <vector>

namespace kimonet::platform {

struct QrModules {
    int size = 0;             // modules per side
    std::vector<bool> dark;   // size × size, row-major
};

enum class QrState { Running, Ready, Failed };

// Starts decoding `url`; returns a handle for qr_state()/qr_modules().
int start_qr_decode(const std::string& url);
QrState qr_state(int handle);
// The modules once qr_state() is Ready (empty otherwise).
QrModules qr_modules(int handle);

}  // namespace kimonet::platform
