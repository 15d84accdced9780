#include "store/whatsapp_health_store.hpp"

#include <vector>

#include "store/auth_returning.hpp"

namespace kimonet::store {

Result<std::optional<WhatsappOptOut>> find_whatsapp_opt_out(Database& db, const std::string& phone) {
    auto find = TRY(db.prepare("SELECT phone, customer_id, keyword, opted_out_at FROM whatsapp_opt_outs WHERE phone = ?"));
    find.bind(1, phone);
    if (!TRY(find.step())) return std::optional<WhatsappOptOut>();
    return std::optional<WhatsappOptOut>(WhatsappOptOut{find.column_text(0), find.column_optional_int(1), find.column_text(2), find.column_int(3)});
}

Result<bool> insert_whatsapp_opt_out(Database& db, const WhatsappOptOut& opt_out) {
    auto insert = TRY(db.prepare(
        "INSERT INTO whatsapp_opt_outs(phone, customer_id, keyword, opted_out_at) VALUES (?, ?, ?, ?) ON CONFLICT(phone) DO NOTHING RETURNING phone"));
    insert.bind(1, opt_out.phone).bind(2, opt_out.customer_id).bind(3, opt_out.keyword).bind(4, opt_out.opted_out_at);
    const bool created = TRY(insert.step());
    TRY_VOID(insert.run());
    return created;
}

Result<bool> delete_whatsapp_opt_out(Database& db, const std::string& phone) {
    auto remove = TRY(db.prepare("DELETE FROM whatsapp_opt_outs WHERE phone = ? RETURNING phone"));
    remove.bind(1, phone);
    const bool removed = TRY(remove.step());
    TRY_VOID(remove.run());
    return removed;
}

Result<std::vector<std::int64_t>> cancel_queued_bulk_to_phone(Database& db, const std::string& phone, const std::string& reason, std::int64_t now) {
    auto cancel = TRY(db.prepare(
        "UPDATE notifications SET status = 'cancelled', lease_until = NULL, last_error = ?, updated_at = ? "
        "WHERE phone = ? AND message_class = 'bulk' AND status = 'queued' RETURNING id"));
    cancel.bind(1, reason).bind(2, now).bind(3, phone);
    std::vector<std::int64_t> ids;
    while (TRY(cancel.step())) ids.push_back(cancel.column_int(0));
    return ids;
}

namespace {

constexpr const char* kIncidentColumns =
    "SELECT id, gateway, state, detail, opened_at, checked_at, alert_notification_id FROM whatsapp_session_incidents ";

}  // namespace

Result<std::optional<WhatsappIncident>> find_open_whatsapp_incident(Database& db) {
    auto find = TRY(db.prepare(std::string(kIncidentColumns) + "WHERE closed_at IS NULL ORDER BY opened_at, id LIMIT 1"));
    if (!TRY(find.step())) return std::optional<WhatsappIncident>();
    return std::optional<WhatsappIncident>(WhatsappIncident{find.column_int(0), find.column_text(1), find.column_text(2), find.column_text(3),
                                                            find.column_int(4), find.column_int(5), find.column_optional_int(6)});
}

Result<std::int64_t> insert_whatsapp_incident(Database& db, const WhatsappIncident& incident) {
    auto insert = TRY(db.prepare(
        "INSERT INTO whatsapp_session_incidents(gateway, state, detail, opened_at, checked_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, incident.gateway).bind(2, incident.state).bind(3, incident.detail).bind(4, incident.opened_at).bind(5, incident.checked_at);
    return detail::run_returning_id(insert);
}

Result<void> touch_whatsapp_incident(Database& db, std::int64_t id, const std::string& state, const std::string& detail, std::int64_t now) {
    auto touch = TRY(db.prepare("UPDATE whatsapp_session_incidents SET state = ?, detail = ?, checked_at = ? WHERE id = ?"));
    touch.bind(1, state).bind(2, detail).bind(3, now).bind(4, id);
    return touch.run();
}

Result<void> set_whatsapp_incident_alert(Database& db, std::int64_t id, std::int64_t notification_id) {
    auto alert = TRY(db.prepare("UPDATE whatsapp_session_incidents SET alert_notification_id = ? WHERE id = ?"));
    alert.bind(1, notification_id).bind(2, id);
    return alert.run();
}

Result<void> close_whatsapp_incident(Database& db, std::int64_t id, std::int64_t now) {
    auto close = TRY(db.prepare("UPDATE whatsapp_session_incidents SET closed_at = ?, checked_at = ? WHERE id = ?"));
    close.bind(1, now).bind(2, now).bind(3, id);
    return close.run();
}

}  // namespace kimonet::store
