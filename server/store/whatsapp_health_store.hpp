#pragma once
// The rows behind WhatsApp failover, session health and opt-out (migration 0046): numbers that
// sent STOP/BERHENTI (whatsapp_opt_outs) and incidents of a lost primary session
// (whatsapp_session_incidents). Writes assume the caller holds the transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct WhatsappOptOut {
    std::string phone;
    std::optional<std::int64_t> customer_id;
    std::string keyword;  // the word the customer sent ("STOP", "BERHENTI")
    std::int64_t opted_out_at = 0;
};
Result<std::optional<WhatsappOptOut>> find_whatsapp_opt_out(Database& db, const std::string& phone);
// Keeps the first opt-out's time when the number says STOP again (true when the row is new).
Result<bool> insert_whatsapp_opt_out(Database& db, const WhatsappOptOut& opt_out);
// True when a row was removed.
Result<bool> delete_whatsapp_opt_out(Database& db, const std::string& phone);
// Bulk messages still queued for the number: cancelled with `reason`; returns their ids.
Result<std::vector<std::int64_t>> cancel_queued_bulk_to_phone(Database& db, const std::string& phone, const std::string& reason, std::int64_t now);

struct WhatsappIncident {
    std::int64_t id = 0;
    std::string gateway;
    std::string state;  // disconnected | qr_required | unreachable
    std::string detail;
    std::int64_t opened_at = 0;
    std::int64_t checked_at = 0;
    std::optional<std::int64_t> alert_notification_id;
};
// The open incident (closed_at NULL), of any gateway; the oldest when several are open.
Result<std::optional<WhatsappIncident>> find_open_whatsapp_incident(Database& db);
Result<std::int64_t> insert_whatsapp_incident(Database& db, const WhatsappIncident& incident);
Result<void> touch_whatsapp_incident(Database& db, std::int64_t id, const std::string& state, const std::string& detail, std::int64_t now);
Result<void> set_whatsapp_incident_alert(Database& db, std::int64_t id, std::int64_t notification_id);
Result<void> close_whatsapp_incident(Database& db, std::int64_t id, std::int64_t now);

}  // namespace kimonet::store
