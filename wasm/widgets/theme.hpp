#pragma once
// The product's look: a light theme with one accent colour, applied at the display's scale.
#include "imgui.h"

namespace kimonet::widgets {

namespace colors {
inline constexpr ImU32 kBackground = IM_COL32(244, 246, 250, 255);
inline constexpr ImU32 kSurface = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kSidebar = IM_COL32(22, 32, 56, 255);
inline constexpr ImU32 kSidebarText = IM_COL32(200, 208, 224, 255);
inline constexpr ImU32 kSidebarActive = IM_COL32(44, 72, 140, 255);
inline constexpr ImU32 kBorder = IM_COL32(223, 227, 235, 255);
inline constexpr ImU32 kText = IM_COL32(28, 34, 48, 255);
inline constexpr ImU32 kMuted = IM_COL32(102, 112, 133, 255);
inline constexpr ImU32 kAccent = IM_COL32(31, 79, 209, 255);
inline constexpr ImU32 kAccentHover = IM_COL32(24, 64, 178, 255);
inline constexpr ImU32 kDanger = IM_COL32(196, 40, 40, 255);
inline constexpr ImU32 kDangerSoft = IM_COL32(253, 236, 236, 255);
inline constexpr ImU32 kSuccess = IM_COL32(22, 128, 72, 255);
inline constexpr ImU32 kSuccessSoft = IM_COL32(226, 245, 234, 255);
inline constexpr ImU32 kWarning = IM_COL32(176, 106, 0, 255);
inline constexpr ImU32 kWarningSoft = IM_COL32(255, 243, 214, 255);
inline constexpr ImU32 kNeutralSoft = IM_COL32(236, 239, 244, 255);
inline constexpr ImU32 kChartLight = IM_COL32(186, 201, 240, 255);  // the lighter series beside kAccent
}  // namespace colors

// Rebuilds ImGui's style from scratch at `dpr`; `compact` = phone layout with finger-sized controls.
void apply_theme(float dpr, bool compact);

}  // namespace kimonet::widgets
