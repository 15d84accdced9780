#pragma once
// Escaping for the server-rendered pages (bill page, isolir page, simulator checkout).
#include <string>
#include <string_view>

namespace kimonet::http {

// & < > " ' become entities, so text from the database can sit in HTML text and attributes.
std::string html_escape(std::string_view text);

}  // namespace kimonet::http
