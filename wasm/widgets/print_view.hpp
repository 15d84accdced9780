#pragma once
// Printing what is on screen: the canvas is pixels, so Ctrl+P would print a picture of the
// screen, cut at the page edge. Instead a view that shows a document (an invoice, a receipt, a
// report) offers it here while it is drawn, as plain data; the page keeps a print-only copy of it
// in the DOM (web/print_view.js fills #print-view, app.css hides the canvas in @media print), so
// the browser's own print (Ctrl+P, the menu, "Cetak") prints that document as text, on its paper.
#include <string>
#include <utility>
#include <vector>

#include "api/json_fields.hpp"

namespace kimonet::print_view {

enum class Layout { A4, Thermal58 };  // Thermal58: a receipt on a 58 mm roll (@page size 58mm)

// A table: the first column is text, the others figures (right-aligned).
struct Table {
    std::string title;  // "" for a document's only table
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

struct Document {
    Layout layout = Layout::A4;
    std::string title;     // "Tagihan INV-202601-0001"
    std::string subtitle;  // the issuer's line under it
    std::string stamp;     // "Lunas", "Belum dibayar", … beside the title
    std::vector<std::pair<std::string, std::string>> facts;  // label, value
    std::vector<Table> tables;
    std::vector<std::pair<std::string, std::string>> totals;  // label, value; the last is the strong one
    std::vector<std::string> notes;                           // lines under everything
};

api::Json to_json(const Document& document);

// During a frame: `document` is on screen (a later offer in the same frame wins: the modal over
// the list). Views call it from draw().
void offer(const Document& document);
// Opens the browser's print dialog for `document` now (a "Cetak struk" button), whatever else is
// on screen; what is on screen is printed again afterwards.
void print_now(const Document& document);
// After each frame: tells the page when the document on screen changed (or is gone).
void end_frame();

// Where documents go: the page (platform/print_page.cpp) in the browser; nowhere by default (the
// headless view tests read last_offered() instead).
struct PageSink {
    void (*show)(const std::string& json) = nullptr;  // "" when no document is on screen
    void (*print)(const std::string& json) = nullptr;
};
void install_page_sink(PageSink sink);
// The JSON of the document offered in the last finished frame ("" for none).
const std::string& last_offered();

}  // namespace kimonet::print_view
