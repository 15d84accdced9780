#include "ui_registry.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE  // the headless view tests call ui_query() directly
#endif

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // LastItemData.NavRect: the clickable frame of an InputText without its label

namespace kimonet::ui_registry {
namespace {

std::vector<Item> g_current, g_last;
float g_scale = 1.f;
int g_frames = 0;
std::string g_json;
int g_json_frame = -1;  // the frame g_json describes: a query between two frames costs nothing

nlohmann::json css_rect(const ImRect& r) {
    return {{"x", r.Min.x / g_scale}, {"y", r.Min.y / g_scale}, {"w", r.GetWidth() / g_scale}, {"h", r.GetHeight() / g_scale}};
}

// A new item of this frame, placed in the table cell and the popup/modal window it is drawn in.
Item& added(std::string_view kind, std::string_view id, std::string_view label, std::string_view value, const ImRect& rect,
            const ImRect& hit) {
    Item& item = g_current.emplace_back();
    item.kind = kind;
    item.id = id;
    item.label = label;
    item.value = value;
    item.rect = rect;
    item.hit = hit;
    item.hovered = item.active = item.focused = item.visible = item.disabled = false;
    const ImGuiContext& context = *GImGui;
    item.clip = ImRect(-FLT_MAX, -FLT_MAX, FLT_MAX, FLT_MAX);
    // Read through the context, not ImGui::GetWindowDrawList(): that marks the window written to,
    // and toasts are recorded outside any window, where it would show ImGui's implicit debug window.
    item.drawn_in = context.CurrentWindow;
    if (const ImGuiWindow* window = context.CurrentWindow) {
        item.clip = window->ClipRect;
        item.clip.ClipWithFull(ImRect(window->DrawList->GetClipRectMin(), window->DrawList->GetClipRectMax()));
    }
    if (const ImGuiTable* table = context.CurrentTable) {
        item.table = table->ID;
        item.table_row = table->CurrentRow;
        item.table_column = table->CurrentColumn;
        item.clip.ClipWithFull(table->InnerClipRect);
    }
    item.font_size = ImGui::GetFontSize();
    item.font = ImGui::GetFont();
    const ImGuiWindow* root = context.CurrentWindow ? context.CurrentWindow->RootWindow : nullptr;
    if (!root) return item;
    if (root->Flags & ImGuiWindowFlags_Modal) item.window_role = WindowRole::Dialog;
    else if (root->Flags & ImGuiWindowFlags_Tooltip) item.window_role = WindowRole::Tooltip;
    else if (root->Flags & ImGuiWindowFlags_Popup) item.window_role = WindowRole::Popup;
    if (item.window_role != WindowRole::Page) item.window = root->ID;
    return item;
}

}  // namespace

void begin_frame(float pixels_per_css) {
    g_scale = pixels_per_css > 0.f ? pixels_per_css : 1.f;
    g_current.clear();
}

void record(std::string_view kind, std::string_view id, std::string_view label, std::string_view value) {
    const ImGuiContext& context = *GImGui;
    ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImRect hit = context.LastItemData.NavRect;
    // A clipped item (scrolled away) is not clickable: report what is on screen.
    const ImRect clip(ImGui::GetWindowDrawList()->GetClipRectMin(), ImGui::GetWindowDrawList()->GetClipRectMax());
    hit.ClipWithFull(clip);
    // A window in its first, hidden frame (popups measuring themselves) is not clickable yet.
    bool hidden = false;
    for (const ImGuiWindow* window = context.CurrentWindow; window && !hidden; window = window->ParentWindow) hidden = window->Hidden;
    Item& item = added(kind, id, label, value, rect, hit);
    item.hovered = ImGui::IsItemHovered();
    item.active = ImGui::IsItemActive();
    item.focused = ImGui::IsItemFocused();
    item.visible = ImGui::IsItemVisible() && hit.GetWidth() > 0 && hit.GetHeight() > 0 && !hidden;
    item.disabled = (context.LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
}

void record_rect(std::string_view kind, std::string_view id, std::string_view label, std::string_view value, ImVec2 min,
                 ImVec2 max) {
    const ImRect rect(min, max);
    Item& item = added(kind, id, label, value, rect, rect);
    item.visible = true;
    item.clip = rect;  // drawn over everything (toasts) or within its own plot (chart slots)
}

void set_text_layout(ImVec2 pos, float wrap) {
    if (g_current.empty()) return;
    Item& item = g_current.back();
    item.text_layout = true;
    item.text_pos = pos;
    item.text_wrap = wrap;
}

void set_href(std::string_view route) {
    if (!g_current.empty()) g_current.back().href = route;
}

void set_tab(std::string_view tablist, bool selected) {
    if (g_current.empty()) return;
    Item& item = g_current.back();
    item.toggle = Item::Toggle::Tab;
    item.tablist = tablist;
    item.on = selected;
}

void set_pressed(bool pressed) {
    if (g_current.empty()) return;
    g_current.back().toggle = Item::Toggle::Pressed;
    g_current.back().on = pressed;
}

void set_spoken_name(std::string_view name, std::string_view lang) {
    if (g_current.empty()) return;
    g_current.back().spoken_name = name;
    g_current.back().lang = lang;
}

void name_with(std::string_view id, std::string_view what) {
    for (auto item = g_current.rbegin(); item != g_current.rend(); ++item) {
        if (item->id != id) continue;
        item->spoken_name = item->label + " " + std::string(what);
        item->lang.clear();
        return;
    }
}

void set_hint(std::string_view hint) {
    if (!g_current.empty()) g_current.back().hint = hint;
}

void end_frame() {
    g_last.swap(g_current);
    ++g_frames;
}

const char* query_json() {
    // Playwright polls on every animation frame while it waits, and the phone shell asks on every
    // tap; building the JSON took ~25 ms of the main thread in Chromium, so it is built once a frame.
    if (g_json_frame == g_frames) return g_json.c_str();
    nlohmann::json items = nlohmann::json::array();
    for (const Item& item : g_last)
        items.push_back({{"kind", item.kind}, {"id", item.id}, {"label", item.label}, {"value", item.value},
                         {"rect", css_rect(item.rect)}, {"hit", css_rect(item.hit)}, {"hovered", item.hovered},
                         {"active", item.active}, {"focused", item.focused}, {"visible", item.visible},
                         {"disabled", item.disabled}});
    g_json = nlohmann::json{{"frame", g_frames}, {"dpr", g_scale}, {"items", std::move(items)}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    g_json_frame = g_frames;
    return g_json.c_str();
}

int frame_count() { return g_frames; }

const std::vector<Item>& last_items() { return g_last; }

float pixels_per_css() { return g_scale; }

}  // namespace kimonet::ui_registry

extern "C" EMSCRIPTEN_KEEPALIVE const char* ui_query() { return kimonet::ui_registry::query_json(); }
extern "C" EMSCRIPTEN_KEEPALIVE int ui_frame_count() { return kimonet::ui_registry::frame_count(); }
