#include "store/radius_store.hpp"

#include <algorithm>

namespace kimonet::store {

static constexpr const char* kNasSelect =
    "SELECT r.id, r.name, r.host, COALESCE(n.nas_address, ''), COALESCE(n.coa_port, 3799), n.secret_encrypted "
    "FROM routers r LEFT JOIN radius_nas n ON n.router_id = r.id";

static Result<RadiusNas> row_to_nas(const Statement& row, const security::SecretBox* secrets) {
    RadiusNas nas;
    nas.router_id = row.column_int(0);
    nas.router_name = row.column_text(1);
    nas.router_host = row.column_text(2);
    nas.nas_address = row.column_text(3);
    nas.coa_port = static_cast<int>(row.column_int(4));
    nas.has_secret = !row.column_is_null(5) && !row.column_text(5).empty();
    if (nas.has_secret && secrets) nas.secret = TRY(secrets->open(row.column_text(5)));
    return nas;
}

Result<std::optional<RadiusNas>> find_radius_nas(Database& db, std::int64_t router_id, const security::SecretBox* secrets) {
    auto statement = TRY(db.prepare(std::string(kNasSelect) + " WHERE r.id = ?"));
    statement.bind(1, router_id);
    if (!TRY(statement.step())) return std::optional<RadiusNas>();
    return std::optional<RadiusNas>(TRY(row_to_nas(statement, secrets)));
}

Result<std::vector<RadiusNas>> list_radius_clients(Database& db, const security::SecretBox& secrets) {
    auto statement = TRY(db.prepare(std::string(kNasSelect) + " WHERE n.secret_encrypted IS NOT NULL ORDER BY r.id"));
    std::vector<RadiusNas> out;
    while (TRY(statement.step())) out.push_back(TRY(row_to_nas(statement, &secrets)));
    return out;
}

Result<void> upsert_radius_nas(Database& db, std::int64_t router_id, const std::string& nas_address, int coa_port,
                               const std::string& sealed_secret, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "INSERT INTO radius_nas(router_id, nas_address, coa_port, secret_encrypted, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(router_id) DO UPDATE SET nas_address = excluded.nas_address, coa_port = excluded.coa_port, "
        "secret_encrypted = COALESCE(excluded.secret_encrypted, radius_nas.secret_encrypted), updated_at = excluded.updated_at"));
    statement.bind(1, router_id).bind(2, nas_address).bind(3, coa_port);
    if (sealed_secret.empty()) statement.bind_null(4);
    else statement.bind_blob(4, sealed_secret);
    statement.bind(5, now);
    return statement.run();
}

Result<std::optional<RadiusSubscriber>> find_radius_subscriber(Database& db, const std::string& username) {
    auto statement = TRY(db.prepare(
        "SELECT c.id, c.status, c.pppoe_password_encrypted, p.download_kbps, p.upload_kbps, c.ip_address, c.router_id "
        "FROM customers c JOIN internet_packages p ON p.id = c.package_id "
        "WHERE c.pppoe_username = ? AND c.connection_method = 'radius' ORDER BY c.id LIMIT 1"));
    statement.bind(1, username);
    if (!TRY(statement.step())) return std::optional<RadiusSubscriber>();
    RadiusSubscriber subscriber;
    subscriber.customer_id = statement.column_int(0);
    subscriber.status = statement.column_text(1);
    if (!statement.column_is_null(2)) subscriber.sealed_password = statement.column_text(2);
    subscriber.download_kbps = statement.column_int(3);
    subscriber.upload_kbps = statement.column_int(4);
    subscriber.ip_address = statement.column_text(5);
    if (!statement.column_is_null(6)) subscriber.router_id = statement.column_int(6);
    return std::optional<RadiusSubscriber>(subscriber);
}

Result<AccountingDelta> apply_accounting(Database& db, const AccountingRecord& record, std::int64_t now) {
    AccountingDelta delta;
    auto existing = TRY(db.prepare(
        "SELECT upload_bytes, download_bytes, stopped_at IS NOT NULL, session_seconds FROM radius_sessions "
        "WHERE nas_address = ? AND acct_session_id = ?"));
    existing.bind(1, record.nas_address).bind(2, record.acct_session_id);
    if (!TRY(existing.step())) {
        existing.reset();
        auto insert = TRY(db.prepare(
            "INSERT INTO radius_sessions(nas_address, acct_session_id, customer_id, username, framed_ip, started_at, updated_at, stopped_at, "
            "session_seconds, upload_bytes, download_bytes, terminate_cause) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
        insert.bind(1, record.nas_address).bind(2, record.acct_session_id).bind(3, record.customer_id).bind(4, record.username)
            .bind(5, record.framed_ip).bind(6, now - record.session_seconds).bind(7, now);
        if (record.stop) insert.bind(8, now);
        else insert.bind_null(8);
        insert.bind(9, record.session_seconds).bind(10, record.upload_bytes).bind(11, record.download_bytes).bind(12, record.terminate_cause);
        TRY_VOID(insert.run());
        delta.inserted = delta.changed = true;
        delta.upload_added = record.upload_bytes;
        delta.download_added = record.download_bytes;
        return delta;
    }
    const std::int64_t upload = existing.column_int(0), download = existing.column_int(1), seconds = existing.column_int(3);
    const bool stopped = existing.column_int(2) != 0;
    existing.reset();
    delta.upload_added = std::max<std::int64_t>(0, record.upload_bytes - upload);
    delta.download_added = std::max<std::int64_t>(0, record.download_bytes - download);
    const bool stops_now = record.stop && !stopped;
    if (delta.upload_added == 0 && delta.download_added == 0 && record.session_seconds <= seconds && !stops_now) return delta;
    auto update = TRY(db.prepare(
        "UPDATE radius_sessions SET upload_bytes = ?, download_bytes = ?, session_seconds = ?, updated_at = ?, "
        "stopped_at = CASE WHEN stopped_at IS NULL AND ? = 1 THEN ? ELSE stopped_at END, "
        "terminate_cause = CASE WHEN stopped_at IS NULL AND ? = 1 THEN ? ELSE terminate_cause END, "
        "framed_ip = CASE WHEN framed_ip = '' THEN ? ELSE framed_ip END WHERE nas_address = ? AND acct_session_id = ?"));
    update.bind(1, upload + delta.upload_added).bind(2, download + delta.download_added).bind(3, std::max(seconds, record.session_seconds))
        .bind(4, now).bind(5, stops_now ? 1 : 0).bind(6, now).bind(7, stops_now ? 1 : 0).bind(8, record.terminate_cause)
        .bind(9, record.framed_ip).bind(10, record.nas_address).bind(11, record.acct_session_id);
    TRY_VOID(update.run());
    delta.changed = true;
    return delta;
}

Result<void> add_radius_usage(Database& db, std::int64_t customer_id, const std::string& period, std::int64_t upload, std::int64_t download) {
    auto statement = TRY(db.prepare(
        "INSERT INTO radius_usage(customer_id, period, upload_bytes, download_bytes) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(customer_id, period) DO UPDATE SET upload_bytes = radius_usage.upload_bytes + excluded.upload_bytes, "
        "download_bytes = radius_usage.download_bytes + excluded.download_bytes"));
    statement.bind(1, customer_id).bind(2, period).bind(3, upload).bind(4, download);
    return statement.run();
}

Result<void> prune_radius_sessions(Database& db, std::int64_t customer_id, std::int64_t before) {
    auto statement = TRY(db.prepare("DELETE FROM radius_sessions WHERE customer_id = ? AND stopped_at IS NOT NULL AND stopped_at < ?"));
    statement.bind(1, customer_id).bind(2, before);
    return statement.run();
}

static constexpr const char* kSessionSelect =
    "SELECT nas_address, acct_session_id, username, framed_ip, started_at, updated_at, stopped_at, session_seconds, upload_bytes, "
    "download_bytes, terminate_cause FROM radius_sessions WHERE customer_id = ?";

static RadiusSessionRow row_to_session(const Statement& row) {
    RadiusSessionRow session;
    session.nas_address = row.column_text(0);
    session.acct_session_id = row.column_text(1);
    session.username = row.column_text(2);
    session.framed_ip = row.column_text(3);
    session.started_at = row.column_int(4);
    session.updated_at = row.column_int(5);
    if (!row.column_is_null(6)) session.stopped_at = row.column_int(6);
    session.session_seconds = row.column_int(7);
    session.upload_bytes = row.column_int(8);
    session.download_bytes = row.column_int(9);
    session.terminate_cause = row.column_text(10);
    return session;
}

Result<std::vector<RadiusSessionRow>> open_radius_sessions(Database& db, std::int64_t customer_id) {
    auto statement = TRY(db.prepare(std::string(kSessionSelect) + " AND stopped_at IS NULL ORDER BY started_at DESC, id DESC LIMIT 20"));
    statement.bind(1, customer_id);
    std::vector<RadiusSessionRow> out;
    while (TRY(statement.step())) out.push_back(row_to_session(statement));
    return out;
}

Result<std::optional<RadiusSessionRow>> last_radius_session(Database& db, std::int64_t customer_id) {
    auto statement = TRY(db.prepare(std::string(kSessionSelect) + " ORDER BY started_at DESC, id DESC LIMIT 1"));
    statement.bind(1, customer_id);
    if (!TRY(statement.step())) return std::optional<RadiusSessionRow>();
    return std::optional<RadiusSessionRow>(row_to_session(statement));
}

Result<std::pair<std::int64_t, std::int64_t>> radius_usage(Database& db, std::int64_t customer_id, const std::string& period) {
    auto statement = TRY(db.prepare("SELECT upload_bytes, download_bytes FROM radius_usage WHERE customer_id = ? AND period = ?"));
    statement.bind(1, customer_id).bind(2, period);
    if (!TRY(statement.step())) return std::pair<std::int64_t, std::int64_t>{0, 0};
    return std::pair<std::int64_t, std::int64_t>{statement.column_int(0), statement.column_int(1)};
}

}  // namespace kimonet::store
