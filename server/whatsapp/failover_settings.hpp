#pragma once
// The backup WhatsApp gateway (issue 22 failover): whatsapp_backup_* settings with the primary's
// shapes (driver, api_url, sender, api_key sealed, timeout). The outbox moves a message whose send
// failed on the primary to it (services/outbox.hpp), and the session-health alert goes through it.
#include <optional>

#include "whatsapp/messenger.hpp"

namespace kimonet::whatsapp {

// The backup's settings (key decrypted); none when no backup driver or URL is set.
Result<std::optional<MessengerSettings>> backup_messenger_settings(store::Database& db, const security::SecretBox& secrets);

}  // namespace kimonet::whatsapp
