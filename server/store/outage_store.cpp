#include "store/outage_store.hpp"

#include "store/auth_returning.hpp"

namespace kimonet::store {

namespace {

// The outage's columns and its per-customer counts, in OutageRow's order.
constexpr const char* kOutageSelect =
    "SELECT o.id, o.title, o.cause, o.target_kind, o.target_id, o.area_name, o.area_shape, o.started_at, o.ended_at, o.expected_end_at, "
    "o.affected_count, o.phase, o.created_by, o.closed_by, o.created_at, o.updated_at, "
    "(SELECT COUNT(*) FROM outage_customers c WHERE c.outage_id = o.id AND c.start_notification_id > 0), "
    "(SELECT COUNT(*) FROM outage_customers c WHERE c.outage_id = o.id AND c.end_notification_id > 0), "
    "(SELECT COUNT(*) FROM outage_customers c WHERE c.outage_id = o.id AND c.credit_amount > 0), "
    "(SELECT CAST(COALESCE(SUM(c.credit_amount), 0) AS BIGINT) FROM outage_customers c WHERE c.outage_id = o.id) FROM outages o";

OutageRow outage_from(const Statement& row) {
    OutageRow outage;
    outage.id = row.column_int(0);
    outage.title = row.column_text(1);
    outage.cause = row.column_text(2);
    outage.target_kind = row.column_text(3);
    outage.target_id = row.column_optional_int(4);
    outage.area_name = row.column_text(5);
    outage.area_shape = row.column_text(6);
    outage.started_at = row.column_int(7);
    outage.ended_at = row.column_optional_int(8);
    outage.expected_end_at = row.column_optional_int(9);
    outage.affected_count = row.column_int(10);
    outage.phase = row.column_text(11);
    outage.created_by = row.column_text(12);
    outage.closed_by = row.column_text(13);
    outage.created_at = row.column_int(14);
    outage.updated_at = row.column_int(15);
    outage.start_notices = row.column_int(16);
    outage.end_notices = row.column_int(17);
    outage.credits = row.column_int(18);
    outage.credit_total = row.column_int(19);
    return outage;
}

Result<std::vector<std::int64_t>> outage_ids_of(Statement& statement) {
    std::vector<std::int64_t> out;
    while (TRY(statement.step())) out.push_back(statement.column_int(0));
    return out;
}

}  // namespace

Result<std::int64_t> insert_outage(Database& db, const OutageRow& outage, std::int64_t now) {
    auto insert = TRY(db.prepare(
        "INSERT INTO outages(title, cause, target_kind, target_id, area_name, area_shape, started_at, expected_end_at, phase, created_by, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'starting', ?, ?, ?) RETURNING id"));
    insert.bind(1, outage.title).bind(2, outage.cause).bind(3, outage.target_kind).bind(4, outage.target_id).bind(5, outage.area_name);
    insert.bind(6, outage.area_shape).bind(7, outage.started_at).bind(8, outage.expected_end_at).bind(9, outage.created_by);
    insert.bind(10, now).bind(11, now);
    return detail::run_returning_id(insert);
}

Result<std::optional<OutageRow>> find_outage(Database& db, std::int64_t id) {
    auto row = TRY(db.prepare(std::string(kOutageSelect) + " WHERE o.id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return std::optional<OutageRow>();
    OutageRow outage = outage_from(row);
    row.reset();
    return std::optional<OutageRow>(std::move(outage));
}

Result<std::vector<OutageRow>> list_outages(Database& db, bool include_ended, int limit) {
    auto rows = TRY(db.prepare(std::string(kOutageSelect) + (include_ended ? "" : " WHERE o.ended_at IS NULL") +
                               " ORDER BY o.started_at DESC, o.id DESC LIMIT ?"));
    rows.bind(1, limit);
    std::vector<OutageRow> out;
    while (TRY(rows.step())) out.push_back(outage_from(rows));
    return out;
}

Result<void> update_outage_text(Database& db, const OutageRow& outage, std::int64_t now) {
    auto update = TRY(db.prepare("UPDATE outages SET title = ?, cause = ?, area_name = ?, expected_end_at = ?, updated_at = ? WHERE id = ?"));
    update.bind(1, outage.title).bind(2, outage.cause).bind(3, outage.area_name).bind(4, outage.expected_end_at).bind(5, now).bind(6, outage.id);
    return update.run();
}

Result<bool> end_outage(Database& db, std::int64_t id, std::int64_t ended_at, const std::string& closed_by, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE outages SET ended_at = ?, closed_by = ?, phase = 'ending', updated_at = ? WHERE id = ? AND ended_at IS NULL"));
    update.bind(1, ended_at).bind(2, closed_by).bind(3, now).bind(4, id);
    TRY_VOID(update.run());
    return db.changes() == 1;
}

Result<void> set_outage_phase(Database& db, std::int64_t id, const std::string& phase) {
    auto update = TRY(db.prepare("UPDATE outages SET phase = ? WHERE id = ?"));
    update.bind(1, phase).bind(2, id);
    return update.run();
}

Result<void> set_outage_affected_count(Database& db, std::int64_t id, std::int64_t count) {
    auto update = TRY(db.prepare("UPDATE outages SET affected_count = ? WHERE id = ?"));
    update.bind(1, count).bind(2, id);
    return update.run();
}

Result<void> insert_outage_customers(Database& db, std::int64_t outage_id, const std::vector<std::int64_t>& customer_ids) {
    auto insert = TRY(db.prepare("INSERT INTO outage_customers(outage_id, customer_id) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    for (const std::int64_t customer_id : customer_ids) {
        insert.bind(1, outage_id).bind(2, customer_id);
        TRY_VOID(insert.run());
        insert.reset();
    }
    return {};
}

Result<bool> outage_router_name(Database& db, std::int64_t router_id, std::string& name) {
    auto statement = TRY(db.prepare("SELECT name FROM routers WHERE id = ?"));
    statement.bind(1, router_id);
    if (!TRY(statement.step())) return false;
    name = statement.column_text(0);
    statement.reset();
    return true;
}

Result<std::vector<LocatedCustomer>> billable_customers_located_in(Database& db, double min_latitude, double max_latitude,
                                                                    double min_longitude, double max_longitude) {
    auto statement = TRY(db.prepare(
        "SELECT id, latitude, longitude FROM customers WHERE latitude IS NOT NULL AND latitude BETWEEN ? AND ? "
        "AND longitude BETWEEN ? AND ? AND status IN ('active','isolated') ORDER BY id"));
    statement.bind(1, min_latitude).bind(2, max_latitude).bind(3, min_longitude).bind(4, max_longitude);
    std::vector<LocatedCustomer> out;
    while (TRY(statement.step())) out.push_back({statement.column_int(0), statement.column_double(1), statement.column_double(2)});
    return out;
}

Result<std::vector<std::int64_t>> outages_with_work(Database& db) {
    auto statement = TRY(db.prepare("SELECT id FROM outages WHERE phase IN ('starting','ending') ORDER BY id"));
    return outage_ids_of(statement);
}

Result<std::vector<std::int64_t>> customers_without_start_notice(Database& db, std::int64_t outage_id, int limit) {
    auto statement = TRY(db.prepare(
        "SELECT customer_id FROM outage_customers WHERE outage_id = ? AND start_notification_id IS NULL ORDER BY customer_id LIMIT ?"));
    statement.bind(1, outage_id).bind(2, limit);
    return outage_ids_of(statement);
}

Result<std::vector<OutageEndCandidate>> customers_without_end_notice(Database& db, std::int64_t outage_id, int limit) {
    auto statement = TRY(db.prepare(
        "SELECT oc.customer_id, COALESCE(p.price, 0) FROM outage_customers oc JOIN customers c ON c.id = oc.customer_id "
        "LEFT JOIN internet_packages p ON p.id = c.package_id WHERE oc.outage_id = ? AND oc.end_notification_id IS NULL "
        "ORDER BY oc.customer_id LIMIT ?"));
    statement.bind(1, outage_id).bind(2, limit);
    std::vector<OutageEndCandidate> out;
    while (TRY(statement.step())) out.push_back({statement.column_int(0), statement.column_int(1)});
    return out;
}

Result<void> set_outage_start_notice(Database& db, std::int64_t outage_id, std::int64_t customer_id, std::int64_t notification_id) {
    auto update = TRY(db.prepare("UPDATE outage_customers SET start_notification_id = ? WHERE outage_id = ? AND customer_id = ?"));
    update.bind(1, notification_id).bind(2, outage_id).bind(3, customer_id);
    return update.run();
}

Result<void> set_outage_end_notice(Database& db, std::int64_t outage_id, std::int64_t customer_id, std::int64_t notification_id,
                                   std::int64_t credit_amount) {
    auto update = TRY(db.prepare(
        "UPDATE outage_customers SET end_notification_id = ?, credit_amount = ? WHERE outage_id = ? AND customer_id = ?"));
    update.bind(1, notification_id).bind(2, credit_amount).bind(3, outage_id).bind(4, customer_id);
    return update.run();
}

Result<std::unordered_set<std::int64_t>> customers_paused_by_outage(Database& db, std::int64_t ended_since) {
    auto statement = TRY(db.prepare(
        "SELECT oc.customer_id FROM outages o JOIN outage_customers oc ON oc.outage_id = o.id "
        "WHERE o.ended_at IS NULL OR o.ended_at >= ?"));
    statement.bind(1, ended_since);
    std::unordered_set<std::int64_t> out;
    while (TRY(statement.step())) out.insert(statement.column_int(0));
    return out;
}

Result<std::vector<OutageRow>> outages_pausing_customer(Database& db, std::int64_t customer_id, std::int64_t ended_since) {
    auto rows = TRY(db.prepare(std::string(kOutageSelect) +
                               " JOIN outage_customers pc ON pc.outage_id = o.id AND pc.customer_id = ? "
                               "WHERE o.ended_at IS NULL OR o.ended_at >= ? ORDER BY o.started_at, o.id"));
    rows.bind(1, customer_id).bind(2, ended_since);
    std::vector<OutageRow> out;
    while (TRY(rows.step())) out.push_back(outage_from(rows));
    return out;
}

Result<std::vector<PendingOutageCredit>> pending_outage_credits(Database& db, std::int64_t first_customer, std::int64_t last_customer) {
    auto statement = TRY(db.prepare(
        "SELECT oc.outage_id, oc.customer_id, oc.credit_amount, o.title, o.started_at, o.ended_at FROM outage_customers oc "
        "JOIN outages o ON o.id = oc.outage_id WHERE oc.credit_amount > 0 AND oc.credit_invoice_id IS NULL "
        "AND oc.customer_id BETWEEN ? AND ? ORDER BY oc.customer_id, oc.outage_id"));
    statement.bind(1, first_customer).bind(2, last_customer);
    std::vector<PendingOutageCredit> out;
    while (TRY(statement.step()))
        out.push_back({statement.column_int(0), statement.column_int(1), statement.column_int(2), statement.column_text(3),
                       statement.column_int(4), statement.column_int(5)});
    return out;
}

Result<void> mark_outage_credit_applied(Database& db, std::int64_t outage_id, std::int64_t customer_id, std::int64_t invoice_id) {
    auto update = TRY(db.prepare(
        "UPDATE outage_customers SET credit_invoice_id = ? WHERE outage_id = ? AND customer_id = ? AND credit_invoice_id IS NULL"));
    update.bind(1, invoice_id).bind(2, outage_id).bind(3, customer_id);
    return update.run();
}

}  // namespace kimonet::store
