#pragma once
// The customer's signature as drawn with a finger on the technician's phone: strokes of points in
// a box, rendered as a black-on-white 1-bit PNG (a few kilobytes), the image the server stores as
// the job's proof. Pure: the browser renders it, the tests decode it.
#include <cstdint>
#include <string>
#include <vector>

namespace kimonet::field {

struct SignaturePoint {
    float x = 0.f, y = 0.f;  // inside the box: 0 <= x < width, 0 <= y < height
};
using SignatureStroke = std::vector<SignaturePoint>;

inline constexpr int kSignatureWidth = 600;
inline constexpr int kSignatureHeight = 240;

// A 1-bit greyscale PNG of `width` x `height` (1..4096) with the strokes drawn `pen` pixels wide;
// points outside the box are clipped. A stroke of one point is a dot.
std::string signature_png(const std::vector<SignatureStroke>& strokes, int width = kSignatureWidth, int height = kSignatureHeight,
                          int pen = 4);
// The CRC-32 PNG chunks carry (ISO 3309), exposed for the tests that read the image back.
std::uint32_t png_crc32(const std::string& bytes);

}  // namespace kimonet::field
