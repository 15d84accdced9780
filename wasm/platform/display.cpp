#include "platform/display.hpp"

#include <emscripten/html5.h>

#include <cmath>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/glyph_ranges.hpp"
#include "widgets/browser_glyphs.hpp"
#include "widgets/theme.hpp"

namespace kimonet::platform {
namespace {

constexpr float kBodyFontCss = 15.f;
constexpr float kCompactBodyFontCss = 16.f;
constexpr float kTitleFontCss = 22.f;
constexpr const char* kRegularFont = "/fonts/Inter-Regular.otf";  // subset and --preload-file'd by CMake
constexpr const char* kSemiBoldFont = "/fonts/Inter-SemiBold.otf";

ImFont* add_font(const char* path, float pixels) {
    ImFontConfig config;
    config.OversampleH = 2;  // already at device resolution: little oversampling needed
    config.OversampleV = 1;
    // The fonts in app.data hold these characters only (platform/glyph_ranges.hpp); every other
    // character leaves a gap the page paints (widgets/browser_glyphs.hpp).
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromFileTTF(path, std::round(pixels), &config, kAppGlyphRanges);
    if (!font) font = ImGui::GetIO().Fonts->AddFontDefault();
    widgets::add_browser_glyphs(font, std::round(pixels));
    return font;
}

}  // namespace

Display& display() {
    static Display instance;
    return instance;
}

void Display::rebuild_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float body = (m_compact ? kCompactBodyFontCss : kBodyFontCss) * m_dpr;
    m_fonts.body = add_font(kRegularFont, body);
    m_fonts.strong = add_font(kSemiBoldFont, body);
    m_fonts.title = add_font(kSemiBoldFont, kTitleFontCss * m_dpr);
    io.FontDefault = m_fonts.body;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool Display::sync() {
    bool changed = false;
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size("#canvas", &css_width, &css_height);
    const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int width = static_cast<int>(std::lround(css_width * dpr));
    const int height = static_cast<int>(std::lround(css_height * dpr));
    if (width != m_framebuffer_width || height != m_framebuffer_height) {
        // Not glfwSetWindowSize(): in emscripten 3.1.6 it may request fullscreen.
        emscripten_set_canvas_element_size("#canvas", width, height);
        m_framebuffer_width = width;
        m_framebuffer_height = height;
        changed = true;
    }
    m_css_width = static_cast<float>(css_width);
    const bool compact = m_css_width < kCompactBreakpointCss;
    if (dpr != m_dpr || compact != m_compact || !m_style_ready) {
        m_dpr = dpr;
        m_compact = compact;
        m_style_ready = true;
        rebuild_fonts();
        widgets::apply_theme(m_dpr, m_compact);
        changed = true;
    }
    return changed;
}

}  // namespace kimonet::platform
