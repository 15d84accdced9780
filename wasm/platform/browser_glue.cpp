#include "platform/browser_glue.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>

#include <memory>
#include <string>

#include "imgui.h"
#include "platform/frame_pacing.hpp"

// Implemented in web/kimonet_glue.js (linked with --js-library).
extern "C" {
void kimonet_clipboard_write(const char* text);
// Returns a malloc'd UTF-8 copy of the last text the page saw on the clipboard.
char* kimonet_clipboard_read();
void kimonet_soft_keyboard(int show);
void kimonet_download(const char* url, const char* token, const char* filename, int serial);
int kimonet_download_state(int serial);
void kimonet_pick_file(const char* accept, int serial);
int kimonet_picked_file_state(int serial);
char* kimonet_picked_file_name(int serial);                 // malloc'd, or null
char* kimonet_picked_file_take(int serial, int* size_out);  // malloc'd bytes, or null
char* kimonet_storage_get(const char* key);  // malloc'd, or null
void kimonet_storage_set(const char* key, const char* value);
char* kimonet_session_token();  // malloc'd, or null
void kimonet_store_session_token(const char* token);
char* kimonet_cached_response(const char* path);  // malloc'd, or null
void kimonet_cache_response(const char* path, const char* body);
void kimonet_clear_cached_responses();
char* kimonet_current_route();  // malloc'd
void kimonet_push_route(const char* route);
void kimonet_open_url(const char* url);
void kimonet_replace_route(const char* route);
void kimonet_report_frame_time(double milliseconds);
}

// Wall-clock milliseconds since the epoch (emscripten_get_now() is monotonic, not calendar time).
EM_JS(double, kimonet_date_now_ms, (), { return Date.now(); });

namespace kimonet::platform {
namespace {

std::string g_clipboard;

void set_clipboard_text(void*, const char* text) {
    g_clipboard = text ? text : "";
    kimonet_clipboard_write(g_clipboard.c_str());
}

const char* get_clipboard_text(void*) {
    // Reading navigator.clipboard is asynchronous; the glue keeps the latest paste event's text.
    if (char* text = kimonet_clipboard_read()) {
        g_clipboard = text;
        free(text);
    }
    return g_clipboard.c_str();
}

}  // namespace

void install_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = set_clipboard_text;
    io.GetClipboardTextFn = get_clipboard_text;
}

void sync_soft_keyboard(bool text_input_active) {
    static bool shown = false;
    if (text_input_active == shown) return;
    shown = text_input_active;
    kimonet_soft_keyboard(shown ? 1 : 0);
}

double now_unix_seconds() { return kimonet_date_now_ms() / 1000.0; }

int start_download(const std::string& url, const std::string& token, const std::string& filename) {
    static int serial = 0;
    kimonet_download(url.c_str(), token.c_str(), filename.c_str(), ++serial);
    return serial;
}

DownloadState download_state(int handle) {
    switch (kimonet_download_state(handle)) {
    case 0: return DownloadState::Running;
    case 1: return DownloadState::Saved;
    default: return DownloadState::Failed;
    }
}

int pick_file(const std::string& accept) {
    static int serial = 0;
    kimonet_pick_file(accept.c_str(), ++serial);
    return serial;
}

PickState picked_file_state(int handle) {
    switch (kimonet_picked_file_state(handle)) {
    case 0: return PickState::Waiting;
    case 1: return PickState::Ready;
    default: return PickState::Failed;
    }
}

PickedFile take_picked_file(int handle) {
    PickedFile file;
    if (char* name = kimonet_picked_file_name(handle)) {
        file.name = name;
        free(name);
    }
    int size = 0;
    if (char* bytes = kimonet_picked_file_take(handle, &size)) {
        file.bytes.assign(bytes, static_cast<std::size_t>(size));
        free(bytes);
    }
    return file;
}

std::string stored_value(const char* key) {
    char* value = kimonet_storage_get(key);
    if (!value) return {};
    std::string out = value;
    free(value);
    return out;
}

void store_value(const char* key, const std::string& value) { kimonet_storage_set(key, value.c_str()); }

namespace {

std::string take_string(char* value) {
    if (!value) return {};
    std::string out = value;
    free(value);
    return out;
}

bool g_route_changed = false;

}  // namespace

std::string session_token() { return take_string(kimonet_session_token()); }
void store_session_token(const std::string& token) { kimonet_store_session_token(token.c_str()); }

std::string cached_response(const std::string& path) { return take_string(kimonet_cached_response(path.c_str())); }

void cache_response(const std::string& path, const std::string& body) {
    if (body.size() > 256 * 1024) return;
    kimonet_cache_response(path.c_str(), body.c_str());
}

void clear_cached_responses() { kimonet_clear_cached_responses(); }

std::string current_route() { return take_string(kimonet_current_route()); }
void push_route(const std::string& route) { kimonet_push_route(route.c_str()); }
void open_url(const std::string& url) { kimonet_open_url(url.c_str()); }
void replace_route(const std::string& route) { kimonet_replace_route(route.c_str()); }

bool take_route_change() {
    const bool changed = g_route_changed;
    g_route_changed = false;
    return changed;
}

void report_frame_time(double milliseconds) { kimonet_report_frame_time(milliseconds); }

void mark_route_changed() { g_route_changed = true; }

void set_timeout(double milliseconds, std::function<void()> callback) {
    emscripten_set_timeout(
        [](void* data) {
            std::unique_ptr<std::function<void()>> callback(static_cast<std::function<void()>*>(data));
            (*callback)();
        },
        milliseconds, new std::function<void()>(std::move(callback)));
}


}  // namespace kimonet::platform

// The page finished reading a picked file: draw, so the waiting view takes it.
extern "C" EMSCRIPTEN_KEEPALIVE void kimonet_file_picked() { kimonet::platform::note_activity(); }

extern "C" EMSCRIPTEN_KEEPALIVE void kimonet_route_changed() {
    kimonet::platform::mark_route_changed();
    kimonet::platform::note_activity();
}
