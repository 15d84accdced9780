#pragma once
// The page under the pixels: what the last frame drew (the widget registry) mirrored into the DOM
// by web/text_layer.js, as PDF readers lay selectable text over a rendered page. People select,
// copy and find text, and assistive technology reads roles and names, and follows ImGui's focus.
//
// Each frame only the changes are handed over (keyed by registry id): nodes added, changed or
// gone, the drawing order when it changed, and the focused node when it changed. A frame that
// drew the same things hands over nothing, so idle pages and repeated frames cost no DOM work.
#include <string>
#include <string_view>

namespace kimonet::text_layer {

// The changes since the last call, as JSON for web/text_layer.js; empty when nothing changed.
// {"set": [[key, role, text, name, x, y, w, h, font_px, container, states, hidden top, right, bottom,
//  left, browser runs (only when the font lacks some of its characters: [[x, y, w, h, text], …], the
//  gaps ImGui left for them, CSS px from the item's rect, see widgets/browser_glyphs.hpp; null when
//  there are none but an address follows), the address a click on it opens ("#/customers/42", only
//  when it opens one or a language follows: "" otherwise; the page makes it a link), the language of
//  its name ("en", only when the item says, ui_registry::set_spoken_name, or a hint follows: "" otherwise),
//  a text field's hint (only when it draws one: the page's placeholder)], …],
//  "del": [key, …],
//  "order": [key, …] (only when the order changed), "focus": key (only when it changed),
//  "page": {"name": the page on show, "form": whether it is a form} (set_page; only when it changed:
//  the page moves focus to the new one: its first field for a form, else its level-1 heading),
//  "say": [text, …] (notices drawn this frame that the last one did not show: a toast that is not
//  an error, a "saved" banner; the page says each once in its polite live region)}.
// Rects are CSS px; container is "" or a path ("d<window>/g<table>/r<row>"; "n": the menu's
// navigation landmark; "l<row id>": a tab row's tablist) the page builds.
const std::string& changes();

// The page on show, named by the app once a frame ("customers", "customer/42", "login"), and whether
// it is a form (the sign-in's steps): another name is another page, where the page puts focus anew
// (web/README.md); drawing the same page again is not.
void set_page(std::string_view page, bool form = false);

// The page asks for a node it has (`key`, as handed over) to be brought into view: the browser
// scrolled the layer to it (a script's or a testing tool's scrollIntoView, a screen reader, Find).
// Its window, and the windows around it, scroll it into their visible part from the next frame on.
// False when the last frame drew no such node.
bool scroll_into_view(std::string_view key);

// Forgets what was handed over (the page lost its layer, e.g. a reload of the script).
void reset();

}  // namespace kimonet::text_layer
