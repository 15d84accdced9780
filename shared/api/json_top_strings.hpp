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

}  // namespace kimonet::api
