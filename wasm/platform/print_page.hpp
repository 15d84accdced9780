#pragma once
// The browser side of print_view: hands documents to web/print_view.js (window.kimonetPrintView).
namespace kimonet::platform {

// Installs the page as print_view's sink; call once at start-up.
void install_print_page();

}  // namespace kimonet::platform
