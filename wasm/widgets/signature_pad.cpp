#include "widgets/signature_pad.hpp"

#include <string>

#include "imgui.h"
#include "ui_registry.hpp"
#include "widgets/theme.hpp"

namespace kimonet::widgets {

void signature_pad(const char* id, const char* label, SignatureStrokes& signature) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = width * field::kSignatureHeight / field::kSignatureWidth;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(width, height));
    const bool active = ImGui::IsItemActive();
    ui_registry::record("signature", id, label, std::to_string(signature.strokes.size()));
    const float scale = field::kSignatureWidth / (width > 0.f ? width : 1.f);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const field::SignaturePoint point{(mouse.x - origin.x) * scale, (mouse.y - origin.y) * scale};
    if (ImGui::IsItemActivated()) signature.strokes.push_back({point});
    else if (active && !signature.strokes.empty()) {
        auto& stroke = signature.strokes.back();
        if (stroke.back().x != point.x || stroke.back().y != point.y) stroke.push_back(point);
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 end(origin.x + width, origin.y + height);
    draw->AddRectFilled(origin, end, IM_COL32_WHITE, 6.f);
    draw->AddRect(origin, end, active ? colors::kAccent : colors::kBorder, 6.f, 0, 2.f);
    // The line to sign on.
    draw->AddLine(ImVec2(origin.x + width * 0.08f, origin.y + height * 0.78f), ImVec2(origin.x + width * 0.92f, origin.y + height * 0.78f),
                  colors::kBorder, 1.f);
    const float thickness = 4.f / scale;
    for (const auto& stroke : signature.strokes) {
        if (stroke.size() == 1) {
            draw->AddCircleFilled(ImVec2(origin.x + stroke[0].x / scale, origin.y + stroke[0].y / scale), thickness / 2, colors::kText);
            continue;
        }
        for (std::size_t i = 1; i < stroke.size(); ++i)
            draw->AddLine(ImVec2(origin.x + stroke[i - 1].x / scale, origin.y + stroke[i - 1].y / scale),
                          ImVec2(origin.x + stroke[i].x / scale, origin.y + stroke[i].y / scale), colors::kText, thickness);
    }
}

}  // namespace kimonet::widgets
