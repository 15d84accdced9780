#include "view_harness.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "headless_platform.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "ui_registry.hpp"

namespace kimonet::testing {

ViewHarness::ViewHarness(const std::string& address) {
    reset_platform();
    if (!address.empty()) platform::push_route(address);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    io.DeltaTime = 1.f / 60.f;
    install_api_client(m_api);
    platform::display().sync();
    m_app.start();
}

ViewHarness::~ViewHarness() { ImGui::DestroyContext(); }

void ViewHarness::sign_in_staff(const std::vector<std::string>& permissions, const std::string& role) {
    SessionUser user;
    user.id = 1;
    user.username = "admin";
    user.name = "Admin Kimonet";
    user.company = "Kimonet Net";  // as /api/me sends it
    user.role = role;
    user.permissions = permissions;
    m_app.sign_in("test-token", user);
}

void ViewHarness::sign_in_customer(std::int64_t customer_id) {
    SessionUser user;
    user.id = 50;
    user.username = "pelanggan";
    user.name = "Pelanggan";
    user.role = "customer";
    user.customer_id = customer_id;
    m_app.sign_in("test-token", user);
}

void ViewHarness::draw_frame() {
    auto& display = platform::display();
    display.sync();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(display.framebuffer_width()), static_cast<float>(display.framebuffer_height()));
    io.DeltaTime = 1.f / 60.f;
    ui_registry::begin_frame(display.dpr());
    ImGui::NewFrame();
    m_app.draw();
    ImGui::Render();
    ui_registry::end_frame();
}

void ViewHarness::frames(int count) {
    for (int i = 0; i < count; ++i) {
        m_api.deliver_pending();
        draw_frame();
    }
}

void ViewHarness::settle() {
    for (int i = 0; i < 20; ++i) {
        frames(1);
        if (m_api.in_flight() == 0) break;
    }
    frames(3);  // popups open a frame after OpenPopup; cards measure themselves
}

std::vector<Widget> ViewHarness::widgets() const {
    const api::Json registry = api::parse_json(ui_query());
    std::vector<Widget> items;
    if (registry.contains("items"))
        for (const auto& item : registry["items"]) items.push_back(item);
    return items;
}

std::vector<std::string> ViewHarness::buttons_named_alike() const {
    std::map<std::pair<ImGuiID, std::string>, std::vector<std::string>> by_name;
    for (const auto& item : ui_registry::last_items()) {
        if (item.kind != "button" || !item.visible || item.disabled || item.table != 0) continue;
        by_name[{item.window, item.spoken_name.empty() ? item.label : item.spoken_name}].push_back(item.id);
    }
    std::vector<std::string> alike;
    for (const auto& [key, ids] : by_name) {
        if (ids.size() < 2) continue;
        std::string joined;
        for (const auto& id : ids) joined += (joined.empty() ? "" : ", ") + id;
        alike.push_back("\"" + key.second + "\" (" + joined + ")");
    }
    return alike;
}

std::vector<std::string> ViewHarness::cut_cells(const std::string& table, bool may_scroll) const {
    std::vector<const ui_registry::Item*> cells;
    float shown_edge = 0.f;  // the right edge of what the table shows
    for (const auto& item : ui_registry::last_items()) {
        if ((item.kind != "cell" && item.kind != "header") || !item.id.starts_with(table + ".")) continue;
        cells.push_back(&item);
        if (item.hit.GetWidth() > 0.f) shown_edge = std::max(shown_edge, item.hit.Max.x);
    }
    std::vector<std::string> cut;
    if (cells.empty()) return {table + ": no cells"};
    for (const ui_registry::Item* item : cells) {
        const ImRect& rect = item->rect;
        const ImRect& hit = item->hit;
        const bool whole_across = hit.Min.x <= rect.Min.x + 0.5f && hit.Max.x >= rect.Max.x - 0.5f;
        const bool whole_down = hit.Min.y <= rect.Min.y + 0.5f && hit.Max.y >= rect.Max.y - 0.5f;
        // Scrolled out sideways: it runs past the edge of what the table shows, not cut short of it.
        const bool scrolled = may_scroll && (hit.GetWidth() <= 0.f || hit.Max.x >= shown_edge - 0.5f);
        if ((whole_across || scrolled) && (whole_down || hit.GetWidth() <= 0.f)) continue;
        cut.push_back(item->id + " \"" + item->value + "\" shows " + std::to_string(hit.Min.x) + ".." + std::to_string(hit.Max.x) + " of " +
                      std::to_string(rect.Min.x) + ".." + std::to_string(rect.Max.x));
    }
    return cut;
}

std::optional<Widget> ViewHarness::find(const std::string& id) const {
    for (Widget& widget : widgets())
        if (widget.value("id", "") == id) return widget;
    return std::nullopt;
}

std::vector<std::string> ViewHarness::values(const std::string& id) const {
    std::vector<std::string> found;
    for (Widget& widget : widgets())
        if (widget.value("id", "") == id) found.push_back(widget.value("value", ""));
    return found;
}

std::vector<Widget> ViewHarness::find_prefix(const std::string& prefix) const {
    std::vector<Widget> found;
    for (Widget& widget : widgets())
        if (widget.value("id", "").starts_with(prefix)) found.push_back(widget);
    return found;
}

std::string ViewHarness::value(const std::string& id) const {
    const auto widget = find(id);
    return widget ? widget->value("value", "") : std::string();
}

std::string ViewHarness::label(const std::string& id) const {
    const auto widget = find(id);
    return widget ? widget->value("label", "") : std::string();
}

void ViewHarness::click(const std::string& id) {
    const auto widget = find(id);
    if (!widget) throw std::runtime_error("no widget " + id + " in the last frame");
    const auto& hit = (*widget)["hit"];
    const ImVec2 point(hit["x"].get<float>() + hit["w"].get<float>() / 2, hit["y"].get<float>() + hit["h"].get<float>() / 2);
    ImGuiIO& io = ImGui::GetIO();
    // ImGui 1.86 samples the mouse once a frame: hover, press and release on three frames.
    io.MousePos = point;
    frames(1);
    io.MouseDown[0] = true;
    frames(1);
    io.MouseDown[0] = false;
    frames(1);
}

void ViewHarness::type(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());  // queued; 1.86 hands them over at NewFrame
    frames(1);
}

}  // namespace kimonet::testing

namespace kimonet::testing {

void ViewHarness::select_all() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_A] = 'A';  // the null backend maps no keys; any free index will do
    io.KeyCtrl = true;
    io.KeysDown['A'] = true;
    frames(1);
    io.KeysDown['A'] = false;
    io.KeyCtrl = false;
    frames(1);
}

}  // namespace kimonet::testing
