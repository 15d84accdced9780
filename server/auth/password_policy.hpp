#pragma once
// What a new password must be: 8-128 bytes, not only whitespace, and accepted by libpwquality
// (its cracklib dictionary, user-name, palindrome and repetition checks). Applied to every
// password set through the API or the CLI; never to stored passwords at login (so the demo
// data of `kimonet seed-demo` keeps working).
#include <optional>
#include <string>
#include <string_view>

namespace kimonet::auth {

// The Indonesian field message when `password` is unacceptable for `username`, or nothing.
std::optional<std::string> password_problem(std::string_view password, std::string_view username = {});

}  // namespace kimonet::auth
