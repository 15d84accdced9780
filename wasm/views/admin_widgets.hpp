#pragma once
// Pieces the administration and portal screens share: a field's server message, a multi-line
// text field, a "value + Salin" row that copies to the system clipboard, local timestamps, a row of
// tab buttons and a small two-step confirmation.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace kimonet {

// The (translated) message for `field` in `errors`, "" when there is none.
std::string field_error(const FieldErrors& errors, const std::string& field);
// Every message of `errors` as "field: message" lines (for the banner of a form).
std::string all_field_errors(const FieldErrors& errors);

// A labelled multi-line text field `height` tall; returns true when the text changed. In the browser
// it edits through a real <textarea> of the page (widgets/field_kind.hpp: IME, emoji picker,
// dictation): Enter is a new line there, and Ctrl+Enter sets `*submitted` (the form's Save).
bool multiline_field(const char* id, const char* label, std::string& value, float height, const std::string& error = {},
                     bool* submitted = nullptr);

// "label / value [Salin]": the value in the strong font and a button copying it (ids "<id>" and
// "<id>.copy"); the button says "Disalin" for a moment after a copy.
void copy_row(const std::string& id, const char* label, const std::string& value);

// Unix seconds → "15 Januari 2026 09:30" in the ISP's time zone (i18n::time_zone()).
std::string format_unix_time(std::int64_t unix_seconds);

// A row of buttons acting as tabs; returns true when `current` changed. Ids "<prefix>.<index>".
bool tab_row(const char* prefix, const std::vector<std::string>& labels, int& current);

}  // namespace kimonet
