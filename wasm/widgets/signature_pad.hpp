#pragma once
// A box the customer signs in with a finger (or the mouse): each press-drag-release is a stroke;
// the strokes are kept in the box's own coordinates (field::kSignatureWidth x kSignatureHeight),
// whatever size the box is drawn at, so field::signature_png renders them the same on any phone.
// Reported to the registry as kind "signature" with the stroke count as its value.
#include <vector>

#include "field/signature_image.hpp"

namespace kimonet::widgets {

struct SignatureStrokes {
    std::vector<field::SignatureStroke> strokes;
    bool empty() const { return strokes.empty(); }
};

// Draws the box full width at the signature's aspect ratio and takes the finger's strokes.
void signature_pad(const char* id, const char* label, SignatureStrokes& signature);

}  // namespace kimonet::widgets
