#pragma once
// Small, structurally whole images for upload tests (attachments: photos, signatures), built from
// the formats' published layouts: PNG (signature, IHDR, IDAT, IEND), baseline JPEG (SOI, APP0,
// SOF0, SOS, scan bytes, EOI) and lossless WebP (RIFF, WEBP, VP8L). `padding` grows the image
// data, for size limits. The pixels are not decoded by the server, only the structure is checked.
#include <cstdint>
#include <string>

namespace kimonet::testing {

inline std::string png_chunk(const std::string& type, const std::string& data) {
    std::string chunk;
    const auto length = static_cast<std::uint32_t>(data.size());
    for (int shift = 24; shift >= 0; shift -= 8) chunk += static_cast<char>((length >> shift) & 0xff);
    chunk += type + data + std::string(4, '\0');  // CRC (not checked by readers that only sniff)
    return chunk;
}

inline std::string test_png(std::size_t padding = 16) {
    const std::string header("\x00\x00\x00\x20\x00\x00\x00\x20\x08\x06\x00\x00\x00", 13);  // 32x32 RGBA
    return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", header) + png_chunk("IDAT", std::string(padding, '\x11')) + png_chunk("IEND", "");
}

inline std::string test_jpeg(std::size_t padding = 16) {
    std::string bytes("\xff\xd8", 2);
    bytes += std::string("\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);  // APP0
    bytes += std::string("\xff\xc0\x00\x0b\x08\x00\x20\x00\x20\x01\x01\x11\x00", 13);        // SOF0 32x32, one component
    bytes += std::string("\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00", 10);                   // SOS
    bytes += std::string(padding, '\x22');
    bytes += std::string("\xff\xd9", 2);
    return bytes;
}

inline std::string test_webp(std::size_t padding = 16) {
    auto little_endian = [](std::uint32_t value) {
        std::string out;
        for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((value >> shift) & 0xff);
        return out;
    };
    std::string data = std::string("\x2f\x1f\xc0\x07\x00", 5) + std::string(padding, '\x33');  // VP8L signature, 32x32
    if (data.size() % 2) data += '\0';
    const std::string chunk = "VP8L" + little_endian(static_cast<std::uint32_t>(data.size())) + data;
    return "RIFF" + little_endian(static_cast<std::uint32_t>(4 + chunk.size())) + "WEBP" + chunk;
}

}  // namespace kimonet::testing
