#pragma once
// Pieces every list screen shares: its pager, the room the pager needs, bold table headers.
// The pager: "‹ Previous · Page 2 of 7 · 160 items · Next ›" under a list. Registry ids are
// "<prefix>.previous", "<prefix>.summary", "<prefix>.next"; the summary text is the catalogue's
// "<prefix>.summary" with {page}, {pages}, {total}.
#include <initializer_list>
#include <string>

namespace kimonet::widgets {

// Height a list must leave free below itself for the pager (one row of buttons).
float pager_height();

// Draws the pager; returns true when `page` changed (the caller reloads).
bool pager(const std::string& prefix, int& page, int total, int per_page);

// The header row of a table, in the strong font.
void strong_headers_row();

// One column of begin_table(): its header, its stretch weight, and whether this layout shows it
// (phones drop some columns).
struct TableColumn {
    const char* label;
    float weight;
    bool shown = true;
};
// ImGui::BeginTable with the shown columns (their count is the table's), the header row frozen on
// top and in the strong font. `height` 0 = as tall as the rows, negative = leave that much below.
// When it returns true, draw the rows and call ImGui::EndTable().
bool begin_table(const char* id, std::initializer_list<TableColumn> columns, int flags, float height = 0.f);

}  // namespace kimonet::widgets
