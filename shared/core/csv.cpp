#include "core/csv.hpp"

#include "core/text.hpp"

namespace kimonet {

std::string csv_field(std::string_view value, bool text_cell) {
    std::string field;
    // What a spreadsheet would take for a formula (OWASP's CSV injection list: = + - @, and a tab or
    // carriage return before one) is text: a leading apostrophe.
    if (text_cell && !value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) field = "'";
    field.append(value);
    if (field.find_first_of(",\"\r\n;") == std::string::npos) return field;
    std::string quoted = "\"";
    for (char c : field) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields, const std::vector<bool>& text_cells) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i], i < text_cells.size() ? text_cells[i] : true);
    }
    out += "\r\n";
}

std::string_view to_string(TextEncoding encoding) { return encoding == TextEncoding::Utf8 ? "utf-8" : "windows-1252"; }

namespace {

// Windows-1252 0x80–0x9F as Unicode code points (0 = undefined in the code page).
constexpr char32_t kWindows1252High[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                           0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                           0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

void append_utf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

}  // namespace

Result<DecodedText> decode_spreadsheet_text(std::string_view bytes) {
    const auto starts_with = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
    if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF") || bytes.find('\0') != std::string_view::npos)
        return validation_error({{"file", messages::kUtf16OrBinary}}, messages::kUtf16OrBinary);
    if (starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
    if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), TextEncoding::Utf8};
    DecodedText decoded{std::string(), TextEncoding::Windows1252};
    decoded.text.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char c : bytes) {
        if (c < 0x80) {
            decoded.text += static_cast<char>(c);
            continue;
        }
        const char32_t code = c < 0xA0 ? kWindows1252High[c - 0x80] : char32_t{c};
        if (code == 0)
            return validation_error({{"file", messages::kFileEncoding}}, messages::kFileEncoding);
        append_utf8(decoded.text, code);
    }
    return decoded;
}

static char detect_separator(std::string_view text) {
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
        else if (!quoted && c == '\t') ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
}

Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text, const CsvLimits& limits) {
    const char separator = detect_separator(text);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, field_started = false;
    int line = 1, quote_line = 0;
    const auto end_row = [&] {
        row.push_back(std::move(field));
        field.clear();
        rows.push_back(std::move(row));
        row.clear();
        field_started = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
            quote_line = line;
        } else if (c == separator) {
            if (row.size() + 1 >= limits.max_columns)
                return validation_error({{"file", messages::with_detail(messages::kTooManyColumns, std::to_string(line) + ", " +
                                                                                                     std::to_string(limits.max_columns))}},
                                        messages::kTooManyColumns);
            row.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (rows.size() >= limits.max_rows)
                return validation_error({{"file", messages::with_detail(messages::kTooManyRows, std::to_string(limits.max_rows))}},
                                        messages::kTooManyRows);
            end_row();
            ++line;
        } else {
            field += c;
            field_started = true;
        }
    }
    if (quoted)
        return validation_error({{"file", messages::with_detail(messages::kUnterminatedQuote, std::to_string(quote_line))}},
                                messages::kUnterminatedQuote);
    if (field_started || !row.empty()) end_row();
    return rows;
}

}  // namespace kimonet
