#include "widgets/dialog_keys.hpp"

#include "imgui.h"
#include "imgui_internal.h"  // the open-popup stack: which popup is in front

namespace kimonet::widgets {
namespace {

// The popup being drawn (the current window's root: a dialog's scrolling body is its child) is
// the top of the open-popup stack and Esc went down this frame: the press is taken, so nothing
// drawn later in the frame sees it (ImGui 1.86 has no key ownership: a pressed key is one whose
// down-duration is 0, and a taken one is moved just past it; it reads as held, not pressed, and
// the next frame counts on from there).
bool take_escape_for_front_popup() {
    ImGuiContext& g = *GImGui;
    if (!g.CurrentWindow || g.OpenPopupStack.empty()) return false;
    if (g.OpenPopupStack.back().Window != g.CurrentWindow->RootWindow) return false;
    const int escape = ImGui::GetKeyIndex(ImGuiKey_Escape);
    if (escape < 0 || !ImGui::IsKeyPressed(escape, false)) return false;
    g.IO.KeysDownDuration[escape] = 1e-4f;
    return true;
}

}  // namespace

bool dialog_escape() { return take_escape_for_front_popup(); }

bool popup_escape() { return take_escape_for_front_popup(); }

}  // namespace kimonet::widgets
