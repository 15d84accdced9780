#pragma once
// Configuration from the environment and an optional .env file (environment wins).
#include <cstdint>
#include <map>
#include <string>

#include "core/date.hpp"
#include "core/result.hpp"

namespace kimonet::app {

struct Config {
    std::string db_path = "data/kimonet.db";
    std::string bind = "127.0.0.1";
    int port = 8080;
    std::string web_dir;  // the browser app to serve at "/" (empty: none)
    std::string landing_dir;  // the landing page to serve at "/landing/" (empty: none)
    std::string secret_key_hex;  // KIMONET_SECRET_KEY
    std::string secret_key_file;  // default: <db dir>/secret.key
    UtcOffset utc_offset;  // KIMONET_TZ, default +07:00
    // HTTP worker threads. Handlers block on SQLite (the write lock, the callback group commit),
    // not on the CPU, so there are more than cores: 16 gateway callbacks arriving together share
    // one commit instead of queueing behind 4.
    int threads = 16;
    std::int64_t token_ttl_seconds = 12 * 3600;
    std::string public_base_url;  // for links in messages/PDFs; default http://<bind>:<port>
};

// Reads KIMONET_* variables from `dotenv_path` (if it exists) and then the environment.
Result<Config> load_config(const std::string& dotenv_path = ".env");
// Parses KEY=VALUE lines (comments with #, optional quotes).
std::map<std::string, std::string> parse_dotenv(const std::string& text);

}  // namespace kimonet::app
