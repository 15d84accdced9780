// wasm/platform/ for the headless view tests (see headless_platform.hpp).
#include "headless_platform.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "platform/frame_pacing.hpp"
#include "platform/map_tile_loader.hpp"
#include "platform/qr_image.hpp"
#include "widgets/browser_glyphs.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

float g_canvas_width = 1280.f;
constexpr float kCanvasHeight = 1400.f;  // tall enough for every sidebar entry without scrolling
float g_canvas_height = kCanvasHeight;
std::map<std::string, std::string> g_local_storage;
std::map<std::string, std::string> g_cache;
std::string g_session_token;
std::string g_route;
bool g_route_changed = false;
std::vector<std::string> g_opened_urls;
std::vector<std::string> g_downloads;
std::vector<std::function<void()>> g_timers;
std::optional<std::string> g_next_picked_file;  // the file the next chooser is given (nullopt: cancelled)
struct HeadlessTile {
    platform::TileLoadState state = platform::TileLoadState::Loading;
    std::int64_t bytes = 0;
};
std::vector<std::string> g_tile_urls;        // every start_tile_load, oldest first (handle = index + 1)
std::map<int, HeadlessTile> g_live_tiles;    // started and not released

// The product's fonts when installed (the same metrics as the browser), else ImGui's own.
ImFont* add_font(const char* path, float pixels) {
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromFileTTF(path, pixels);
    if (!font) font = ImGui::GetIO().Fonts->AddFontDefault();
    widgets::add_browser_glyphs(font, pixels);  // as the browser's display.cpp does
    return font;
}

}  // namespace

namespace testing {

void set_canvas_width(float css_width) { g_canvas_width = css_width; }
void set_canvas_height(float css_height) { g_canvas_height = css_height; }

int run_timers() {
    std::vector<std::function<void()>> due;
    due.swap(g_timers);
    for (auto& timer : due) timer();
    return static_cast<int>(due.size());
}

std::string written_route() { return g_route; }
std::vector<std::string> opened_urls() { return g_opened_urls; }
std::vector<std::string> downloaded_urls() { return g_downloads; }

void change_route(const std::string& route) {
    g_route = route;
    g_route_changed = true;
}

void reset_platform() {
    g_local_storage.clear();
    g_cache.clear();
    g_session_token.clear();
    g_route.clear();
    g_route_changed = false;
    g_timers.clear();
    g_opened_urls.clear();
    g_downloads.clear();
    g_next_picked_file.reset();
    g_canvas_width = 1280.f;
    g_canvas_height = kCanvasHeight;
    g_tile_urls.clear();
    g_live_tiles.clear();
}

void pick_next_file(const std::string& bytes) { g_next_picked_file = bytes; }

std::vector<std::string> requested_tiles() { return g_tile_urls; }
int live_tiles() { return static_cast<int>(g_live_tiles.size()); }
void finish_tile_loads(bool ok, int side) {
    for (auto& [handle, tile] : g_live_tiles) {
        if (tile.state != platform::TileLoadState::Loading) continue;
        tile.state = ok ? platform::TileLoadState::Ready : platform::TileLoadState::Failed;
        tile.bytes = ok ? std::int64_t{side} * side * 4 : 0;
    }
}

}  // namespace testing

namespace platform {

void install_clipboard() {}
void sync_soft_keyboard(bool) {}
double now_unix_seconds() { return 1764892800.0; }  // 2025-12-05 00:00 UTC: tests must not read the clock

int start_download(const std::string& url, const std::string&, const std::string&) {
    g_downloads.push_back(url);
    return 1;
}
DownloadState download_state(int) { return DownloadState::Saved; }
int pick_file(const std::string&) { return 1; }
PickState picked_file_state(int) { return g_next_picked_file ? PickState::Ready : PickState::Failed; }
PickedFile take_picked_file(int) {
    PickedFile file{"picked", g_next_picked_file.value_or("")};
    g_next_picked_file.reset();
    return file;
}

std::string stored_value(const char* key) {
    auto found = g_local_storage.find(key);
    return found == g_local_storage.end() ? std::string() : found->second;
}
void store_value(const char* key, const std::string& value) { g_local_storage[key] = value; }
std::string session_token() { return g_session_token; }
void store_session_token(const std::string& token) { g_session_token = token; }
std::string cached_response(const std::string& path) {
    auto found = g_cache.find(path);
    return found == g_cache.end() ? std::string() : found->second;
}
void cache_response(const std::string& path, const std::string& body) { g_cache[path] = body; }
void clear_cached_responses() { g_cache.clear(); }
std::string current_route() { return g_route; }
void push_route(const std::string& route) { g_route = route; }
void open_url(const std::string& url) { g_opened_urls.push_back(url); }
void replace_route(const std::string& route) { g_route = route; }
bool take_route_change() {
    const bool changed = g_route_changed;
    g_route_changed = false;
    return changed;
}
void report_frame_time(double) {}
void set_timeout(double, std::function<void()> callback) { g_timers.push_back(std::move(callback)); }

void note_activity() {}
bool should_render_frame() { return true; }

int start_tile_load(const std::string& url) {
    g_tile_urls.push_back(url);
    const int handle = static_cast<int>(g_tile_urls.size());
    g_live_tiles[handle] = {};
    return handle;
}
TileLoadState tile_load_state(int handle) {
    const auto found = g_live_tiles.find(handle);
    return found == g_live_tiles.end() ? TileLoadState::Failed : found->second.state;
}
ImTextureID tile_texture(int handle) {
    const auto found = g_live_tiles.find(handle);
    if (found == g_live_tiles.end() || found->second.state != TileLoadState::Ready) return ImTextureID{};
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1000 + handle));
}
std::int64_t tile_texture_bytes(int handle) {
    const auto found = g_live_tiles.find(handle);
    return found == g_live_tiles.end() ? 0 : found->second.bytes;
}
void release_tile(int handle) { g_live_tiles.erase(handle); }

int start_qr_decode(const std::string&) { return 1; }
QrState qr_state(int) { return QrState::Failed; }
QrModules qr_modules(int) { return {}; }

Display& display() {
    static Display instance;
    return instance;
}

void Display::rebuild_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    m_fonts.body = add_font(KIMONET_FONT_DIR "/Inter-Regular.otf", 15.f);
    m_fonts.strong = add_font(KIMONET_FONT_DIR "/Inter-SemiBold.otf", 15.f);
    m_fonts.title = add_font(KIMONET_FONT_DIR "/Inter-SemiBold.otf", 22.f);
    io.FontDefault = m_fonts.body;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);  // the null backend: built, never uploaded
}

bool Display::sync() {
    // Each test has its own ImGui context: a fresh one has no fonts yet.
    if (ImGui::GetIO().Fonts->Fonts.empty()) m_style_ready = false;
    const bool compact = g_canvas_width < platform::kCompactBreakpointCss;
    const bool changed = !m_style_ready || compact != m_compact || m_css_width != g_canvas_width ||
                         m_framebuffer_height != static_cast<int>(g_canvas_height);
    m_css_width = g_canvas_width;
    m_framebuffer_width = static_cast<int>(g_canvas_width);
    m_framebuffer_height = static_cast<int>(g_canvas_height);
    if (!m_style_ready || compact != m_compact) {
        m_dpr = 1.f;
        m_compact = compact;
        m_style_ready = true;
        rebuild_fonts();
        widgets::apply_theme(m_dpr, m_compact);
    }
    return changed;
}

}  // namespace platform
}  // namespace kimonet

extern "C" void kimonet_route_changed() {}
extern "C" void kimonet_file_picked() {}
