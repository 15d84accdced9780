#pragma once
// The fuzz targets' invariant check: a broken invariant aborts, which libFuzzer reports as a crash
// with the input that caused it (an assert would vanish in a release build).
#include <cstdlib>

namespace kimonet::fuzz {

inline void must(bool condition) {
    if (!condition) std::abort();
}

}  // namespace kimonet::fuzz
