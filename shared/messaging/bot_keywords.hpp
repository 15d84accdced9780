#pragma once
// What a customer's WhatsApp message asks for: Indonesian keywords, case- and typo-tolerant
// (a small edit distance, scaled to the keyword's length), and the menu's numbers.
#include <string>
#include <string_view>
#include <vector>

namespace kimonet::messaging {

enum class BotIntent { Invoices, PaymentLink, ServiceStatus, Menu, Promise, Unknown, Trouble };

// "invoices", "payment_link", "status", "menu", "promise", "unknown", "trouble" (a fault report: "gangguan", "lapor")
std::string_view to_string(BotIntent intent);
// "janji bayar" (a promise to pay) wins over "bayar" wherever "janji" stands among the first words.
BotIntent classify_message(std::string_view text);
// The words of a message that could be a nomor layanan, upper-cased ("tagihan cust012" ->
// {"TAGIHAN", "CUST012"}): runs of letters, digits and '-' that is_valid_service_number accepts,
// the first eight. The caller keeps those that are the sender's own.
std::vector<std::string> named_service_numbers(std::string_view text);
// Optimal-string-alignment distance (Levenshtein plus adjacent swaps) between two ASCII words.
int edit_distance(std::string_view a, std::string_view b);

}  // namespace kimonet::messaging
