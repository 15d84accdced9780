#include "views/report_widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "core/date.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/column_fit.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

using platform::display;

namespace {

print_view::Document* g_print_document = nullptr;
std::string g_card_title;  // the heading of the card being drawn: its table's title in print

void add_printed_table(const std::vector<ReportColumn>& columns, const std::vector<ReportRow>& rows) {
    if (!g_print_document) return;
    print_view::Table table{g_card_title, {}, {}};
    for (const ReportColumn& column : columns) table.columns.push_back(column.header);
    for (const ReportRow& row : rows) table.rows.push_back(row.cells);
    g_print_document->tables.push_back(std::move(table));
}

// What each shown column needs to draw its header and every cell whole, padding aside: the header
// and totals rows in the strong font, rounded up to a whole pixel (ImGui lays columns out in whole
// pixels).
std::vector<float> column_needs(const std::vector<ReportColumn>& columns, const std::vector<std::size_t>& shown,
                                const std::vector<ReportRow>& rows) {
    std::vector<float> need;
    for (std::size_t index : shown) {
        ImGui::PushFont(display().fonts().strong);
        float width = ImGui::CalcTextSize(columns[index].header.c_str()).x;
        for (const ReportRow& row : rows)
            if (row.strong && index < row.cells.size()) width = std::max(width, ImGui::CalcTextSize(row.cells[index].c_str()).x);
        ImGui::PopFont();
        for (const ReportRow& row : rows)
            if (!row.strong && index < row.cells.size()) width = std::max(width, ImGui::CalcTextSize(row.cells[index].c_str()).x);
        need.push_back(std::ceil(width));
    }
    return need;
}

}  // namespace

void collect_report_tables(print_view::Document* document) {
    g_print_document = document;
    g_card_title.clear();
}

void report_cell(const char* kind, const std::string& id, const std::string& value, bool figure) {
    if (figure) {
        const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(value.c_str()).x;
        if (room > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room);
    }
    widgets::text(kind, id, value);
}

void report_table(const std::string& id, const std::vector<ReportColumn>& columns, const std::vector<ReportRow>& rows, int max_rows) {
    add_printed_table(columns, rows);
    if (rows.empty()) {
        widgets::muted((id + ".empty").c_str(), i18n::tr("reports.empty"));
        return;
    }
    std::vector<std::size_t> shown;
    for (std::size_t index = 0; index < columns.size(); ++index)
        if (!display().compact() || columns[index].on_phone) shown.push_back(index);
    const std::vector<float> need = column_needs(columns, shown, rows);
    const bool scroll_y = max_rows > 0 && static_cast<int>(rows.size()) > max_rows;
    // Each column has a cell padding on either side (PadOuterX, no inner borders); a table that
    // scrolls down has its scrollbar beside them.
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().CellPadding.x * 2.f * static_cast<float>(shown.size()) -
                       (scroll_y ? ImGui::GetStyle().ScrollbarSize : 0.f);
    float needed = 0.f;
    for (const float width : need) needed += width;
    // Too many figures for the width (the revenue month table on a laptop, eight-digit sums on a
    // phone): every column as wide as it needs and the table scrolls sideways, nothing cut.
    const bool scroll_x = needed > room;
    ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    ImVec2 outer(0.f, 0.f);
    const float line = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
    if (scroll_y) {
        flags |= ImGuiTableFlags_ScrollY;
        outer.y = line * float(max_rows + 1) + display().px(2);
    }
    if (scroll_x) {
        // A table that scrolls is a child window: its height is given, every row and the scrollbar.
        flags |= ImGuiTableFlags_ScrollX;
        if (!scroll_y) outer.y = line * float(rows.size() + 1) + display().px(2);
        outer.y += ImGui::GetStyle().ScrollbarSize;
    }
    if (!ImGui::BeginTable(id.c_str(), static_cast<int>(shown.size()), flags, outer)) return;
    ImGui::TableSetupScrollFreeze(scroll_x ? 1 : 0, 1);
    // Wide screens: every column at least as wide as its widest text while they all fit, then by
    // weight. Phones: figure columns exactly that wide, the name column takes what is left. A
    // non-resizable fixed column takes the width given every frame.
    std::vector<float> weights;
    for (std::size_t index : shown) weights.push_back(columns[index].figure ? 1.f : 1.5f);
    const std::vector<float> fitted = widgets::fitted_widths(need, weights, room);
    for (std::size_t column = 0; column < shown.size(); ++column) {
        const ReportColumn& definition = columns[shown[column]];
        const bool fixed = scroll_x || (display().compact() && definition.figure);
        const float width = fixed ? need[column] : display().compact() ? weights[column] : fitted[column];
        ImGui::TableSetupColumn(definition.header.c_str(), fixed ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                std::max(width, 1.f));
    }
    // The header row by hand: figure headers right-aligned over their numbers.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::PushFont(display().fonts().strong);
    for (std::size_t column = 0; column < shown.size(); ++column) {
        ImGui::TableSetColumnIndex(static_cast<int>(column));
        const ReportColumn& header = columns[shown[column]];
        report_cell("header", id + ".header." + header.id, header.header, header.figure);
    }
    ImGui::PopFont();
    for (const ReportRow& row : rows) {
        ImGui::TableNextRow();
        if (row.strong) ImGui::PushFont(display().fonts().strong);
        for (std::size_t column = 0; column < shown.size(); ++column) {
            ImGui::TableSetColumnIndex(static_cast<int>(column));
            const ReportColumn& definition = columns[shown[column]];
            const std::string& value = shown[column] < row.cells.size() ? row.cells[shown[column]] : std::string();
            report_cell("cell", id + "." + row.key + "." + definition.id, value, definition.figure);
        }
        if (row.strong) ImGui::PopFont();
    }
    ImGui::EndTable();
}

bool begin_report_card(const std::string& id, std::string_view title, float width) {
    const bool open = widgets::begin_card(id.c_str(), width);
    g_card_title = title;
    if (open) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("title", id + ".title", title);
        ImGui::PopFont();
    }
    return open;
}

float report_column_width() {
    if (display().compact()) return 0.f;
    return (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
}

void report_next_column() {
    if (!display().compact()) ImGui::SameLine();
}

std::string report_period_label(const std::string& text) {
    const auto period = parse_period(text);
    if (!period) return text;
    if (display().compact()) return std::string(i18n::month_short(period->month)) + " " + std::to_string(period->year);
    return i18n::format_period(*period);
}

std::string format_basis_points(std::int64_t basis_points) {
    char text[32];
    const long long whole = static_cast<long long>(basis_points / 100), hundredths = static_cast<long long>(basis_points % 100);
    const char separator = i18n::language() == i18n::Language::English ? '.' : ',';
    std::snprintf(text, sizeof text, "%lld%c%02lld%%", whole, separator, hundredths < 0 ? -hundredths : hundredths);
    return text;
}

}  // namespace kimonet
