#include "text_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ui_registry.hpp"
#include "widgets/browser_glyphs.hpp"
#include "widgets/field_kind.hpp"

namespace kimonet::text_layer {
namespace {

// What one node showed when it was last handed over: its serialised record and its position in
// the drawing order.
std::unordered_map<std::string, std::string> g_sent;
std::vector<std::string> g_sent_order;
std::string g_sent_focus;
std::string g_changes;
// The page (screen) on show as the app names it (set_page; "!" after a form page's name), and the
// one last handed over.
std::string g_page, g_sent_page;
// The notices of the last handed-over frame: a notice not among them is new and is said once.
std::vector<std::string> g_sent_notices;

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
}

// Half CSS pixels: finer than the eye needs, coarse enough that a steady frame repeats exactly.
void append_number(std::string& out, float device_px, float scale) {
    char number[24];
    std::snprintf(number, sizeof number, "%g", std::round(device_px / scale * 2.f) / 2.f);
    out += number;
}

// Notices: a toast that is not an error, a banner that says something went well ("Pelanggan
// disimpan"). A screen reader hears each once through the page's polite live region ("say" in
// changes()); their nodes are plain text, so the same words are not read twice.
bool is_notice(const ui_registry::Item& item) {
    return item.kind == "notice" || (item.kind == "toast" && item.id == "toast.ok");
}

// The ARIA role a registry item is mirrored as ("" = plain text).
std::string_view role_of(const ui_registry::Item& item) {
    const std::string_view kind = item.kind;
    if (kind == "button") return item.toggle == ui_registry::Item::Toggle::Tab ? "tab" : "button";
    if (kind == "nav") return "link";
    if (kind == "input") return "textbox";
    if (kind == "select") return "combobox";
    if (kind == "option") return "option";
    if (kind == "checkbox") return "checkbox";
    if (kind == "title") return "heading";
    if (kind == "header") return "columnheader";
    if (is_notice(item)) return "";
    if (kind == "error" || kind == "field_error" || kind == "toast") return "alert";
    if (kind == "qr" || kind == "bar" || kind == "line" || kind == "hbar") return "img";
    return "";
}

// Registry kinds that say something about other items and draw no text of their own.
// Items scrolled out of their window or table (the clipper's extra row) are not on screen either.
// A real input scrolled out of its form stays in the page, hidden by its clip: Tab reaches it, and
// ImGui scrolls it into view when it takes focus (widgets/field_kind.hpp). So do a dialog's other
// controls (a drop-down, a checkbox, Save below the fold of a long form at 200% zoom): Tab is kept
// inside the dialog, so each of them must be in it.
bool mirrored(const ui_registry::Item& item) {
    if (item.kind == "table") return false;
    if (item.visible && item.clip.Overlaps(item.rect)) return true;
    if (item.window_role == ui_registry::WindowRole::Popup || item.rect.GetWidth() <= 0.f) return false;
    if (item.kind == "input") return dom_fields::is_real_input(item.id);
    // So do the menu's entries below the sidebar's fold: Tab and a screen reader reach every one, and
    // the sidebar scrolls the focused one into view (app_shell.cpp).
    if (item.kind == "nav") return true;
    return item.window_role == ui_registry::WindowRole::Dialog &&
           (item.kind == "select" || item.kind == "checkbox" || item.kind == "button");
}

// Text shown in the node (selectable, found by Ctrl+F) and its accessible name when the text
// alone does not name it (a field's label, a chart bar's figures).
void text_and_name(const ui_registry::Item& item, std::string_view role, std::string& text, std::string& name) {
    if (role == "textbox" || role == "combobox") {
        text = item.value;
        name = item.label;
    } else if (role == "checkbox" || role == "link" || role == "button" || role == "tab") {
        text = item.label;
        name = item.spoken_name;
    } else if (role == "img") {
        name = item.value.empty() || item.value == item.label ? item.label : item.label + ": " + item.value;
    } else {
        text = item.value.empty() ? item.label : item.value;
    }
}

// The ImGui tables of a frame that hold data (one has column headers): the others only lay out a
// form or label/value pairs, and a screen reader announcing "table, 2 rows, 4 columns" for them
// says nothing true.
using DataTables = std::unordered_set<ImGuiID>;
DataTables data_tables(const std::vector<ui_registry::Item>& items) {
    DataTables tables;
    for (const ui_registry::Item& item : items)
        if (item.kind == "header" && item.table != 0) tables.insert(item.table);
    return tables;
}

std::string container_of(const ui_registry::Item& item, const DataTables& tables) {
    std::string path;
    if (item.window != 0) {
        static constexpr const char* kWindowPrefix[] = {"", "d", "p", "t"};
        path += kWindowPrefix[static_cast<int>(item.window_role)];
        path += std::to_string(item.window);
    }
    if (item.table != 0 && item.table_row >= 0 && tables.contains(item.table)) {
        if (!path.empty()) path += '/';
        path += "g" + std::to_string(item.table) + "/r" + std::to_string(item.table_row);
    }
    // The menu's entries sit in a navigation landmark (a screen reader's "jump to navigation").
    if (item.kind == "nav") path += path.empty() ? "n" : "/n";
    // A tab row's tabs sit in their tablist ("l<row id>").
    if (item.toggle == ui_registry::Item::Toggle::Tab) path += (path.empty() ? "l" : "/l") + item.tablist;
    return path;
}

std::string states_of(const ui_registry::Item& item, std::string_view role) {
    std::string states;
    if (item.disabled) states += 'd';
    if (role == "checkbox" && item.value.rfind("true", 0) == 0) states += 'c';
    if (role == "link" && item.value == "current") states += 'p';  // the current screen
    if (item.kind == "input" && item.value.find_first_not_of('*') == std::string::npos && !item.value.empty()) states += 'm';
    if (item.kind == "badge") states += 'C';  // text centred in its pill
    // A field the page edits through a real <input> ('I'), and its kind (widgets/field_kind.hpp):
    // the keypad, the input type and what a password manager may fill.
    if (item.kind == "input" && dom_fields::is_real_input(item.id)) {
        static constexpr char kKindLetter[] = {'x', 'n', 't', 'e', 'u', 'w', 'P', 'N', 'o', 'S', 'M'};
        states += 'I';
        states += kKindLetter[static_cast<int>(dom_fields::kind_of(item.id))];
    }
    if (item.kind == "button" && dom_fields::kind_of(item.id) == dom_fields::FieldKind::Submit) states += 'S';
    // A tab ('T', aria-selected) or a toggle button ('B', aria-pressed), and whether it is on ('O').
    if (item.toggle == ui_registry::Item::Toggle::Tab) states += 'T';
    if (item.toggle == ui_registry::Item::Toggle::Pressed) states += 'B';
    if (item.toggle != ui_registry::Item::Toggle::None && item.on) states += 'O';
    return states;
}

// Where ImGui started drawing `text` in the item's rect, and the width it wrapped at (0: none).
// Text items (TextUnformatted) start at their rect; a button's and a badge's text is centred in it,
// a drop-down's sits after the frame padding, a checkbox's after its box.
bool text_origin(const ui_registry::Item& item, std::string_view role, const std::string& text, ImVec2& origin, float& wrap) {
    if (item.text_layout) {
        origin = item.text_pos;
        wrap = item.text_wrap;
        return true;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImRect& rect = item.rect;
    const ImFont* font = item.font;
    const char* begin = text.data();
    const char* end = begin + text.size();
    ImVec2 size = font->CalcTextSizeA(item.font_size, FLT_MAX, 0.f, begin, end);
    wrap = 0.f;
    origin = rect.Min;
    const float centred_y = rect.Min.y + (rect.GetHeight() - size.y) * 0.5f;
    if (role == "button" || item.kind == "badge") {
        origin = ImVec2(rect.Min.x + (rect.GetWidth() - size.x) * 0.5f, centred_y);
    } else if (role == "combobox") {
        origin = ImVec2(rect.Min.x + style.FramePadding.x, centred_y);
    } else if (role == "checkbox") {
        origin = ImVec2(rect.Min.x + rect.GetHeight() + style.ItemInnerSpacing.x, centred_y);
    } else if (role == "textbox" || role == "link" || role == "img") {
        return false;  // a real input draws its own text; links and images have none of their own here
    } else if (size.x > rect.GetWidth() + 1.f && rect.GetHeight() > size.y + item.font_size * 0.5f) {
        // Wrapped text is as wide as its longest line: wrapping again at that width breaks where ImGui did.
        wrap = rect.GetWidth() + 0.5f;
    }
    return true;
}

// The characters the app's font leaves to the browser (emoji), where ImGui left gaps for them
// (widgets/browser_glyphs.hpp): [[x, y, w, h, text], …] in CSS px from the item's rect, or "".
std::string browser_runs_of(const ui_registry::Item& item, std::string_view role, const std::string& text, float scale) {
    if (!item.font || text.empty()) return {};
    ImVec2 origin;
    float wrap = 0.f;
    if (!text_origin(item, role, text, origin, wrap)) return {};
    const auto runs = widgets::browser_runs(item.font, item.font_size, text, wrap);
    if (runs.empty()) return {};
    std::string out = "[";
    for (const auto& run : runs) {
        if (out.size() > 1) out += ',';
        out += '[';
        append_number(out, origin.x - item.rect.Min.x + run.x, scale);
        out += ',';
        append_number(out, origin.y - item.rect.Min.y + static_cast<float>(run.line) * item.font_size, scale);
        out += ',';
        append_number(out, run.width, scale);
        out += ',';
        append_number(out, item.font_size, scale);
        out += ',';
        append_json_string(out, run.text);
        out += ']';
    }
    out += ']';
    return out;
}

// The record of one item, everything after its key.
std::string record_of(const ui_registry::Item& item, float scale, const DataTables& tables) {
    const std::string_view role = role_of(item);
    std::string text, name;
    text_and_name(item, role, text, name);
    std::string out;
    out.reserve(96 + text.size() + name.size());
    append_json_string(out, role);
    out += ',';
    append_json_string(out, text);
    out += ',';
    append_json_string(out, name);
    for (const float value : {item.rect.Min.x, item.rect.Min.y, item.rect.GetWidth(), item.rect.GetHeight(), item.font_size}) {
        out += ',';
        append_number(out, value, scale);
    }
    out += ',';
    append_json_string(out, container_of(item, tables));
    out += ',';
    append_json_string(out, states_of(item, role));
    // How much of each side its window or table hides (top, right, bottom, left).
    const ImRect& rect = item.rect;
    for (const float hidden : {item.clip.Min.y - rect.Min.y, rect.Max.x - item.clip.Max.x, rect.Max.y - item.clip.Max.y,
                               item.clip.Min.x - rect.Min.x}) {
        out += ',';
        append_number(out, hidden > 0.f ? hidden : 0.f, scale);
    }
    // The optional tail: each present one brings the ones before it ("" or null when absent).
    const std::string runs = browser_runs_of(item, role, role == "combobox" ? item.value : text, scale);
    const bool hint = role == "textbox" && !item.hint.empty();
    const bool lang = !item.lang.empty() || hint;
    const bool href = !item.href.empty() || lang;
    if (!runs.empty() || href) {
        out += ',';
        out += runs.empty() ? "null" : runs;
    }
    if (href) {
        out += ',';
        append_json_string(out, item.href.empty() ? std::string() : "#/" + item.href);
    }
    if (lang) {
        out += ',';
        append_json_string(out, item.lang);
    }
    if (hint) {
        out += ',';
        append_json_string(out, item.hint);
    }
    return out;
}

}  // namespace

const std::string& changes() {
    const auto& items = ui_registry::last_items();
    const float scale = ui_registry::pixels_per_css();
    std::unordered_map<std::string, std::string> current;
    current.reserve(items.size());
    std::vector<std::string> order;
    order.reserve(items.size());
    std::unordered_map<std::string, int> seen;
    std::string focus;
    std::string set;
    std::vector<std::string> notices;
    std::string said;
    const DataTables tables = data_tables(items);
    for (const ui_registry::Item& item : items) {
        // A notice is said even while scrolled out of view (and not again when it scrolls in).
        if (is_notice(item) && !item.value.empty()) {
            if (std::find(g_sent_notices.begin(), g_sent_notices.end(), item.value) == g_sent_notices.end() &&
                std::find(notices.begin(), notices.end(), item.value) == notices.end()) {
                said += said.empty() ? "" : ",";
                append_json_string(said, item.value);
            }
            notices.push_back(item.value);
        }
        if (!mirrored(item)) continue;
        // Ids repeat now and then (the same pager twice): the second is "<id>#2".
        const int occurrence = ++seen[item.id];
        std::string key = occurrence == 1 ? item.id : item.id + "#" + std::to_string(occurrence);
        std::string record = record_of(item, scale, tables);
        const auto sent = g_sent.find(key);
        if (sent == g_sent.end() || sent->second != record) {
            set += set.empty() ? "[" : ",[";
            append_json_string(set, key);
            set += ',';
            set += record;
            set += ']';
        }
        if (focus.empty() && (item.focused || (item.active && item.kind == "input"))) focus = key;
        order.push_back(key);
        current.emplace(std::move(key), std::move(record));
    }
    std::string deleted;
    for (const auto& [key, record] : g_sent) {
        if (current.count(key)) continue;
        deleted += deleted.empty() ? "" : ",";
        append_json_string(deleted, key);
    }
    g_changes.clear();
    const bool order_changed = order != g_sent_order;
    if (set.empty() && deleted.empty() && !order_changed && focus == g_sent_focus && g_page == g_sent_page &&
        said.empty())
        return g_changes;
    g_changes = "{\"set\":[" + set + "],\"del\":[" + deleted + "]";
    if (order_changed) {
        g_changes += ",\"order\":[";
        for (std::size_t index = 0; index < order.size(); ++index) {
            if (index) g_changes += ',';
            append_json_string(g_changes, order[index]);
        }
        g_changes += ']';
    }
    if (focus != g_sent_focus) {
        g_changes += ",\"focus\":";
        append_json_string(g_changes, focus);
    }
    if (g_page != g_sent_page) {
        const bool form = !g_page.empty() && g_page.back() == '!';
        g_changes += ",\"page\":{\"name\":";
        append_json_string(g_changes, form ? std::string_view(g_page).substr(0, g_page.size() - 1) : std::string_view(g_page));
        g_changes += form ? ",\"form\":true}" : ",\"form\":false}";
    }
    if (!said.empty()) g_changes += ",\"say\":[" + said + "]";
    g_changes += '}';
    g_sent.swap(current);
    g_sent_order.swap(order);
    g_sent_focus = focus;
    g_sent_page = g_page;
    g_sent_notices.swap(notices);
    return g_changes;
}

bool scroll_into_view(std::string_view key) {
    std::unordered_map<std::string, int> seen;
    for (const ui_registry::Item& item : ui_registry::last_items()) {
        if (!mirrored(item)) continue;
        const int occurrence = ++seen[item.id];
        const bool same = occurrence == 1 ? key == item.id : key == item.id + "#" + std::to_string(occurrence);
        if (!same) continue;
        if (!item.drawn_in) return false;
        // As Tab does for a field (widgets/field_kind.hpp): as little scrolling as brings it into
        // view, in its window and in the windows around that one.
        ImGui::ScrollToRect(item.drawn_in, item.rect, ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
        return true;
    }
    return false;
}

void set_page(std::string_view page, bool form) {
    std::string name(page);
    if (form) name += '!';
    if (g_page != name) g_page = std::move(name);
}

void reset() {
    g_sent.clear();
    g_sent_order.clear();
    g_sent_focus.clear();
    g_sent_page.clear();
    g_sent_notices.clear();
}

}  // namespace kimonet::text_layer
