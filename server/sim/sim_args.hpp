#pragma once
// Command-line options of `kimonet-sim <simulator>`: "--name value", "--name=value" and bare flags.
// The simulators' own, so the simulator executable depends on nothing of the product's CLI.
#include <map>
#include <set>
#include <string>

namespace kimonet::sim {

class SimArgs {
public:
    // Reads argv[first…]; names in `flags` never take a value.
    SimArgs(int argc, char** argv, int first, const std::set<std::string>& flags = {}) {
        for (int index = first; index < argc; ++index) {
            std::string word = argv[index];
            if (!word.starts_with("--")) continue;
            word.erase(0, 2);
            if (const auto equals = word.find('='); equals != std::string::npos) {
                m_options[word.substr(0, equals)] = word.substr(equals + 1);
            } else if (!flags.contains(word) && index + 1 < argc && !std::string(argv[index + 1]).starts_with("--")) {
                m_options[word] = argv[++index];
            } else {
                m_options[word] = "";
            }
        }
    }
    bool has(const std::string& name) const { return m_options.contains(name); }
    std::string get(const std::string& name, const std::string& fallback = {}) const {
        const auto found = m_options.find(name);
        return found == m_options.end() ? fallback : found->second;
    }

private:
    std::map<std::string, std::string> m_options;
};

}  // namespace kimonet::sim
