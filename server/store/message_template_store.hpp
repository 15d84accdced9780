#pragma once
// The operator's edits of message templates (message_templates); a key without a row uses its
// default text (messaging/templates.hpp). Writes assume the caller holds the transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::store {

// The stored edit of `key`, none when the default is in use.
Result<std::optional<std::string>> find_message_template_body(Database& db, std::string_view key);
Result<void> save_message_template_body(Database& db, std::string_view key, const std::string& body, const std::string& updated_by,
                                        std::int64_t now);
// Back to the default.
Result<void> delete_message_template(Database& db, std::string_view key);

}  // namespace kimonet::store
