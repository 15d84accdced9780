#include "widgets/toasts.hpp"

#include <algorithm>

#include "imgui.h"
#include "platform/display.hpp"
#include "platform/frame_pacing.hpp"
#include "ui_registry.hpp"
#include "widgets/theme.hpp"

namespace kimonet::widgets {
namespace {

constexpr double kSeconds = 6.0;
constexpr std::size_t kMaxVisible = 3;

}  // namespace

void Toasts::push(std::string message, bool is_error) {
    if (message.empty()) return;
    // The same message twice in a row (a retry, two lists failing alike) shows once, refreshed.
    for (Item& item : m_items)
        if (item.message == message && item.is_error == is_error) {
            item.shown_at = -1;
            return;
        }
    m_items.push_back({std::move(message), is_error, -1});
    if (m_items.size() > kMaxVisible) m_items.erase(m_items.begin());
    platform::note_activity();
}

void Toasts::draw() {
    if (m_items.empty()) return;
    const auto& display = platform::display();
    const double now = ImGui::GetTime();
    std::erase_if(m_items, [now](const Item& item) { return item.shown_at >= 0 && now - item.shown_at > kSeconds; });
    if (m_items.empty()) return;
    platform::note_activity();  // keep frames coming until the last one fades

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const bool compact = display.compact();
    const float margin = display.px(compact ? 10 : 20);
    const float width = compact ? viewport->Size.x - margin * 2 : std::min(display.px(420), viewport->Size.x - margin * 2);
    const float padding = display.px(14);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    // Phones: under the header; desktops: bottom-right corner, newest at the bottom.
    float y = compact ? viewport->Pos.y + display.px(64) : viewport->Pos.y + viewport->Size.y - margin;
    const float x = viewport->Pos.x + viewport->Size.x - margin - width;
    const int count = static_cast<int>(m_items.size());
    for (int n = 0; n < count; ++n) {
        Item& item = m_items[static_cast<std::size_t>(compact ? n : count - 1 - n)];
        if (item.shown_at < 0) item.shown_at = now;
        const float wrap = width - padding * 2 - display.px(6);
        const ImVec2 text = ImGui::CalcTextSize(item.message.c_str(), nullptr, false, wrap);
        const float height = text.y + padding * 2;
        const ImVec2 min(x, compact ? y : y - height);
        const ImVec2 max(x + width, min.y + height);
        draw->AddRectFilled(ImVec2(min.x + display.px(1), min.y + display.px(3)), ImVec2(max.x + display.px(1), max.y + display.px(3)),
                            IM_COL32(0, 0, 0, 40), display.px(8));
        draw->AddRectFilled(min, max, item.is_error ? colors::kDangerSoft : colors::kSuccessSoft, display.px(8));
        draw->AddRectFilled(min, ImVec2(min.x + display.px(5), max.y), item.is_error ? colors::kDanger : colors::kSuccess,
                            display.px(8), ImDrawFlags_RoundCornersLeft);
        draw->AddText(nullptr, 0.f, ImVec2(min.x + padding + display.px(4), min.y + padding),
                      item.is_error ? colors::kDanger : colors::kSuccess, item.message.c_str(), nullptr, wrap);
        // A click or tap on the toast dismisses it (the registry reports it for tests).
        if (ImGui::IsMouseClicked(0) && ImGui::IsMouseHoveringRect(min, max, false)) item.shown_at = now - kSeconds - 1;
        ui_registry::record_rect("toast", item.is_error ? "toast.error" : "toast.ok", item.message, item.message, min, max);
        ui_registry::set_text_layout(ImVec2(min.x + padding + display.px(4), min.y + padding), wrap);
        y = compact ? max.y + display.px(8) : min.y - display.px(8);
    }
}

}  // namespace kimonet::widgets
