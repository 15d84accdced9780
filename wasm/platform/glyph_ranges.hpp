#pragma once
// The characters the app draws with its own fonts (Inter Regular and SemiBold). The fonts shipped
// in app.data hold exactly these (wasm/fonts.cmake subsets them at build time with hb-subset, which
// reads the pairs below from this file), and web/text_layer.js lets the browser draw any text with
// a character outside them. views.fonts checks all three agree and that every catalogue text fits.
#include "imgui.h"

namespace kimonet::platform {

// ImGui's glyph range format: pairs of first and last code point, ended by 0. One pair per line,
// "0xFIRST, 0xLAST," (the form wasm/fonts.cmake reads).
inline constexpr ImWchar kAppGlyphRanges[] = {
    0x0020, 0x00FF,  // Basic Latin and Latin-1: Indonesian, "Rp", ×, ·, names such as "Désirée"
    0x0100, 0x024F,  // Latin Extended-A and -B: names such as "Łukasz", "Şükrü", Vietnamese ư ơ
    0x0370, 0x03FF,  // Greek
    0x0400, 0x04FF,  // Cyrillic: names such as "Жанна" (Inter spaces them as it spaces Latin)
    0x1E00, 0x1EFF,  // Latin Extended Additional: Vietnamese names ("Nguyễn Thị Hương")
    0x2013, 0x203A,  // General Punctuation: – — ‘ ’ “ ” • … ‹ ›
    0x2713, 0x2713,  // ✓ ("Disalin ✓")
    0,
};

}  // namespace kimonet::platform
