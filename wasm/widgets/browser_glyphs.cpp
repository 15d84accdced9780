#include "widgets/browser_glyphs.hpp"

#include "imgui_internal.h"  // ImTextCharFromUtf8, ImCharIsBlankA

namespace kimonet::widgets {
namespace {

// DEL: inside the atlas' first range, never text, and absent from Inter: the gap glyph's code point.
constexpr ImWchar kGapChar = 0x7F;
// Zero width: zero-width space, non-joiner and joiner, text and emoji variation selectors.
constexpr ImWchar kJoiners[] = {0x200B, 0x200C, 0x200D, 0xFE0E, 0xFE0F};

bool is_joiner(unsigned int c) {
    for (const ImWchar joiner : kJoiners)
        if (c == joiner) return true;
    return false;
}

}  // namespace

void add_browser_glyphs(ImFont* font, float pixels) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;  // (font->ContainerAtlas is set when the atlas builds)
    // 1x1 rects: the atlas starts zeroed, so they are blank (transparent) pixels.
    atlas->AddCustomRectFontGlyph(font, kGapChar, 1, 1, pixels * kGapAdvance, ImVec2(0.f, 0.f));
    for (const ImWchar joiner : kJoiners) atlas->AddCustomRectFontGlyph(font, joiner, 1, 1, 0.f, ImVec2(0.f, 0.f));
    // Kept by ImFont::BuildLookupTable when the glyph exists: every character the font lacks uses it.
    font->FallbackChar = kGapChar;
}

std::vector<BrowserRun> browser_runs(const ImFont* font, float size, std::string_view text, float wrap_width) {
    std::vector<BrowserRun> runs;
    if (!font || font->FontSize <= 0.f) return runs;
    bool plain = true;  // ASCII only: Inter draws it all
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) plain = false;
    if (plain) return runs;

    // ImFont::RenderText's walk (imgui_draw.cpp, 1.86), keeping the pen instead of drawing.
    const float scale = size / font->FontSize;
    const char* s = text.data();
    const char* const end = s + text.size();
    const char* wrap_eol = nullptr;
    float x = 0.f;
    int line = 0;
    bool open = false;  // the last character drawn was the browser's: the next one extends its run
    while (s < end) {
        if (wrap_width > 0.f) {
            if (!wrap_eol) {
                wrap_eol = font->CalcWordWrapPositionA(scale, s, end, wrap_width - x);
                if (wrap_eol == s) ++wrap_eol;
            }
            if (s >= wrap_eol) {
                x = 0.f;
                ++line;
                wrap_eol = nullptr;
                open = false;
                while (s < end) {
                    const char c = *s;
                    if (ImCharIsBlankA(c)) ++s;
                    else if (c == '\n') {
                        ++s;
                        break;
                    } else break;
                }
                continue;
            }
        }
        const char* const start = s;
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80) ++s;
        else {
            s += ImTextCharFromUtf8(&c, s, end);
            if (c == 0) break;
        }
        if (c == '\n') {
            x = 0.f;
            ++line;
            open = false;
            continue;
        }
        if (c < 32) continue;
        const ImFontGlyph* own = font->FindGlyphNoFallback(static_cast<ImWchar>(c));
        const float advance = (own ? own->AdvanceX : font->FallbackAdvanceX) * scale;
        const bool browser = !own || own == font->FallbackGlyph;
        if (browser || (open && is_joiner(c))) {
            if (!open) runs.push_back(BrowserRun{line, x, 0.f, {}});
            runs.back().text.append(start, s);
            runs.back().width += advance;
            open = true;
        } else {
            open = false;
        }
        x += advance;
    }
    return runs;
}

}  // namespace kimonet::widgets
