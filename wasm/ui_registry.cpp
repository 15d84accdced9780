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

struct Item {
    std::string kind, id, label, value;
    ImRect rect, hit;
    bool hovered, active, focused, visible, disabled;
};

std::vector<Item> g_current, g_last;
float g_scale = 1.f;
int g_frames = 0;
std::string g_json;

nlohmann::json css_rect(const ImRect& r) {
    return {{"x", r.Min.x / g_scale}, {"y", r.Min.y / g_scale}, {"w", r.GetWidth() / g_scale}, {"h", r.GetHeight() / g_scale}};
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
    g_current.push_back({std::string(kind), std::string(id), std::string(label), std::string(value), rect, hit,
                         ImGui::IsItemHovered(), ImGui::IsItemActive(), ImGui::IsItemFocused(),
                         ImGui::IsItemVisible() && hit.GetWidth() > 0 && hit.GetHeight() > 0 && !hidden,
                         (context.LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0});
}

void record_rect(std::string_view kind, std::string_view id, std::string_view label, std::string_view value, ImVec2 min,
                 ImVec2 max) {
    const ImRect rect(min, max);
    g_current.push_back({std::string(kind), std::string(id), std::string(label), std::string(value), rect, rect, false, false,
                         false, true, false});
}

void end_frame() {
    g_last.swap(g_current);
    ++g_frames;
}

const char* query_json() {
    nlohmann::json items = nlohmann::json::array();
    for (const Item& item : g_last)
        items.push_back({{"kind", item.kind}, {"id", item.id}, {"label", item.label}, {"value", item.value},
                         {"rect", css_rect(item.rect)}, {"hit", css_rect(item.hit)}, {"hovered", item.hovered},
                         {"active", item.active}, {"focused", item.focused}, {"visible", item.visible},
                         {"disabled", item.disabled}});
    g_json = nlohmann::json{{"frame", g_frames}, {"dpr", g_scale}, {"items", std::move(items)}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_json.c_str();
}

int frame_count() { return g_frames; }

}  // namespace kimonet::ui_registry

extern "C" EMSCRIPTEN_KEEPALIVE const char* ui_query() { return kimonet::ui_registry::query_json(); }
extern "C" EMSCRIPTEN_KEEPALIVE int ui_frame_count() { return kimonet::ui_registry::frame_count(); }
