#include "email/mime_message.hpp"

#include <cstdio>

#include "core/email_messages.hpp"
#include "core/validation_messages.hpp"
#include "security/base64.hpp"

namespace kimonet::email {

namespace {

constexpr std::size_t kMimeLineLength = 76;

bool printable_ascii(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c > 0x7e) return false;
    return true;
}

// RFC 2047 §5(3) for a display name: an atom or a quoted string; plain ASCII names with
// specials are quoted, anything else becomes encoded words.
std::string mailbox(std::string_view name, std::string_view address) {
    if (name.empty()) return "<" + std::string(address) + ">";
    if (!printable_ascii(name)) return encode_header_text(name) + " <" + std::string(address) + ">";
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "\" <" + std::string(address) + ">";
}

std::string mime_boundary(std::string_view token, const char* part) {
    return "=_kimonet_" + std::string(part) + "_" + std::string(token);
}

std::string text_part(std::string_view subtype, std::string_view text) {
    std::string part = "Content-Type: text/" + std::string(subtype) + "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    return part + base64_lines(text);
}

}  // namespace

std::string base64_lines(std::string_view bytes) {
    const std::string encoded = security::base64(bytes);
    std::string out;
    out.reserve(encoded.size() + encoded.size() / kMimeLineLength * 2 + 2);
    for (std::size_t index = 0; index < encoded.size(); index += kMimeLineLength) {
        out.append(encoded, index, kMimeLineLength);
        out += "\r\n";
    }
    return out;
}

std::string encode_header_text(std::string_view text) {
    if (printable_ascii(text)) return std::string(text);
    // "=?UTF-8?B?" + "?=" is 12 characters; 45 bytes of text make 60 of Base64: 72 < 75.
    constexpr std::size_t kChunk = 45;
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + kChunk);
        // Never split a UTF-8 character: back off continuation bytes (10xxxxxx).
        while (end < text.size() && end > start + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + security::base64(text.substr(start, end - start)) + "?=";
        start = end;
    }
    return out;
}

std::string rfc5322_date(std::int64_t unix_seconds, UtcOffset offset) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const LocalDateTime local = local_from_unix(unix_seconds, offset);
    const int minutes = offset.minutes < 0 ? -offset.minutes : offset.minutes;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d", kDays[weekday(local.date)], local.date.day,
                  kMonths[local.date.month - 1], local.date.year, local.hour, local.minute, local.second, offset.minutes < 0 ? '-' : '+',
                  minutes / 60, minutes % 60);
    return buffer;
}

bool header_safe(std::string_view text) {
    return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

std::optional<std::string> normalized_email_address(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty() || text.size() > 254) return std::nullopt;
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || at > 64 || text.find('@', at + 1) != std::string_view::npos) return std::nullopt;
    for (unsigned char c : text) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                             std::string_view("!#$%&'*+-/=?^_`{|}~.@").find(static_cast<char>(c)) != std::string_view::npos;
        if (!allowed) return std::nullopt;
    }
    std::string domain(text.substr(at + 1));
    const auto dot = domain.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 2 > domain.size() || domain.front() == '.' || domain.find("..") != std::string::npos)
        return std::nullopt;
    for (char& c : domain) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return std::nullopt;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return std::string(text.substr(0, at + 1)) + domain;
}

Result<std::string> build_mime_message(const MimeEmail& email) {
    FieldErrors fields;
    if (!normalized_email_address(email.from_address)) fields["smtp_from"] = messages::kEmail;
    if (!normalized_email_address(email.to_address)) fields["to"] = messages::kEmail;
    for (const std::string* value : {&email.from_name, &email.to_name, &email.subject, &email.message_token})
        if (!header_safe(*value)) fields["header"] = messages::kEmailHeaderLineBreak;
    for (const auto& attachment : email.attachments)
        if (!printable_ascii(attachment.filename) || attachment.filename.find('"') != std::string::npos) fields["attachment"] = messages::kInvalid;
    if (!fields.empty()) return validation_error(std::move(fields));

    const std::string domain = email.from_address.substr(email.from_address.find('@') + 1);
    std::string message;
    message += "Date: " + rfc5322_date(email.date, email.offset) + "\r\n";
    message += "From: " + mailbox(email.from_name, email.from_address) + "\r\n";
    message += "To: " + mailbox(email.to_name, email.to_address) + "\r\n";
    message += "Subject: " + encode_header_text(email.subject) + "\r\n";
    message += "Message-ID: <" + std::to_string(email.date) + "." + email.message_token + "@" + domain + ">\r\n";
    message += "MIME-Version: 1.0\r\n";

    const std::string mixed = mime_boundary(email.message_token, "mixed");
    const std::string alternative = mime_boundary(email.message_token, "alt");
    message += "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
    message += "This is a multi-part message in MIME format.\r\n";
    message += "--" + mixed + "\r\n";
    if (email.html.empty()) {
        message += text_part("plain", email.text);
    } else {
        message += "Content-Type: multipart/alternative; boundary=\"" + alternative + "\"\r\n\r\n";
        message += "--" + alternative + "\r\n" + text_part("plain", email.text);
        message += "--" + alternative + "\r\n" + text_part("html", email.html);
        message += "--" + alternative + "--\r\n";
    }
    for (const auto& attachment : email.attachments) {
        message += "--" + mixed + "\r\n";
        message += "Content-Type: " + attachment.mime_type + "; name=\"" + attachment.filename + "\"\r\n";
        message += "Content-Disposition: attachment; filename=\"" + attachment.filename + "\"\r\n";
        message += "Content-Transfer-Encoding: base64\r\n\r\n";
        message += base64_lines(attachment.bytes);
    }
    message += "--" + mixed + "--\r\n";
    return message;
}

}  // namespace kimonet::email
