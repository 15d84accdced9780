#pragma once
// The HTTP side of serving the app's files precompressed: which encoding a client accepts
// (Accept-Encoding), whether its cached copy is still current (If-None-Match), and whether a
// precompressed file really is its source compressed (a stale app.wasm.br left by an older build
// would otherwise be served as the current app).
#include <string>
#include <string_view>
#include <vector>

namespace kimonet::http {

enum class ContentCoding { Identity, Gzip, Brotli };

// "br", "gzip" or "" for identity: the Content-Encoding value and the variant file's suffix base.
std::string_view coding_name(ContentCoding coding);
// ".br", ".gz" or "".
std::string_view coding_suffix(ContentCoding coding);

// The codings `accept_encoding` allows, best first (higher q first, brotli before gzip when
// equal); identity is never listed. A malformed element is ignored, never the whole header; an
// overlong header (more than kMaxAcceptEncoding bytes) counts as absent.
std::vector<ContentCoding> accepted_codings(std::string_view accept_encoding);
constexpr std::size_t kMaxAcceptEncoding = 1024;

// True when `if_none_match` ("*" or a list of entity tags, weak or strong) names `etag`
// (weak comparison, RFC 9110 section 13.1.2).
bool etag_listed(std::string_view if_none_match, std::string_view etag);

// True when `compressed` decodes under `coding` to exactly `source`. Decoding stops as soon as
// it produces more bytes than `source` has, so a mismatching or hostile file costs no more than
// the source's size.
bool decodes_to(ContentCoding coding, std::string_view compressed, std::string_view source);

}  // namespace kimonet::http
