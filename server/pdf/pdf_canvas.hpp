#pragma once
// Drawing on libharu pages with a regular and a bold font: text, right-aligned text, word wrapping
// by the fonts' measured widths, rules, fills and the rotated status stamp. The invoice and the
// receipt share it so a long name wraps the same way on both.
#include <hpdf.h>

#include <string>
#include <vector>

namespace kimonet::pdf {

struct Rgb {
    float r, g, b;
};
inline constexpr Rgb kInk{0.13f, 0.15f, 0.18f};
inline constexpr Rgb kMuted{0.42f, 0.45f, 0.50f};
inline constexpr Rgb kBrand{0.07f, 0.33f, 0.62f};
inline constexpr Rgb kRule{0.82f, 0.85f, 0.88f};
inline constexpr Rgb kPaid{0.09f, 0.55f, 0.27f};
inline constexpr Rgb kUnpaid{0.80f, 0.15f, 0.15f};

// `text` cut at `separator`, each part trimmed of spaces, empty parts dropped.
std::vector<std::string> split(const std::string& text, char separator);

// Half the width and height of the upright box that holds a rotated stamp.
struct StampExtent {
    float half_width, half_height;
};

class Canvas {
public:
    Canvas(HPDF_Page page, HPDF_Font regular, HPDF_Font bold) : m_page(page), m_regular(regular), m_bold(bold) {}

    // Draws on `page` from now on (a table continued on a new page).
    void set_page(HPDF_Page page) { m_page = page; }
    HPDF_Page page() const { return m_page; }

    void image(HPDF_Image image, float x, float y, float width, float height);
    void text(float x, float y, const std::string& value, float size, bool bold = false, Rgb color = kInk);
    void text_right(float right, float y, const std::string& value, float size, bool bold = false, Rgb color = kInk);
    float width(const std::string& value, float size, bool bold = false);
    // Word-wraps `value` into lines no wider than `max_width` as measured in the font; a word wider
    // than a whole line (a long e-mail address) is cut between characters, never run off the page.
    std::vector<std::string> wrap(const std::string& value, float size, float max_width, bool bold = false);
    void rule(float x1, float y, float x2, Rgb color = kRule, float thickness = 0.8f);
    void fill(float x, float y, float w, float h, Rgb color);
    StampExtent stamp_extent(const std::string& label);
    // A rotated, outlined stamp centred on (cx, cy); stamp_extent says how much room it takes.
    void stamp(float cx, float cy, const std::string& label, Rgb color);

private:
    std::vector<std::string> cut_word(const std::string& word, float size, float max_width, bool bold);

    HPDF_Page m_page;
    HPDF_Font m_regular;
    HPDF_Font m_bold;
};

}  // namespace kimonet::pdf
