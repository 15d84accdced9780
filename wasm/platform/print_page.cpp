#include "platform/print_page.hpp"

#include <emscripten.h>

#include <string>

#include "widgets/print_view.hpp"

namespace kimonet::platform {
namespace {

// The page may lack print_view.js (an old cached page): printing then stays the browser's own.
EM_JS(void, kimonet_print_view_show, (const char* json), {
    if (window.kimonetPrintView) window.kimonetPrintView.show(UTF8ToString(json));
});
EM_JS(void, kimonet_print_view_print, (const char* json), {
    if (window.kimonetPrintView) window.kimonetPrintView.printNow(UTF8ToString(json));
});

void show(const std::string& json) { kimonet_print_view_show(json.c_str()); }
void print(const std::string& json) { kimonet_print_view_print(json.c_str()); }

}  // namespace

void install_print_page() { print_view::install_page_sink({show, print}); }

}  // namespace kimonet::platform
