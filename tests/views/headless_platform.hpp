#pragma once
// The browser's platform layer (wasm/platform/) for the headless view tests: no window, no GL, no
// JavaScript. Display is a fixed canvas (1280 × 1400 CSS px unless a test narrows it), storage is
// in memory, timers wait until a test runs them, the route is a string.
#include <string>

namespace kimonet::testing {

// The canvas width in CSS px (under 760 the app lays out for phones); takes effect next frame.
void set_canvas_width(float css_width);
// Runs the timers set so far (the portal's payment status poll); returns how many ran.
int run_timers();
// The hash route last written by the app ("customers/42").
std::string written_route();
// The user edits the address bar / goes back: the app takes the new hash on its next frame.
void change_route(const std::string& route);
// The link the app last opened (platform::open_link), "" if none.
std::string opened_link();
// Forgets storage, route and timers (a fresh browser tab).
void reset_platform();

}  // namespace kimonet::testing
