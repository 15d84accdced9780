#pragma once
// The voucher feature's wire shapes (issue 19): each to_json the server writes, and the readers the
// browser reads them back with (never throwing), plus the request readers with field errors.
#include <vector>

#include "api/json_fields.hpp"
#include "core/result.hpp"
#include "vouchers/hotspot_profile.hpp"
#include "vouchers/reseller.hpp"
#include "vouchers/voucher_batch.hpp"
#include "vouchers/voucher_records.hpp"

namespace kimonet::api {

Json to_json(const HotspotProfile& profile);
Json to_json(const VoucherBatch& batch);
Json to_json(const Voucher& voucher);
Json to_json(const Reseller& reseller);
Json to_json(const VoucherSale& sale);
Json to_json(const ResellerSalesDay& day);

Result<HotspotProfile> hotspot_profile_from_json(const Json& json, HotspotProfile base);
Result<VoucherBatchRequest> voucher_batch_request_from_json(const Json& json);
Result<Reseller> reseller_from_json(const Json& json, Reseller base);

// The browser's readers of the server's answers.
HotspotProfile hotspot_profile_of(const Json& json);
VoucherBatch voucher_batch_of(const Json& json);
Reseller reseller_of(const Json& json);
ResellerSalesDay reseller_sales_day_of(const Json& json);

}  // namespace kimonet::api
