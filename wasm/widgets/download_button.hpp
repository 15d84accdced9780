#pragma once
// A button that downloads an API file with the session token (PDF invoices, report exports) and
// saves it under a given name. While the browser fetches it the button says "Mengunduh…" and is
// disabled; the caller learns once when a download failed (to show a line or a toast).
#include <string>

#include "widgets/form_widgets.hpp"

namespace kimonet::widgets {

struct DownloadStatus {
    bool running = false;     // the browser is still fetching this button's file
    bool failed = false;      // the latest download of this button failed
    bool failed_now = false;  // ... and this is the first frame that knows it
};

// `id` names the button in the registry and keys its download (one at a time per id).
DownloadStatus download_button(const std::string& id, const char* label, const std::string& api_path,
                               const std::string& filename, ButtonStyle style = ButtonStyle::Secondary, float width = 0.f);

}  // namespace kimonet::widgets
