#pragma once
// Frames cost real work in a browser (WebGL at device resolution, software GL in CI), so the app
// only renders while something is happening: input, a finished request, a resize, or a short
// settle period after those (hover, popups opening, debounce timers). Idle pages draw nothing.

namespace kimonet::platform {

// Keeps frames coming for a short while; call on any event that may change what is on screen.
void note_activity();
// Whether the frame loop should run ImGui and render this time around.
bool should_render_frame();
// The next frame is drawn to the canvas even if its draw data equals the last one shown: a
// texture's pixels changed under an id the draw data already names.
void note_texture_changed();
// Whether a frame with this fingerprint must be drawn (it differs from the picture on the canvas,
// or a texture changed); remembers it as the picture on the canvas when it is.
bool must_present(unsigned long long fingerprint);

}  // namespace kimonet::platform
