#include "widgets/list_widgets.hpp"

#include <algorithm>
#include <string>

#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "widgets/column_fit.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet::widgets {

float pager_height() {
    return ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y + platform::display().px(8);
}

void strong_headers_row() {
    fit_columns_to_content();  // before the header row lays the table out
    ImGui::PushFont(platform::display().fonts().strong);
    // ImGui::TableHeadersRow(), with each header reported to the registry (the page's text layer
    // gives the table its column headers).
    ImGuiTable* table = ImGui::GetCurrentTable();
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::TableGetHeaderRowHeight());
    if (!table->HostSkipItems) {
        for (int column = 0; column < ImGui::TableGetColumnCount(); ++column) {
            if (!ImGui::TableSetColumnIndex(column)) continue;
            const char* name = ImGui::TableGetColumnName(column);
            ImGui::PushID(table->InstanceCurrent * table->ColumnsCount + column);
            const ImVec2 label_position = ImGui::GetCursorScreenPos();  // where TableHeader draws the label
            ImGui::TableHeader(name);
            ImGui::PopID();
            if (name && *name) {
                const ImVec2 size = ImGui::CalcTextSize(name);
                ui_registry::record_rect("header", std::string("column_header.") + name, name, name, label_position,
                                         ImVec2(label_position.x + size.x, label_position.y + size.y));
            }
        }
    }
    ImGui::PopFont();
}

bool begin_table(const char* id, std::initializer_list<TableColumn> columns, int flags, float height) {
    const int shown = static_cast<int>(std::count_if(columns.begin(), columns.end(), [](const TableColumn& c) { return c.shown; }));
    if (!ImGui::BeginTable(id, shown, flags, ImVec2(0, height))) return false;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const TableColumn& column : columns)
        if (column.shown) ImGui::TableSetupColumn(column.label, 0, column.weight);
    strong_headers_row();
    return true;
}

bool pager(const std::string& prefix, int& page, int total, int per_page) {
    const int pages = std::max(1, (total + per_page - 1) / per_page);
    const bool compact = platform::display().compact();
    const std::string page_text = std::to_string(page), pages_text = std::to_string(pages), total_text = std::to_string(total);
    const std::string summary = i18n::tr_format(
        prefix + ".summary", {{"page", page_text}, {"pages", pages_text}, {"total", total_text}});
    ImGui::Dummy(ImVec2(0, platform::display().px(2)));
    // Phones: the summary on its own line, then two half-width buttons.
    if (compact) text("text", prefix + ".summary", summary, colors::kMuted);
    const float width = compact ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f : 0.f;
    bool changed = false;
    if (button((prefix + ".previous").c_str(), i18n::tr("common.previous"), ButtonStyle::Secondary, width, page <= 1)) {
        --page;
        changed = true;
    }
    ImGui::SameLine();
    if (!compact) {
        ImGui::AlignTextToFramePadding();
        text("text", prefix + ".summary", summary, colors::kMuted);
        ImGui::SameLine();
    }
    if (button((prefix + ".next").c_str(), i18n::tr("common.next"), ButtonStyle::Secondary, width, page >= pages)) {
        ++page;
        changed = true;
    }
    return changed;
}

}  // namespace kimonet::widgets
