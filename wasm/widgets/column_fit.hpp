#pragma once
// A list table's stretch columns, sized for what they hold. ImGui shares a table's width among its
// stretch columns by their weights alone, which know nothing of "13 September 2025" or
// "Rp 1.500.000": at 100% zoom a 1280 px window cut "PPPoE" and the join dates in the customer list,
// at 125% the invoice numbers and money. Here each column keeps its share of the width by weight
// unless what it drew last frame (its cells and its header) needs more; columns with room to spare
// give it up first. Only when the table is too narrow for everything does every column give up the
// same fraction of what it needs (and the layout for phones, under 1000 CSS px, takes over before
// that on the list screens).
#include <vector>

struct ImGuiTable;

namespace kimonet::widgets {

// Between the last TableSetupColumn and the first row of the current table (strong_headers_row
// calls it: every list table with a header row).
void fit_columns_to_content();

// The widths (inner, without padding) that `available` px give columns needing `need` with stretch
// weights `weight`: the rule above, as arithmetic (tests/views checks it directly).
std::vector<float> fitted_widths(const std::vector<float>& need, const std::vector<float>& weight, float available);

}  // namespace kimonet::widgets
