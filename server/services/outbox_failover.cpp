#include "services/outbox_failover.hpp"

#include "services/whatsapp_session_health.hpp"
#include "whatsapp/failover_settings.hpp"

namespace kimonet::services {

Result<DrainReport> drain_configured_outbox(store::Database& db, const app::Ports& ports, const security::SecretBox& secrets,
                                            const app::Clock& clock, UtcOffset offset, int max_messages) {
    auto primary = TRY(ports.configured_messenger(db, secrets));
    std::unique_ptr<whatsapp::Messenger> backup;
    if (auto settings = TRY(whatsapp::backup_messenger_settings(db, secrets))) backup = TRY(ports.messenger(std::move(*settings)));
    const bool primary_down = backup && TRY(whatsapp_primary_down(db, primary->gateway_key()));
    auto limits = TRY(outbox_limits(db));
    if (max_messages > 0) limits.max_messages = max_messages;
    return drain_outbox(db, clock, offset, OutboxMessengers{*primary, backup.get(), primary_down}, limits);
}

}  // namespace kimonet::services
