#pragma once
// The WhatsApp session health check (issue 22; the scheduler's "whatsapp_health" job, every five
// minutes by default): asks the primary gateway for its device status. A lost session (device
// disconnected, QR to scan again, gateway unreachable) opens an incident, once: the owner
// (whatsapp_owner_phone) gets one WhatsApp alert through the backup gateway (the outbox sends
// through the backup while an incident is open) and the dashboard shows a banner to roles that
// can fix it (settings.update). Later runs while it stays lost change nothing the owner sees; a
// run that finds the session back closes the incident, and the next loss alerts again.
// docs/OPERATIONS.md "WhatsApp session health".
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

// One check; the JSON says what it found and did ({"outcome": "healthy" | "lost" | "still_lost" |
// "recovered" | "not_configured", "state", "alerted", "alert_skipped", "incident_id"}).
Result<api::Json> check_whatsapp_session(app::Context& context);

// True when the open incident is `primary_gateway`'s (the outbox starts on the backup then).
Result<bool> whatsapp_primary_down(store::Database& db, const std::string& primary_gateway);

// The open incident for the dashboard banner ({state, message, gateway, since}), or null.
Result<api::Json> whatsapp_session_banner(store::Database& db);

}  // namespace kimonet::services
