#pragma once
// The few things ImGui needs from the browser, implemented in web/kimonet_glue.js:
// the system clipboard, the phone's soft keyboard, downloads and localStorage.

#include <functional>
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

// File upload: opens the browser's file chooser (the hidden <input type=file> of index.html) for
// `accept` (".xlsx,.csv"). The page reads the chosen file and keeps its bytes until taken; it
// wakes the frame loop when they are ready. Returns a handle for picked_file_state().
int pick_file(const std::string& accept);
enum class PickState { Waiting, Ready, Failed };  // Failed: cancelled or unreadable
PickState picked_file_state(int handle);
struct PickedFile {
    std::string name;
    std::string bytes;
};
// The file once Ready (the page forgets it); empty otherwise.
PickedFile take_picked_file(int handle);

// Small values kept across visits in localStorage ("" when absent or storage is unavailable).
std::string stored_value(const char* key);
void store_value(const char* key, const std::string& value);

// The session token, kept for this tab only (sessionStorage) so a reload stays signed in.
std::string session_token();
void store_session_token(const std::string& token);  // "" forgets it

// The last answer of each GET (offline reading). Kept in localStorage under "kimonet.cache:<path>";
// bodies over 256 KB are not kept; a full store is emptied and written again.
std::string cached_response(const std::string& path);
void cache_response(const std::string& path, const std::string& body);
void clear_cached_responses();

// URL hash routing: "#/customers/42" <-> "customers/42". shell.js listens for hashchange and
// popstate and calls kimonet_route_changed(); the app takes the change on its next frame.
std::string current_route();
void push_route(const std::string& route);  // history.pushState, no hashchange event
// history.replaceState: the app corrected the address it was given (a panel this user may not open).
void replace_route(const std::string& route);
bool take_route_change();

// Opens a link the canvas cannot hold as an <a>: "tel:+62…" in this tab (the phone's dialler takes
// it), http(s) ("https://wa.me/62…", a gateway's checkout page) in a new tab without an opener, or
// this tab where the browser blocks one; any other scheme is ignored.
void open_url(const std::string& url);

// Runs `callback` once after `milliseconds` on the main thread (between frames).
void set_timeout(double milliseconds, std::function<void()> callback);

// Frame timing for the browser benchmark: pushed to window.kimonetFrames when it is an array.
void report_frame_time(double milliseconds);

}  // namespace kimonet::platform

extern "C" void kimonet_route_changed();
extern "C" void kimonet_file_picked();
