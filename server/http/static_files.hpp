#pragma once
// Serves the browser app (web dir at "/") and the landing page (at "/landing/"): only plain
// files whose canonical path lies inside the canonical root, never dotfiles; each in the best
// encoding the client accepts among the build's verified .br/.gz siblings, with an ETag (304 on
// If-None-Match).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "app/config.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/security_headers.hpp"

namespace kimonet::http {

// `app_policy` is the Content-Security-Policy of the app's files (app_page_policy(), which names the
// operator's tile server); the landing page always has kStaticPagePolicy.
std::optional<Response> serve_static(const app::Config& config, const Request& request, const std::string& app_policy = kStaticPagePolicy);
std::string content_type_for(const std::string& path);
// The raw (still percent-encoded) path below a root as plain segments, or nullopt when it is
// anything else (empty/dot segments, dotfiles, backslashes, control bytes, double encoding).
std::optional<std::filesystem::path> safe_relative_path(std::string_view raw);
// True when `path` (resolved, symlinks followed where they exist) lies inside `root`.
bool path_is_within(const std::string& root, const std::string& path);

}  // namespace kimonet::http
