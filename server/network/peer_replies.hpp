#pragma once
// What we take from a peer we connect to (a payment gateway, a WhatsApp provider, a router's REST
// API, a URL a setting points at): the one bound on a reply's size, shared by the libcurl clients,
// and how a peer's own words are kept for the database, the logs and the admin screens. A peer may
// be compromised, misconfigured or broken; none of this trusts it to be small or printable.
#include <cstddef>
#include <string>
#include <string_view>

namespace kimonet::network {

// The largest HTTP reply body we keep. Gateways and WhatsApp providers answer in a few hundred
// bytes (a QR code as a data: URI in a few KB); a router's /ppp/secret print of ~20,000 secrets
// over REST fits. Over it the transfer is cut off and the call fails like any bad reply.
inline constexpr std::size_t kMaxPeerReplyBytes = 4 * 1024 * 1024;
// The most header bytes (all lines of one reply together) we read before giving up on it.
inline constexpr std::size_t kMaxPeerHeaderBytes = 64 * 1024;
// The most of a peer's own words (an error body, a refusal) kept in the database or a log line.
inline constexpr std::size_t kMaxPeerWords = 1000;
// The most of one message (ours, perhaps carrying a peer's words) written to the server's log
// (stderr, often a terminal): see terminal_line.
inline constexpr std::size_t kMaxLogLine = 4096;

// A libcurl reply collector: CURLOPT_WRITEFUNCTION = collect_bounded and CURLOPT_HEADERFUNCTION =
// count_headers_bounded, both with &bounded as their data. Returning short of the whole chunk makes
// libcurl abort the transfer (CURLE_WRITE_ERROR); `too_large` then says why.
struct BoundedBody {
    std::string* body = nullptr;
    std::size_t limit = kMaxPeerReplyBytes;
    std::size_t header_bytes = 0;
    bool too_large = false;
};
std::size_t collect_bounded(char* data, std::size_t size, std::size_t count, void* bounded_body);
// Keeps nothing, counts the header lines against kMaxPeerHeaderBytes (libcurl keeps every header
// of a reply for its headers API, so endless headers would grow without this).
std::size_t count_headers_bounded(char* data, std::size_t size, std::size_t count, void* bounded_body);

// `text` fit to keep and to print: control characters (ESC of an ANSI sequence, CR, LF, NUL, DEL,
// C1) as \xHH, bytes that are not UTF-8 as U+FFFD, at most `limit` bytes, never cutting a
// character in two, and "…" when something was cut off.
std::string peer_words(std::string_view text, std::size_t limit = kMaxPeerWords);
// A message fit for one line of the server's log: peer_words with kMaxLogLine, so whatever a peer
// slipped into an error can neither start a forged line nor drive the operator's terminal.
inline std::string terminal_line(std::string_view message) { return peer_words(message, kMaxLogLine); }

}  // namespace kimonet::network
