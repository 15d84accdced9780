#include "store/network_store.hpp"

#include <algorithm>

#include "store/store_time.hpp"

namespace kimonet::store {

namespace {

// `INSERT … RETURNING id` (portable, unlike last_insert_id): the new row's id.
Result<std::int64_t> run_returning_id(Statement& insert) {
    if (!TRY(insert.step())) return make_error(ErrorCode::Internal);  // an INSERT that succeeds returns its row
    const std::int64_t id = insert.column_int(0);
    TRY_VOID(insert.run());  // finish the statement: it holds no read afterwards
    return id;
}


constexpr const char* kIncidentSelect =
    "SELECT i.id, i.message, i.router_id, COALESCE(r.name, ''), i.expected_recovery_at, i.resolved, i.resolved_at, i.created_by, "
    "i.created_at FROM incidents i LEFT JOIN routers r ON r.id = i.router_id";

IncidentRow incident_from_row(const Statement& row) {
    IncidentRow incident;
    incident.id = row.column_int(0);
    incident.message = row.column_text(1);
    incident.router_id = row.column_optional_int(2);
    incident.router_name = row.column_text(3);
    incident.expected_recovery_at = row.column_optional_int(4);
    incident.resolved = row.column_int(5) != 0;
    incident.resolved_at = row.column_optional_int(6);
    incident.created_by = row.column_text(7);
    incident.created_at = row.column_int(8);
    return incident;
}

}  // namespace

Result<std::int64_t> insert_network_action(Database& db, const NewNetworkAction& action) {
    auto insert = TRY(db.prepare(
        "INSERT INTO network_actions(customer_id, action, status, reason, created_at, router_id, attempts, next_attempt_at, last_error, "
        "requested_by) VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, action.customer_id).bind(2, action.action).bind(3, action.reason).bind(4, action.created_at).bind(5, action.router_id);
    insert.bind(6, action.attempts).bind(7, action.next_attempt_at).bind(8, action.last_error).bind(9, action.requested_by);
    return run_returning_id(insert);
}

Result<std::int64_t> newest_pending_isolation_id(Database& db, std::int64_t customer_id) {
    auto statement = TRY(db.prepare(
        "SELECT COALESCE(MAX(id), 0) FROM network_actions WHERE customer_id = ? AND status = 'pending' AND action IN ('isolate','restore')"));
    statement.bind(1, customer_id);
    TRY(statement.step());
    return statement.column_int(0);
}

Result<void> supersede_isolation_actions(Database& db, std::int64_t customer_id, std::int64_t own_id, const std::string& result,
                                         std::int64_t max_id, std::int64_t keep_id, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "UPDATE network_actions SET status = 'done', processed_at = ?, result = CASE WHEN id = ? THEN ? ELSE 'superseded' END "
        "WHERE customer_id = ? AND status = 'pending' AND action IN ('isolate','restore') AND id <= ? AND (? = 0 OR id <> ?)"));
    statement.bind(1, now).bind(2, own_id).bind(3, result).bind(4, customer_id).bind(5, max_id).bind(6, keep_id).bind(7, keep_id);
    return statement.run();
}

Result<void> reschedule_network_action(Database& db, std::int64_t id, std::int64_t next_attempt_at, const std::string& last_error,
                                       std::optional<std::int64_t> router_id, bool only_pending) {
    auto update = TRY(db.prepare(std::string("UPDATE network_actions SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
                                             "router_id = ?, lease_until = NULL WHERE id = ?") +
                                 (only_pending ? " AND status = 'pending'" : "")));
    update.bind(1, next_attempt_at).bind(2, last_error).bind(3, router_id).bind(4, id);
    return update.run();
}

Result<void> finish_network_action(Database& db, std::int64_t id, const std::string& status, std::int64_t now, const std::string& result,
                                   const std::string& last_error, std::optional<std::int64_t> router_id) {
    auto update = TRY(db.prepare(
        "UPDATE network_actions SET status = ?, processed_at = ?, result = ?, last_error = ?, router_id = ? WHERE id = ? AND status = 'pending'"));
    update.bind(1, status).bind(2, now).bind(3, result).bind(4, last_error).bind(5, router_id).bind(6, id);
    return update.run();
}

Result<void> fail_network_action(Database& db, std::int64_t id, std::int64_t now, const std::string& result) {
    auto update = TRY(db.prepare("UPDATE network_actions SET status = 'failed', processed_at = ?, result = ? WHERE id = ?"));
    update.bind(1, now).bind(2, result).bind(3, id);
    return update.run();
}

Result<void> supersede_secret_pushes(Database& db, std::int64_t customer_id, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE network_actions SET status = 'done', processed_at = ?, result = 'superseded' WHERE customer_id = ? AND "
        "action = 'push_secret' AND status = 'pending'"));
    update.bind(1, now).bind(2, customer_id);
    return update.run();
}

Result<bool> any_pending_network_action(Database& db) {
    // The statement is finished before returning: a read left open would make a later write fail (database.hpp).
    auto any = TRY(db.prepare("SELECT 1 FROM network_actions WHERE status = 'pending' LIMIT 1"));
    const bool found = TRY(any.step());
    any.reset();
    return found;
}

Result<int> supersede_stale_network_actions(Database& db, std::int64_t now) {
    auto superseded = TRY(db.prepare(
        "UPDATE network_actions SET status = 'done', processed_at = ?1, result = 'superseded' WHERE status = 'pending' AND id < "
        "(SELECT MAX(newer.id) FROM network_actions newer WHERE newer.customer_id = network_actions.customer_id AND newer.status = 'pending' "
        "AND (newer.action = 'push_secret') = (network_actions.action = 'push_secret')) "
        // A row another server holds (N servers on PostgreSQL) is being carried out: it ends itself,
        // and the newer row waits for it (claim_due_network_actions), so the router sees them in order.
        "AND (lease_until IS NULL OR lease_until <= ?1)"));
    superseded.bind(1, now);
    TRY_VOID(superseded.run());
    return db.changes();
}

Result<std::vector<DueNetworkAction>> claim_due_network_actions(Database& db, std::int64_t now, std::int64_t lease_until, int limit) {
    std::vector<DueNetworkAction> out;
    if (db.engine() == Engine::Postgresql) {
        // engine: N servers share PostgreSQL. One statement outside the writer lock: the due rows
        // are locked FOR UPDATE SKIP LOCKED (a row another server is claiming this instant is
        // skipped, not waited for) and leased to this server until `lease_until`; a leased row is
        // not due for anyone else until its lease runs out (a dead server's actions come back then).
        // A customer with a leased row is skipped whole, so a newer action never overtakes an older
        // one that another server is still pushing to the router.
        auto claim = TRY(db.prepare(
            "UPDATE network_actions SET lease_until = :lease WHERE id IN ("
            "SELECT candidate.id FROM network_actions candidate WHERE candidate.status = 'pending' AND candidate.next_attempt_at <= :now "
            "AND (candidate.lease_until IS NULL OR candidate.lease_until <= :now) "
            "AND NOT EXISTS (SELECT 1 FROM network_actions busy WHERE busy.customer_id = candidate.customer_id AND busy.status = 'pending' "
            "AND busy.lease_until > :now) "
            "ORDER BY candidate.next_attempt_at, candidate.id LIMIT :limit FOR UPDATE SKIP LOCKED) "
            "RETURNING id, customer_id, action, reason, attempts, next_attempt_at"));
        claim.bind_named(":lease", lease_until).bind_named(":now", now).bind_named(":limit", std::int64_t{limit});
        std::vector<std::pair<std::int64_t, DueNetworkAction>> claimed;
        while (TRY(claim.step()))
            claimed.push_back({claim.column_int(5), {claim.column_int(0), claim.column_int(1), claim.column_text(2), claim.column_text(3),
                                                     static_cast<int>(claim.column_int(4))}});
        // RETURNING has no order: oldest first, as the SQLite query gives them.
        std::sort(claimed.begin(), claimed.end(),
                  [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second.id < b.second.id; });
        for (auto& [due_at, action] : claimed) out.push_back(std::move(action));
        return out;
    }
    // engine: SQLite is one process (`kimonet serve` owns the worker): a plain read, no lease.
    auto due = TRY(db.prepare(
        "SELECT id, customer_id, action, reason, attempts FROM network_actions WHERE status = 'pending' AND next_attempt_at <= ? "
        "ORDER BY next_attempt_at, id LIMIT ?"));
    due.bind(1, now).bind(2, limit);
    while (TRY(due.step()))
        out.push_back({due.column_int(0), due.column_int(1), due.column_text(2), due.column_text(3), static_cast<int>(due.column_int(4))});
    return out;
}

Result<void> set_customer_network_status(Database& db, std::int64_t customer_id, const std::string& status, std::int64_t now) {
    auto update = TRY(db.prepare("UPDATE customers SET status = ?, updated_at = ? WHERE id = ? AND status IN ('active','isolated')"));
    update.bind(1, status).bind(2, utc_timestamp_text(now)).bind(3, customer_id);
    return update.run();
}

Result<std::optional<PppoeCustomer>> find_customer_by_pppoe(Database& db, const std::string& pppoe_username) {
    auto statement = TRY(db.prepare("SELECT id, name, service_number, status FROM customers WHERE pppoe_username = ? ORDER BY id LIMIT 1"));
    statement.bind(1, pppoe_username);
    if (!TRY(statement.step())) return std::optional<PppoeCustomer>();
    PppoeCustomer found{statement.column_int(0), statement.column_text(1), statement.column_text(2), statement.column_text(3)};
    statement.reset();
    return std::optional<PppoeCustomer>(std::move(found));
}

Result<std::vector<PppoeCustomer>> find_customers_by_address(Database& db, const std::string& ip_address, int limit) {
    auto statement = TRY(db.prepare("SELECT id, name, service_number, status FROM customers "
                                    "WHERE ip_address = ? AND connection_method <> 'pppoe' ORDER BY id LIMIT ?"));
    statement.bind(1, ip_address).bind(2, static_cast<std::int64_t>(limit));
    std::vector<PppoeCustomer> out;
    while (TRY(statement.step()))
        out.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2), statement.column_text(3)});
    return out;
}

Result<std::vector<std::string>> pppoe_usernames_on_router(Database& db, std::int64_t router_id) {
    auto statement = TRY(db.prepare("SELECT pppoe_username FROM customers WHERE router_id = ?"));
    statement.bind(1, router_id);
    std::vector<std::string> out;
    while (TRY(statement.step())) out.push_back(statement.column_text(0));
    return out;
}

Result<std::int64_t> insert_isolation_log(Database& db, const IsolationLogEntry& entry) {
    auto log = TRY(db.prepare(
        "INSERT INTO isolation_log(at, customer_id, router_id, action, reason, result, profile_before, profile_after, detail, actor_type, "
        "actor_id, actor_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    log.bind(1, entry.at).bind(2, entry.customer_id).bind(3, entry.router_id).bind(4, entry.action).bind(5, entry.reason);
    log.bind(6, entry.result).bind(7, entry.profile_before).bind(8, entry.profile_after).bind(9, entry.detail);
    log.bind(10, entry.actor_type).bind(11, entry.actor_id).bind(12, entry.actor_name);
    return run_returning_id(log);
}

Result<std::vector<IsolationLogEntry>> list_isolation_log(Database& db, std::int64_t customer_id) {
    auto statement = TRY(db.prepare(
        "SELECT l.id, l.at, l.router_id, COALESCE(r.name, ''), l.action, l.reason, l.result, l.profile_before, l.profile_after, l.detail, "
        "l.actor_type, l.actor_name FROM isolation_log l LEFT JOIN routers r ON r.id = l.router_id WHERE l.customer_id = ? ORDER BY l.id DESC "
        "LIMIT 200"));
    statement.bind(1, customer_id);
    std::vector<IsolationLogEntry> out;
    while (TRY(statement.step())) {
        IsolationLogEntry entry;
        entry.id = statement.column_int(0);
        entry.at = statement.column_int(1);
        entry.customer_id = customer_id;
        entry.router_id = statement.column_int(2);
        entry.router_name = statement.column_text(3);
        entry.action = statement.column_text(4);
        entry.reason = statement.column_text(5);
        entry.result = statement.column_text(6);
        entry.profile_before = statement.column_text(7);
        entry.profile_after = statement.column_text(8);
        entry.detail = statement.column_text(9);
        entry.actor_type = statement.column_text(10);
        entry.actor_name = statement.column_text(11);
        out.push_back(std::move(entry));
    }
    return out;
}

Result<std::vector<OpenInvoiceSummary>> open_invoice_summaries(Database& db, std::int64_t customer_id, int limit) {
    auto statement = TRY(db.prepare(std::string("SELECT invoice_no, period, total - paid_amount, due_date FROM invoices WHERE customer_id = ? "
                                                "AND status IN ('unpaid','partial') ORDER BY due_date") +
                                    (limit > 0 ? " LIMIT ?" : "")));
    statement.bind(1, customer_id);
    if (limit > 0) statement.bind(2, limit);
    std::vector<OpenInvoiceSummary> out;
    while (TRY(statement.step()))
        out.push_back({statement.column_text(0), statement.column_text(1), statement.column_text(3), statement.column_int(2)});
    return out;
}

bool invoices_table_ready(Database& db) {
    // Selecting the columns (no rows) works on both engines where a catalogue query would not.
    auto statement = db.prepare("SELECT customer_id, status, due_date FROM invoices WHERE 1 = 0");
    return statement && statement->step().ok();
}

Result<std::vector<ExpectedProfileRow>> expected_profile_rows(Database& db, std::int64_t router_id) {
    auto statement = TRY(db.prepare(
        "SELECT c.id, c.service_number, c.pppoe_username, c.status, p.mikrotik_profile, "
        "CASE WHEN EXISTS (SELECT 1 FROM network_actions a WHERE a.customer_id = c.id AND a.status = 'pending') THEN 1 ELSE 0 END "
        "FROM customers c JOIN internet_packages p ON p.id = c.package_id "
        "WHERE c.router_id = ? AND c.connection_method = 'pppoe' AND c.pppoe_username <> '' AND c.status IN ('active','isolated') ORDER BY c.id"));
    statement.bind(1, router_id);
    std::vector<ExpectedProfileRow> out;
    while (TRY(statement.step()))
        out.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2), statement.column_text(3),
                       statement.column_text(4), statement.column_int(5) != 0});
    return out;
}

Result<std::vector<ExpectedAddressRow>> expected_address_rows(Database& db, std::int64_t router_id) {
    auto statement = TRY(db.prepare(
        "SELECT c.id, c.service_number, c.status, c.ip_address, c.mac_address, c.connection_method, "
        "CASE WHEN EXISTS (SELECT 1 FROM network_actions a WHERE a.customer_id = c.id AND a.status = 'pending') THEN 1 ELSE 0 END "
        "FROM customers c WHERE c.router_id = ? AND c.connection_method IN ('static','dhcp') AND c.ip_address <> '' "
        "AND c.status IN ('active','isolated') ORDER BY c.id"));
    statement.bind(1, router_id);
    std::vector<ExpectedAddressRow> out;
    while (TRY(statement.step()))
        out.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2), statement.column_text(3),
                       statement.column_text(4), statement.column_text(5), statement.column_int(6) != 0});
    return out;
}

Result<std::vector<OverdueCustomer>> overdue_customers(Database& db, const std::string& due_before, std::int64_t created_until, int cap) {
    auto statement = TRY(db.prepare(
        "SELECT c.id, MIN(i.due_date) FROM customers c JOIN invoices i ON i.customer_id = c.id "
        "WHERE c.status = 'active' AND c.router_id IS NOT NULL "
        "AND ((c.connection_method IN ('pppoe','radius') AND c.pppoe_username <> '') OR (c.connection_method IN ('static','dhcp') AND c.ip_address <> '')) "
        "AND i.status IN ('unpaid','partial') "
        "AND i.due_date < ? AND i.created_at <= ? GROUP BY c.id ORDER BY MIN(i.due_date), c.id LIMIT ?"));
    statement.bind(1, due_before).bind(2, created_until).bind(3, cap);
    std::vector<OverdueCustomer> out;
    while (TRY(statement.step())) out.push_back({statement.column_int(0), statement.column_text(1)});
    return out;
}

Result<void> upsert_router_reachability(Database& db, std::int64_t router_id, bool reachable, const std::string& detail, std::int64_t now) {
    // The existing row's columns are qualified: PostgreSQL finds a bare name ambiguous beside excluded.
    auto upsert = TRY(db.prepare(
        "INSERT INTO router_reachability(router_id, reachable, detail, checked_at, changed_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(router_id) DO UPDATE SET detail = excluded.detail, checked_at = excluded.checked_at, "
        "changed_at = CASE WHEN router_reachability.reachable = excluded.reachable THEN router_reachability.changed_at "
        "ELSE excluded.checked_at END, reachable = excluded.reachable"));
    upsert.bind(1, router_id).bind(2, reachable).bind(3, detail.substr(0, 300)).bind(4, now).bind(5, now);
    return upsert.run();
}

Result<std::vector<RouterReachabilityRow>> list_router_reachability(Database& db) {
    auto rows = TRY(db.prepare(
        "SELECT r.name, h.reachable, h.changed_at, h.checked_at FROM routers r LEFT JOIN router_reachability h ON h.router_id = r.id "
        "ORDER BY r.name"));
    std::vector<RouterReachabilityRow> out;
    while (TRY(rows.step())) {
        RouterReachabilityRow row;
        row.name = rows.column_text(0);
        if (!rows.column_is_null(1)) {
            row.reachable = rows.column_int(1) != 0;
            row.changed_at = rows.column_int(2);
            row.checked_at = rows.column_int(3);
        }
        out.push_back(std::move(row));
    }
    return out;
}

Result<bool> router_exists(Database& db, std::int64_t router_id) {
    auto exists = TRY(db.prepare("SELECT 1 FROM routers WHERE id = ?"));
    exists.bind(1, router_id);
    const bool found = TRY(exists.step());
    exists.reset();
    return found;
}

Result<std::optional<IncidentRow>> find_incident(Database& db, std::int64_t id) {
    auto row = TRY(db.prepare(std::string(kIncidentSelect) + " WHERE i.id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return std::optional<IncidentRow>();
    IncidentRow incident = incident_from_row(row);
    row.reset();
    return std::optional<IncidentRow>(std::move(incident));
}

Result<std::vector<IncidentRow>> list_incident_rows(Database& db, bool include_resolved) {
    auto rows = TRY(db.prepare(std::string(kIncidentSelect) + (include_resolved ? "" : " WHERE i.resolved = 0") +
                               " ORDER BY i.created_at DESC, i.id DESC LIMIT 200"));
    std::vector<IncidentRow> out;
    while (TRY(rows.step())) out.push_back(incident_from_row(rows));
    return out;
}

Result<std::int64_t> insert_incident(Database& db, const IncidentRow& incident, std::int64_t now) {
    auto insert = TRY(db.prepare(
        "INSERT INTO incidents(message, router_id, expected_recovery_at, resolved, resolved_at, created_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, incident.message).bind(2, incident.router_id).bind(3, incident.expected_recovery_at).bind(4, incident.resolved);
    if (incident.resolved) insert.bind(5, now);
    else insert.bind_null(5);
    insert.bind(6, incident.created_by).bind(7, now).bind(8, now);
    return run_returning_id(insert);
}

Result<void> update_incident_row(Database& db, const IncidentRow& incident, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE incidents SET message = ?, router_id = ?, expected_recovery_at = ?, resolved = ?, "
        "resolved_at = CASE WHEN ? = 0 THEN NULL ELSE COALESCE(resolved_at, ?) END, updated_at = ? WHERE id = ?"));
    update.bind(1, incident.message).bind(2, incident.router_id).bind(3, incident.expected_recovery_at).bind(4, incident.resolved)
        .bind(5, incident.resolved).bind(6, now).bind(7, now).bind(8, incident.id);
    return update.run();
}

Result<bool> setting_has_value(Database& db, const std::string& key) {
    auto stored = TRY(db.prepare("SELECT 1 FROM settings WHERE key = ? AND length(value) > 0"));
    stored.bind(1, key);
    const bool found = TRY(stored.step());
    stored.reset();
    return found;
}

}  // namespace kimonet::store
