#include "cli/args.hpp"

#include <algorithm>

namespace kimonet::cli {

std::string Args::get(const std::string& name, const std::string& fallback) const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
}

Args parse_args(int argc, char** argv, int first, const std::vector<std::string>& flags) {
    Args args;
    for (int i = first; i < argc; ++i) {
        std::string word = argv[i];
        if (!word.starts_with("--")) {
            args.positional.push_back(word);
            continue;
        }
        word = word.substr(2);
        if (auto equals = word.find('='); equals != std::string::npos) {
            args.options[word.substr(0, equals)] = word.substr(equals + 1);
        } else if (std::find(flags.begin(), flags.end(), word) == flags.end() && i + 1 < argc &&
                   !std::string(argv[i + 1]).starts_with("--")) {
            args.options[word] = argv[++i];
        } else {
            args.options[word] = "true";
        }
    }
    return args;
}

}  // namespace kimonet::cli
