#pragma once
// Pieces every list screen shares: its pager, the room the pager needs, bold table headers.
// The pager: "‹ Previous · Page 2 of 7 · 160 items · Next ›" under a list. Registry ids are
// "<prefix>.previous", "<prefix>.summary", "<prefix>.next"; the summary text is the catalogue's
// "<prefix>.summary" with {page}, {pages}, {total}.
#include <string>

namespace kimonet::widgets {

// Height a list must leave free below itself for the pager (one row of buttons).
float pager_height();

// Draws the pager; returns true when `page` changed (the caller reloads).
bool pager(const std::string& prefix, int& page, int total, int per_page);

// The header row of a table, in the strong font.
void strong_headers_row();

}  // namespace kimonet::widgets
