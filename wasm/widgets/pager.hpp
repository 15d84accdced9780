#pragma once
// "‹ Previous · Page 2 of 7 · 160 items · Next ›" under a list. Registry ids are
// "<prefix>.previous", "<prefix>.summary", "<prefix>.next"; the summary text is the catalogue's
// "<prefix>.summary" with {page}, {pages}, {total}.
#include <string>

namespace kimonet::widgets {

// Draws the pager; returns true when `page` changed (the caller reloads).
bool pager(const std::string& prefix, int& page, int total, int per_page);

}  // namespace kimonet::widgets
