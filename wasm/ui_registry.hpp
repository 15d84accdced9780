#pragma once
// The test hook of an immediate-mode UI: there is no DOM, so every frame each interactive widget
// (and each table cell worth asserting on) reports what it is and where it was drawn. The last
// completed frame is exported to JavaScript as JSON by ui_query(); Playwright clicks by id/label.
#include <string_view>

#include "imgui.h"

namespace kimonet::ui_registry {

// pixels_per_css = devicePixelRatio: the app renders in device pixels, the registry speaks CSS px.
void begin_frame(float pixels_per_css);
// Records the last ImGui item. `id` is stable across languages ("login.username"); `label` is
// what the user sees; `value` is the widget's current content (passwords masked).
void record(std::string_view kind, std::string_view id, std::string_view label, std::string_view value = {});
// The same for something drawn without an ImGui item (toasts, chart bars): its rect is given.
void record_rect(std::string_view kind, std::string_view id, std::string_view label, std::string_view value, ImVec2 min,
                 ImVec2 max);
void end_frame();

}  // namespace kimonet::ui_registry

extern "C" const char* ui_query();
extern "C" int ui_frame_count();
