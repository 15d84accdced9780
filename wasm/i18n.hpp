#pragma once
// Every text the app shows comes from one catalogue (i18n_catalogue.cpp): Indonesian by default,
// English on request. Messages from the server and shared/ (Indonesian) are translated through the
// shared message catalogue (core/message_catalogue.hpp), which pairs each with its English.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "customers/customer.hpp"

namespace kimonet::i18n {

enum class Language { Indonesian, English };

Language language();
void set_language(Language language);
// The ISP's time zone, from the signed-in session (WIB until then): every date and time shown.
UtcOffset time_zone();
void set_time_zone(UtcOffset offset);

// The text for `key` in the current language; an unknown key shows itself, so it gets noticed.
const char* tr(std::string_view key);
// tr() with "{name}" placeholders replaced.
std::string tr_format(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string_view>> values);
// A message from the server or shared/ (Indonesian) in the current language: a catalogue text, or a
// catalogue text plus ": <detail>", whose fixed part is translated and whose detail is kept.
std::string translate_message(std::string_view message);
// A user-facing sentence for an API error code ("forbidden", "conflict", …).
std::string api_error_text(std::string_view code, std::string_view server_message);

std::string status_label(CustomerStatus status);
std::string role_label(std::string_view role);
std::string format_date(const Date& date);  // "15 Januari 2026" / "15 January 2026"
std::string format_period(const Period& period);  // "Januari 2026" / "January 2026"
// A Unix time as "15 Januari 2026 09:05" in the ISP's time zone (time_zone()).
std::string format_date_time(std::int64_t unix_seconds);
// The server's message for `field` in the current language, or "" when the field has none.
std::string field_message(const FieldErrors& errors, const char* field);
const char* month_short(int month);                // 1 -> "Jan", 5 -> "Mei" / "May"

// Catalogue storage (i18n_catalogue.cpp).
struct Entry {
    std::string_view key;
    const char* indonesian;
    const char* english;
};
// The catalogue in parts, one file each: i18n_catalogue.cpp, i18n_catalogue_reports.cpp,
// i18n_catalogue_print.cpp, i18n_catalogue_settings.cpp,
// i18n_catalogue_portal.cpp, i18n_catalogue_customer.cpp, i18n_catalogue_choices.cpp,
// i18n_catalogue_keys.cpp, i18n_catalogue_network.cpp.
std::initializer_list<Entry> catalogue();
std::initializer_list<Entry> reports_catalogue();
std::initializer_list<Entry> print_catalogue();
std::initializer_list<Entry> settings_catalogue();
std::initializer_list<Entry> portal_catalogue();
std::initializer_list<Entry> customer_catalogue();
std::initializer_list<Entry> bank_transfer_catalogue();  // i18n_catalogue_bank_transfers.cpp (issue 20)
std::initializer_list<Entry> radius_catalogue();  // i18n_catalogue_radius.cpp: the customer detail's RADIUS section
std::initializer_list<Entry> choices_catalogue();
std::initializer_list<Entry> keys_catalogue();
std::initializer_list<Entry> network_catalogue();
// Every part, in the order a key is looked up (a new part is registered here).
std::vector<std::initializer_list<Entry>> catalogue_parts();
// Whether the catalogue has `key` (a label for a value that may have none: a custom role's name).
bool has_key(std::string_view key);
// The keys asked for this run that no catalogue part has (shown as themselves): the views tests
// fail on any.
std::vector<std::string> unknown_keys();

}  // namespace kimonet::i18n
