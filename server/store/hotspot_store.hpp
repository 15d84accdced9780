#pragma once
// Hotspot profiles, voucher batches and vouchers (issue 19). Writers: the caller holds the transaction.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "vouchers/hotspot_profile.hpp"
#include "vouchers/voucher_records.hpp"

namespace kimonet::store {

Result<std::vector<HotspotProfile>> list_hotspot_profiles(Database& db);
Result<std::optional<HotspotProfile>> find_hotspot_profile(Database& db, std::int64_t id);
Result<std::int64_t> insert_hotspot_profile(Database& db, const HotspotProfile& profile, std::int64_t now);
Result<void> update_hotspot_profile_row(Database& db, const HotspotProfile& profile, std::int64_t now);
Result<bool> hotspot_profile_name_taken(Database& db, const std::string& name, std::int64_t except_id);

Result<std::int64_t> insert_voucher_batch(Database& db, const VoucherBatch& batch);
// Inserts one voucher unless its username exists; false when it does (the caller draws another code).
Result<bool> insert_voucher(Database& db, std::int64_t batch_id, const std::string& username, const std::string& password);
Result<std::vector<VoucherBatch>> list_voucher_batches(Database& db);
Result<std::optional<VoucherBatch>> find_voucher_batch(Database& db, std::int64_t id);
// Batches waiting for (or interrupted in) their push.
Result<std::vector<std::int64_t>> batches_to_push(Database& db);
Result<void> set_batch_status(Database& db, std::int64_t batch_id, const std::string& status, const std::string& last_error);
// Recounts pushed_count from the vouchers' markers.
Result<void> recount_batch_pushed(Database& db, std::int64_t batch_id);

// Every voucher of the batch in id order (the sheet), or the next `limit` not pushed yet after `after_id`.
Result<std::vector<Voucher>> list_vouchers(Database& db, std::int64_t batch_id);
Result<std::vector<Voucher>> unpushed_vouchers(Database& db, std::int64_t batch_id, std::int64_t after_id, int limit);
Result<void> mark_voucher_pushed(Database& db, std::int64_t batch_id, const std::string& username, std::int64_t now);
// Marks every unpushed voucher of the batch with first_id <= id <= last_id (a whole chunk the router took).
Result<void> mark_vouchers_pushed(Database& db, std::int64_t batch_id, std::int64_t first_id, std::int64_t last_id, std::int64_t now);
// Pushed vouchers still on the router (not removed), for the expiry check.
Result<std::vector<Voucher>> live_vouchers(Database& db, std::int64_t batch_id);
// Usage read back from the router; first_used_at is set once.
Result<void> record_voucher_usage(Database& db, std::int64_t voucher_id, std::int64_t uptime_seconds, std::int64_t bytes_total, std::int64_t now);
Result<void> end_voucher(Database& db, std::int64_t voucher_id, const std::string& state, std::int64_t now);
Result<void> mark_voucher_removed(Database& db, std::int64_t voucher_id, std::int64_t now);
// Batches with pushed vouchers still on the router.
Result<std::vector<std::int64_t>> batches_with_live_vouchers(Database& db);

}  // namespace kimonet::store
