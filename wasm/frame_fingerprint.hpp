#pragma once
// A frame's picture, reduced to 64 bits: every vertex, index and draw command of ImGui's draw data
// and the display size. Two frames with the same fingerprint put the same pixels on the canvas, so
// the browser's main loop skips the WebGL work (software GL in CI, the GPU and battery on a phone)
// for a frame that would redraw what is already shown. ImGui itself still runs every frame, so
// hover, popups and the test registry behave as before. A texture whose pixels change under the
// same id (the font atlas after a zoom) must call platform::note_texture_changed().
#include <cstdint>

struct ImDrawData;

namespace kimonet {

std::uint64_t frame_fingerprint(const ImDrawData& data);

}  // namespace kimonet
