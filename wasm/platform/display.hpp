#pragma once
// The canvas and its pixels: the app renders in device pixels (CSS size x devicePixelRatio) so text
// stays crisp on phones; fonts are rasterised at size x dpr and the style is scaled to match.
struct ImFont;

namespace kimonet::platform {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* strong = nullptr;   // semibold, same size: table headers, labels
    ImFont* title = nullptr;    // semibold, larger: page titles
};

// Under this many CSS px the app lays out for phones: one column, cards instead of tables, the menu
// behind a button. 1000, not a phone's 760: a 1280 px window at 150% browser zoom (or a 1366 px
// laptop at 150% scaling) is 853-911 CSS px, where the desktop's tables cut money and dates.
inline constexpr float kCompactBreakpointCss = 1000.f;

class Display {
public:
    // Call at the start of every frame: resizes the backing store, rebuilds fonts/style on change.
    // Returns true when anything changed.
    bool sync();

    float dpr() const { return m_dpr; }
    int framebuffer_width() const { return m_framebuffer_width; }
    int framebuffer_height() const { return m_framebuffer_height; }
    float css_width() const { return m_css_width; }
    // Phones and narrow windows get one column and finger-sized controls (under kCompactBreakpointCss).
    bool compact() const { return m_compact; }
    // CSS pixels -> device pixels, for layout constants.
    float px(float css) const { return css * m_dpr; }
    const Fonts& fonts() const { return m_fonts; }

private:
    void rebuild_fonts();

    float m_dpr = 0.f;
    int m_framebuffer_width = 0;
    int m_framebuffer_height = 0;
    float m_css_width = 0.f;
    bool m_compact = false;
    bool m_style_ready = false;
    Fonts m_fonts;
};

Display& display();

}  // namespace kimonet::platform
