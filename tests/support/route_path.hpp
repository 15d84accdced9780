#pragma once
// A concrete path for a route pattern: each {parameter} becomes `value`; the route's own literal
// parts (such as "-" and ".pdf" of the signed invoice link) stay.
#include <string>

namespace kimonet::testing {

inline std::string route_path(const std::string& pattern, const std::string& value) {
    std::string path;
    for (std::size_t at = 0; at < pattern.size();) {
        if (pattern[at] == '{') {
            path += value;
            at = pattern.find('}', at) + 1;
        } else {
            path += pattern[at++];
        }
    }
    return path;
}

}  // namespace kimonet::testing
