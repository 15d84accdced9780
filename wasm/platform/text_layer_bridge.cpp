#include "platform/text_layer_bridge.hpp"

#include <emscripten/emscripten.h>

#include "platform/frame_pacing.hpp"
#include "text_layer.hpp"
#include "widgets/field_kind.hpp"

// Returns false when the page has no layer (yet): then nothing counts as handed over.
EM_JS(int, kimonet_text_layer_apply, (const char* changes), {
    if (!window.kimonetTextLayer) return 0;
    window.kimonetTextLayer.apply(UTF8ToString(changes));
    return 1;
});

EM_JS(int, kimonet_page_has_text_layer, (), { return window.kimonetTextLayer ? 1 : 0; });

namespace kimonet::platform {

void detect_text_layer() { dom_fields::set_enabled(kimonet_page_has_text_layer()); }

void publish_text_layer() {
    const std::string& changes = text_layer::changes();
    if (changes.empty()) return;
    const bool page_has_layer = kimonet_text_layer_apply(changes.c_str());
    if (!page_has_layer) text_layer::reset();
    // The layer's real inputs edit the text fields from now on (widgets/field_kind.hpp).
    dom_fields::set_enabled(page_has_layer);
}

}  // namespace kimonet::platform

// The page's layer was scrolled by the browser to one of its nodes (web/text_layer.js): the app
// scrolls that node into view on the next frame.
extern "C" EMSCRIPTEN_KEEPALIVE void kimonet_scroll_into_view(const char* key) {
    if (kimonet::text_layer::scroll_into_view(key)) kimonet::platform::note_activity();
}
