#pragma once
// The app's widgets: ImGui widgets with the product's look, each reporting itself to the
// ui_registry under a stable id (language independent) and its visible label.
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace kimonet::widgets {

enum class ButtonStyle { Primary, Secondary, Danger, Link };

// A labelled, full-width text input with its validation message underneath. Returns true when
// the text changed this frame (or Enter was pressed with ImGuiInputTextFlags_EnterReturnsTrue).
bool text_field(const char* id, const char* label, std::string& value, const std::string& error = {},
                ImGuiInputTextFlags flags = 0, const char* hint = nullptr, float width = -FLT_MIN);
// The same, value masked (also in the registry).
bool password_field(const char* id, const char* label, std::string& value, const std::string& error = {});
// A labelled drop-down; `selected` indexes `options`. Returns true when the choice changed.
// `name`: what a screen reader calls a drop-down drawn without a label (toolbar filters).
bool select_field(const char* id, const char* label, const std::vector<std::string>& options, int& selected,
                  const std::string& error = {}, float width = -FLT_MIN, const char* name = nullptr);
bool checkbox(const char* id, const char* label, bool& value);
// For the item just drawn under `id`: Tab on the page moved focus to it (web/text_layer.js), so
// when it lies scrolled out of its window (a drop-down below the fold at 200% zoom, a menu entry
// below the sidebar's fold) the window scrolls it into view.
void follow_page_focus(const char* id);
bool button(const char* id, const char* label, ButtonStyle style = ButtonStyle::Secondary, float width = 0.f,
            bool disabled = false);
// Text recorded in the registry under `kind` (e.g. "text", "cell", "error").
void text(const char* kind, const std::string& id, std::string_view value, ImU32 color = 0);
void title(const char* id, std::string_view value);
void muted(const char* id, std::string_view value);
// A small rounded status pill.
void badge(const std::string& id, std::string_view value, ImU32 foreground, ImU32 background);
// A full-width notice box: errors in red, successes in green.
void banner(const char* id, std::string_view message, bool is_error);
// Starts a white rounded card as tall as its content; pair with end_card() whatever it returns.
bool begin_card(const char* id, float width = 0.f);
void end_card();

}  // namespace kimonet::widgets
