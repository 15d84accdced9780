#include "platform/open_link.hpp"

#include <emscripten/emscripten.h>

// Only http(s) links: a gateway's answer must never run javascript: in the app's origin.
EM_JS(void, kimonet_open_link, (const char* url), {
    var address = UTF8ToString(url);
    if (!/^https?:\/\//i.test(address)) return;
    var opened = window.open(address, "_blank", "noopener");
    if (!opened) window.location.assign(address);
});

namespace kimonet::platform {

void open_link(const std::string& url) { kimonet_open_link(url.c_str()); }

}  // namespace kimonet::platform
