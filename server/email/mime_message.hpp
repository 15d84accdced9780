#pragma once
// Email messages built by hand (RFC 5322 headers, RFC 2045/2046 MIME, RFC 2047 encoded words):
// multipart/mixed of a multipart/alternative (text/plain and text/html, UTF-8, Base64) and the
// attachments (Base64 in 76-character lines, RFC 2045 §6.8). Every header value is checked for
// CR/LF/NUL before it is written, so a name or address typed into a form cannot add a header.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace kimonet::email {

struct MimeAttachment {
    std::string filename;  // ASCII (an invoice number + ".pdf")
    std::string mime_type = "application/pdf";
    std::string bytes;
};

struct MimeEmail {
    std::string from_name;     // "Kimonet Net" (may be non-ASCII: encoded)
    std::string from_address;  // billing@kimonet.id
    std::string to_name;
    std::string to_address;
    std::string subject;       // may be non-ASCII (Indonesian): RFC 2047 encoded
    std::string text;          // UTF-8
    std::string html;          // UTF-8; empty: text/plain only
    std::vector<MimeAttachment> attachments;
    std::int64_t date = 0;     // Unix seconds (the Clock's now)
    UtcOffset offset;          // the Date header's zone (+0700)
    std::string message_token; // unique part of the Message-ID (random)
};

// The whole message with CRLF line ends, ready for SMTP DATA; 422 when a header value carries
// CR, LF or NUL or an address is not one.
Result<std::string> build_mime_message(const MimeEmail& email);

// Base64 in lines of at most 76 characters, each ended by CRLF.
std::string base64_lines(std::string_view bytes);
// A header text as is when printable ASCII, else RFC 2047 "=?UTF-8?B?…?=" words (each at most 75
// characters, split on UTF-8 character boundaries) folded onto continuation lines.
std::string encode_header_text(std::string_view text);
// RFC 5322 date: "Sun, 06 Dec 2026 18:23:48 +0700".
std::string rfc5322_date(std::int64_t unix_seconds, UtcOffset offset);
// True when `text` has no CR, LF or NUL (safe inside one header line).
bool header_safe(std::string_view text);
// A plain mailbox address (local@domain, ASCII, no spaces, quotes, angle brackets or control
// characters, at most 254 characters, a dotted domain); the normalised (trimmed, domain lower-case)
// address or nullopt.
std::optional<std::string> normalized_email_address(std::string_view text);

}  // namespace kimonet::email
