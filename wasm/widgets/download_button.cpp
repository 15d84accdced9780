#include "widgets/download_button.hpp"

#include <map>

#include "api_client.hpp"
#include "i18n.hpp"
#include "platform/browser_glue.hpp"
#include "platform/frame_pacing.hpp"

namespace kimonet::widgets {

namespace {

struct Download {
    int handle = 0;
    bool failure_reported = false;
};

}  // namespace

DownloadStatus download_button(const std::string& id, const char* label, const std::string& api_path,
                               const std::string& filename, ButtonStyle style, float width) {
    static std::map<std::string, Download> downloads;
    DownloadStatus status;
    auto found = downloads.find(id);
    if (found != downloads.end()) {
        const auto state = platform::download_state(found->second.handle);
        status.running = state == platform::DownloadState::Running;
        status.failed = state == platform::DownloadState::Failed;
        status.failed_now = status.failed && !found->second.failure_reported;
        if (status.failed) found->second.failure_reported = true;
    }
    if (status.running) platform::note_activity();  // keep drawing until the browser reports the result
    if (button(id.c_str(), status.running ? i18n::tr("pdf.downloading") : label, style, width, status.running))
        downloads[id] = {platform::start_download(api_path, api_client().token(), filename), false};
    return status;
}

}  // namespace kimonet::widgets
