#pragma once
// Text fields edit through a real, positioned <input> in the browser (web/text_layer.js): IME
// composition, the emoji picker, dictation, paste and password managers are the browser's. The
// page takes each field's keyboard and autofill hints from its kind; a view marks the fields that
// are not plain text (a phone gets the phone keypad, the login's password is "current-password").
//
// The page's edits come back through page_typed() and land in the field's std::string the next
// time form_widgets draws it (the ImGui widget only shows the text and keeps focus then: it is
// read-only for keys while the page edits).
#include <optional>
#include <string>
#include <string_view>

namespace kimonet::widgets {

enum class FieldKind {
    Text,
    Amount,           // inputmode=numeric
    Phone,            // type=tel
    Email,            // type=email
    Username,         // autocomplete=username (the login)
    Password,         // a secret that is not the user's own (PPPoE, router): never autofilled
    CurrentPassword,  // autocomplete=current-password (the login)
    NewPassword,      // autocomplete=new-password (the password change)
    Code,             // autocomplete=one-time-code, inputmode=numeric (two-factor)
    Submit,           // a button: the submit button of the form its fields are in
    Multiline,        // a <textarea>: Enter is a new line, Ctrl+Enter submits (multiline_field marks it)
};

// Marks a field (or the submit button) drawn under this registry id; unmarked fields are Text.
void mark_field(std::string_view id, FieldKind kind);

}  // namespace kimonet::widgets

namespace kimonet::dom_fields {

using widgets::FieldKind;

// On when the page has its text layer (the real inputs live there); off in the headless tests
// unless a test turns it on.
void set_enabled(bool enabled);
bool enabled();

// Fields drawn through widgets::text_field/password_field (and multiline_field): real inputs on the page.
void note_real_input(std::string_view id);
bool is_real_input(std::string_view id);
FieldKind kind_of(std::string_view id);

// From the page (web/text_layer.js through platform/dom_fields_bridge.cpp).
void page_typed(std::string_view id, std::string_view value);  // the input's whole value
void page_focused(std::string_view id);                        // the input got focus
void page_blurred(std::string_view id);                        // focus left it
void page_submitted(std::string_view id);                      // Ctrl+Enter in a <textarea>

// For the widget: the page's latest value (once), whether to take ImGui focus, to drop it.
std::optional<std::string> take_value(std::string_view id);
bool take_focus_request(std::string_view id);
bool take_blur(std::string_view id);
bool take_submit(std::string_view id);

// Forgets everything (tests).
void reset();

}  // namespace kimonet::dom_fields
