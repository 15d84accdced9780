// The page's real inputs (web/text_layer.js) report to the app here: what was typed (the whole
// value), focus, blur and Ctrl+Enter in a <textarea> (submit). Each wakes the frame loop, so the field shows it on the next frame.
#include <emscripten/emscripten.h>

#include "platform/frame_pacing.hpp"
#include "widgets/field_kind.hpp"

extern "C" EMSCRIPTEN_KEEPALIVE void kimonet_field_input(const char* id, const char* value) {
    kimonet::dom_fields::page_typed(id, value);
    kimonet::platform::note_activity();
}

extern "C" EMSCRIPTEN_KEEPALIVE void kimonet_field_focus(const char* id) {
    kimonet::dom_fields::page_focused(id);
    kimonet::platform::note_activity();
}

extern "C" EMSCRIPTEN_KEEPALIVE void kimonet_field_blur(const char* id) {
    kimonet::dom_fields::page_blurred(id);
    kimonet::platform::note_activity();
}

extern "C" EMSCRIPTEN_KEEPALIVE void kimonet_field_submit(const char* id) {
    kimonet::dom_fields::page_submitted(id);
    kimonet::platform::note_activity();
}
