#pragma once
// Key/value settings rows. Secret values are stored sealed (raw SecretBox bytes); the service
// seals and opens them. Writes assume the caller holds the transaction (services/settings.cpp).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

// The stored value, none when the key has no row (the default applies).
Result<std::optional<std::string>> find_setting_value(Database& db, std::string_view key);
// Inserts or replaces; `sealed` = the value is SecretBox bytes. updated_at is `now` (Clock) as
// ISO-8601 UTC text, the column's format.
Result<void> save_setting_value(Database& db, std::string_view key, const std::string& value, bool sealed, std::int64_t now);
// Inserts unless the key has a row already (then nothing changes): a value made once, by whichever
// server gets there first (services/invoice_pdf_link.cpp's key).
Result<void> add_setting_value(Database& db, std::string_view key, const std::string& value, bool sealed, std::int64_t now);

// Several settings a path is about to read, in ONE statement instead of one each (a gateway
// callback's verification reads four to six): while this object lives, find_setting_value(db, key)
// on this thread answers those keys from what the read found. Outside a write transaction a
// read-ahead is exactly as fresh as reading each key where it is used — each such read takes its own snapshot
// anyway, so reading them together is no older than reading them a few statements apart. Forgotten
// when this thread writes a setting on `db`. Scopes nest (the inner one is asked first).
// Inside a write transaction the values read go to the transaction memo instead (exact until the
// transaction ends, store/transaction_memo.hpp), and keys it already holds are not read again: a
// hot write path names the settings it will read once, at its start (a batch of callbacks: one
// statement instead of seven).
class SettingsReadAhead {
public:
    SettingsReadAhead(Database& db, const std::vector<std::string>& keys);
    ~SettingsReadAhead();
    SettingsReadAhead(const SettingsReadAhead&) = delete;
    SettingsReadAhead& operator=(const SettingsReadAhead&) = delete;
    // The value read ahead for `key` on `db` (nullopt inside = no row), or nullptr: not read ahead here.
    static const std::optional<std::string>* find(const Database& db, std::string_view key);
    static void forget(const Database& db);

private:
    const Database* m_db;
    std::map<std::string, std::optional<std::string>, std::less<>> m_values;
    SettingsReadAhead* m_outer;
};

}  // namespace kimonet::store
