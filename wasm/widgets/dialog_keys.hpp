#pragma once
// Esc, the way a web page's dialogs and drop-downs take it: the thing in front closes, and only
// that. One press is taken once: an open drop-down inside a dialog takes it before the dialog
// (whichever of the two is drawn first), and a dialog under another dialog never sees it. Focus
// going back to what opened the dialog, and Tab kept inside it, are the text layer's
// (web/text_layer.js, for every modal, role=dialog).
namespace kimonet::widgets {

// Inside a modal (between BeginPopupModal and EndPopup, in its window or a child of it): true on
// the frame Esc went down when this modal is the popup in front. The caller does what its Cancel
// (or Close) does — never what its confirm does.
bool dialog_escape();

// Inside an open drop-down's popup (BeginCombo returned true): true when Esc went down and the
// drop-down is in front; the caller closes it (ImGui::CloseCurrentPopup()).
bool popup_escape();

}  // namespace kimonet::widgets
