#pragma once
// What people type to find a customer, read the way they mean it (issue 18): a service number in
// any case ("cust003" is CUST003), a phone as Indonesians write it ("0812-1002-3757",
// "+62 812 1002 3757", "6281210023757"), and the phone shown back the way they write it.
#include <string>
#include <string_view>

namespace kimonet::customers {

// Trimmed and upper-cased: service numbers are stored in capitals (is_valid_service_number).
std::string service_number_from_typed(std::string_view typed);

// A search term that looks like a phone (digits with spaces, '-', '+', '(', ')', '.'; at least 4
// digits) as the digits stored (62…): "0812-1002" -> "628121002", "+62 812" -> "62812". Any other
// term comes back unchanged, so a name or service number search is not touched.
std::string phone_search_term(std::string_view typed);

// A stored phone (62…) as Indonesians write it: "6281210023757" -> "0812-1002-3757" (0, then groups
// of 4, the rest in the last group). Anything that is not a 62… number comes back unchanged.
std::string format_phone(std::string_view stored);

}  // namespace kimonet::customers
