#pragma once
// Command-line arguments: "--key=value", "--key value" and bare "--flag".
#include <map>
#include <string>
#include <vector>

namespace kimonet::cli {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;

    bool has(const std::string& name) const { return options.contains(name); }
    std::string get(const std::string& name, const std::string& fallback = {}) const;
};

// `flags` are options that never take a value (so "--notify CUST" keeps CUST positional).
Args parse_args(int argc, char** argv, int first, const std::vector<std::string>& flags = {});

}  // namespace kimonet::cli
