#pragma once
// One outbox round as `kimonet serve` runs it (jobs/outbox_runner.cpp): the primary gateway from
// the whatsapp_* settings, the backup from whatsapp_backup_* when one is set, and whether the
// session health job holds the primary's session lost (then the drain starts on the backup).
// Settings are re-read every round, so a change takes effect without a restart.
#include "app/clock.hpp"
#include "app/ports.hpp"
#include "services/outbox.hpp"

namespace kimonet::services {

// `max_messages` > 0 caps the round (the CLI's --max); 0 keeps OutboxLimits' default.
Result<DrainReport> drain_configured_outbox(store::Database& db, const app::Ports& ports, const security::SecretBox& secrets,
                                            const app::Clock& clock, UtcOffset offset, int max_messages = 0);

}  // namespace kimonet::services
