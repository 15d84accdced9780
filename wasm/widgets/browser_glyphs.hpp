#pragma once
// Emoji (and any other character the app's font lacks) on the canvas. The app draws with Inter,
// which has no emoji, and Dear ImGui 1.86 (16-bit ImWchar) reads every code point above U+FFFF as
// U+FFFD: left alone, a customer named "Putri 🙏" shows as "Putri ?". Instead each font gets
//  - a blank glyph, kGapAdvance font sizes wide, that ImGui uses for every character it lacks (its
//    fallback glyph): layout keeps a gap of an emoji's width there, and nothing is drawn;
//  - zero-width blanks for the joiners and variation selectors inside emoji sequences ("❤️",
//    "👨‍👩‍👧"), so they widen nothing.
// The page's text layer paints the characters in those gaps with the browser's own fonts (colour
// emoji): browser_runs() says where they are, in ImGui's own layout (text_layer.cpp hands them over).
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace kimonet::widgets {

// The gap's width in font sizes (ImGui's size is ascent + descent, about 1.21 CSS em for Inter):
// 1.05 sizes = 1.27 em, the advance of Noto Color Emoji's glyphs (1.245 em) and a little air.
inline constexpr float kGapAdvance = 1.05f;

// Adds the blank glyphs to a font just added to the atlas (before the atlas is built);
// `pixels` is the size it was added at.
void add_browser_glyphs(ImFont* font, float pixels);

// A stretch of characters the font leaves to the browser, as ImGui lays `text` out from its origin
// (x, y in px at `size`): on which line, where its gap starts and how wide it is, and its UTF-8 text
// (with the joiners and selectors inside it).
struct BrowserRun {
    int line = 0;
    float x = 0.f;
    float width = 0.f;
    std::string text;
};

// The runs of `text` drawn with `font` at `size` px, wrapped at `wrap_width` (0: only at '\n')
// exactly as ImGui's RenderText wraps. Empty when the font draws every character itself.
std::vector<BrowserRun> browser_runs(const ImFont* font, float size, std::string_view text, float wrap_width = 0.f);

}  // namespace kimonet::widgets
