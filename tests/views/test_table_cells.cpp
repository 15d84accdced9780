// A table cell narrower than its text — a browser zoomed to 150 % keeps the desktop layout in 853
// CSS px — must not cut a glyph in half: "Rp 150.000" cut after "Rp 150." reads as a hundred and
// fifty rupiah. It ends in an ellipsis inside the column, and its value stays the whole text.
#include <boost/test/unit_test.hpp>

#include <string>

#include "imgui.h"
#include "ui_registry.hpp"
#include "view_harness.hpp"
#include "widgets/form_widgets.hpp"

using kimonet::testing::ViewHarness;

namespace {

struct Drawn {
    float right_edge = 0.f;  // the rightmost vertex of the cell's text
    int glyphs = 0;          // text quads (6 indices each)
};

// One frame with a two-column table: column 0 `width` px wide holding `text`, and what it drew.
Drawn draw_cell(ViewHarness& harness, const std::string& text, float width, float& column_right) {
    harness.frames(1);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.f / 60.f;
    kimonet::ui_registry::begin_frame(1.f);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 200));
    ImGui::Begin("cells", nullptr, ImGuiWindowFlags_NoDecoration);
    Drawn drawn;
    ImDrawList* list = ImGui::GetWindowDrawList();
    if (ImGui::BeginTable("table", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthFixed, width);
        ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        column_right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        const int before = list->IdxBuffer.Size;
        const int vertices_before = list->VtxBuffer.Size;
        kimonet::widgets::text("cell", "cells.total", text);
        drawn.glyphs = (list->IdxBuffer.Size - before) / 6;
        for (int i = vertices_before; i < list->VtxBuffer.Size; ++i) drawn.right_edge = std::max(drawn.right_edge, list->VtxBuffer[i].pos.x);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("x");
        ImGui::EndTable();
    }
    ImGui::End();
    ImGui::Render();
    kimonet::ui_registry::end_frame();
    return drawn;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(table_cells)

BOOST_AUTO_TEST_CASE(a_cell_too_narrow_for_its_text_ends_in_an_ellipsis_inside_its_column) {
    ViewHarness harness;
    harness.settle();
    const std::string amount = "Rp 150.000";
    float column_right = 0.f;
    const Drawn wide = draw_cell(harness, amount, 300.f, column_right);
    BOOST_TEST(wide.glyphs == 9, "every glyph but the space drawn when it fits");
    const float full_width = ImGui::CalcTextSize(amount.c_str()).x;
    const Drawn narrow = draw_cell(harness, amount, full_width * 0.6f, column_right);
    BOOST_TEST(narrow.right_edge <= column_right + 0.5f, "no glyph reaches past the column: " << narrow.right_edge << " > " << column_right);
    BOOST_TEST(narrow.glyphs < wide.glyphs);
    BOOST_TEST(narrow.glyphs >= 2, "the start and the ellipsis are drawn");
    // The cell's value (the text layer, a screen reader, copy) is still the whole amount.
    const auto cell = harness.find("cells.total");
    BOOST_TEST_REQUIRE(cell.has_value());
    BOOST_TEST(cell->value("value", "") == amount);
}

BOOST_AUTO_TEST_SUITE_END()
