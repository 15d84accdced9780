#pragma once
// The one catalogue of messages the product sends: every error message (core/error_messages.hpp)
// and every field message (core/validation_messages.hpp), each an Indonesian id with its English.
// The server sends the Indonesian; the browser's English toggle translates through english_message().
#include <span>
#include <string>
#include <string_view>

#include "core/error_messages.hpp"
#include "core/validation_messages.hpp"

namespace kimonet::messages {

struct CatalogueEntry {
    std::string_view id;  // the Indonesian text, as sent on the wire
    std::string_view en;
};

// Every entry, error messages first, then field messages.
std::span<const CatalogueEntry> catalogue();

// The first broken rule of a catalogue, or an empty string: every entry has both texts, and no
// Indonesian text appears twice (a message must translate one way). Unit-tested on broken tables.
std::string_view catalogue_problem(std::span<const CatalogueEntry> entries);

// The English of a message: a catalogue text, or a catalogue text followed by ": <detail>", where the
// fixed part is translated and the detail kept (itself translated when it is a catalogue message too).
// A message that is not in the catalogue comes back unchanged.
std::string english_message(std::string_view message);

}  // namespace kimonet::messages
