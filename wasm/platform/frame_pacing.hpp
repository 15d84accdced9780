#pragma once
// Frames cost real work in a browser (WebGL at device resolution, software GL in CI), so the app
// only renders while something is happening: input, a finished request, a resize, or a short
// settle period after those (hover, popups opening, debounce timers). Idle pages draw nothing.

namespace kimonet::platform {

// Keeps frames coming for a short while; call on any event that may change what is on screen.
void note_activity();
// Whether the frame loop should run ImGui and render this time around.
bool should_render_frame();

}  // namespace kimonet::platform
