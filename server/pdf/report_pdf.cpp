#include "pdf/report_pdf.hpp"

#include <hpdf.h>

#include <algorithm>
#include <memory>

#include "core/money.hpp"
#include "pdf/pdf_canvas.hpp"
#include "pdf/pdf_document.hpp"

namespace kimonet::pdf {

namespace {

constexpr float kLandscapeWidth = 842.0f;  // A4 landscape: room for wide tables
constexpr float kLandscapeHeight = 595.0f;
constexpr float kReportMargin = 40.0f;

constexpr Rgb kSeriesColors[] = {{0.07f, 0.33f, 0.62f}, {0.16f, 0.65f, 0.45f}};

class ReportCanvas {
public:
    ReportCanvas(HPDF_Doc pdf, HPDF_Font regular, HPDF_Font bold) : m_pdf(pdf), m_regular(regular), m_bold(bold) { new_page(); }

    void new_page() {
        m_page = HPDF_AddPage(m_pdf);
        HPDF_Page_SetSize(m_page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE);
        y = kLandscapeHeight - kReportMargin;
    }
    void text(float x, float at, const std::string& value, float size, bool bold = false, Rgb color = kInk) {
        HPDF_Page_BeginText(m_page);
        HPDF_Page_SetFontAndSize(m_page, bold ? m_bold : m_regular, size);
        HPDF_Page_SetRGBFill(m_page, color.r, color.g, color.b);
        HPDF_Page_TextOut(m_page, x, at, value.c_str());
        HPDF_Page_EndText(m_page);
    }
    float width(const std::string& value, float size, bool bold = false) {
        HPDF_Page_SetFontAndSize(m_page, bold ? m_bold : m_regular, size);
        return HPDF_Page_TextWidth(m_page, value.c_str());
    }
    void text_right(float right, float at, const std::string& value, float size, bool bold = false, Rgb color = kInk) {
        text(right - width(value, size, bold), at, value, size, bold, color);
    }
    void rule(float x1, float x2, float at, Rgb color = kRule, float thickness = 0.6f) {
        HPDF_Page_SetRGBStroke(m_page, color.r, color.g, color.b);
        HPDF_Page_SetLineWidth(m_page, thickness);
        HPDF_Page_MoveTo(m_page, x1, at);
        HPDF_Page_LineTo(m_page, x2, at);
        HPDF_Page_Stroke(m_page);
    }
    void box(float x, float at, float w, float h, Rgb color) {
        HPDF_Page_SetRGBFill(m_page, color.r, color.g, color.b);
        HPDF_Page_Rectangle(m_page, x, at, w, h);
        HPDF_Page_Fill(m_page);
    }

    float y = 0;

private:
    HPDF_Doc m_pdf;
    HPDF_Font m_regular;
    HPDF_Font m_bold;
    HPDF_Page m_page = nullptr;
};

// Axis labels in short rupiah/units: 1.250.000 → "1,3 jt", 12.500 → "12,5 rb".
std::string short_number(std::int64_t value) {
    const auto scaled = [](std::int64_t v, std::int64_t unit, const char* suffix) {
        const std::int64_t tenths = (v * 10 + unit / 2) / unit;
        return std::to_string(tenths / 10) + (tenths % 10 ? "," + std::to_string(tenths % 10) : "") + " " + suffix;
    };
    if (value >= 1'000'000'000) return scaled(value, 1'000'000'000, "M");
    if (value >= 1'000'000) return scaled(value, 1'000'000, "jt");
    if (value >= 10'000) return scaled(value, 1'000, "rb");
    return std::to_string(value);
}

void draw_chart(ReportCanvas& canvas, const spreadsheets::ReportChart& chart) {
    const float left = kReportMargin + 50, right = kLandscapeWidth - kReportMargin, top = canvas.y - 18, height = 170, bottom = top - height;
    canvas.text(kReportMargin, canvas.y, chart.title, 11, true);
    std::int64_t maximum = 1;
    for (const auto& series : chart.series)
        for (auto value : series.values) maximum = std::max(maximum, value);
    for (int step = 0; step <= 4; ++step) {
        const float at = bottom + height * static_cast<float>(step) / 4.0f;
        canvas.rule(left, right, at, step == 0 ? kMuted : kRule);
        canvas.text_right(left - 6, at - 3, short_number(maximum * step / 4), 7, false, kMuted);
    }
    const std::size_t groups = std::max<std::size_t>(1, chart.labels.size());
    const float slot = (right - left) / static_cast<float>(groups);
    const std::size_t bars = std::max<std::size_t>(1, chart.series.size());
    const float bar = std::min(28.0f, slot * 0.7f / static_cast<float>(bars));
    for (std::size_t g = 0; g < chart.labels.size(); ++g) {
        const float start = left + slot * static_cast<float>(g) + (slot - bar * static_cast<float>(bars)) / 2;
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            const std::int64_t value = g < chart.series[s].values.size() ? chart.series[s].values[g] : 0;
            const float h = value > 0 ? height * static_cast<float>(value) / static_cast<float>(maximum) : 0;
            if (h > 0) canvas.box(start + bar * static_cast<float>(s), bottom, bar - 1, h, kSeriesColors[s % 2]);
        }
        const std::string& label = chart.labels[g];
        canvas.text(left + slot * static_cast<float>(g) + (slot - canvas.width(label, 7)) / 2, bottom - 11, label, 7, false, kMuted);
    }
    float legend = left;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        canvas.box(legend, bottom - 28, 8, 8, kSeriesColors[s % 2]);
        canvas.text(legend + 12, bottom - 27, chart.series[s].name, 8);
        legend += 24 + canvas.width(chart.series[s].name, 8);
    }
    canvas.y = bottom - 48;
}

void draw_table(ReportCanvas& canvas, const spreadsheets::ReportSheet& sheet) {
    float total_width = 0;
    for (const auto& column : sheet.columns) total_width += static_cast<float>(column.width);
    const float scale = (kLandscapeWidth - 2 * kReportMargin) / std::max(1.0f, total_width);
    const auto header = [&] {
        canvas.text(kReportMargin, canvas.y, sheet.title, 11, true);
        canvas.y -= 16;
        float x = kReportMargin;
        for (const auto& column : sheet.columns) {
            const float w = static_cast<float>(column.width) * scale;
            if (column.kind == spreadsheets::ColumnKind::Text) canvas.text(x, canvas.y, column.header, 8, true);
            else canvas.text_right(x + w - 4, canvas.y, column.header, 8, true);
            x += w;
        }
        canvas.rule(kReportMargin, kLandscapeWidth - kReportMargin, canvas.y - 4, kMuted);
        canvas.y -= 16;
    };
    header();
    for (const auto& row : sheet.rows) {
        if (canvas.y < kReportMargin + 20) {
            canvas.new_page();
            header();
        }
        float x = kReportMargin;
        for (std::size_t i = 0; i < sheet.columns.size() && i < row.size(); ++i) {
            const float w = static_cast<float>(sheet.columns[i].width) * scale;
            const std::string value = spreadsheets::cell_text(row[i], sheet.columns[i].kind);
            if (sheet.columns[i].kind == spreadsheets::ColumnKind::Text) canvas.text(x, canvas.y, value, 8);
            else canvas.text_right(x + w - 4, canvas.y, value, 8);
            x += w;
        }
        canvas.rule(kReportMargin, kLandscapeWidth - kReportMargin, canvas.y - 5);
        canvas.y -= 15;
    }
    canvas.y -= 10;
}

}  // namespace

Result<std::string> render_report_pdf(const spreadsheets::ReportDocument& document, const std::string& printed_on) {
    auto pdf = TRY(PdfDocument::create(document.title));
    ReportCanvas canvas(pdf->handle(), pdf->regular(), pdf->bold());

    canvas.text(kReportMargin, canvas.y - 6, document.title, 18, true);
    canvas.text_right(kLandscapeWidth - kReportMargin, canvas.y - 6, "Dicetak " + printed_on, 8, false, kMuted);
    canvas.text(kReportMargin, canvas.y - 24, document.subtitle, 10, false, kMuted);
    canvas.y -= 52;
    float x = kReportMargin;
    for (const auto& [label, value] : document.figures) {
        canvas.text(x, canvas.y, label, 8, false, kMuted);
        canvas.text(x, canvas.y - 14, value, 11, true);
        x += std::max(120.0f, canvas.width(value, 11, true) + 24);
    }
    canvas.y -= 40;
    draw_chart(canvas, document.chart);
    for (std::size_t i = 0; i < document.sheets.size() && i < document.pdf_tables; ++i) {
        if (i > 0 && canvas.y < kReportMargin + 80) canvas.new_page();
        draw_table(canvas, document.sheets[i]);
    }

    return pdf->bytes();
}

}  // namespace kimonet::pdf
