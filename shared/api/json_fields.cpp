#include "api/json_fields.hpp"

#include <limits>

#include "core/validation_messages.hpp"

namespace kimonet::api {

Json parse_json(std::string_view text) { return Json::parse(text.begin(), text.end(), nullptr, false); }

bool FieldReader::has(const char* name) const { return m_object.is_object() && m_object.contains(name); }

void FieldReader::read(const char* name, std::string& out) {
    auto it = m_object.find(name);
    if (it == m_object.end()) return;
    if (it->is_string()) out = it->get<std::string>();
    else if (it->is_null()) out.clear();
    else add_error(name, messages::kWrongType);
}

namespace {

// nlohmann keeps integers above INT64_MAX as unsigned; read as int64 they would wrap to negative
// numbers (18446744073709551615 → -1), so they are refused as out of range instead.
bool beyond_int64(const Json& value) {
    return value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
}

}  // namespace

void FieldReader::read(const char* name, std::int64_t& out) {
    auto it = m_object.find(name);
    if (it == m_object.end()) return;
    if (beyond_int64(*it)) add_error(name, messages::kInvalid);
    else if (it->is_number_integer()) out = it->get<std::int64_t>();
    else add_error(name, messages::kWrongType);
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
    else if (beyond_int64(*it)) add_error(name, messages::kInvalid);
    else if (it->is_number_integer()) out = it->get<std::int64_t>();
    else add_error(name, messages::kWrongType);
}

void FieldReader::read(const char* name, std::optional<int>& out) {
    auto it = m_object.find(name);
    if (it == m_object.end()) return;
    if (it->is_null()) {
        out.reset();
    } else if (it->is_number_integer()) {
        const auto wide = it->get<std::int64_t>();
        if (beyond_int64(*it) || wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) add_error(name, messages::kInvalid);
        else out = static_cast<int>(wide);
    } else {
        add_error(name, messages::kWrongType);
    }
}

void merge_field_errors(FieldErrors& into, const FieldErrors& from) {
    for (const auto& [field, message] : from) into.emplace(field, message);
}

}  // namespace kimonet::api
