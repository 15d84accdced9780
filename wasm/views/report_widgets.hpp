#pragma once
// Pieces the report tabs share: a card with a heading, figure tables (right-aligned numbers,
// fewer columns on phones, a bold totals row) and two cards side by side on wide screens.
#include <string>
#include <string_view>
#include <vector>

#include "widgets/print_view.hpp"

namespace kimonet {

struct ReportColumn {
    const char* id;      // registry suffix of its cells: "<table>.<row key>.<column id>"
    std::string header;
    bool figure = true;    // right-aligned
    bool on_phone = true;  // phones show only these
};

struct ReportRow {
    std::string key;
    std::vector<std::string> cells;  // one per column
    bool strong = false;             // a totals row
};

// A table of figures; "Tidak ada data" when `rows` is empty. `max_rows` > 0 keeps it that many
// rows tall, scrolling inside. Every column is at least as wide as its header and cells; when they
// do not all fit (many figure columns, large sums on a phone) the table scrolls sideways, its first
// column held in place, instead of cutting them.
void report_table(const std::string& id, const std::vector<ReportColumn>& columns, const std::vector<ReportRow>& rows,
                  int max_rows = 0);

// While a report tab is drawn into `document` (nullptr: not), every report_table also adds its
// full contents to it, titled by its card: the tab's print view (Ctrl+P prints the report).
void collect_report_tables(print_view::Document* document);

// Text in the current table cell under `id`, right-aligned when it is a figure.
void report_cell(const char* kind, const std::string& id, const std::string& value, bool figure);

// Starts a card (pair with widgets::end_card) with `title` in the strong font.
bool begin_report_card(const std::string& id, std::string_view title, float width = 0.f);
// Width of one of two cards side by side (0 = full width on phones); call report_next_column()
// between the two.
float report_column_width();
void report_next_column();

// A month "2026-01" in a table: "Januari 2026", on phones "Jan 2026".
std::string report_period_label(const std::string& period);

// "12,34%" from basis points.
std::string format_basis_points(std::int64_t basis_points);

}  // namespace kimonet
