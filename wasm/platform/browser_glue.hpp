#pragma once
// The few things ImGui needs from the browser, implemented in web/kimonet_glue.js:
// the system clipboard, the phone's soft keyboard, downloads and localStorage.

#include <string>

namespace kimonet::platform {

// Wires ImGui's clipboard callbacks to navigator.clipboard (GLFW's clipboard is a stub here).
void install_clipboard();
// Shows the soft keyboard while an ImGui text field is active (touch devices only); call every frame.
void sync_soft_keyboard(bool text_input_active);
// Current wall-clock time in unix seconds (the browser is allowed to read a clock; shared/ is not).
double now_unix_seconds();

// Authenticated file download (fetch with the bearer token → Blob → save). Returns a handle for
// download_state(); the browser shows its own save prompt or saves straight away.
int start_download(const std::string& url, const std::string& token, const std::string& filename);
enum class DownloadState { Running, Saved, Failed };
DownloadState download_state(int handle);

// Small values kept across visits in localStorage ("" when absent or storage is unavailable).
std::string stored_value(const char* key);
void store_value(const char* key, const std::string& value);

}  // namespace kimonet::platform
