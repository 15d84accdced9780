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

// THE reader of JSON one side wrote for the other (the browser reading the server's answers, the
// from_json of shared/api's to_json shapes): never throws (nlohmann's value() throws on a type
// mismatch, and a throw aborts in WebAssembly); the fallback comes back when the key is absent, of
// another type, or `object` is not an object.
std::string json_string(const Json& object, const char* key, std::string fallback = {});
std::int64_t json_int(const Json& object, const char* key, std::int64_t fallback = 0);
bool json_bool(const Json& object, const char* key, bool fallback);
// The success envelope {"success":true,"data":…}: the value under "data", or the body itself.
const Json& response_data(const Json& body);
// The "data" array of a list envelope (or a bare array); an empty array otherwise.
const Json& list_rows(const Json& body);

// THE URL encoder: percent-encodes everything but RFC 3986's unreserved characters, for query
// values and path segments ("a b&c" -> "a%20b%26c").
std::string url_encode(std::string_view text);

}  // namespace kimonet::api
