// The frame around the screens: a dark sidebar with navigation on wide screens, a top bar with
// tabs on phones; the header carries the user, the language toggle and logout.
#include <algorithm>

#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

struct NavEntry {
    Screen screen;
    const char* id;
    const char* key;
};
constexpr NavEntry kNavigation[] = {
    {Screen::Dashboard, "nav.dashboard", "nav.dashboard"},
    {Screen::Customers, "nav.customers", "nav.customers"},
    {Screen::Packages, "nav.packages", "nav.packages"},
    {Screen::Invoices, "nav.invoices", "nav.invoices"},
    {Screen::Payments, "nav.payments", "nav.payments"},
};

// The customer detail belongs to the customers entry.
bool is_current(Screen entry, Screen current) {
    return entry == current || (entry == Screen::Customers && current == Screen::CustomerDetail);
}

// A sidebar entry: full-width, highlighted when current.
bool nav_item(const char* id, const char* label, bool current) {
    const float height = display().px(40);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool pressed = ImGui::InvisibleButton(id, ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (current || hovered)
        draw->AddRectFilled(start, ImVec2(start.x + width, start.y + height),
                            current ? widgets::colors::kSidebarActive : IM_COL32(255, 255, 255, 18), display().px(6));
    const float text_y = start.y + (height - ImGui::GetFontSize()) * 0.5f;
    draw->AddText(ImVec2(start.x + display().px(14), text_y), current ? IM_COL32_WHITE : widgets::colors::kSidebarText, label);
    ui_registry::record("nav", id, label, current ? "current" : "");
    return pressed;
}

}  // namespace

std::string App::screen_title() const {
    switch (m_screen) {
    case Screen::Dashboard: return tr("nav.dashboard");
    case Screen::Customers: return tr("customers.title");
    case Screen::Packages: return tr("packages.title");
    case Screen::Invoices: return tr("invoices.title");
    case Screen::Payments: return tr("payments.title");
    case Screen::CustomerDetail: return m_customer_detail.title();
    case Screen::CustomerHome: return tr("home.title");
    default: return tr("app.name");
    }
}

void App::draw_language_toggle() {
    const bool indonesian = i18n::language() == i18n::Language::Indonesian;
    if (widgets::button("lang.id", "ID", indonesian ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary))
        i18n::set_language(i18n::Language::Indonesian);
    ImGui::SameLine(0, display().px(4));
    if (widgets::button("lang.en", "EN", indonesian ? widgets::ButtonStyle::Secondary : widgets::ButtonStyle::Primary))
        i18n::set_language(i18n::Language::English);
}

void App::draw_sidebar() {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kSidebar);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(14), display().px(20)));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(display().px(8), display().px(4)));
    ImGui::BeginChild("sidebar", ImVec2(display().px(232), 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushFont(display().fonts().title);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::TextUnformatted("Kimonet");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::colors::kSidebarText);
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextUnformatted(tr("app.tagline"));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, display().px(18)));
    for (const NavEntry& entry : kNavigation) {
        if (!can_open(entry.screen)) continue;
        if (nav_item(entry.id, tr(entry.key), is_current(entry.screen, m_screen))) navigate(entry.screen);
    }
    // The signed-in user, pinned to the bottom.
    const float footer = ImGui::GetTextLineHeightWithSpacing() * 2 + display().px(20);
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - footer);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::TextUnformatted(m_user->name.c_str());
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::colors::kSidebarText);
    ImGui::TextUnformatted(i18n::role_label(m_user->role).c_str());
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor();
}

void App::draw_top_bar() {
    const bool compact = display().compact();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kSurface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(compact ? 14 : 24), display().px(12)));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.f);
    const float height = ImGui::GetFrameHeight() + display().px(24);
    ImGui::BeginChild("header", ImVec2(0, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(compact ? display().fonts().strong : display().fonts().title);
    widgets::text("title", "header.title", compact ? std::string("Kimonet") : screen_title());
    ImGui::PopFont();

    // Right-aligned group: user, language, logout. Measured from the widths of the previous frame.
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string who = m_user->name + " · " + i18n::role_label(m_user->role);
    const float user_width = compact ? 0.f : ImGui::CalcTextSize(who.c_str()).x + style.ItemSpacing.x * 2;
    const float toggle_width = ImGui::CalcTextSize("IDEN").x + style.FramePadding.x * 4 + display().px(4);
    const float logout_width = ImGui::CalcTextSize(tr("shell.logout")).x + style.FramePadding.x * 2;
    const float right = user_width + toggle_width + logout_width + style.ItemSpacing.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - right);
    if (!compact) {
        widgets::text("text", "header.user", who, widgets::colors::kMuted);
        ImGui::SameLine(0, style.ItemSpacing.x * 2);
    }
    draw_language_toggle();
    ImGui::SameLine();
    if (widgets::button("shell.logout", tr("shell.logout"))) sign_out(false);
    ImGui::EndChild();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    draw->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), widgets::colors::kBorder, display().px(1));
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

// Phones: the sidebar becomes rows of tabs under the header, at most three to a row so each
// label fits a finger-sized button at 390 CSS px.
void App::draw_phone_tabs() {
    constexpr int kPerRow = 3;
    int visible = 0;
    for (const NavEntry& entry : kNavigation) visible += can_open(entry.screen) ? 1 : 0;
    const int rows = (visible + kPerRow - 1) / kPerRow;
    const float gap = display().px(6);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kSurface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(10), display().px(6)));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.f);
    ImGui::BeginChild("tabs", ImVec2(0, ImGui::GetFrameHeight() * rows + gap * (rows - 1) + display().px(12)), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    const float full = ImGui::GetContentRegionAvail().x;
    int index = 0;
    for (const NavEntry& entry : kNavigation) {
        if (!can_open(entry.screen)) continue;
        const int row = index / kPerRow;
        const int in_row = std::min(kPerRow, visible - row * kPerRow);
        const float width = (full - gap * float(in_row - 1)) / float(in_row);
        if (index % kPerRow != 0) ImGui::SameLine();
        ++index;
        const auto style = is_current(entry.screen, m_screen) ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Link;
        if (widgets::button(entry.id, tr(entry.key), style, width)) navigate(entry.screen);
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void App::draw_shell() {
    const bool compact = display().compact();
    // Panels sit flush against each other: undo the item spacing after each one.
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    auto flush = [gap] { ImGui::SetCursorPosY(ImGui::GetCursorPosY() - gap); };
    if (!compact) {
        draw_sidebar();
        ImGui::SameLine(0, 0);
    }
    ImGui::BeginGroup();
    draw_top_bar();
    flush();
    if (compact && !m_user->is_customer()) {
        draw_phone_tabs();
        flush();
    }
    const float padding = display().px(compact ? 14 : 28);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(padding, padding * (compact ? 1.f : 0.85f)));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kBackground);
    ImGui::BeginChild("content", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    draw_screen();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::EndGroup();
}

}  // namespace kimonet
