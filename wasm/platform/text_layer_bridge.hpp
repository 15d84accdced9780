#pragma once
// Hands the frame's text-layer changes (text_layer.hpp) to web/text_layer.js.

namespace kimonet::platform {

// Call after ui_registry::end_frame(): the page updates its DOM layer from the finished frame.
void publish_text_layer();

}  // namespace kimonet::platform
