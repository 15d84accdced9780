#include "field/signature_image.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace kimonet::field {

namespace {

std::array<std::uint32_t, 256> signature_crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}

void append_be32(std::string& out, std::uint32_t value) {
    out.push_back(static_cast<char>(value >> 24));
    out.push_back(static_cast<char>(value >> 16));
    out.push_back(static_cast<char>(value >> 8));
    out.push_back(static_cast<char>(value));
}

void append_png_chunk(std::string& out, const char* type, const std::string& data) {
    append_be32(out, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type, 4) + data;
    out += typed;
    append_be32(out, png_crc32(typed));
}

// zlib around stored (uncompressed) deflate blocks: the ink is sparse, but a 1-bit image is small
// enough (600 x 240 is 18 KB) that compressing it is not worth a compressor in the browser.
std::string zlib_stored(const std::string& data) {
    std::string out{"\x78\x01", 2};
    std::size_t offset = 0;
    do {
        const std::size_t length = std::min<std::size_t>(65535, data.size() - offset);
        const bool last = offset + length == data.size();
        out.push_back(last ? 1 : 0);
        out.push_back(static_cast<char>(length & 0xff));
        out.push_back(static_cast<char>(length >> 8));
        out.push_back(static_cast<char>(~length & 0xff));
        out.push_back(static_cast<char>((~length >> 8) & 0xff));
        out.append(data, offset, length);
        offset += length;
    } while (offset < data.size());
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : data) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    append_be32(out, (b << 16) | a);
    return out;
}

struct InkCanvas {
    int width, height;
    std::vector<bool> ink;
    void stamp(float cx, float cy, float radius) {
        const int x0 = std::max(0, static_cast<int>(std::floor(cx - radius))), x1 = std::min(width - 1, static_cast<int>(std::ceil(cx + radius)));
        const int y0 = std::max(0, static_cast<int>(std::floor(cy - radius))), y1 = std::min(height - 1, static_cast<int>(std::ceil(cy + radius)));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) ink[static_cast<std::size_t>(y) * width + x] = true;
    }
};

}  // namespace

std::uint32_t png_crc32(const std::string& bytes) {
    static const auto table = signature_crc_table();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char byte : bytes) c = table[(c ^ byte) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string signature_png(const std::vector<SignatureStroke>& strokes, int width, int height, int pen) {
    width = std::clamp(width, 1, 4096);
    height = std::clamp(height, 1, 4096);
    InkCanvas canvas{width, height, std::vector<bool>(static_cast<std::size_t>(width) * height, false)};
    const float radius = std::max(0.5f, pen / 2.f);
    for (const auto& stroke : strokes) {
        for (std::size_t i = 0; i < stroke.size(); ++i) {
            const SignaturePoint from = stroke[i == 0 ? 0 : i - 1], to = stroke[i];
            const float length = std::hypot(to.x - from.x, to.y - from.y);
            const int steps = std::max(1, static_cast<int>(std::ceil(length * 2)));
            for (int step = 0; step <= steps && steps <= 20000; ++step) {
                const float t = static_cast<float>(step) / steps;
                canvas.stamp(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t, radius);
            }
        }
    }
    const std::size_t row_bytes = (static_cast<std::size_t>(width) + 7) / 8;
    std::string raw;
    raw.reserve((row_bytes + 1) * height);
    for (int y = 0; y < height; ++y) {
        raw.push_back(0);  // filter: none
        for (std::size_t byte = 0; byte < row_bytes; ++byte) {
            unsigned char bits = 0xff;  // white
            for (int bit = 0; bit < 8; ++bit) {
                const std::size_t x = byte * 8 + bit;
                if (x < static_cast<std::size_t>(width) && canvas.ink[static_cast<std::size_t>(y) * width + x]) bits &= ~(0x80 >> bit);
            }
            raw.push_back(static_cast<char>(bits));
        }
    }
    std::string png{"\x89PNG\r\n\x1a\n", 8};
    std::string header;
    append_be32(header, static_cast<std::uint32_t>(width));
    append_be32(header, static_cast<std::uint32_t>(height));
    header += std::string("\x01\x00\x00\x00\x00", 5);  // bit depth 1, greyscale, deflate, no filter, no interlace
    append_png_chunk(png, "IHDR", header);
    append_png_chunk(png, "IDAT", zlib_stored(raw));
    append_png_chunk(png, "IEND", "");
    return png;
}

}  // namespace kimonet::field
