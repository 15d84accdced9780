#pragma once
// Hands the frame's text-layer changes (text_layer.hpp) to web/text_layer.js.

namespace kimonet::platform {

// Call after ui_registry::end_frame(): the page updates its DOM layer from the finished frame.
void publish_text_layer();
// Call before the first frame. web/text_layer.js runs before app.js, so the layer is there: text
// fields are the page's real inputs from the first frame they are drawn in (the sign-in's username
// has focus from its first frame, not a frame later, when the first publish would have told).
void detect_text_layer();

}  // namespace kimonet::platform
