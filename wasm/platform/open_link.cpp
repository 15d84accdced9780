#include "platform/open_link.hpp"

#include <emscripten/emscripten.h>

// Only http(s) links: a gateway's answer must never run javascript: in the app's origin.
EM_JS(void, kimonet_open_link, (const char* url), {
    var address = UTF8ToString(url);
    var scheme = address.slice(0, 8).toLowerCase();
    if (scheme.indexOf("https:") !== 0 && scheme.indexOf("http:") !== 0) return;
    // Not the "noopener" feature: with it window.open answers null even when the tab opened.
    var opened = window.open(address, "_blank");
    if (opened) opened.opener = null;
    else window.location.assign(address);
});

namespace kimonet::platform {

void open_link(const std::string& url) { kimonet_open_link(url.c_str()); }

}  // namespace kimonet::platform
