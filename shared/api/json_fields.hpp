#pragma once
// Reading typed fields out of a JSON object without exceptions, collecting a message per
// bad field. Used by every DTO parser so that wrong types come back as 422 field errors.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace kimonet::api {

using Json = nlohmann::json;

// Parses text as JSON without throwing; a discarded value means malformed input.
Json parse_json(std::string_view text);

// Text fields that may hold line breaks (tab, CR, LF); every other text field refuses them, and
// all text fields refuse the remaining control characters (NUL, ESC, DEL, C1) with a 422.
inline constexpr std::string_view kMultiLineFields[] = {"address", "notes", "note", "message", "body", "template"};
bool is_multi_line_field(std::string_view name);

class FieldReader {
public:
    explicit FieldReader(const Json& object) : m_object(object) {}

    bool has(const char* name) const;
    // Each reader leaves `out` untouched when the field is absent, records an error on a wrong type,
    // an integer outside int64, or text with control characters.
    void read(const char* name, std::string& out);
    void read(const char* name, std::int64_t& out);
    void read(const char* name, int& out);
    void read(const char* name, bool& out);
    // null clears the optional.
    void read(const char* name, std::optional<std::int64_t>& out);
    void read(const char* name, std::optional<int>& out);

    void add_error(const std::string& field, const std::string& message) { m_errors.emplace(field, message); }
    FieldErrors& errors() { return m_errors; }
    bool ok() const { return m_errors.empty(); }

private:
    const Json& m_object;
    FieldErrors m_errors;
};

// Merges field errors from a later validation step without overwriting type errors.
void merge_field_errors(FieldErrors& into, const FieldErrors& from);

}  // namespace kimonet::api
