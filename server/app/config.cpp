#include "app/config.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace kimonet::app {

std::map<std::string, std::string> parse_dotenv(const std::string& text) {
    std::map<std::string, std::string> out;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        line = trim_copy(line);
        if (line.empty() || line[0] == '#') continue;
        if (line.starts_with("export ")) line = trim_copy(line.substr(7));
        const auto equals = line.find('=');
        if (equals == std::string::npos) continue;
        std::string key = trim_copy(line.substr(0, equals));
        std::string value = trim_copy(line.substr(equals + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
            value = value.substr(1, value.size() - 2);
        out[key] = value;
    }
    return out;
}

Result<Config> load_config(const std::string& dotenv_path) {
    std::map<std::string, std::string> values;
    if (std::ifstream in(dotenv_path); in) {
        std::stringstream text;
        text << in.rdbuf();
        values = parse_dotenv(text.str());
    }
    auto get = [&](const char* name) -> std::string {
        if (const char* env = std::getenv(name)) return env;
        auto it = values.find(name);
        return it == values.end() ? std::string() : it->second;
    };
    Config config;
    if (auto v = get("KIMONET_DB"); !v.empty()) config.db_path = v;
    if (auto v = get("KIMONET_BIND"); !v.empty()) config.bind = v;
    if (auto v = get("KIMONET_PORT"); !v.empty()) config.port = std::atoi(v.c_str());
    if (auto v = get("KIMONET_WEB"); !v.empty()) config.web_dir = v;
    if (auto v = get("KIMONET_LANDING"); !v.empty()) config.landing_dir = v;
    if (auto v = get("KIMONET_THREADS"); !v.empty()) config.threads = std::max(1, std::atoi(v.c_str()));
    if (auto v = get("KIMONET_PUBLIC_URL"); !v.empty()) config.public_base_url = v;
    config.secret_key_hex = get("KIMONET_SECRET_KEY");
    config.secret_key_file = get("KIMONET_SECRET_KEY_FILE");
    if (auto v = get("KIMONET_TZ"); !v.empty()) {
        auto offset = parse_utc_offset(v);
        if (!offset) return make_error(ErrorCode::Internal, messages::with_detail(messages::kBadTimeZone, offset.error().message()));
        config.utc_offset = *offset;
    }
    if (auto v = get("KIMONET_TOKEN_TTL_HOURS"); !v.empty()) config.token_ttl_seconds = std::atoll(v.c_str()) * 3600;
    return config;
}

}  // namespace kimonet::app
