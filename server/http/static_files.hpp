#pragma once
// Serves the browser app (web dir at "/") and the landing page (at "/landing/").
#include <optional>
#include <string>

#include "app/config.hpp"
#include "http/response.hpp"

namespace kimonet::http {

std::optional<Response> serve_static(const app::Config& config, const std::string& path);
std::string content_type_for(const std::string& path);

}  // namespace kimonet::http
