#pragma once
// What a cashier types into an amount field, read the way an Indonesian cashier means it:
// "750rb", "750 ribu", "750k", "Rp 750.000", "Rp750.000,-", "750.000", "750000" are Rp 750.000;
// "1,5jt" and "1.5 juta" are Rp 1.500.000. Input that could mean two things, or a tiny amount that
// is almost certainly thousands typed without the unit ("750" for a Rp 750.000 bill), is refused
// with a message that says what to type instead: never a silent Rp 750.
// parse_rupiah (core/money.hpp) stays the strict reader of amounts the product wrote itself.
#include <optional>
#include <string_view>

#include "core/money.hpp"

namespace kimonet::payments {

// Typed amounts below this are refused unless they are exactly `expected` (what is owed): nobody
// pays an ISP bill of Rp 750, but "750" is a common way to mean 750 ribu.
inline constexpr Money kSmallestTypedAmount = 1000;

// ValidationFailed with the field "amount" and a catalogue message when the text is refused.
// `expected`: the amount the screen expects (the invoice's outstanding), which a small amount may equal.
Result<Money> parse_typed_amount(std::string_view text, std::optional<Money> expected = std::nullopt);

}  // namespace kimonet::payments
