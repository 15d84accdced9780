#pragma once
// Figure cards in a grid (dashboard stats, report KPIs): a muted label, the figure in the title
// font and a muted note, with a coloured edge. Registry ids "<prefix>.label.<id>",
// "<prefix>.stat.<id>" (value = the figure) and "<prefix>.note.<id>".
#include <string>
#include <vector>

#include "imgui.h"

namespace kimonet::widgets {

struct StatCard {
    std::string id;
    std::string label;
    std::string figure;
    std::string note;  // "" = none
    ImU32 accent;
};

// The cards, `per_row` to a row, sharing the available width.
void stat_cards(const char* prefix, const std::vector<StatCard>& cards, int per_row);

}  // namespace kimonet::widgets
