#include "services/secret_destinations.hpp"

#include "services/activity_log.hpp"
#include "services/settings.hpp"
#include "store/network_store.hpp"

namespace kimonet::services {

const std::vector<SecretDestination>& secret_destinations() {
    // The mode settings (sandbox/production) are not destinations: both hosts are the gateway's own.
    // Every rule here is checked by secret_redirect/every_sent_secret_follows_its_destination.
    // flip_validation_token and whatsapp_webhook_secret are only compared with what arrives, never sent.
    static const std::vector<SecretDestination> all = {
        {"midtrans_server_key", {"midtrans_base_url"}},
        {"duitku_api_key", {"duitku_base_url"}},
        {"flip_secret_key", {"flip_base_url"}},
        {"whatsapp_api_key", {"whatsapp_api_url", "whatsapp_driver"}},
        {"whatsapp_backup_api_key", {"whatsapp_backup_api_url", "whatsapp_backup_driver"}},
        // The SMTP password goes wherever smtp_url points, and how it travels is part of where:
        // turning TLS off or the certificate check off would hand it to anyone on the path.
        {"smtp_password", {"smtp_url", "smtp_tls", "smtp_verify_certificate"}},
    };
    return all;
}

Result<void> follow_secret_destinations(app::Context& context, std::map<std::string, std::string>& values) {
    for (const auto& rule : secret_destinations()) {
        api::Json before = api::Json::object(), after = api::Json::object();
        for (const char* key : rule.destination_keys) {
            auto changed = values.find(key);
            if (changed == values.end()) continue;
            const std::string current = TRY(get_setting(context.db, key));
            if (current == changed->second) continue;
            before[key] = current;
            after[key] = changed->second;
        }
        if (after.empty()) continue;
        auto supplied = values.find(rule.secret_key);
        const bool resupplied = supplied != values.end() && !supplied->second.empty();
        if (!resupplied) values[rule.secret_key] = "";  // cleared: never sent to the new destination
        const bool was_set = TRY(store::setting_has_value(context.db, rule.secret_key));
        before[rule.secret_key] = was_set ? "set" : "not set";
        after[rule.secret_key] = resupplied ? "supplied again" : "cleared";
        TRY_VOID(log_activity(context, "settings.secret_destination", "settings", std::nullopt, before, after));
    }
    return {};
}

}  // namespace kimonet::services
