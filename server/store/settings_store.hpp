#pragma once
// Key/value settings rows. Secret values are stored sealed (raw SecretBox bytes); the service
// seals and opens them. Writes assume the caller holds the transaction (services/settings.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::store {

// The stored value, none when the key has no row (the default applies).
Result<std::optional<std::string>> find_setting_value(Database& db, std::string_view key);
// Inserts or replaces; `sealed` = the value is SecretBox bytes. updated_at is `now` (Clock) as
// ISO-8601 UTC text, the column's format.
Result<void> save_setting_value(Database& db, std::string_view key, const std::string& value, bool sealed, std::int64_t now);

}  // namespace kimonet::store
