#include "customers/name_mask.hpp"

#include <algorithm>

namespace kimonet::customers {

namespace {

// Bytes in the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0 && lead <= 0xF7) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

std::string mask_word(std::string_view word) {
    std::size_t characters = 0;
    for (std::size_t at = 0; at < word.size(); at += sequence_length(static_cast<unsigned char>(word[at]))) ++characters;
    const std::size_t kept = characters >= 3 ? 2 : characters - 1;
    std::string out;
    std::size_t index = 0;
    for (std::size_t at = 0; at < word.size(); ++index) {
        const std::size_t length = std::min(sequence_length(static_cast<unsigned char>(word[at])), word.size() - at);
        if (index < kept) out.append(word.substr(at, length));
        else out.push_back('*');
        at += length;
    }
    return out;
}

}  // namespace

std::string mask_name(std::string_view name) {
    std::string out;
    std::size_t at = 0;
    while (at < name.size()) {
        if (name[at] == ' ' || name[at] == '\t') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < name.size() && name[end] != ' ' && name[end] != '\t') ++end;
        out += mask_word(name.substr(at, end - at));
        at = end;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace kimonet::customers
