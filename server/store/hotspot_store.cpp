#include "store/hotspot_store.hpp"


namespace kimonet::store {

static constexpr const char* kProfileSelect =
    "SELECT id, name, package_id, rate_limit, time_limit_seconds, quota_bytes, validity_days, shared_users, price FROM hotspot_profiles";

static HotspotProfile row_to_profile(const Statement& row) {
    HotspotProfile profile;
    profile.id = row.column_int(0);
    profile.name = row.column_text(1);
    profile.package_id = row.column_optional_int(2);
    profile.rate_limit = row.column_text(3);
    profile.time_limit_seconds = row.column_int(4);
    profile.quota_bytes = row.column_int(5);
    profile.validity_days = static_cast<int>(row.column_int(6));
    profile.shared_users = static_cast<int>(row.column_int(7));
    profile.price = row.column_int(8);
    return profile;
}

Result<std::vector<HotspotProfile>> list_hotspot_profiles(Database& db) {
    auto statement = TRY(db.prepare(std::string(kProfileSelect) + " ORDER BY price, name"));
    std::vector<HotspotProfile> out;
    while (TRY(statement.step())) out.push_back(row_to_profile(statement));
    return out;
}

Result<std::optional<HotspotProfile>> find_hotspot_profile(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare(std::string(kProfileSelect) + " WHERE id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::optional<HotspotProfile>();
    auto profile = row_to_profile(statement);
    statement.reset();
    return std::optional(profile);
}

static void bind_profile(Statement& statement, const HotspotProfile& profile) {
    statement.bind(1, profile.name).bind(2, profile.package_id).bind(3, profile.rate_limit).bind(4, profile.time_limit_seconds)
        .bind(5, profile.quota_bytes).bind(6, profile.validity_days).bind(7, profile.shared_users).bind(8, profile.price);
}

Result<std::int64_t> insert_hotspot_profile(Database& db, const HotspotProfile& profile, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "INSERT INTO hotspot_profiles(name, package_id, rate_limit, time_limit_seconds, quota_bytes, validity_days, shared_users, price, "
        "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    bind_profile(statement, profile);
    statement.bind(9, now).bind(10, now);
    if (!TRY(statement.step())) return make_error(ErrorCode::Internal);
    const std::int64_t id = statement.column_int(0);
    TRY_VOID(statement.run());
    return id;
}

Result<void> update_hotspot_profile_row(Database& db, const HotspotProfile& profile, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "UPDATE hotspot_profiles SET name=?, package_id=?, rate_limit=?, time_limit_seconds=?, quota_bytes=?, validity_days=?, "
        "shared_users=?, price=?, updated_at=? WHERE id=?"));
    bind_profile(statement, profile);
    statement.bind(9, now).bind(10, profile.id);
    return statement.run();
}

Result<bool> hotspot_profile_name_taken(Database& db, const std::string& name, std::int64_t except_id) {
    auto statement = TRY(db.prepare("SELECT id FROM hotspot_profiles WHERE name = ? AND id <> ?"));
    statement.bind(1, name).bind(2, except_id);
    const bool taken = TRY(statement.step());
    statement.reset();
    return taken;
}

Result<std::int64_t> insert_voucher_batch(Database& db, const VoucherBatch& batch) {
    auto statement = TRY(db.prepare(
        "INSERT INTO voucher_batches(router_id, profile_id, profile_name, voucher_count, mode, code_length, prefix, price, "
        "time_limit_seconds, quota_bytes, validity_days, note, status, created_at, created_by_name) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'queued',?,?) RETURNING id"));
    statement.bind(1, batch.router_id).bind(2, batch.profile_id).bind(3, batch.profile_name).bind(4, batch.count).bind(5, batch.mode)
        .bind(6, batch.code_length).bind(7, batch.prefix).bind(8, batch.price).bind(9, batch.time_limit_seconds).bind(10, batch.quota_bytes)
        .bind(11, batch.validity_days).bind(12, batch.note).bind(13, batch.created_at).bind(14, batch.created_by_name);
    if (!TRY(statement.step())) return make_error(ErrorCode::Internal);
    const std::int64_t id = statement.column_int(0);
    TRY_VOID(statement.run());
    return id;
}

Result<bool> insert_voucher(Database& db, std::int64_t batch_id, const std::string& username, const std::string& password) {
    auto statement = TRY(db.prepare("INSERT INTO vouchers(batch_id, username, password) VALUES (?,?,?) ON CONFLICT(username) DO NOTHING"));
    statement.bind(1, batch_id).bind(2, username).bind(3, password);
    TRY_VOID(statement.run());
    return db.changes() == 1;
}

static constexpr const char* kBatchSelect =
    "SELECT b.id, b.router_id, COALESCE(r.name, ''), b.profile_id, b.profile_name, b.voucher_count, b.mode, b.code_length, b.prefix, "
    "b.price, b.time_limit_seconds, b.quota_bytes, b.validity_days, b.note, b.status, b.pushed_count, "
    "(SELECT COUNT(*) FROM vouchers v WHERE v.batch_id = b.id AND v.sale_id IS NOT NULL), "
    "(SELECT COUNT(*) FROM vouchers v WHERE v.batch_id = b.id AND v.ended_at IS NOT NULL), "
    "b.last_error, b.created_at, b.created_by_name FROM voucher_batches b LEFT JOIN routers r ON r.id = b.router_id";

static VoucherBatch row_to_batch(const Statement& row) {
    VoucherBatch batch;
    batch.id = row.column_int(0);
    batch.router_id = row.column_int(1);
    batch.router_name = row.column_text(2);
    batch.profile_id = row.column_int(3);
    batch.profile_name = row.column_text(4);
    batch.count = static_cast<int>(row.column_int(5));
    batch.mode = row.column_text(6);
    batch.code_length = static_cast<int>(row.column_int(7));
    batch.prefix = row.column_text(8);
    batch.price = row.column_int(9);
    batch.time_limit_seconds = row.column_int(10);
    batch.quota_bytes = row.column_int(11);
    batch.validity_days = static_cast<int>(row.column_int(12));
    batch.note = row.column_text(13);
    batch.status = row.column_text(14);
    batch.pushed_count = static_cast<int>(row.column_int(15));
    batch.sold_count = static_cast<int>(row.column_int(16));
    batch.ended_count = static_cast<int>(row.column_int(17));
    batch.last_error = row.column_text(18);
    batch.created_at = row.column_int(19);
    batch.created_by_name = row.column_text(20);
    return batch;
}

Result<std::vector<VoucherBatch>> list_voucher_batches(Database& db) {
    auto statement = TRY(db.prepare(std::string(kBatchSelect) + " ORDER BY b.id DESC LIMIT 500"));
    std::vector<VoucherBatch> out;
    while (TRY(statement.step())) out.push_back(row_to_batch(statement));
    return out;
}

Result<std::optional<VoucherBatch>> find_voucher_batch(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare(std::string(kBatchSelect) + " WHERE b.id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::optional<VoucherBatch>();
    auto batch = row_to_batch(statement);
    statement.reset();
    return std::optional(batch);
}

static Result<std::vector<std::int64_t>> ids_of(Database& db, const char* sql) {
    auto statement = TRY(db.prepare(sql));
    std::vector<std::int64_t> out;
    while (TRY(statement.step())) out.push_back(statement.column_int(0));
    return out;
}

Result<std::vector<std::int64_t>> batches_to_push(Database& db) {
    return ids_of(db, "SELECT id FROM voucher_batches WHERE status IN ('queued','pushing') ORDER BY id");
}

Result<std::vector<std::int64_t>> batches_with_live_vouchers(Database& db) {
    return ids_of(db, "SELECT DISTINCT batch_id FROM vouchers WHERE pushed_at IS NOT NULL AND removed_at IS NULL ORDER BY batch_id");
}

Result<void> set_batch_status(Database& db, std::int64_t batch_id, const std::string& status, const std::string& last_error) {
    auto statement = TRY(db.prepare("UPDATE voucher_batches SET status = ?, last_error = ? WHERE id = ?"));
    statement.bind(1, status).bind(2, last_error).bind(3, batch_id);
    return statement.run();
}

Result<void> recount_batch_pushed(Database& db, std::int64_t batch_id) {
    auto statement = TRY(db.prepare(
        "UPDATE voucher_batches SET pushed_count = (SELECT COUNT(*) FROM vouchers WHERE batch_id = ? AND pushed_at IS NOT NULL) WHERE id = ?"));
    statement.bind(1, batch_id).bind(2, batch_id);
    return statement.run();
}

static constexpr const char* kVoucherSelect =
    "SELECT id, batch_id, username, password, state, pushed_at, reseller_id, first_used_at, uptime_seconds, bytes_total, ended_at, "
    "removed_at FROM vouchers";

static Voucher row_to_voucher(const Statement& row) {
    Voucher voucher;
    voucher.id = row.column_int(0);
    voucher.batch_id = row.column_int(1);
    voucher.username = row.column_text(2);
    voucher.password = row.column_text(3);
    voucher.state = row.column_text(4);
    voucher.pushed_at = row.column_optional_int(5);
    voucher.reseller_id = row.column_optional_int(6);
    voucher.first_used_at = row.column_optional_int(7);
    voucher.uptime_seconds = row.column_int(8);
    voucher.bytes_total = row.column_int(9);
    voucher.ended_at = row.column_optional_int(10);
    voucher.removed_at = row.column_optional_int(11);
    return voucher;
}

// `where` is a fixed condition (no values); the id cursor and the limit are bound.
static Result<std::vector<Voucher>> vouchers_where(Database& db, const char* where, std::int64_t batch_id, std::int64_t after_id, int limit) {
    auto statement = TRY(db.prepare(std::string(kVoucherSelect) + " WHERE batch_id = ? AND id > ?" + where + " ORDER BY id LIMIT ?"));
    statement.bind(1, batch_id).bind(2, after_id).bind(3, limit);
    std::vector<Voucher> out;
    while (TRY(statement.step())) out.push_back(row_to_voucher(statement));
    return out;
}

Result<std::vector<Voucher>> list_vouchers(Database& db, std::int64_t batch_id) { return vouchers_where(db, "", batch_id, 0, 25000); }

Result<std::vector<Voucher>> unpushed_vouchers(Database& db, std::int64_t batch_id, std::int64_t after_id, int limit) {
    return vouchers_where(db, " AND pushed_at IS NULL", batch_id, after_id, limit);
}

Result<void> mark_vouchers_pushed(Database& db, std::int64_t batch_id, std::int64_t first_id, std::int64_t last_id, std::int64_t now) {
    auto statement = TRY(db.prepare("UPDATE vouchers SET pushed_at = ? WHERE batch_id = ? AND id >= ? AND id <= ? AND pushed_at IS NULL"));
    statement.bind(1, now).bind(2, batch_id).bind(3, first_id).bind(4, last_id);
    return statement.run();
}

Result<std::vector<Voucher>> live_vouchers(Database& db, std::int64_t batch_id) {
    return vouchers_where(db, " AND pushed_at IS NOT NULL AND removed_at IS NULL", batch_id, 0, 25000);
}

Result<void> mark_voucher_pushed(Database& db, std::int64_t batch_id, const std::string& username, std::int64_t now) {
    auto statement = TRY(db.prepare("UPDATE vouchers SET pushed_at = ? WHERE batch_id = ? AND username = ? AND pushed_at IS NULL"));
    statement.bind(1, now).bind(2, batch_id).bind(3, username);
    return statement.run();
}

Result<void> record_voucher_usage(Database& db, std::int64_t voucher_id, std::int64_t uptime_seconds, std::int64_t bytes_total, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "UPDATE vouchers SET uptime_seconds = ?, bytes_total = ?, first_used_at = COALESCE(first_used_at, ?) WHERE id = ?"));
    statement.bind(1, uptime_seconds).bind(2, bytes_total).bind(3, now).bind(4, voucher_id);
    return statement.run();
}

Result<void> end_voucher(Database& db, std::int64_t voucher_id, const std::string& state, std::int64_t now) {
    auto statement = TRY(db.prepare("UPDATE vouchers SET state = ?, ended_at = COALESCE(ended_at, ?) WHERE id = ?"));
    statement.bind(1, state).bind(2, now).bind(3, voucher_id);
    return statement.run();
}

Result<void> mark_voucher_removed(Database& db, std::int64_t voucher_id, std::int64_t now) {
    auto statement = TRY(db.prepare("UPDATE vouchers SET removed_at = ? WHERE id = ?"));
    statement.bind(1, now).bind(2, voucher_id);
    return statement.run();
}

}  // namespace kimonet::store
