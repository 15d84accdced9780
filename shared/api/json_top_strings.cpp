#include "api/json_top_strings.hpp"

#include <nlohmann/json.hpp>

#include "api/json_depth.hpp"
#include "core/error_messages.hpp"

namespace kimonet::api {

namespace {

// nlohmann's SAX events, keeping only the string values of the wanted keys at depth 1. Every
// event is still lexed and checked by the same parser that parse_json uses.
class TopStrings final : public nlohmann::json_sax<nlohmann::json> {
public:
    using json = nlohmann::json;

    explicit TopStrings(const std::vector<std::string_view>& keys) : m_keys(keys), m_values(keys.size()) {}

    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(json::number_integer_t) override { return scalar(); }
    bool number_unsigned(json::number_unsigned_t) override { return scalar(); }
    bool number_float(json::number_float_t, const string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool string(string_t& value) override {
        if (m_depth == 0) m_top_is_object = false;
        else if (m_depth == 1 && m_key) m_values[*m_key] = std::move(value);
        m_key.reset();
        return true;
    }
    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& name) override {
        m_key.reset();
        if (m_depth != 1) return true;
        for (std::size_t i = 0; i < m_keys.size(); ++i)
            if (name == m_keys[i]) m_key = i;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

    bool top_is_object() const { return m_top_is_object; }
    std::vector<std::optional<std::string>> values() && { return std::move(m_values); }

private:
    // A value that is not a string: the key (if wanted) has no string value, even if it had one before.
    bool scalar() {
        if (m_depth == 0) m_top_is_object = false;
        else if (m_depth == 1 && m_key) m_values[*m_key].reset();
        m_key.reset();
        return true;
    }
    bool open(bool object) {
        if (m_depth == 0) m_top_is_object = object;
        else if (m_depth == 1 && m_key) m_values[*m_key].reset();
        m_key.reset();
        // Deeper than parse_json reads is not JSON to us either (the same verdict, kBodyNotJson).
        return ++m_depth <= kMaxJsonDepth;
    }
    bool close() {
        --m_depth;
        return true;
    }

    const std::vector<std::string_view>& m_keys;
    std::vector<std::optional<std::string>> m_values;
    std::optional<std::size_t> m_key;  // the wanted key whose value comes next
    std::size_t m_depth = 0;
    bool m_top_is_object = false;
};

}  // namespace

Result<std::vector<std::optional<std::string>>> top_level_strings(std::string_view json, const std::vector<std::string_view>& keys) {
    TopStrings reader(keys);
    if (!nlohmann::json::sax_parse(json.begin(), json.end(), &reader)) return make_error(ErrorCode::BadRequest, messages::kBodyNotJson);
    if (!reader.top_is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    return std::move(reader).values();
}

namespace {

bool plain_text(std::string_view text) {
    for (const char c : text)
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
    return true;
}

bool take(std::string_view& text, std::string_view prefix) {
    if (!text.starts_with(prefix)) return false;
    text.remove_prefix(prefix.size());
    return true;
}

}  // namespace

std::optional<std::string_view> plain_string_of(std::string_view json, std::string_view key) {
    if (!plain_text(key) || !take(json, "{\"") || !take(json, key) || !take(json, "\":\"") || !json.ends_with("\"}"))
        return std::nullopt;
    json.remove_suffix(2);
    if (!plain_text(json)) return std::nullopt;
    return json;
}

}  // namespace kimonet::api
