#pragma once
// A link the app opens for the person: a gateway's checkout page. A new tab (the app keeps its
// state, and the payment stays remembered either way); where the browser blocks that, this tab.
#include <string>

namespace kimonet::platform {

void open_link(const std::string& url);

}  // namespace kimonet::platform
