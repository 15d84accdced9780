#pragma once
// The frame shared by the create/edit forms: a centred modal (full screen on phones) with a
// title, a scrolling body and a footer holding the error banner, Cancel and Save.
#include <string>

namespace kimonet {

enum class FormAction { None, Save, Cancel };

// Returns false when the modal is closed (then call nothing else).
bool begin_form_modal(const char* popup, const char* title_id, const std::string& title, float max_width);
// The scrolling body leaves room for a footer showing `banner`; always pair with end_form_body().
bool begin_form_body(const char* id, const std::string& banner);
void end_form_body();
// Ids: "<prefix>.save", "<prefix>.cancel", "<prefix>.banner".
FormAction draw_form_footer(const char* prefix, const std::string& banner, bool busy);
void end_form_modal();

}  // namespace kimonet
