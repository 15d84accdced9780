#include "views/admin_widgets.hpp"

#include "i18n.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID: the page took focus elsewhere
#include "imgui_stdlib.h"
#include <cstdio>

#include "core/date.hpp"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "widgets/field_kind.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

using platform::display;

std::string field_error(const FieldErrors& errors, const std::string& field) {
    auto found = errors.find(field);
    return found == errors.end() ? std::string() : i18n::translate_message(found->second);
}

std::string all_field_errors(const FieldErrors& errors) {
    std::string out;
    for (const auto& [field, message] : errors) {
        if (!out.empty()) out += "\n";
        out += field + ": " + i18n::translate_message(message);
    }
    return out;
}

bool multiline_field(const char* id, const char* label, std::string& value, float height, const std::string& error,
                     bool* submitted) {
    // As widgets::text_field: the page's <textarea> edits (its whole value lands here on each
    // change) and the ImGui widget only shows the text, takes clicks and focus, and sees Ctrl+Enter.
    widgets::mark_field(id, widgets::FieldKind::Multiline);
    const bool page_edits = dom_fields::enabled();
    dom_fields::note_real_input(id);
    bool typed = false;
    if (page_edits) {
        if (auto text = dom_fields::take_value(id)) {
            typed = *text != value;
            value = std::move(*text);
        }
    }
    ImGui::PushID(id);
    if (label && *label) {
        ImGui::PushFont(display().fonts().strong);
        ImGui::TextUnformatted(label);
        ImGui::PopFont();
    }
    if (!error.empty()) ImGui::PushStyleColor(ImGuiCol_Border, widgets::colors::kDanger);
    if (page_edits && dom_fields::take_focus_request(id)) ImGui::SetKeyboardFocusHere();
    const std::string before = page_edits ? std::string() : value;
    // EnterReturnsTrue: the widget returns true on Ctrl+Enter (a plain Enter is a new line).
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (page_edits) flags |= ImGuiInputTextFlags_ReadOnly;
    const bool entered = ImGui::InputTextMultiline("##multiline", &value, ImVec2(-FLT_MIN, height), flags);
    if (page_edits && dom_fields::take_blur(id) && ImGui::IsItemActive()) ImGui::ClearActiveID();
    if (!error.empty()) ImGui::PopStyleColor();
    ImGui::PopID();
    ui_registry::record("input", id, label ? label : "", value);
    const bool page_submit = page_edits && dom_fields::take_submit(id);
    if (submitted) *submitted = entered || page_submit;
    if (!error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::colors::kDanger);
        ImGui::PushTextWrapPos(0.f);
        ImGui::TextUnformatted(error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ui_registry::record("field_error", std::string(id) + ".error", error, error);
    }
    return page_edits ? typed : value != before;
}

void copy_row(const std::string& id, const char* label, const std::string& value) {
    static std::string copied_id;
    static double copied_at = -10.0;
    widgets::muted((id + ".label").c_str(), label);
    ImGui::PushFont(display().fonts().strong);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - display().px(100));
    widgets::text("text", id, value);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - display().px(92));
    const bool recent = copied_id == id && ImGui::GetTime() - copied_at < 2.0;
    if (widgets::button((id + ".copy").c_str(), recent ? i18n::tr("common.copied") : i18n::tr("common.copy"),
                        widgets::ButtonStyle::Secondary, display().px(92))) {
        ImGui::SetClipboardText(value.c_str());
        copied_id = id;
        copied_at = ImGui::GetTime();
    }
    ui_registry::name_with(id + ".copy", label);  // "Salin Nomor virtual account", not one of two "Salin"
}

std::string format_unix_time(std::int64_t unix_seconds) {
    if (unix_seconds <= 0) return i18n::tr("common.none");
    const LocalDateTime local = local_from_unix(unix_seconds, i18n::time_zone());
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.hour, local.minute);
    return i18n::format_date(local.date) + " " + clock;
}

bool tab_row(const char* prefix, const std::vector<std::string>& labels, int& current) {
    bool changed = false;
    const float available = ImGui::GetContentRegionAvail().x, gap = display().px(6);
    float used = 0.f;
    for (int index = 0; index < static_cast<int>(labels.size()); ++index) {
        // Side by side while the next tab fits, else on the next line (five filters on a phone).
        ImGui::PushFont(display().fonts().strong);
        const float width = ImGui::CalcTextSize(labels[index].c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::PopFont();
        if (index > 0 && used + gap + width <= available) {
            ImGui::SameLine(0, gap);
            used += gap + width;
        } else {
            used = width;
        }
        const std::string id = std::string(prefix) + "." + std::to_string(index);
        const bool pressed = widgets::button(id.c_str(), labels[index].c_str(),
                                             index == current ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary);
        // The page makes the row a tablist of tabs, the current one selected (WAI-ARIA tabs).
        ui_registry::set_tab(prefix, index == current);
        if (pressed && index != current) {
            current = index;
            changed = true;
        }
    }
    return changed;
}

}  // namespace kimonet
