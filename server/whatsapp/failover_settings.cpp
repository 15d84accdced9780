#include "whatsapp/failover_settings.hpp"

#include "services/settings.hpp"

namespace kimonet::whatsapp {

Result<std::optional<MessengerSettings>> backup_messenger_settings(store::Database& db, const security::SecretBox& secrets) {
    MessengerSettings settings;
    settings.driver = TRY(services::get_setting(db, "whatsapp_backup_driver"));
    settings.api_url = TRY(services::get_setting(db, "whatsapp_backup_api_url"));
    if (settings.driver.empty() || settings.api_url.empty()) return std::optional<MessengerSettings>();
    settings.sender = TRY(services::get_setting(db, "whatsapp_backup_sender"));
    settings.api_key = TRY(services::get_secret_setting(db, secrets, "whatsapp_backup_api_key"));
    const auto timeout = TRY(services::get_setting_int(db, "whatsapp_backup_timeout_seconds"));
    settings.timeout_ms = static_cast<long>(timeout > 0 ? timeout : 10) * 1000;
    return std::optional<MessengerSettings>(std::move(settings));
}

}  // namespace kimonet::whatsapp
