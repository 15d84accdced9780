#include "api/json_fields.hpp"

#include <limits>

#include "api/json_depth.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"

namespace kimonet::api {

namespace {

// Whether no array or object in `text` is nested deeper than `limit` (brackets inside strings do
// not count). Malformed text may pass: the parser judges it next.
bool nesting_within(std::string_view text, std::size_t limit) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t index = 0; index < text.size(); ++index) {
        const char c = text[index];
        if (in_string) {
            if (c == '\\') ++index;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return false;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return true;
}

}  // namespace

Json parse_json(std::string_view text) {
    if (!nesting_within(text, kMaxJsonDepth)) return Json(Json::value_t::discarded);
    return Json::parse(text.begin(), text.end(), nullptr, false);
}

bool FieldReader::has(const char* name) const { return m_object.is_object() && m_object.contains(name); }

bool is_multi_line_field(std::string_view name) {
    for (std::string_view field : kMultiLineFields)
        if (name == field) return true;
    return false;
}

void FieldReader::read(const char* name, std::string& out) {
    auto it = m_object.find(name);
    if (it == m_object.end()) return;
    if (it->is_string()) {
        // Every text field of every DTO passes here: NUL, escape sequences and other control
        // characters never reach the database, a PDF, a router or a WhatsApp message.
        const auto& text = it->get_ref<const std::string&>();
        if (has_control_characters(text, is_multi_line_field(name))) add_error(name, messages::kControlCharacters);
        else out = text;
    } else if (it->is_null()) {
        out.clear();
    } else {
        add_error(name, messages::kWrongType);
    }
}

// JSON integers above INT64_MAX arrive as unsigned; converting them would wrap to a negative.
static std::optional<std::int64_t> signed_integer(const Json& value) {
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return std::nullopt;
    return value.get<std::int64_t>();
}

void FieldReader::read(const char* name, std::int64_t& out) {
    auto it = m_object.find(name);
    if (it == m_object.end()) return;
    if (!it->is_number_integer()) return add_error(name, messages::kWrongType);
    if (auto value = signed_integer(*it)) out = *value;
    else add_error(name, messages::kInvalid);
}

void FieldReader::read(const char* name, int& out) {
    std::int64_t wide = out;
    const auto before = m_errors.size();
    read(name, wide);
    if (m_errors.size() != before) return;
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) add_error(name, messages::kInvalid);
    else out = static_cast<int>(wide);
}

void FieldReader::read(const char* name, bool& out) {
    auto it = m_object.find(name);
    if (it == m_object.end()) return;
    if (it->is_boolean()) out = it->get<bool>();
    else add_error(name, messages::kWrongType);
}

void FieldReader::read(const char* name, std::optional<std::int64_t>& out) {
    auto it = m_object.find(name);
    if (it == m_object.end()) return;
    if (it->is_null()) out.reset();
    else if (!it->is_number_integer()) add_error(name, messages::kWrongType);
    else if (auto value = signed_integer(*it)) out = *value;
    else add_error(name, messages::kInvalid);
}

void FieldReader::read(const char* name, std::optional<int>& out) {
    auto it = m_object.find(name);
    if (it == m_object.end()) return;
    if (it->is_null()) {
        out.reset();
    } else if (it->is_number_integer()) {
        const auto wide = signed_integer(*it).value_or(std::numeric_limits<std::int64_t>::max());
        if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) add_error(name, messages::kInvalid);
        else out = static_cast<int>(wide);
    } else {
        add_error(name, messages::kWrongType);
    }
}

void merge_field_errors(FieldErrors& into, const FieldErrors& from) {
    for (const auto& [field, message] : from) into.emplace(field, message);
}

std::string json_string(const Json& object, const char* key, std::string fallback) {
    if (!object.is_object()) return fallback;
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : fallback;
}

std::int64_t json_int(const Json& object, const char* key, std::int64_t fallback) {
    if (!object.is_object()) return fallback;
    auto found = object.find(key);
    return found != object.end() && found->is_number_integer() ? found->get<std::int64_t>() : fallback;
}

bool json_bool(const Json& object, const char* key, bool fallback) {
    if (!object.is_object()) return fallback;
    auto found = object.find(key);
    return found != object.end() && found->is_boolean() ? found->get<bool>() : fallback;
}

const Json& response_data(const Json& body) {
    if (!body.is_object()) return body;
    auto data = body.find("data");
    return data != body.end() ? *data : body;
}

const Json& list_rows(const Json& body) {
    static const Json empty = Json::array();
    if (body.is_array()) return body;
    if (!body.is_object()) return empty;
    auto data = body.find("data");
    return data != body.end() && data->is_array() ? *data : empty;
}

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

}  // namespace kimonet::api
