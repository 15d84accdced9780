#include "pdf/pdf_canvas.hpp"

#include <cmath>

namespace kimonet::pdf {

namespace {

constexpr float kStampSize = 26.0f;
constexpr float kStampAngle = 12.0f * 3.14159265f / 180.0f;

// Length of the UTF-8 character starting with `lead` (a name may be "Désirée").
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

}  // namespace

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(separator, start);
        if (end == std::string::npos) end = text.size();
        std::string part = text.substr(start, end - start);
        while (!part.empty() && part.front() == ' ') part.erase(0, 1);
        while (!part.empty() && part.back() == ' ') part.pop_back();
        if (!part.empty()) parts.push_back(part);
        start = end + 1;
    }
    return parts;
}

void Canvas::image(HPDF_Image image, float x, float y, float width, float height) {
    HPDF_Page_DrawImage(m_page, image, x, y, width, height);
}

void Canvas::text(float x, float y, const std::string& value, float size, bool bold, Rgb color) {
    HPDF_Page_BeginText(m_page);
    HPDF_Page_SetFontAndSize(m_page, bold ? m_bold : m_regular, size);
    HPDF_Page_SetRGBFill(m_page, color.r, color.g, color.b);
    HPDF_Page_TextOut(m_page, x, y, value.c_str());
    HPDF_Page_EndText(m_page);
}

void Canvas::text_right(float right, float y, const std::string& value, float size, bool bold, Rgb color) {
    text(right - width(value, size, bold), y, value, size, bold, color);
}

float Canvas::width(const std::string& value, float size, bool bold) {
    HPDF_Page_SetFontAndSize(m_page, bold ? m_bold : m_regular, size);
    return HPDF_Page_TextWidth(m_page, value.c_str());
}

std::vector<std::string> Canvas::cut_word(const std::string& word, float size, float max_width, bool bold) {
    std::vector<std::string> pieces;
    std::string current;
    for (std::size_t at = 0; at < word.size();) {
        const std::string character = word.substr(at, utf8_length(static_cast<unsigned char>(word[at])));
        if (!current.empty() && width(current + character, size, bold) > max_width) pieces.push_back(std::move(current)), current.clear();
        current += character;
        at += character.size();
    }
    if (!current.empty()) pieces.push_back(current);
    return pieces;
}

std::vector<std::string> Canvas::wrap(const std::string& value, float size, float max_width, bool bold) {
    std::vector<std::string> lines;
    std::string current;
    for (const auto& word : split(value, ' ')) {
        const std::string candidate = current.empty() ? word : current + " " + word;
        if (width(candidate, size, bold) <= max_width) {
            current = candidate;
            continue;
        }
        if (!current.empty()) lines.push_back(current);
        current = word;
        if (width(word, size, bold) > max_width) {
            auto pieces = cut_word(word, size, max_width, bold);
            current = pieces.back();
            pieces.pop_back();
            lines.insert(lines.end(), pieces.begin(), pieces.end());
        }
    }
    if (!current.empty()) lines.push_back(current);
    return lines;
}

void Canvas::rule(float x1, float y, float x2, Rgb color, float thickness) {
    HPDF_Page_SetRGBStroke(m_page, color.r, color.g, color.b);
    HPDF_Page_SetLineWidth(m_page, thickness);
    HPDF_Page_MoveTo(m_page, x1, y);
    HPDF_Page_LineTo(m_page, x2, y);
    HPDF_Page_Stroke(m_page);
}

void Canvas::fill(float x, float y, float w, float h, Rgb color) {
    HPDF_Page_SetRGBFill(m_page, color.r, color.g, color.b);
    HPDF_Page_Rectangle(m_page, x, y, w, h);
    HPDF_Page_Fill(m_page);
}

StampExtent Canvas::stamp_extent(const std::string& label) {
    const float w = width(label, kStampSize, true) + 28.0f, h = kStampSize + 18.0f;
    const float c = std::cos(kStampAngle), s = std::sin(kStampAngle);
    return {(w * c + h * s) / 2, (w * s + h * c) / 2};
}

void Canvas::stamp(float cx, float cy, const std::string& label, Rgb color) {
    const float w = width(label, kStampSize, true) + 28.0f, h = kStampSize + 18.0f;
    const float c = std::cos(kStampAngle), s = std::sin(kStampAngle);
    HPDF_Page_GSave(m_page);
    HPDF_Page_Concat(m_page, c, s, -s, c, cx, cy);
    HPDF_Page_SetRGBStroke(m_page, color.r, color.g, color.b);
    HPDF_Page_SetLineWidth(m_page, 2.5f);
    HPDF_Page_Rectangle(m_page, -w / 2, -h / 2, w, h);
    HPDF_Page_Stroke(m_page);
    HPDF_Page_SetLineWidth(m_page, 0.8f);
    HPDF_Page_Rectangle(m_page, -w / 2 + 4, -h / 2 + 4, w - 8, h - 8);
    HPDF_Page_Stroke(m_page);
    text(-w / 2 + 14, -kStampSize / 2 + 5, label, kStampSize, true, color);
    HPDF_Page_GRestore(m_page);
}

}  // namespace kimonet::pdf
