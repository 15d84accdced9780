#include "store/lead_store.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kLeadColumns =
    "l.id, l.name, l.phone, l.email, l.address, l.package_id, COALESCE(p.name, ''), l.latitude, l.longitude, l.notes, l.status, "
    "l.customer_id, COALESCE(c.service_number, ''), l.reject_reason, l.created_at, l.updated_at, l.decided_by";
constexpr const char* kLeadFrom =
    " FROM leads l LEFT JOIN internet_packages p ON p.id = l.package_id LEFT JOIN customers c ON c.id = l.customer_id";

std::optional<double> optional_double(const Statement& row, int column) {
    return row.column_is_null(column) ? std::nullopt : std::optional<double>(row.column_double(column));
}

LeadRow row_to_lead(const Statement& row) {
    LeadRow lead;
    lead.id = row.column_int(0);
    lead.name = row.column_text(1);
    lead.phone = row.column_text(2);
    lead.email = row.column_text(3);
    lead.address = row.column_text(4);
    lead.package_id = row.column_int(5);
    lead.package_name = row.column_text(6);
    lead.latitude = optional_double(row, 7);
    lead.longitude = optional_double(row, 8);
    lead.notes = row.column_text(9);
    lead.status = row.column_text(10);
    lead.customer_id = row.column_optional_int(11);
    lead.service_number = row.column_text(12);
    lead.reject_reason = row.column_text(13);
    lead.created_at = row.column_int(14);
    lead.updated_at = row.column_int(15);
    lead.decided_by = row.column_text(16);
    return lead;
}

}  // namespace

Result<LeadRows> list_lead_rows(Database& db, const std::string& status, int page, int per_page) {
    const std::string where = status.empty() ? std::string() : " WHERE l.status = :status";
    LeadRows out;
    {
        auto count = TRY(db.prepare(std::string("SELECT COUNT(*)") + kLeadFrom + where));
        count.bind_named(":status", status);
        if (TRY(count.step())) out.total = count.column_int(0);
    }
    // CASE rather than ORDER BY a comparison, so both engines sort the open leads first the same way.
    auto rows = TRY(db.prepare(std::string("SELECT ") + kLeadColumns + kLeadFrom + where +
                               " ORDER BY CASE WHEN l.status = 'new' THEN 1 ELSE 0 END DESC, l.created_at DESC, l.id DESC "
                               "LIMIT :limit OFFSET :offset"));
    rows.bind_named(":status", status);
    rows.bind_named(":limit", std::int64_t{per_page});
    rows.bind_named(":offset", (std::int64_t{page} - 1) * per_page);
    while (TRY(rows.step())) out.rows.push_back(row_to_lead(rows));
    return out;
}

Result<std::optional<LeadRow>> find_lead(Database& db, std::int64_t id) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kLeadColumns + kLeadFrom + " WHERE l.id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return std::optional<LeadRow>();
    return std::optional<LeadRow>(row_to_lead(row));
}

Result<bool> has_open_lead_for_phone(Database& db, const std::string& phone) {
    auto open = TRY(db.prepare("SELECT 1 FROM leads WHERE phone = ? AND status = 'new'"));
    open.bind(1, phone);
    const bool found = TRY(open.step());
    open.reset();  // the caller writes next: no read may stay open on this connection
    return found;
}

Result<std::int64_t> count_leads_since(Database& db, std::int64_t since) {
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM leads WHERE created_at > ?"));
    count.bind(1, since);
    TRY(count.step());
    const std::int64_t leads = count.column_int(0);
    count.reset();  // the caller writes next
    return leads;
}

Result<std::int64_t> insert_lead(Database& db, const leads::Registration& registration, const std::string& source_ip, std::int64_t now) {
    auto insert = TRY(db.prepare(
        "INSERT INTO leads(name, phone, email, address, package_id, latitude, longitude, notes, source_ip, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    insert.bind(1, registration.name).bind(2, registration.phone).bind(3, registration.email).bind(4, registration.address)
        .bind(5, registration.package_id).bind(6, registration.latitude).bind(7, registration.longitude).bind(8, registration.notes)
        .bind(9, source_ip).bind(10, now).bind(11, now);
    std::int64_t id = 0;
    if (TRY(insert.step())) id = insert.column_int(0);
    TRY_VOID(insert.run());
    return id;
}

Result<void> mark_lead_converted(Database& db, std::int64_t id, std::int64_t customer_id, const std::string& decided_by, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE leads SET status = 'converted', customer_id = ?, decided_by = ?, updated_at = ? WHERE id = ? AND status = 'new'"));
    update.bind(1, customer_id).bind(2, decided_by).bind(3, now).bind(4, id);
    return update.run();
}

Result<void> mark_lead_rejected(Database& db, std::int64_t id, const std::string& reason, const std::string& decided_by, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE leads SET status = 'rejected', reject_reason = ?, decided_by = ?, updated_at = ? WHERE id = ? AND status = 'new'"));
    update.bind(1, reason).bind(2, decided_by).bind(3, now).bind(4, id);
    return update.run();
}

}  // namespace kimonet::store
