#include "services/voucher_service.hpp"


#include "core/voucher_messages.hpp"
#include "security/random_bytes.hpp"
#include "services/activity_log.hpp"
#include "store/hotspot_store.hpp"
#include "store/package_store.hpp"
#include "store/router_store.hpp"

namespace kimonet::services {

Result<std::vector<HotspotProfile>> list_hotspot_profiles(store::Database& db) { return store::list_hotspot_profiles(db); }

static Result<HotspotProfile> checked_profile(app::Context& context, HotspotProfile profile) {
    if (TRY(store::hotspot_profile_name_taken(context.db, profile.name, profile.id))) {
        Error error = make_error(ErrorCode::Conflict, messages::kHotspotProfileNameTaken);
        error.fields["name"] = messages::kHotspotProfileNameTaken;
        return error;
    }
    if (profile.package_id) {
        auto package = TRY(store::find_package(context.db, *profile.package_id));
        if (!package) return validation_error({{"package_id", messages::kPackageNotFound}});
        // A profile made for a package takes the package's speed unless it names its own.
        if (profile.rate_limit.empty())
            profile.rate_limit = std::to_string(package->upload_kbps) + "k/" + std::to_string(package->download_kbps) + "k";
    }
    return profile;
}

Result<HotspotProfile> create_hotspot_profile(app::Context& context, const api::Json& input) {
    HotspotProfile created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        HotspotProfile profile = TRY(checked_profile(context, TRY(api::hotspot_profile_from_json(input, HotspotProfile{}))));
        profile.id = TRY(store::insert_hotspot_profile(context.db, profile, context.now));
        created = profile;
        return log_activity(context, "hotspot_profile.create", "hotspot_profile", profile.id, nullptr, api::to_json(profile));
    }));
    return created;
}

Result<HotspotProfile> update_hotspot_profile(app::Context& context, std::int64_t id, const api::Json& changes) {
    HotspotProfile updated;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto before = TRY(store::find_hotspot_profile(context.db, id));
        if (!before) return make_error(ErrorCode::NotFound, messages::kHotspotProfileNotFound);
        api::Json body = changes;
        if (body.is_object()) body.erase("id");
        HotspotProfile profile = TRY(api::hotspot_profile_from_json(body, *before));
        profile.id = id;
        profile = TRY(checked_profile(context, std::move(profile)));
        TRY_VOID(store::update_hotspot_profile_row(context.db, profile, context.now));
        updated = profile;
        return log_activity(context, "hotspot_profile.update", "hotspot_profile", id, api::to_json(*before), api::to_json(profile));
    }));
    return updated;
}

Result<VoucherBatch> create_voucher_batch(app::Context& context, const api::Json& input) {
    const VoucherBatchRequest request = TRY(api::voucher_batch_request_from_json(input));
    std::int64_t batch_id = 0;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto router = TRY(store::find_router(context.db, request.router_id));
        if (!router) return validation_error({{"router_id", messages::kRouterNotFound}});
        auto profile = TRY(store::find_hotspot_profile(context.db, request.profile_id));
        if (!profile) return validation_error({{"profile_id", messages::kHotspotProfileNotFound}});
        VoucherBatch batch;
        batch.router_id = request.router_id;
        batch.profile_id = profile->id;
        batch.profile_name = profile->name;
        batch.count = request.count;
        batch.mode = request.mode;
        batch.code_length = request.code_length;
        batch.prefix = request.prefix;
        batch.price = profile->price;
        batch.time_limit_seconds = profile->time_limit_seconds;
        batch.quota_bytes = profile->quota_bytes;
        batch.validity_days = profile->validity_days;
        batch.note = request.note;
        batch.created_at = context.now;
        batch.created_by_name = context.actor.name;
        batch_id = TRY(store::insert_voucher_batch(context.db, batch));
        // A code already taken (by this batch or an older one) is drawn again; with 40+ random bits
        // that is rare, so the bound only stops a broken random source from looping for ever.
        int made = 0, draws = 0;
        while (made < request.count) {
            if (++draws > request.count * 2 + 100) return make_error(ErrorCode::Internal, messages::kVoucherCodesExhausted);
            const std::string username = voucher_code(request.prefix, security::random_bytes(voucher_random_bytes(request.code_length)));
            const std::string password =
                request.mode == "voucher" ? username : voucher_code("", security::random_bytes(voucher_random_bytes(request.code_length)));
            if (TRY(store::insert_voucher(context.db, batch_id, username, password))) ++made;
        }
        return log_activity(context, "voucher_batch.create", "voucher_batch", batch_id, nullptr,
                            api::Json{{"count", request.count}, {"profile", profile->name}, {"router_id", request.router_id}});
    }));
    return get_voucher_batch(context.db, batch_id);
}

Result<std::vector<VoucherBatch>> list_voucher_batches(store::Database& db) { return store::list_voucher_batches(db); }

Result<VoucherBatch> get_voucher_batch(store::Database& db, std::int64_t id) {
    auto batch = TRY(store::find_voucher_batch(db, id));
    if (!batch) return make_error(ErrorCode::NotFound, messages::kVoucherBatchNotFound);
    return *batch;
}

Result<std::vector<Voucher>> list_batch_vouchers(store::Database& db, std::int64_t batch_id) {
    TRY(get_voucher_batch(db, batch_id));
    return store::list_vouchers(db, batch_id);
}

}  // namespace kimonet::services
