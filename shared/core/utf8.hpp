#pragma once
// UTF-8 as strict decoders read it: text cut for a gateway's field (payments/gateway_fields) and a
// peer's words made printable (server/network/peer_replies) step through it one whole character
// at a time, and never keep half of one.
#include <cstddef>
#include <string_view>

namespace kimonet {

// The length of the valid UTF-8 sequence at the start of `text`, or 0 when it is not one (stray
// continuation bytes, overlong forms, surrogates, beyond U+10FFFF, cut short).
std::size_t utf8_sequence_length(std::string_view text);

}  // namespace kimonet
