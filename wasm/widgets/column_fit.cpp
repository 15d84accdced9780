#include "widgets/column_fit.hpp"

#include <algorithm>
#include <numeric>

#include "imgui.h"
#include "imgui_internal.h"

namespace kimonet::widgets {

std::vector<float> fitted_widths(const std::vector<float>& need, const std::vector<float>& weight, float available) {
    const std::size_t count = need.size();
    std::vector<float> width(count, 0.f);
    if (count == 0 || available <= 0.f) return width;
    const float needed = std::accumulate(need.begin(), need.end(), 0.f);
    if (needed >= available) {
        // Too narrow for everything: each column gives up the same fraction of what it needs.
        for (std::size_t i = 0; i < count; ++i) width[i] = needed > 0.f ? available * need[i] / needed : available / float(count);
        return width;
    }
    const float weights = std::accumulate(weight.begin(), weight.end(), 0.f);
    float total = 0.f, slack = 0.f;
    for (std::size_t i = 0; i < count; ++i) {
        const float share = weights > 0.f ? available * weight[i] / weights : available / float(count);
        width[i] = std::max(share, need[i]);
        total += width[i];
        slack += width[i] - need[i];
    }
    // What the columns that needed more than their share took comes from the room the others have
    // to spare, in proportion to it (there is enough: everything needed fits).
    const float excess = total - available;
    if (excess > 0.f && slack > 0.f)
        for (std::size_t i = 0; i < count; ++i) width[i] -= excess * (width[i] - need[i]) / slack;
    return width;
}

void fit_columns_to_content() {
    ImGuiTable* table = ImGui::GetCurrentTable();
    if (!table || table->IsLayoutLocked) return;
    std::vector<int> stretch;
    std::vector<float> need, weight;
    float fixed = 0.f;
    int enabled = 0;
    for (int n = 0; n < table->ColumnsCount; ++n) {
        ImGuiTableColumn& column = table->Columns[n];
        if (column.Flags & ImGuiTableColumnFlags_Disabled) continue;
        ++enabled;
        if (!(column.Flags & ImGuiTableColumnFlags_WidthStretch)) {
            fixed += std::max(column.WidthRequest, 0.f);
            continue;
        }
        stretch.push_back(n);
        // What its cells and header drew last frame (0 before the first: then weights alone).
        need.push_back(ImGui::TableGetColumnWidthAuto(table, &column));
        weight.push_back(column.InitStretchWeightOrWidth > 0.f ? column.InitStretchWeightOrWidth : 1.f);
    }
    if (stretch.empty()) return;
    // The width ImGui divides among the stretch columns (imgui_tables.cpp, TableUpdateLayout, part 4).
    const float spacing = table->OuterPaddingX * 2.f + (table->CellSpacingX1 + table->CellSpacingX2) * float(enabled - 1) +
                          table->CellPaddingX * 2.f * float(enabled);
    const float available = table->WorkRect.GetWidth() - spacing - fixed;
    const std::vector<float> width = fitted_widths(need, weight, available);
    for (std::size_t i = 0; i < stretch.size(); ++i) {
        ImGuiTableColumn& column = table->Columns[stretch[i]];
        // Weights are relative: widths in px are weights too. A table whose columns are not
        // resizable takes InitStretchWeightOrWidth every frame; a resizable one keeps StretchWeight.
        column.InitStretchWeightOrWidth = std::max(width[i], 1.f);
        if (!(table->Flags & ImGuiTableFlags_Resizable)) column.StretchWeight = column.InitStretchWeightOrWidth;
    }
}

}  // namespace kimonet::widgets
