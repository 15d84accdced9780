#pragma once
// The browser's platform layer (wasm/platform/) for the headless view tests: no window, no GL, no
// JavaScript. Display is a fixed canvas (1280 × 1400 CSS px unless a test narrows it), storage is
// in memory, timers wait until a test runs them, the route is a string.
#include <string>
#include <vector>

namespace kimonet::testing {

// The canvas width in CSS px (under 760 the app lays out for phones); takes effect next frame.
void set_canvas_width(float css_width);
// The canvas height in CSS px: a taller one draws a long screen's lower cards without scrolling.
void set_canvas_height(float css_height);
// Runs the timers set so far (the portal's payment status poll); returns how many ran.
int run_timers();
// The hash route last written by the app ("customers/42").
std::string written_route();
// The links the app opened (platform::open_url: "tel:+62…", "https://wa.me/62…"), oldest first.
std::vector<std::string> opened_urls();
// The downloads started (the API path of each: "/api/invoices/7/pdf"), oldest first.
std::vector<std::string> downloaded_urls();
// The user edits the address bar / goes back: the app takes the new hash on its next frame.
void change_route(const std::string& route);
// The user chooses a file with these bytes in the next file chooser the app opens (else: cancelled).
void pick_next_file(const std::string& bytes);
// The map's tile loads (platform/map_tile_loader.hpp): every URL asked for, oldest first; how many
// are loading or loaded and not released; and the answers: each loading tile becomes a `side` px
// square texture (side × side × 4 bytes), or fails.
std::vector<std::string> requested_tiles();
int live_tiles();
void finish_tile_loads(bool ok, int side = 256);
// Forgets storage, route and timers (a fresh browser tab).
void reset_platform();

}  // namespace kimonet::testing
