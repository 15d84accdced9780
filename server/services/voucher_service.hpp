#pragma once
// Hotspot profiles and voucher batches (issue 19): one function per feature for routes, CLI and
// the scheduler. The push to the router and the expiry are in voucher_push.hpp.
#include "api/voucher_dto.hpp"
#include "app/context.hpp"

namespace kimonet::services {

Result<std::vector<HotspotProfile>> list_hotspot_profiles(store::Database& db);
Result<HotspotProfile> create_hotspot_profile(app::Context& context, const api::Json& input);
Result<HotspotProfile> update_hotspot_profile(app::Context& context, std::int64_t id, const api::Json& changes);

// Makes a batch of `count` vouchers with fresh codes (status queued: the push sends it to the router).
Result<VoucherBatch> create_voucher_batch(app::Context& context, const api::Json& input);
Result<std::vector<VoucherBatch>> list_voucher_batches(store::Database& db);
Result<VoucherBatch> get_voucher_batch(store::Database& db, std::int64_t id);
Result<std::vector<Voucher>> list_batch_vouchers(store::Database& db, std::int64_t batch_id);

}  // namespace kimonet::services
