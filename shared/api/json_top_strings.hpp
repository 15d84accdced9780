#pragma once
// The text values of a few top-level keys of a JSON object, read without building the document
// (issue 17: the public bill check parses a tiny body on every request; building nlohmann's tree
// for it was about a fifth of the answer's work). Same verdicts as parse_json + object lookups:
// malformed text → kBodyNotJson, valid JSON that is not an object → kExpectedJsonObject; a key
// given twice counts as its last value (as nlohmann's tree keeps it), nested keys do not count,
// and a key whose (last) value is not a string has none.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet::api {

// One entry per key, in the order of `keys`: its string value, or nothing.
Result<std::vector<std::optional<std::string>>> top_level_strings(std::string_view json, const std::vector<std::string_view>& keys);

// The value when `json` is exactly {"<key>":"<value>"}: no whitespace, nothing before or after,
// `key` and the value printable ASCII without '"' or '\\' (so no escapes, no UTF-8 to check).
// Nothing for any other text, valid or not: read that with top_level_strings. Where this gives a
// value, top_level_strings gives the same value for `key` and none for every other key (issue 23:
// the bill check's own shape skips the parser; tests/shared/api/test_json_top_strings.cpp and the
// fuzz target json_top_strings compare the two).
std::optional<std::string_view> plain_string_of(std::string_view json, std::string_view key);

}  // namespace kimonet::api
