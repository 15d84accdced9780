#include "widgets/theme.hpp"

namespace kimonet::widgets {

void apply_theme(float dpr, bool compact) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(24, 20);
    style.WindowRounding = 0.f;
    style.WindowBorderSize = 0.f;
    style.ChildRounding = 8.f;
    style.ChildBorderSize = 1.f;
    style.PopupRounding = 8.f;
    style.PopupBorderSize = 1.f;
    style.FrameRounding = 6.f;
    style.FrameBorderSize = 1.f;
    // Phones: controls at least ~44 CSS px high (the common touch-target guidance).
    style.FramePadding = compact ? ImVec2(12, 14) : ImVec2(10, 7);
    style.ItemSpacing = compact ? ImVec2(10, 12) : ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = compact ? ImVec2(10, 12) : ImVec2(10, 8);
    style.ScrollbarSize = compact ? 6.f : 12.f;
    style.ScrollbarRounding = 6.f;
    style.GrabRounding = 6.f;
    style.ScaleAllSizes(dpr);

    auto color = [](ImU32 packed) { return ImGui::ColorConvertU32ToFloat4(packed); };
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = color(colors::kText);
    c[ImGuiCol_TextDisabled] = color(colors::kMuted);
    c[ImGuiCol_WindowBg] = color(colors::kBackground);
    c[ImGuiCol_ChildBg] = color(colors::kSurface);
    c[ImGuiCol_PopupBg] = color(colors::kSurface);
    c[ImGuiCol_Border] = color(colors::kBorder);
    c[ImGuiCol_FrameBg] = color(colors::kSurface);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.97f, 0.98f, 1.f, 1.f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.95f, 0.97f, 1.f, 1.f);
    c[ImGuiCol_Button] = color(colors::kSurface);
    c[ImGuiCol_ButtonHovered] = color(colors::kNeutralSoft);
    c[ImGuiCol_ButtonActive] = ImVec4(0.86f, 0.89f, 0.94f, 1.f);
    c[ImGuiCol_Header] = ImVec4(0.90f, 0.93f, 0.99f, 1.f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.90f, 0.93f, 0.99f, 1.f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.85f, 0.89f, 0.98f, 1.f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.965f, 0.972f, 0.984f, 1.f);
    c[ImGuiCol_TableBorderStrong] = color(colors::kBorder);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.93f, 0.94f, 0.96f, 1.f);
    c[ImGuiCol_TableRowBg] = ImVec4(1.f, 1.f, 1.f, 1.f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.985f, 0.988f, 0.993f, 1.f);
    c[ImGuiCol_CheckMark] = color(colors::kAccent);
    c[ImGuiCol_SliderGrab] = color(colors::kAccent);
    c[ImGuiCol_TextSelectedBg] = ImVec4(0.12f, 0.31f, 0.82f, 0.25f);
    c[ImGuiCol_NavHighlight] = color(colors::kAccent);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.08f, 0.11f, 0.18f, 0.45f);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    ImGui::GetStyle() = style;
}

}  // namespace kimonet::widgets
