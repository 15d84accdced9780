#include "http/static_encoding.hpp"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>

namespace kimonet::http {

std::string_view coding_name(ContentCoding coding) {
    switch (coding) {
        case ContentCoding::Brotli: return "br";
        case ContentCoding::Gzip: return "gzip";
        case ContentCoding::Identity: break;
    }
    return "";
}

std::string_view coding_suffix(ContentCoding coding) {
    switch (coding) {
        case ContentCoding::Brotli: return ".br";
        case ContentCoding::Gzip: return ".gz";
        case ContentCoding::Identity: break;
    }
    return "";
}

namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// A qvalue (RFC 9110 section 12.4.2) in thousandths: "0", "0.5", "1", "1.000"; nullopt otherwise.
std::optional<int> parse_qvalue(std::string_view text) {
    if (text.empty() || text.size() > 5 || (text[0] != '0' && text[0] != '1')) return std::nullopt;
    int value = (text[0] - '0') * 1000;
    if (text.size() == 1) return value;
    if (text[1] != '.') return std::nullopt;
    int scale = 100;
    for (const char digit : text.substr(2)) {
        if (digit < '0' || digit > '9') return std::nullopt;
        value += (digit - '0') * scale;
        scale /= 10;
    }
    return value <= 1000 ? std::optional<int>(value) : std::nullopt;
}

// One element "name[;q=v][;other]": its name and weight, or nullopt when it is malformed.
std::optional<std::pair<std::string_view, int>> parse_element(std::string_view element) {
    const auto semicolon = element.find(';');
    const std::string_view name = trimmed(element.substr(0, semicolon));
    if (name.empty()) return std::nullopt;
    int weight = 1000;
    std::string_view rest = semicolon == std::string_view::npos ? std::string_view() : element.substr(semicolon + 1);
    while (!rest.empty()) {
        const auto next = rest.find(';');
        const std::string_view parameter = trimmed(rest.substr(0, next));
        rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
        if (parameter.size() < 2 || !equals_ignoring_case(parameter.substr(0, 2), "q=")) continue;
        const auto parsed = parse_qvalue(parameter.substr(2));
        if (!parsed) return std::nullopt;
        weight = *parsed;
    }
    return std::pair{name, weight};
}

}  // namespace

std::vector<ContentCoding> accepted_codings(std::string_view accept_encoding) {
    if (accept_encoding.size() > kMaxAcceptEncoding) return {};
    int brotli = -1, gzip = -1, any = -1;  // -1: not named
    while (!accept_encoding.empty()) {
        const auto comma = accept_encoding.find(',');
        const auto element = parse_element(accept_encoding.substr(0, comma));
        accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
        if (!element) continue;
        const auto [name, weight] = *element;
        if (equals_ignoring_case(name, "br")) brotli = weight;
        else if (equals_ignoring_case(name, "gzip") || equals_ignoring_case(name, "x-gzip")) gzip = weight;
        else if (name == "*") any = weight;
    }
    if (brotli < 0) brotli = any;
    if (gzip < 0) gzip = any;
    std::vector<ContentCoding> codings;
    if (brotli > 0 && brotli >= gzip) codings.push_back(ContentCoding::Brotli);
    if (gzip > 0) codings.push_back(ContentCoding::Gzip);
    if (brotli > 0 && brotli < gzip) codings.push_back(ContentCoding::Brotli);
    return codings;
}

bool etag_listed(std::string_view if_none_match, std::string_view etag) {
    const auto opaque = [](std::string_view tag) { return tag.starts_with("W/") ? tag.substr(2) : tag; };
    if (trimmed(if_none_match) == "*") return true;
    while (!if_none_match.empty()) {
        const auto comma = if_none_match.find(',');
        if (opaque(trimmed(if_none_match.substr(0, comma))) == opaque(etag)) return true;
        if_none_match = comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    }
    return false;
}

namespace {

// Compares decoded output with `source` chunk by chunk, never holding more than one chunk.
struct DecodedComparison {
    std::string_view source;
    std::size_t produced = 0;
    bool same = true;

    void take(const std::uint8_t* bytes, std::size_t size) {
        if (!same) return;
        if (size > source.size() - produced || std::memcmp(bytes, source.data() + produced, size) != 0) {
            same = false;
            return;
        }
        produced += size;
    }
    bool complete() const { return same && produced == source.size(); }
};

bool brotli_decodes_to(std::string_view compressed, std::string_view source) {
    std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> decoder(
        BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
    if (!decoder) return false;
    DecodedComparison comparison{source};
    std::array<std::uint8_t, 65536> chunk{};
    auto input = reinterpret_cast<const std::uint8_t*>(compressed.data());
    std::size_t input_left = compressed.size();
    for (;;) {
        std::uint8_t* output = chunk.data();
        std::size_t output_left = chunk.size();
        const auto result = BrotliDecoderDecompressStream(decoder.get(), &input_left, &input, &output_left, &output, nullptr);
        comparison.take(chunk.data(), chunk.size() - output_left);
        if (!comparison.same) return false;
        if (result == BROTLI_DECODER_RESULT_SUCCESS) return input_left == 0 && comparison.complete();
        if (result != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) return false;  // truncated or corrupt
    }
}

bool gzip_decodes_to(std::string_view compressed, std::string_view source) {
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return false;  // 16+: a gzip wrapper only
    std::unique_ptr<z_stream, int (*)(z_stream*)> owner(&stream, inflateEnd);
    DecodedComparison comparison{source};
    std::array<std::uint8_t, 65536> chunk{};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    if (compressed.size() != stream.avail_in) return false;  // larger than zlib's counter
    for (;;) {
        stream.next_out = chunk.data();
        stream.avail_out = static_cast<uInt>(chunk.size());
        const int result = inflate(&stream, Z_NO_FLUSH);
        comparison.take(chunk.data(), chunk.size() - stream.avail_out);
        if (!comparison.same) return false;
        if (result == Z_STREAM_END) return stream.avail_in == 0 && comparison.complete();
        if (result != Z_OK) return false;  // truncated (Z_BUF_ERROR) or corrupt
    }
}

}  // namespace

bool decodes_to(ContentCoding coding, std::string_view compressed, std::string_view source) {
    switch (coding) {
        case ContentCoding::Brotli: return brotli_decodes_to(compressed, source);
        case ContentCoding::Gzip: return gzip_decodes_to(compressed, source);
        case ContentCoding::Identity: break;
    }
    return compressed == source;
}

}  // namespace kimonet::http
