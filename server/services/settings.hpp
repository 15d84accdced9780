#pragma once
// Key/value settings with defaults. Secret settings are sealed with the SecretBox and
// never returned by the API (write-only).
#include <map>
#include <optional>
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

struct SettingDefinition {
    const char* key;
    const char* default_value;
    bool secret;
    const char* description;
};

// Every setting the product knows; later features add rows here.
const std::vector<SettingDefinition>& setting_definitions();
const SettingDefinition* find_setting_definition(std::string_view key);

// Why a value is unacceptable for `key` (empty when it is fine or the key has no rule).
std::optional<std::string> setting_value_problem(std::string_view key, std::string_view value);

Result<std::string> get_setting(store::Database& db, std::string_view key);
Result<std::int64_t> get_setting_int(store::Database& db, std::string_view key);
// Secret settings decrypted (for adapters only).
Result<std::string> get_secret_setting(store::Database& db, const security::SecretBox& secrets, std::string_view key);
// Validates keys, seals secrets, logs the change (secrets logged as "***"). A changed destination
// of a secret clears that secret unless the same request supplies it (secret_destinations.hpp).
Result<void> update_settings(app::Context& context, const std::map<std::string, std::string>& values);
// For the API: every setting with its value, secrets as {"set": bool}.
Result<api::Json> settings_for_api(store::Database& db);

}  // namespace kimonet::services
