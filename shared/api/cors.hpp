#pragma once
// The CORS allowlist (setting cors_allowed_origins): which browser origins may call the public
// API, e.g. a landing page hosted on its own domain. Exact origin match only, no wildcards.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kimonet::api {

// "https://kimonet.id, http://localhost:8080" -> {"https://kimonet.id", "http://localhost:8080"}
// (trimmed, lower-cased, a trailing slash dropped, empty entries skipped).
std::vector<std::string> parse_allowed_origins(std::string_view text);
// Why the setting's value is unacceptable (an entry that is not scheme://host[:port]), if it is.
std::optional<std::string> allowed_origins_problem(std::string_view text);
// True when `origin` (the request's Origin header) is on the list.
bool is_origin_allowed(const std::vector<std::string>& allowed, std::string_view origin);

}  // namespace kimonet::api
