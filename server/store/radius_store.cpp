#include "store/radius_store.hpp"

#include <algorithm>

namespace kimonet::store {

static constexpr const char* kNasSelect =
    "SELECT r.id, r.name, r.host, COALESCE(n.nas_address, ''), COALESCE(n.coa_port, 3799), n.secret_encrypted, "
    "COALESCE(n.connection_methods, 'pppoe,static,dhcp,radius') "
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
    nas.connection_methods = row.column_text(6);
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
                               const std::string& sealed_secret, const std::string& connection_methods, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "INSERT INTO radius_nas(router_id, nas_address, coa_port, secret_encrypted, updated_at, connection_methods) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(router_id) DO UPDATE SET nas_address = excluded.nas_address, coa_port = excluded.coa_port, "
        "secret_encrypted = COALESCE(excluded.secret_encrypted, radius_nas.secret_encrypted), updated_at = excluded.updated_at, "
        "connection_methods = excluded.connection_methods"));
    statement.bind(1, router_id).bind(2, nas_address).bind(3, coa_port);
    if (sealed_secret.empty()) statement.bind_null(4);
    else statement.bind_blob(4, sealed_secret);
    statement.bind(5, now).bind(6, connection_methods);
    return statement.run();
}

Result<std::vector<std::pair<std::string, std::int64_t>>> router_method_counts(Database& db, std::int64_t router_id) {
    auto statement = TRY(db.prepare(
        "SELECT connection_method, COUNT(*) FROM customers WHERE router_id = ? AND status <> 'terminated' GROUP BY connection_method ORDER BY connection_method"));
    statement.bind(1, router_id);
    std::vector<std::pair<std::string, std::int64_t>> out;
    while (TRY(statement.step())) out.emplace_back(statement.column_text(0), statement.column_int(1));
    return out;
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
        // The session applies what FreeRADIUS last answered this customer (radius_accepts).
        std::string applied_state, applied_rate_limit;
        {
            auto accepted = TRY(db.prepare("SELECT state, rate_limit FROM radius_accepts WHERE customer_id = ?"));
            accepted.bind(1, record.customer_id);
            if (TRY(accepted.step())) {
                applied_state = accepted.column_text(0);
                applied_rate_limit = accepted.column_text(1);
            }
        }
        auto insert = TRY(db.prepare(
            "INSERT INTO radius_sessions(nas_address, acct_session_id, customer_id, username, framed_ip, started_at, updated_at, stopped_at, "
            "session_seconds, upload_bytes, download_bytes, terminate_cause, applied_state, applied_rate_limit, applied_by) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        insert.bind(1, record.nas_address).bind(2, record.acct_session_id).bind(3, record.customer_id).bind(4, record.username)
            .bind(5, record.framed_ip).bind(6, now - record.session_seconds).bind(7, now);
        if (record.stop) insert.bind(8, now);
        else insert.bind_null(8);
        insert.bind(9, record.session_seconds).bind(10, record.upload_bytes).bind(11, record.download_bytes).bind(12, record.terminate_cause);
        insert.bind(13, applied_state).bind(14, applied_rate_limit).bind(15, std::string(applied_state.empty() ? "" : "access-accept"));
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
    "download_bytes, terminate_cause, applied_state, applied_rate_limit, applied_by, coa_result, coa_detail FROM radius_sessions WHERE customer_id = ?";

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
    session.applied_state = row.column_text(11);
    session.applied_rate_limit = row.column_text(12);
    session.applied_by = row.column_text(13);
    session.coa_result = row.column_text(14);
    session.coa_detail = row.column_text(15);
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

Result<bool> radius_accept_differs(Database& db, std::int64_t customer_id, const std::string& state, const std::string& rate_limit) {
    auto known = TRY(db.prepare("SELECT state, rate_limit FROM radius_accepts WHERE customer_id = ?"));
    known.bind(1, customer_id);
    return !TRY(known.step()) || known.column_text(0) != state || known.column_text(1) != rate_limit;
}

Result<void> record_radius_accept(Database& db, std::int64_t customer_id, const std::string& state, const std::string& rate_limit, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "INSERT INTO radius_accepts(customer_id, answered_at, state, rate_limit) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(customer_id) DO UPDATE SET answered_at = excluded.answered_at, state = excluded.state, rate_limit = excluded.rate_limit"));
    statement.bind(1, customer_id).bind(2, now).bind(3, state).bind(4, rate_limit);
    return statement.run();
}

Result<void> record_radius_coa(Database& db, std::int64_t customer_id, const std::string& nas_address, const RadiusCoaOutcome& outcome,
                               std::int64_t now) {
    if (outcome.applied) {
        auto statement = TRY(db.prepare(
            "UPDATE radius_sessions SET applied_state = ?, applied_rate_limit = ?, applied_by = ?, coa_result = ?, coa_detail = ?, coa_at = ? "
            "WHERE customer_id = ? AND nas_address = ? AND stopped_at IS NULL"));
        statement.bind(1, outcome.state).bind(2, outcome.rate_limit).bind(3, outcome.applied_by).bind(4, outcome.result).bind(5, outcome.detail);
        statement.bind(6, now).bind(7, customer_id).bind(8, nas_address);
        return statement.run();
    }
    auto statement = TRY(db.prepare(
        "UPDATE radius_sessions SET coa_result = ?, coa_detail = ?, coa_at = ? WHERE customer_id = ? AND nas_address = ? AND stopped_at IS NULL"));
    statement.bind(1, outcome.result).bind(2, outcome.detail).bind(3, now).bind(4, customer_id).bind(5, nas_address);
    return statement.run();
}

Result<std::vector<RadiusOnlineRow>> radius_online_rows(Database& db, std::int64_t router_id) {
    auto statement = TRY(db.prepare(
        "SELECT c.id, c.service_number, c.pppoe_username, c.status, c.package_id, p.upload_kbps, p.download_kbps, c.ip_address, "
        "s.nas_address, s.acct_session_id, s.applied_state, s.applied_rate_limit, s.coa_result, s.coa_detail, COALESCE(s.coa_at, 0), "
        "CASE WHEN EXISTS (SELECT 1 FROM network_actions a WHERE a.customer_id = c.id AND a.status = 'pending' "
        "AND a.action IN ('isolate','restore')) THEN 1 ELSE 0 END "
        "FROM customers c JOIN internet_packages p ON p.id = c.package_id "
        "JOIN radius_sessions s ON s.customer_id = c.id AND s.stopped_at IS NULL "
        "WHERE c.router_id = ? AND c.connection_method = 'radius' AND c.status IN ('active','isolated') "
        "ORDER BY c.id, s.started_at DESC, s.id DESC"));
    statement.bind(1, router_id);
    std::vector<RadiusOnlineRow> out;
    while (TRY(statement.step())) {
        if (!out.empty() && out.back().customer_id == statement.column_int(0)) continue;  // an older open session of the same customer
        RadiusOnlineRow row;
        row.customer_id = statement.column_int(0);
        row.service_number = statement.column_text(1);
        row.username = statement.column_text(2);
        row.status = statement.column_text(3);
        row.package_id = statement.column_int(4);
        row.upload_kbps = statement.column_int(5);
        row.download_kbps = statement.column_int(6);
        row.ip_address = statement.column_text(7);
        row.nas_address = statement.column_text(8);
        row.acct_session_id = statement.column_text(9);
        row.applied_state = statement.column_text(10);
        row.applied_rate_limit = statement.column_text(11);
        row.coa_result = statement.column_text(12);
        row.coa_detail = statement.column_text(13);
        row.coa_at = statement.column_int(14);
        row.pending = statement.column_int(15) != 0;
        out.push_back(std::move(row));
    }
    return out;
}

Result<void> complete_pending_radius_actions(Database& db, std::int64_t customer_id, const std::string& action, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "UPDATE network_actions SET status = 'done', processed_at = ?, result = 'applied', lease_until = NULL "
        "WHERE customer_id = ? AND status = 'pending' AND action = ?"));
    statement.bind(1, now).bind(2, customer_id).bind(3, action);
    return statement.run();
}

}  // namespace kimonet::store
