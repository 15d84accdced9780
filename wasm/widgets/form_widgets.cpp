#include "widgets/form_widgets.hpp"

#include <vector>

#include "imgui_internal.h"  // ClearActiveID: the page took focus elsewhere
#include "imgui_stdlib.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/field_kind.hpp"
#include "widgets/text_wrap.hpp"
#include "widgets/theme.hpp"

namespace kimonet::widgets {
namespace {

void field_label(const char* id, const char* label) {
    if (!label || !*label) return;  // toolbar fields carry a hint instead
    ImGui::PushFont(platform::display().fonts().strong);
    ImGui::PushStyleColor(ImGuiCol_Text, colors::kText);
    ImGui::TextUnformatted(label);
    ui_registry::record("label", std::string(id) + ".label", label, label);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void field_error(const char* id, const std::string& error) {
    if (error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, colors::kDanger);
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextUnformatted(error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ui_registry::record("field_error", std::string(id) + ".error", error, error);
}

// What ImGui's character filters would have let through, for text typed on the page.
std::string filtered(std::string text, ImGuiInputTextFlags flags) {
    if (flags & ImGuiInputTextFlags_CharsUppercase)
        for (char& c : text)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (flags & ImGuiInputTextFlags_CharsDecimal)
        std::erase_if(text, [](char c) { return !((c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == '*' || c == '/'); });
    return text;
}

bool input(const char* id, const char* label, std::string& value, const std::string& error, ImGuiInputTextFlags flags,
           const char* hint, float width) {
    // In the browser the page's real <input> edits (field_kind.hpp): its value lands here, and the
    // ImGui widget is read-only for keys (it shows the text, takes clicks and focus, reports Enter).
    const bool page_edits = dom_fields::enabled();
    dom_fields::note_real_input(id);
    // Digits only (ImGui's CharsDecimal: a due day, a NIK, a port, a count): the phone's number pad,
    // unless the field was marked as something else.
    if ((flags & ImGuiInputTextFlags_CharsDecimal) && dom_fields::kind_of(id) == FieldKind::Text) mark_field(id, FieldKind::Amount);
    bool typed = false;
    if (page_edits) {
        if (auto text = dom_fields::take_value(id)) {
            std::string accepted = filtered(std::move(*text), flags);
            typed = accepted != value;
            value = std::move(accepted);
        }
        flags |= ImGuiInputTextFlags_ReadOnly;
    }
    ImGui::PushID(id);
    field_label(id, label);
    ImGui::SetNextItemWidth(width);
    if (!error.empty()) ImGui::PushStyleColor(ImGuiCol_Border, colors::kDanger);
    if (page_edits && dom_fields::take_focus_request(id)) ImGui::SetKeyboardFocusHere();
    bool changed = hint ? ImGui::InputTextWithHint("##input", hint, &value, flags)
                        : ImGui::InputText("##input", &value, flags);
    if (page_edits && dom_fields::take_blur(id) && ImGui::IsItemActive()) ImGui::ClearActiveID();
    // Enter (EnterReturnsTrue) still comes from ImGui; a change comes from the page.
    if (page_edits && !(flags & ImGuiInputTextFlags_EnterReturnsTrue)) changed = typed;
    if (!error.empty()) ImGui::PopStyleColor();
    ImGui::PopID();
    // Recorded after the widget ran, so the registry reports this frame's text (passwords masked).
    const bool masked = (flags & ImGuiInputTextFlags_Password) != 0;
    ui_registry::record("input", id, *label ? std::string_view(label) : std::string_view(hint ? hint : ""),
                        masked ? std::string(value.size(), '*') : value);
    if (hint) ui_registry::set_hint(hint);
    field_error(id, error);
    return changed;
}

}  // namespace

bool text_field(const char* id, const char* label, std::string& value, const std::string& error,
                ImGuiInputTextFlags flags, const char* hint, float width) {
    return input(id, label, value, error, flags, hint, width);
}

bool password_field(const char* id, const char* label, std::string& value, const std::string& error) {
    // A password the view did not call the user's own (the login's) is some other secret: the page
    // keeps password managers from filling it.
    const FieldKind kind = dom_fields::kind_of(id);
    if (kind != FieldKind::CurrentPassword && kind != FieldKind::NewPassword) mark_field(id, FieldKind::Password);
    return input(id, label, value, error, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue, nullptr,
                 -FLT_MIN);
}

void follow_page_focus(const char* id) {
    if (dom_fields::enabled() && dom_fields::take_focus_request(id)) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
}

bool select_field(const char* id, const char* label, const std::vector<std::string>& options, int& selected,
                  const std::string& error, float width, const char* name) {
    ImGui::PushID(id);
    field_label(id, label);
    ImGui::SetNextItemWidth(width);
    const char* preview = selected >= 0 && selected < static_cast<int>(options.size()) ? options[selected].c_str() : "";
    bool changed = false;
    // ImGui's combo list takes the window padding's height above and below its options: the
    // theme's 20 px looked like an empty first row (most of all over a list of two). The list's own
    // padding is a little breathing room instead (BeginCombo reads it when it begins the list).
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, ImGui::GetStyle().FramePadding.y * 0.5f));
    const bool open = ImGui::BeginCombo("##select", preview, ImGuiComboFlags_HeightLarge);
    ImGui::PopStyleVar();
    if (!open) follow_page_focus(id);  // (an open list is the last item then)
    ui_registry::record("select", id, label && *label ? label : name ? name : "", preview);
    if (open) {
        if (popup_escape()) ImGui::CloseCurrentPopup();  // Esc closes the list, not the dialog under it
        for (int index = 0; index < static_cast<int>(options.size()); ++index) {
            ImGui::PushID(index);
            if (ImGui::Selectable(options[index].c_str(), index == selected)) {
                selected = index;
                changed = true;
            }
            ui_registry::record("option", std::string(id) + ".option." + std::to_string(index), options[index],
                                options[index]);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
    field_error(id, error);
    return changed;
}

bool checkbox(const char* id, const char* label, bool& value) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float one_line = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    bool changed = false;
    if (one_line <= ImGui::GetContentRegionAvail().x) {
        changed = ImGui::Checkbox((std::string(label) + "##" + id).c_str(), &value);
        follow_page_focus(id);
    } else {
        // Words too long for the line (a confirmation on a 360 px phone): ImGui would run them out
        // of the card, so the box comes first and its words wrap beside it, and they tick it, as a
        // label does.
        ImGui::BeginGroup();
        changed = ImGui::Checkbox((std::string("##") + id).c_str(), &value);
        follow_page_focus(id);
        ImGui::SameLine(0.f, style.ItemInnerSpacing.x);
        ImGui::AlignTextToFramePadding();
        ImGui::PushTextWrapPos(0.f);
        ImGui::TextUnformatted(label);
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemClicked()) {
            value = !value;
            changed = true;
        }
        ImGui::EndGroup();
    }
    ui_registry::record("checkbox", id, label, value ? "true" : "false");
    return changed;
}

bool button(const char* id, const char* label, ButtonStyle style, float width, bool disabled) {
    int colors_pushed = 0;
    auto push = [&](ImGuiCol slot, ImU32 value) {
        ImGui::PushStyleColor(slot, value);
        ++colors_pushed;
    };
    if (style == ButtonStyle::Primary) {
        push(ImGuiCol_Button, colors::kAccent);
        push(ImGuiCol_ButtonHovered, colors::kAccentHover);
        push(ImGuiCol_ButtonActive, colors::kAccentHover);
        push(ImGuiCol_Text, IM_COL32_WHITE);
        push(ImGuiCol_Border, colors::kAccent);
    } else if (style == ButtonStyle::Danger) {
        push(ImGuiCol_Text, colors::kDanger);
        push(ImGuiCol_ButtonHovered, colors::kDangerSoft);
    } else if (style == ButtonStyle::Link) {
        push(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
        push(ImGuiCol_Border, IM_COL32(0, 0, 0, 0));
        push(ImGuiCol_Text, colors::kAccent);
    }
    ImGui::PushFont(platform::display().fonts().strong);
    if (disabled) ImGui::BeginDisabled();
    const std::string imgui_label = std::string(label) + "##" + id;
    const bool pressed = ImGui::Button(imgui_label.c_str(), ImVec2(width, 0.f));
    if (disabled) ImGui::EndDisabled();
    ui_registry::record("button", id, label);  // (with the font it was drawn in)
    ImGui::PopFont();
    ImGui::PopStyleColor(colors_pushed);
    follow_page_focus(id);
    return pressed && !disabled;
}

void text(const char* kind, const std::string& id, std::string_view value, ImU32 color) {
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    const ImGuiWindow& window = *ImGui::GetCurrentWindow();
    if (window.DC.TextWrapPos < 0.f) {
        ImGui::TextUnformatted(value.data(), value.data() + value.size());
    } else {
        // Wrapped by our rule (widgets/text_wrap.hpp: never inside an amount), drawn unwrapped.
        const float width = ImGui::CalcWrapWidthForPos(window.DC.CursorPos, window.DC.TextWrapPos);
        const std::string lines = wrap_text(value, width, [](std::string_view part) {
            return ImGui::CalcTextSize(part.data(), part.data() + part.size()).x;
        });
        ImGui::PushTextWrapPos(-1.f);
        ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
        ImGui::PopTextWrapPos();
    }
    if (color) ImGui::PopStyleColor();
    ui_registry::record(kind, id, value, value);
}

void title(const char* id, std::string_view value) {
    ImGui::PushFont(platform::display().fonts().title);
    text("title", id, value);
    ImGui::PopFont();
}

void muted(const char* id, std::string_view value) { text("text", id, value, colors::kMuted); }

void badge(const std::string& id, std::string_view value, ImU32 foreground, ImU32 background) {
    const auto& display = platform::display();
    const ImVec2 padding(display.px(8), display.px(2));
    const ImVec2 text_size = ImGui::CalcTextSize(value.data(), value.data() + value.size());
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 size(text_size.x + padding.x * 2, text_size.y + padding.y * 2);
    ImGui::GetWindowDrawList()->AddRectFilled(start, ImVec2(start.x + size.x, start.y + size.y), background,
                                              size.y * 0.5f);
    ImGui::GetWindowDrawList()->AddText(ImVec2(start.x + padding.x, start.y + padding.y), foreground, value.data(),
                                        value.data() + value.size());
    ImGui::Dummy(size);
    ui_registry::record("badge", id, value, value);
}

void banner(const char* id, std::string_view message, bool is_error) {
    const auto& display = platform::display();
    const float width = ImGui::GetContentRegionAvail().x;
    const float padding = display.px(12);
    const float wrap = width - padding * 2;
    const ImVec2 text_size = ImGui::CalcTextSize(message.data(), message.data() + message.size(), false, wrap);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 end(start.x + width, start.y + text_size.y + padding * 2);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(start, end, is_error ? colors::kDangerSoft : colors::kSuccessSoft, display.px(6));
    draw->AddText(nullptr, 0.f, ImVec2(start.x + padding, start.y + padding), is_error ? colors::kDanger : colors::kSuccess,
                  message.data(), message.data() + message.size(), wrap);
    ImGui::Dummy(ImVec2(width, end.y - start.y));
    ui_registry::record(is_error ? "error" : "notice", id, message, message);
    ui_registry::set_text_layout(ImVec2(start.x + padding, start.y + padding), wrap);
}

namespace {
struct OpenCard {
    ImGuiID key;
    bool drawn;  // false: scrolled out of view, its content skipped (and not measured)
};
std::vector<OpenCard> g_card_stack;
}

bool begin_card(const char* id, float width) {
    // ImGui 1.86 children cannot size to their content: use the height measured last frame.
    const ImGuiID key = ImGui::GetID(id);
    const float height = ImGui::GetStateStorage()->GetFloat(key, platform::display().px(40));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(platform::display().px(20), platform::display().px(18)));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::kSurface);
    const bool open = ImGui::BeginChild(id, ImVec2(width, height), true,
                                        ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar |
                                            ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    g_card_stack.push_back({key, open});
    return open;
}

void end_card() {
    const float content = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
    ImGui::EndChild();
    const OpenCard card = g_card_stack.back();
    g_card_stack.pop_back();
    // A card scrolled out of view drew nothing: keep its last height, or the page above the view
    // would shrink and the scroll position jump.
    if (card.drawn) ImGui::GetStateStorage()->SetFloat(card.key, content);
}

}  // namespace kimonet::widgets
