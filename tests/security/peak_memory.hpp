#pragma once
// This process's peak memory around an attack (Linux): /proc/self/clear_refs resets the peak-RSS
// mark (VmHWM), so the growth an attack causes can be read and held to a stated bound. The
// server (or the client under attack) runs in the test process.
#include <cstddef>
#include <fstream>
#include <string>

namespace kimonet::testing {

inline std::size_t status_kib(const std::string& field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.starts_with(field + ":")) return std::stoul(line.substr(field.size() + 1));
    return 0;
}

// Resets the peak-RSS mark (Linux: "5" clears VmHWM) and returns the current RSS in MiB.
inline std::size_t reset_peak_mib() {
    std::ofstream("/proc/self/clear_refs") << "5";
    return status_kib("VmRSS") / 1024;
}
inline std::size_t peak_mib() { return status_kib("VmHWM") / 1024; }
// The peak's growth over `baseline`. Linux keeps RSS counters per thread and folds them in lazily,
// so VmRSS read just after the reset can exceed the VmHWM read later by a page or two: that is no
// growth (an unsigned difference would wrap to 2^64 - 1 and fail the bound).
inline std::size_t growth_since(std::size_t baseline) {
    const std::size_t peak = peak_mib();
    return peak > baseline ? peak - baseline : 0;
}

}  // namespace kimonet::testing
