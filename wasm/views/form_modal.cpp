#include "views/form_modal.hpp"

#include <algorithm>

#include "api_client.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {
namespace {

using platform::display;

float banner_height(const std::string& banner) {
    if (banner.empty()) return 0.f;
    const float padding = display().px(12);
    const float wrap = ImGui::GetContentRegionAvail().x - padding * 2;
    return ImGui::CalcTextSize(banner.c_str(), nullptr, false, wrap).y + padding * 2 + ImGui::GetStyle().ItemSpacing.y;
}

// The keyboard of a dialog: Esc closes it as Cancel does while it is the one in front (an open
// drop-down in it takes the press first: widgets/dialog_keys.hpp), Enter in one of its fields saves
// it as Save does. (Enter on a focused button or drop-down belongs to that control: the page does
// not pass it on.)
FormAction keyboard_action(bool busy) {
    if (widgets::dialog_escape()) return FormAction::Cancel;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return FormAction::None;
    if (!busy && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) return FormAction::Save;
    return FormAction::None;
}

FormAction footer_buttons(const char* prefix, const std::string& banner, bool busy);

}  // namespace

FormAction draw_form_footer(const char* prefix, const std::string& banner, bool busy) {
    const FormAction keyboard = keyboard_action(busy);
    const FormAction clicked = footer_buttons(prefix, banner, busy);
    return clicked != FormAction::None ? clicked : keyboard;
}

bool begin_form_modal(const char* popup, const char* title_id, const std::string& title, float max_width) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    if (display().compact()) {
        ImGui::SetNextWindowPos(viewport->Pos);
        ImGui::SetNextWindowSize(viewport->Size);
    } else {
        const float margin = display().px(32);
        ImGui::SetNextWindowSize(ImVec2(std::min(max_width, viewport->Size.x - margin * 2),
                                        std::min(display().px(720), viewport->Size.y - margin * 2)));
        ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(24), display().px(20)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, display().compact() ? 0.f : display().px(10));
    const bool open = ImGui::BeginPopupModal(popup, nullptr,
                                             ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar(2);
    if (!open) return false;
    widgets::title(title_id, title);
    ImGui::Dummy(ImVec2(0, display().px(2)));
    return true;
}

bool begin_form_body(const char* id, const std::string& banner) {
    const float footer = ImGui::GetFrameHeightWithSpacing() + display().px(12) + banner_height(banner);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    const bool open = ImGui::BeginChild(id, ImVec2(0, -footer), false);
    ImGui::PopStyleColor();
    return open;
}

void end_form_body() { ImGui::EndChild(); }

namespace {

FormAction footer_buttons(const char* prefix, const std::string& banner, bool busy) {
    ImGui::Dummy(ImVec2(0, display().px(4)));
    if (!banner.empty()) widgets::banner((std::string(prefix) + ".banner").c_str(), banner, true);
    FormAction action = FormAction::None;
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* cancel = i18n::tr("common.cancel");
    const char* save = busy ? i18n::tr("common.saving") : i18n::tr("common.save");
    const float cancel_width = ImGui::CalcTextSize(cancel).x + style.FramePadding.x * 2;
    const float save_width = std::max(ImGui::CalcTextSize(save).x + style.FramePadding.x * 2, display().px(120));
    if (display().compact()) {
        const float half = (ImGui::GetContentRegionAvail().x - style.ItemSpacing.x) * 0.5f;
        if (widgets::button((std::string(prefix) + ".cancel").c_str(), cancel, widgets::ButtonStyle::Secondary, half))
            action = FormAction::Cancel;
        ImGui::SameLine();
        if (widgets::button((std::string(prefix) + ".save").c_str(), save, widgets::ButtonStyle::Primary, half, busy))
            action = FormAction::Save;
        return action;
    }
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - cancel_width - save_width - style.ItemSpacing.x);
    if (widgets::button((std::string(prefix) + ".cancel").c_str(), cancel)) action = FormAction::Cancel;
    ImGui::SameLine();
    if (widgets::button((std::string(prefix) + ".save").c_str(), save, widgets::ButtonStyle::Primary, save_width, busy))
        action = FormAction::Save;
    return action;
}

}  // namespace

void end_form_modal() { ImGui::EndPopup(); }

void FormModalState::request_open() {
    server_errors.clear();
    banner.clear();
    banner_detail.clear();
    submitted = false;
    busy = false;
    open_requested = true;
}

bool FormModalState::accept_submit(const FieldErrors& live) {
    submitted = true;
    if (!live.empty()) {
        banner = "form.fix_errors";
        return false;
    }
    busy = true;
    banner.clear();
    return true;
}

void FormModalState::refused(const ApiResponse& response) {
    busy = false;
    server_errors = response.fields;
    banner = response.error_code == "validation_failed" ? "form.fix_errors" : "error." + response.error_code;
    banner_detail = response.error_message;
}

std::string FormModalState::banner_text() const {
    if (banner.starts_with("error.")) return i18n::api_error_text(banner.substr(6), banner_detail);
    return banner.empty() ? std::string() : std::string(i18n::tr(banner.c_str()));
}

std::string FormModalState::field_error(const FieldErrors& live, const char* field, bool has_value) const {
    if (auto server = server_errors.find(field); server != server_errors.end()) return i18n::translate_message(server->second);
    auto local = live.find(field);
    if (local == live.end() || !(submitted || has_value)) return {};
    return i18n::translate_message(local->second);
}

bool FormModalState::begin(const char* popup, const char* title_id, const std::string& title, float max_width) {
    if (open_requested) {
        ImGui::OpenPopup(popup);
        open_requested = false;
        close_requested = false;
    }
    visible = begin_form_modal(popup, title_id, title, max_width);
    if (!visible) return false;
    if (close_requested) {
        close_requested = false;
        visible = false;
        ImGui::CloseCurrentPopup();
    }
    return true;
}

bool FormModalState::end(const char* prefix, const std::string& banner_shown) {
    const FormAction action = draw_form_footer(prefix, banner_shown, busy);
    if (action == FormAction::Cancel) {
        ImGui::CloseCurrentPopup();
        visible = false;
    }
    end_form_modal();
    return action == FormAction::Save;
}

}  // namespace kimonet
