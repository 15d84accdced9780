// The fonts in app.data are Inter cut down to the characters the app asks ImGui for
// (wasm/platform/glyph_ranges.hpp, subset by wasm/fonts.cmake). A subset that lost a character the
// app asks for, a catalogue text with a character outside the ranges, or a text layer that believes
// the app draws other characters than it does, would each draw "?" on the canvas: each fails here.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/message_catalogue.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/glyph_ranges.hpp"

namespace {

using kimonet::platform::kAppGlyphRanges;

// One font file of an atlas built with `ranges` (ImGui keeps the ranges' pointer until the build).
struct LoadedFont {
    std::unique_ptr<ImFontAtlas> atlas = std::make_unique<ImFontAtlas>();
    ImFont* font = nullptr;
    bool has(unsigned codepoint) const { return font && font->FindGlyphNoFallback(static_cast<ImWchar>(codepoint)) != nullptr; }
};

LoadedFont load(const std::string& path, const ImWchar* ranges) {
    LoadedFont loaded;
    loaded.font = loaded.atlas->AddFontFromFileTTF(path.c_str(), 15.f, nullptr, ranges);
    BOOST_TEST_REQUIRE(loaded.font != nullptr, path);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    loaded.atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    return loaded;
}

bool in_app_ranges(unsigned codepoint) {
    for (const ImWchar* range = kAppGlyphRanges; range[0] != 0; range += 2)
        if (codepoint >= range[0] && codepoint <= range[1]) return true;
    return false;
}

// UTF-8 to code points (the catalogues are valid UTF-8; a bad byte becomes U+FFFD, outside the ranges).
std::vector<unsigned> codepoints(std::string_view text) {
    std::vector<unsigned> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const int length = byte < 0x80 ? 1 : (byte >> 5) == 6 ? 2 : (byte >> 4) == 14 ? 3 : (byte >> 3) == 30 ? 4 : 0;
        if (length == 0 || i + length > text.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        unsigned codepoint = length == 1 ? byte : byte & (0xFF >> (length + 1));
        for (int k = 1; k < length; ++k) codepoint = (codepoint << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(codepoint);
        i += length;
    }
    return out;
}

// Every text the app takes from a catalogue: its own parts (both languages) and the shared
// messages the server sends (the browser shows them, or their English).
std::vector<std::pair<std::string, std::string>> catalogue_texts() {
    std::vector<std::pair<std::string, std::string>> texts;
    for (const auto& part : kimonet::i18n::catalogue_parts())
        for (const auto& entry : part) {
            texts.emplace_back(std::string(entry.key), entry.indonesian);
            texts.emplace_back(std::string(entry.key) + " (en)", entry.english);
        }
    for (const auto& entry : kimonet::messages::catalogue()) {
        texts.emplace_back("message", std::string(entry.id));
        texts.emplace_back("message (en)", std::string(entry.en));
    }
    return texts;
}

const std::string kSubsetDir = KIMONET_SUBSET_FONT_DIR;
const std::string kFullDir = KIMONET_FONT_DIR;

}  // namespace

BOOST_AUTO_TEST_SUITE(fonts)

BOOST_AUTO_TEST_CASE(the_subset_fonts_hold_every_character_of_the_app_ranges_that_inter_has) {
    for (const char* name : {"Inter-Regular.otf", "Inter-SemiBold.otf"}) {
        const LoadedFont subset = load(kSubsetDir + "/" + name, kAppGlyphRanges);
        const LoadedFont full = load(kFullDir + "/" + name, kAppGlyphRanges);
        int kept = 0;
        for (const ImWchar* range = kAppGlyphRanges; range[0] != 0; range += 2)
            for (unsigned codepoint = range[0]; codepoint <= range[1]; ++codepoint) {
                BOOST_TEST(subset.has(codepoint) == full.has(codepoint), name << " U+" << std::hex << codepoint);
                kept += subset.has(codepoint);
            }
        // Printable ASCII and Latin-1 (less the C1 controls and the soft hyphen Inter lacks) at least.
        BOOST_TEST(kept > 180, name << ": " << kept);
        // Vietnamese, Latin Extended, Greek and Cyrillic names are the canvas's own: ă, ư, ạ, Ω, Ж.
        for (unsigned codepoint : {0x0103u, 0x01B0u, 0x1EA1u, 0x03A9u, 0x0416u}) BOOST_TEST(subset.has(codepoint), name << " U+" << std::hex << codepoint);
    }
}

BOOST_AUTO_TEST_CASE(the_subset_fonts_leave_out_what_the_app_never_draws) {
    // Arrows, Armenian and Cyrillic Supplement are in Inter but not in the ranges: they stay out of app.data.
    static const ImWchar kOutside[] = {0x0500, 0x058F, 0x2190, 0x21FF, 0};
    const LoadedFont subset = load(kSubsetDir + "/Inter-Regular.otf", kOutside);
    const LoadedFont full = load(kFullDir + "/Inter-Regular.otf", kOutside);
    for (unsigned codepoint : {0x052Fu, 0x2192u}) {
        BOOST_TEST(full.has(codepoint), "Inter has U+" << std::hex << codepoint);
        BOOST_TEST(!subset.has(codepoint), "the subset has U+" << std::hex << codepoint);
    }
}

BOOST_AUTO_TEST_CASE(every_catalogue_text_is_drawn_with_characters_of_the_subset) {
    const LoadedFont regular = load(kSubsetDir + "/Inter-Regular.otf", kAppGlyphRanges);
    const LoadedFont semibold = load(kSubsetDir + "/Inter-SemiBold.otf", kAppGlyphRanges);
    std::size_t checked = 0;
    for (const auto& [where, text] : catalogue_texts()) {
        for (unsigned codepoint : codepoints(text)) {
            if (codepoint == '\n' || codepoint == '\t') continue;  // line breaks, never glyphs
            ++checked;
            if (!in_app_ranges(codepoint) || !regular.has(codepoint) || !semibold.has(codepoint)) {
                BOOST_ERROR(where << ": \"" << text << "\" has U+" << std::hex << codepoint
                                  << ", which the app's fonts lack (it would draw \"?\"); add it to wasm/platform/glyph_ranges.hpp");
                break;
            }
        }
    }
    BOOST_TEST(checked > 10000u);
}

BOOST_AUTO_TEST_CASE(the_text_layer_knows_which_characters_the_app_draws) {
    // web/text_layer.js lets the browser draw a field whose text has a character outside the ranges.
    std::string expected = "var BEYOND_APP_FONT = /[^";
    for (const ImWchar* range = kAppGlyphRanges; range[0] != 0; range += 2) {
        char part[32];
        if (range[0] == range[1]) std::snprintf(part, sizeof part, "\\u%04x", static_cast<unsigned>(range[0]));
        else std::snprintf(part, sizeof part, "\\u%04x-\\u%04x", static_cast<unsigned>(range[0]), static_cast<unsigned>(range[1]));
        expected += part;
    }
    expected += "]/;";
    std::ifstream file(std::string(KIMONET_SOURCE_DIR) + "/web/text_layer.js");
    BOOST_TEST_REQUIRE(file.good());
    std::stringstream script;
    script << file.rdbuf();
    BOOST_TEST(script.str().find(expected) != std::string::npos, "web/text_layer.js lacks " << expected);
}

BOOST_AUTO_TEST_SUITE_END()
