#pragma once
// The browser app without a browser: the real App and views on a Dear ImGui context with no window
// and no renderer (ImGui's "null backend": a context, a display size, a built font atlas, then
// NewFrame/Render), a FakeApiClient answering recorded server JSON, and the widget registry the
// Playwright suites read through window.ui_query — here read directly.
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "app.hpp"
#include "fake_api_client.hpp"

namespace kimonet::testing {

// One registry entry of the last frame ({kind,id,label,value,visible,disabled,...}).
using Widget = api::Json;

class ViewHarness {
public:
    // `address`: the hash the tab was opened with ("customers"), taken once signed in.
    explicit ViewHarness(const std::string& address = {});
    ~ViewHarness();
    ViewHarness(const ViewHarness&) = delete;
    ViewHarness& operator=(const ViewHarness&) = delete;

    FakeApiClient& api() { return m_api; }
    App& app() { return m_app; }

    // A staff user with these permissions (an "owner" with all of them when empty is not implied).
    void sign_in_staff(const std::vector<std::string>& permissions, const std::string& role = "admin");
    void sign_in_customer(std::int64_t customer_id);

    // Delivers the answers of the requests sent so far, then draws one frame; `count` times.
    void frames(int count = 1);
    // Frames until no request is pending (at most 20): the screen as the user sees it once loaded.
    void settle();

    // The last frame's registry.
    std::vector<Widget> widgets() const;
    std::optional<Widget> find(const std::string& id) const;
    // The values of every widget with this id (toasts stack: one entry each).
    std::vector<std::string> values(const std::string& id) const;
    // Every widget whose id starts with `prefix`.
    std::vector<Widget> find_prefix(const std::string& prefix) const;
    // The value (or label, for texts) of the widget with this id; "" when absent.
    std::string value(const std::string& id) const;
    std::string label(const std::string& id) const;
    // Visible, enabled buttons outside table rows (a row names its buttons' context), in one window
    // (the page, or the dialog in front), that a screen reader names alike (the name said, else the
    // drawn label): one entry per name, "\"Salin\" (portal_pay.code.copy, portal_pay.url.copy)".
    std::vector<std::string> buttons_named_alike() const;
    // The header and cells of a report table ("reports.revenue.month") not drawn whole in the last
    // frame: each clipped by its column (or the page) short of its text, one entry each naming it.
    // With `may_scroll` a table too wide for the screen may scroll sideways: a cell running past the
    // right edge of what the table shows (the furthest any of its cells reaches) is scrolled, not cut.
    std::vector<std::string> cut_cells(const std::string& table, bool may_scroll) const;

    // Clicks a widget by its registry id: moves the mouse there, presses and releases over frames.
    void click(const std::string& id);
    // Types into the focused text field (after click() on it).
    void type(const std::string& text);
    // Ctrl+A in the focused text field: what is typed next replaces its text.
    void select_all();

private:
    void draw_frame();

    FakeApiClient m_api;
    App m_app;
};

}  // namespace kimonet::testing
