#pragma once
// The order people read addresses and codes in: "Jl. Merdeka No. 6" before "Jl. Merdeka No. 36"
// (a run of digits compares as a number), letters without regard to case. A plain text order puts
// No. 36 first, which sends a collector walking a street back and forth.
#include <string_view>

namespace kimonet {

bool natural_less(std::string_view a, std::string_view b);

}  // namespace kimonet
