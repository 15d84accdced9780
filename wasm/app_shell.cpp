// The frame around the screens: a dark grouped sidebar on wide screens; on phones a compact header
// whose menu button opens a full-screen list with large touch targets. Both come from the screen registry (screens.cpp).
// The header carries the title, the user, the language toggle, logout and the loading indicator;
// on a phone with a menu the language toggle is at the end of the menu instead (room for the title).
#include <algorithm>
#include <cmath>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "platform/frame_pacing.hpp"
#include "ui_registry.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

// Screens reached from a list belong to its entry (the customer detail to Pelanggan).
bool is_current(const ScreenRegistration& entry, Screen current) {
    const ScreenRegistration* open = find_screen(current);
    return entry.screen == current || (open && open->nav_parent == entry.screen);
}

const char* group_key(const ScreenRegistration& entry) { return entry.group ? entry.group : "nav.group.other"; }

// A menu entry (sidebar or phone menu) for the registry and the page: a link to its screen's
// address, scrolled into view when Tab on the page reaches it below the fold.
void record_nav_entry(const char* id, const char* label, std::string_view route, bool current) {
    ui_registry::record("nav", id, label, current ? "current" : "");
    ui_registry::set_href(route);
    widgets::follow_page_focus(id);
}

// A sidebar entry: full-width, highlighted when current.
bool nav_item(const char* id, const char* label, std::string_view route, bool current, float height) {
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
    record_nav_entry(id, label, route, current);
    return pressed;
}

// A group heading: small, upper-case, muted.
void group_heading(const char* key, ImU32 color) {
    std::string label = tr(key);
    for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + display().px(14));
    widgets::text("text", std::string("nav.heading.") + key, label, color);
    ImGui::PopStyleColor();
}

}  // namespace

std::string App::screen_title() const {
    const ScreenRegistration* entry = m_user ? find_screen(m_screen) : nullptr;
    if (!entry) return tr("app.name");
    std::string title = view(m_screen)->title();
    return title.empty() ? std::string(tr(entry->title_key)) : title;
}

void App::draw_language_toggle() {
    const bool indonesian = i18n::language() == i18n::Language::Indonesian;
    // Each button is named by its language in that language (a screen reader says "English" in an
    // English voice, whatever the page's language) and says whether it is the one in use. The name
    // holds the drawn "ID"/"EN" too, so a voice-control user who says "click EN" reaches it (WCAG
    // 2.5.3, label in name).
    using widgets::ButtonStyle;
    const bool to_indonesian = widgets::button("lang.id", "ID", indonesian ? ButtonStyle::Primary : ButtonStyle::Secondary);
    ui_registry::set_spoken_name("Bahasa Indonesia (ID)", "id");
    ui_registry::set_pressed(indonesian);
    ImGui::SameLine(0, display().px(4));
    const bool to_english = widgets::button("lang.en", "EN", indonesian ? ButtonStyle::Secondary : ButtonStyle::Primary);
    ui_registry::set_spoken_name("English (EN)", "en");
    ui_registry::set_pressed(!indonesian);
    if (to_indonesian) i18n::set_language(i18n::Language::Indonesian);
    if (to_english) i18n::set_language(i18n::Language::English);
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
    ui_registry::record("title", "shell.brand", "Kimonet", "Kimonet");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::colors::kSidebarText);
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextUnformatted(tr("app.tagline"));
    ui_registry::record("text", "shell.tagline", tr("app.tagline"), tr("app.tagline"));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, display().px(10)));
    // The entries scroll between the brand and the user when a short window cannot hold them all.
    const float footer = ImGui::GetTextLineHeightWithSpacing() * 2 + display().px(24);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarBg, IM_COL32(0, 0, 0, 0));
    ImGui::BeginChild("sidebar.entries", ImVec2(0, -footer), false);
    const char* group = nullptr;
    for (const ScreenRegistration& entry : screen_registry()) {
        if (!entry.nav || !can_open(entry.screen)) continue;
        if (!group || std::string_view(group) != group_key(entry)) {
            group = group_key(entry);
            ImGui::Dummy(ImVec2(0, display().px(8)));
            group_heading(group, IM_COL32(140, 152, 178, 255));
        }
        if (nav_item(entry.nav, tr(entry.nav), entry.screen.id, is_current(entry, m_screen), display().px(36))) navigate(entry.screen);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
    // The signed-in user, pinned to the bottom.
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - footer + display().px(8));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::TextUnformatted(m_user->name.c_str());
    ui_registry::record("text", "shell.user", m_user->name, m_user->name);
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::colors::kSidebarText);
    ImGui::TextUnformatted(i18n::role_label(m_user->role).c_str());
    ui_registry::record("text", "shell.role", i18n::role_label(m_user->role), i18n::role_label(m_user->role));
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
    const bool staff_menu = compact && std::count_if(screen_registry().begin(), screen_registry().end(), [this](const ScreenRegistration& entry) {
                                return entry.nav && can_open(entry.screen);
                            }) > 1;
    if (staff_menu) {
        if (widgets::button("shell.menu", m_phone_menu ? tr("nav.close") : tr("nav.menu"),
                            m_phone_menu ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary))
            m_phone_menu = !m_phone_menu;
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
    }
    // Right-aligned group: user, language, logout.
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string who = m_user->name + " · " + i18n::role_label(m_user->role);
    const float user_width = compact ? 0.f : ImGui::CalcTextSize(who.c_str()).x + style.ItemSpacing.x * 2;
    // On a phone with a menu, the language buttons live in the menu: beside "Menu" and "Keluar"
    // they left a 360 px header room for "Tagih tun…" of the screen's name.
    const bool toggle_here = !staff_menu;
    const float toggle_width = toggle_here ? ImGui::CalcTextSize("IDEN").x + style.FramePadding.x * 4 + display().px(4) + style.ItemSpacing.x : 0.f;
    const float logout_width = ImGui::CalcTextSize(tr("shell.logout")).x + style.FramePadding.x * 2;
    const float right = user_width + toggle_width + logout_width + style.ItemSpacing.x;

    ImGui::PushFont(compact ? display().fonts().strong : display().fonts().title);
    std::string title = compact && !staff_menu ? std::string("Kimonet") : screen_title();
    // A long title (a customer's name) is cut with "…" before it reaches the user's name and the
    // buttons, leaving room for the loading indicator drawn after it.
    float loading = 0.f;
    if (api_client().in_flight() > 0) {
        loading = ImGui::GetFontSize() + display().px(14);
        if (!compact) loading += display().px(6) + ImGui::CalcTextSize(tr("common.loading")).x;
    }
    const float room = ImGui::GetWindowContentRegionMax().x - right - ImGui::GetCursorPosX() - ImGui::GetFontSize() * 1.5f - loading;
    if (ImGui::CalcTextSize(title.c_str()).x > room) {
        while (!title.empty() && ImGui::CalcTextSize((title + "…").c_str()).x > room) {
            title.pop_back();
            while (!title.empty() && (static_cast<unsigned char>(title.back()) & 0xC0) == 0x80) title.pop_back();  // whole UTF-8 characters
        }
        title += "…";
    }
    widgets::text("title", "header.title", title);
    ImGui::PopFont();
    draw_loading_indicator();

    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - right));
    if (!compact) {
        widgets::text("text", "header.user", who, widgets::colors::kMuted);
        ImGui::SameLine(0, style.ItemSpacing.x * 2);
    }
    if (toggle_here) {
        draw_language_toggle();
        ImGui::SameLine();
    }
    if (widgets::button("shell.logout", tr("shell.logout"))) sign_out(false);
    ImGui::EndChild();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    draw->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), widgets::colors::kBorder, display().px(1));
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

// While requests are in flight: a small spinner and "Memuat…" after the title (registry
// "shell.loading"), and a thin moving bar along the bottom of the header.
void App::draw_loading_indicator() {
    if (api_client().in_flight() == 0) return;
    platform::note_activity();  // animate until the answers arrive
    ImGui::SameLine(0, display().px(14));
    const float size = ImGui::GetFontSize();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float y = pos.y + ImGui::GetStyle().FramePadding.y;
    const ImVec2 centre(pos.x + size * 0.5f, y + size * 0.5f);
    const float t = static_cast<float>(ImGui::GetTime());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PathArcTo(centre, size * 0.4f, t * 6.f, t * 6.f + 4.2f, 16);
    draw->PathStroke(widgets::colors::kAccent, 0, display().px(2));
    ImGui::Dummy(ImVec2(size, size));
    if (display().compact()) {  // phones: the spinner alone, the header has no room for words
        ui_registry::record("text", "shell.loading", tr("common.loading"), tr("common.loading"));
        return;
    }
    ImGui::SameLine(0, display().px(6));
    widgets::text("text", "shell.loading", tr("common.loading"), widgets::colors::kMuted);
}

// Offline: answers come from this browser's copy; say so above the content.
void App::draw_offline_banner() {
    if (!api_client().offline()) return;
    const float padding = display().px(display().compact() ? 14 : 28);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + padding);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + display().px(8));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kWarningSoft);
    const float wrap = ImGui::GetContentRegionAvail().x - padding - display().px(24);
    const float height = ImGui::CalcTextSize(tr("shell.offline"), nullptr, false, wrap).y + display().px(16);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(12), display().px(8)));
    ImGui::BeginChild("shell.offline.box", ImVec2(ImGui::GetContentRegionAvail().x - padding, height), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PushTextWrapPos(0.f);
    widgets::text("banner", "shell.offline", tr("shell.offline"), widgets::colors::kWarning);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

// Phones: the navigation as a full-screen list under the header, one large row per screen,
// grouped like the sidebar. Choosing a row (or the menu button again) closes it.
void App::draw_phone_menu() {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kSurface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(12), display().px(8)));
    ImGui::BeginChild("phone.menu", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    // A finger drags the list (ImGui 1.86 scrolls only with a wheel).
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    const char* group = nullptr;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const ScreenRegistration& entry : screen_registry()) {
        if (!entry.nav || !can_open(entry.screen)) continue;
        if (!group || std::string_view(group) != group_key(entry)) {
            group = group_key(entry);
            ImGui::Dummy(ImVec2(0, display().px(8)));
            group_heading(group, widgets::colors::kMuted);
        }
        const bool current = is_current(entry, m_screen);
        const float height = display().px(52);  // well over the 44-48 px a thumb needs
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const bool pressed = ImGui::InvisibleButton(entry.nav, ImVec2(width, height));
        if (current || ImGui::IsItemHovered())
            draw->AddRectFilled(start, ImVec2(start.x + width, start.y + height),
                                current ? widgets::colors::kNeutralSoft : IM_COL32(0, 0, 0, 8), display().px(8));
        if (current)
            draw->AddRectFilled(start, ImVec2(start.x + display().px(4), start.y + height), widgets::colors::kAccent, display().px(2));
        ImGui::PushFont(display().fonts().strong);
        draw->AddText(ImVec2(start.x + display().px(16), start.y + (height - ImGui::GetFontSize()) * 0.5f),
                      current ? widgets::colors::kAccent : widgets::colors::kText, tr(entry.nav));
        ImGui::PopFont();
        draw->AddLine(ImVec2(start.x, start.y + height), ImVec2(start.x + width, start.y + height), widgets::colors::kBorder);
        record_nav_entry(entry.nav, tr(entry.nav), entry.screen.id, current);
        if (pressed) navigate(entry.screen);  // closes the menu
    }
    ImGui::Dummy(ImVec2(0, display().px(12)));
    draw_language_toggle();  // the header has no room for it on a phone (draw_top_bar)
    ImGui::EndChild();
    ImGui::PopStyleVar();
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
    if (compact && m_phone_menu) {
        draw_phone_menu();
        ImGui::EndGroup();
        return;
    }
    draw_offline_banner();
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
