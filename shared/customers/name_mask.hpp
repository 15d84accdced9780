#pragma once
// What an anonymous page may show of a customer's name: enough for the customer to recognise
// themselves ("Bu** Sa*****"), too little for someone enumerating service numbers to learn who
// lives behind each one.
#include <string>
#include <string_view>

namespace kimonet::customers {

// Each word keeps its first two characters (one when the word has two, none when it has one);
// every other character becomes '*'. Words are split on spaces; UTF-8 characters count as one.
// "Budi Santoso" → "Bu** Sa*****", "Ni Made" → "N* Ma**", "" → "".
std::string mask_name(std::string_view name);

}  // namespace kimonet::customers
