#pragma once
// Where a line of text may break on screen. ImGui's own wrapping breaks after any '.' or ',' as
// well as at spaces, so "Rp 200.000" on a phone came out as "Rp 200." and "000" on the next line,
// which reads as two amounts (and "10.30" as two numbers). Here lines break only at spaces, never
// between "Rp" and its amount; a word wider than the whole line is cut where it has to be.
// Pure: the caller measures (ImGui::CalcTextSize in widgets::text, a fixed width in tests).
#include <functional>
#include <string>
#include <string_view>

namespace kimonet::widgets {

using MeasureText = std::function<float(std::string_view)>;

// `text` with '\n' where it breaks to fit `width` (its own '\n's kept); `text` itself when it fits.
std::string wrap_text(std::string_view text, float width, const MeasureText& measure);

}  // namespace kimonet::widgets
