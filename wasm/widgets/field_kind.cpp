#include "widgets/field_kind.hpp"

#include <set>
#include <unordered_map>

namespace kimonet {
namespace {

bool g_enabled = false;
// Ids are stable registry ids ("customer_form.phone"), a few dozen in the whole app.
std::unordered_map<std::string, widgets::FieldKind> g_kinds;
std::set<std::string, std::less<>> g_real_inputs;
std::unordered_map<std::string, std::string> g_typed;
std::set<std::string, std::less<>> g_focus_requests;
std::set<std::string, std::less<>> g_blurs;
std::set<std::string, std::less<>> g_submits;

bool take(std::set<std::string, std::less<>>& from, std::string_view id) {
    const auto found = from.find(id);
    if (found == from.end()) return false;
    from.erase(found);
    return true;
}

}  // namespace

void widgets::mark_field(std::string_view id, FieldKind kind) {
    const auto found = g_kinds.find(std::string(id));
    if (found == g_kinds.end()) g_kinds.emplace(std::string(id), kind);
    else found->second = kind;
}

namespace dom_fields {

void set_enabled(bool enabled) { g_enabled = enabled; }
bool enabled() { return g_enabled; }

void note_real_input(std::string_view id) {
    if (g_real_inputs.find(id) == g_real_inputs.end()) g_real_inputs.emplace(id);
}

bool is_real_input(std::string_view id) { return g_real_inputs.find(id) != g_real_inputs.end(); }

FieldKind kind_of(std::string_view id) {
    const auto found = g_kinds.find(std::string(id));
    return found == g_kinds.end() ? FieldKind::Text : found->second;
}

void page_typed(std::string_view id, std::string_view value) { g_typed[std::string(id)] = std::string(value); }

void page_focused(std::string_view id) {
    g_blurs.erase(std::string(id));
    g_focus_requests.emplace(id);
}

void page_blurred(std::string_view id) {
    g_focus_requests.erase(std::string(id));
    g_blurs.emplace(id);
}

void page_submitted(std::string_view id) { g_submits.emplace(id); }

std::optional<std::string> take_value(std::string_view id) {
    const auto found = g_typed.find(std::string(id));
    if (found == g_typed.end()) return std::nullopt;
    std::string value = std::move(found->second);
    g_typed.erase(found);
    return value;
}

bool take_focus_request(std::string_view id) { return take(g_focus_requests, id); }
bool take_blur(std::string_view id) { return take(g_blurs, id); }
bool take_submit(std::string_view id) { return take(g_submits, id); }

void reset() {
    g_enabled = false;
    g_kinds.clear();
    g_real_inputs.clear();
    g_typed.clear();
    g_focus_requests.clear();
    g_blurs.clear();
    g_submits.clear();
}

}  // namespace dom_fields
}  // namespace kimonet
