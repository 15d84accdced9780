#pragma once
// The frame shared by the create/edit forms: a centred modal (full screen on phones) with a
// title, a scrolling body and a footer holding the error banner, Cancel and Save.
#include <string>

#include "core/error.hpp"

namespace kimonet {

struct ApiResponse;

enum class FormAction { None, Save, Cancel };

// Returns false when the modal is closed (then call nothing else).
bool begin_form_modal(const char* popup, const char* title_id, const std::string& title, float max_width);
// The scrolling body leaves room for a footer showing `banner`; always pair with end_form_body().
bool begin_form_body(const char* id, const std::string& banner);
void end_form_body();
// Ids: "<prefix>.save", "<prefix>.cancel", "<prefix>.banner".
FormAction draw_form_footer(const char* prefix, const std::string& banner, bool busy);
void end_form_modal();

// What a create/edit modal keeps between frames besides its fields: open/close requests, whether
// a save is on its way, whether Save was pressed (errors show from then on), the server's field
// errors and the banner.
struct FormModalState {
    bool editing = false;
    bool open_requested = false;
    bool close_requested = false;
    bool visible = false;  // drawn last frame and not closed since
    bool busy = false;
    bool submitted = false;
    FieldErrors server_errors;
    std::string banner;         // catalogue key, or "error.<code>"
    std::string banner_detail;  // the server's message, for errors the catalogue does not know

    // Asks for the modal to open on the next frame, clearing what the last one left behind.
    void request_open();
    // Open, or opening: what the screen's address names (#/packages/new).
    bool is_open() const { return open_requested || (visible && !close_requested); }
    // Closes it on the next frame, as Cancel does (back from #/packages/3/edit to #/packages).
    void close() {
        open_requested = false;
        if (visible) close_requested = true;
    }
    // Save pressed: false (with the banner set) while `live` has errors.
    bool accept_submit(const FieldErrors& live);
    void saved() { busy = false; close_requested = true; }
    // A refused save: the server's field errors go under their fields, the rest into the banner.
    void refused(const ApiResponse& response);
    std::string banner_text() const;
    // The message under `field`: the server's, else the live check's once the field has a value
    // or Save was pressed.
    std::string field_error(const FieldErrors& live, const char* field, bool has_value) const;
    // Opens/closes the popup as requested and begins the modal; false when closed (draw nothing).
    bool begin(const char* popup, const char* title_id, const std::string& title, float max_width);
    // The footer (banner, Cancel closes, Save) and the end of the modal; true when Save was pressed.
    bool end(const char* prefix, const std::string& banner);
};

}  // namespace kimonet
