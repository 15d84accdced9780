#pragma once
// The test hook of an immediate-mode UI: there is no DOM, so every frame each interactive widget
// (and each table cell worth asserting on) reports what it is and where it was drawn. The last
// completed frame is exported to JavaScript as JSON by ui_query(); Playwright clicks by id/label.
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ImRect

namespace kimonet::ui_registry {

// Where an item was drawn beyond its rect, for the page's text and accessibility layer
// (text_layer.*): the ImGui table cell it sits in, and the popup or modal window around it.
enum class WindowRole { Page, Dialog, Popup, Tooltip };

struct Item {
    std::string kind, id, label, value;
    ImRect rect, hit;  // device px
    ImRect clip;       // the region it may show in (its window's and table's visible part), device px
    bool hovered, active, focused, visible, disabled;
    ImGuiID table = 0;  // the ImGui table the item was drawn in (0: none), its row and column
    int table_row = -1, table_column = -1;
    ImGuiID window = 0;  // the root window when it is a modal, popup or tooltip (0: the page)
    ImGuiWindow* drawn_in = nullptr;  // the window it was drawn in (ImGui keeps windows for the context's life)
    WindowRole window_role = WindowRole::Page;
    float font_size = 0.f;  // device px
    const ImFont* font = nullptr;  // the font it was drawn with (valid until the fonts are rebuilt)
    // Where its text starts and the width it wraps at, when the widget said (set_text_layout): a
    // banner's or a toast's text sits inside padding. Otherwise the page works it out (text_layer.cpp).
    bool text_layout = false;
    ImVec2 text_pos;
    float text_wrap = 0.f;
    // The address a click on it opens ("customers/42"), when it opens one: the page makes it a real
    // link (middle click, Ctrl+click and the context menu open it in a new tab; set_href).
    std::string href;
    // What the page tells assistive technology beyond the kind (set_tab, set_pressed, set_spoken_name):
    // a tab of a tab row (`tablist`: the row's id) or a toggle button, whether it is the selected tab
    // or pressed, and a name said instead of the drawn text ("EN" is "English (EN)"), in its language.
    enum class Toggle { None, Tab, Pressed };
    Toggle toggle = Toggle::None;
    bool on = false;
    std::string tablist;
    std::string spoken_name, lang;
    // A text field's hint, drawn while it is empty ("Nama, nomor layanan atau telepon"; set_hint):
    // the page's input takes it as its placeholder.
    std::string hint;
};

// pixels_per_css = devicePixelRatio: the app renders in device pixels, the registry speaks CSS px.
void begin_frame(float pixels_per_css);
// Records the last ImGui item. `id` is stable across languages ("login.username"); `label` is
// what the user sees; `value` is the widget's current content (passwords masked).
void record(std::string_view kind, std::string_view id, std::string_view label, std::string_view value = {});
// The same for something drawn without an ImGui item (toasts, chart bars): its rect is given.
void record_rect(std::string_view kind, std::string_view id, std::string_view label, std::string_view value, ImVec2 min,
                 ImVec2 max);
// For the item just recorded: its text was drawn from `pos` (device px), wrapped at `wrap` (0: not).
void set_text_layout(ImVec2 pos, float wrap);
// For the item just recorded: a click on it opens this address (a route, without "#/").
void set_href(std::string_view route);
// For the item just recorded (a button): a tab of the tab row `tablist`, selected or not.
void set_tab(std::string_view tablist, bool selected);
// For the item just recorded (a button): a toggle, pressed (on) or not.
void set_pressed(bool pressed);
// For the item just recorded: the name a screen reader says for it, in language `lang` ("en").
void set_spoken_name(std::string_view name, std::string_view lang);
// For the item `id` of this frame: its drawn label said with what it acts on ("Buka tagihan" is
// "Buka tagihan INV-202612-00001"), where several alike are listed together, one per card. The
// label stays first, so a voice-control user who says what is drawn still reaches it.
void name_with(std::string_view id, std::string_view what);
// For the item just recorded (a text field): the hint it draws while empty.
void set_hint(std::string_view hint);
void end_frame();
// The last completed frame's items, in drawing order, and its device pixels per CSS px.
const std::vector<Item>& last_items();
float pixels_per_css();

}  // namespace kimonet::ui_registry

extern "C" const char* ui_query();
extern "C" int ui_frame_count();
