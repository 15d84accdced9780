#pragma once
// Escaping for the server-rendered pages (bill page, isolir page, simulator checkout).
#include <string>
#include <string_view>

namespace kimonet::http {

// & < > " ' become entities, so text from the database can sit in HTML text and attributes.
std::string html_escape(std::string_view text);

// "2026-01" as "Januari 2026" and "2026-01-15" as "15 Januari 2026" for the pages; text that is not
// a period or a date comes back as it is.
std::string indonesian_period(const std::string& text);
std::string indonesian_date(const std::string& text);

}  // namespace kimonet::http
