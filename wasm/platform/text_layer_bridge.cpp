#include "platform/text_layer_bridge.hpp"

#include <emscripten/emscripten.h>

#include "text_layer.hpp"

// Returns false when the page has no layer (yet): then nothing counts as handed over.
EM_JS(int, kimonet_text_layer_apply, (const char* changes), {
    if (!window.kimonetTextLayer) return 0;
    window.kimonetTextLayer.apply(UTF8ToString(changes));
    return 1;
});

namespace kimonet::platform {

void publish_text_layer() {
    const std::string& changes = text_layer::changes();
    if (changes.empty()) return;
    if (!kimonet_text_layer_apply(changes.c_str())) text_layer::reset();
}

}  // namespace kimonet::platform
