#include "api/voucher_dto.hpp"

#include "core/error_messages.hpp"

namespace kimonet::api {

namespace {

Result<Json> require_object(const Json& json) {
    if (!json.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    return json;
}

template <typename T>
Result<T> finish(FieldReader& reader, Result<T> validated) {
    if (reader.ok() && validated) return validated;
    FieldErrors fields = reader.errors();
    if (!validated) merge_field_errors(fields, validated.error().fields);
    return validation_error(std::move(fields));
}

Json optional_int(const std::optional<std::int64_t>& value) { return value ? Json(*value) : Json(nullptr); }

}  // namespace

Json to_json(const HotspotProfile& profile) {
    return Json{{"id", profile.id},
                {"name", profile.name},
                {"package_id", optional_int(profile.package_id)},
                {"rate_limit", profile.rate_limit},
                {"time_limit_seconds", profile.time_limit_seconds},
                {"quota_bytes", profile.quota_bytes},
                {"validity_days", profile.validity_days},
                {"shared_users", profile.shared_users},
                {"price", profile.price}};
}

Json to_json(const VoucherBatch& batch) {
    return Json{{"id", batch.id},
                {"router_id", batch.router_id},
                {"router_name", batch.router_name},
                {"profile_id", batch.profile_id},
                {"profile_name", batch.profile_name},
                {"count", batch.count},
                {"mode", batch.mode},
                {"code_length", batch.code_length},
                {"prefix", batch.prefix},
                {"price", batch.price},
                {"time_limit_seconds", batch.time_limit_seconds},
                {"quota_bytes", batch.quota_bytes},
                {"validity_days", batch.validity_days},
                {"note", batch.note},
                {"status", batch.status},
                {"pushed_count", batch.pushed_count},
                {"sold_count", batch.sold_count},
                {"ended_count", batch.ended_count},
                {"last_error", batch.last_error},
                {"created_at", batch.created_at},
                {"created_by_name", batch.created_by_name}};
}

Json to_json(const Voucher& voucher) {
    return Json{{"id", voucher.id},
                {"batch_id", voucher.batch_id},
                {"username", voucher.username},
                {"password", voucher.password},
                {"state", voucher.state},
                {"pushed", voucher.pushed_at.has_value()},
                {"reseller_id", optional_int(voucher.reseller_id)},
                {"first_used_at", optional_int(voucher.first_used_at)},
                {"uptime_seconds", voucher.uptime_seconds},
                {"bytes_total", voucher.bytes_total},
                {"ended_at", optional_int(voucher.ended_at)},
                {"removed", voucher.removed_at.has_value()}};
}

Json to_json(const Reseller& reseller) {
    return Json{{"id", reseller.id},
                {"name", reseller.name},
                {"phone", reseller.phone},
                {"commission_type", reseller.commission_type},
                {"commission_value", reseller.commission_value},
                {"balance", reseller.balance},
                {"active", reseller.active}};
}

Json to_json(const VoucherSale& sale) {
    return Json{{"id", sale.id},
                {"reseller_id", sale.reseller_id},
                {"reseller_name", sale.reseller_name},
                {"batch_id", sale.batch_id},
                {"count", sale.count},
                {"unit_price", sale.unit_price},
                {"gross_amount", sale.gross},
                {"commission_amount", sale.commission},
                {"net_amount", sale.net},
                {"sale_date", sale.sale_date},
                {"sold_at", sale.sold_at},
                {"sold_by_name", sale.sold_by_name},
                {"balance_after", sale.balance_after},
                {"repeated", sale.repeated}};
}

Json to_json(const ResellerSalesDay& day) {
    return Json{{"date", day.sale_date},       {"reseller_id", day.reseller_id}, {"reseller_name", day.reseller_name},
                {"sales", day.sales},          {"vouchers", day.vouchers},       {"gross_amount", day.gross},
                {"commission_amount", day.commission}, {"net_amount", day.net}};
}

Result<HotspotProfile> hotspot_profile_from_json(const Json& json, HotspotProfile base) {
    TRY(require_object(json));
    FieldReader reader(json);
    reader.read("name", base.name);
    reader.read("package_id", base.package_id);
    reader.read("rate_limit", base.rate_limit);
    reader.read("time_limit_seconds", base.time_limit_seconds);
    reader.read("quota_bytes", base.quota_bytes);
    reader.read("validity_days", base.validity_days);
    reader.read("shared_users", base.shared_users);
    reader.read("price", base.price);
    return finish(reader, validate_hotspot_profile(std::move(base)));
}

Result<VoucherBatchRequest> voucher_batch_request_from_json(const Json& json) {
    TRY(require_object(json));
    FieldReader reader(json);
    VoucherBatchRequest request;
    reader.read("router_id", request.router_id);
    reader.read("profile_id", request.profile_id);
    // Read as int64 first so 10^12 is "out of range" (a count), not a type error.
    std::int64_t count = 0;
    reader.read("count", count);
    request.count = count < 0 || count > 1'000'000 ? -1 : static_cast<int>(count);
    reader.read("mode", request.mode);
    reader.read("code_length", request.code_length);
    reader.read("prefix", request.prefix);
    reader.read("note", request.note);
    return finish(reader, validate_voucher_batch(std::move(request)));
}

Result<Reseller> reseller_from_json(const Json& json, Reseller base) {
    TRY(require_object(json));
    FieldReader reader(json);
    reader.read("name", base.name);
    reader.read("phone", base.phone);
    reader.read("commission_type", base.commission_type);
    reader.read("commission_value", base.commission_value);
    reader.read("active", base.active);
    return finish(reader, validate_reseller(std::move(base)));
}

HotspotProfile hotspot_profile_of(const Json& json) {
    HotspotProfile profile;
    profile.id = json_int(json, "id");
    profile.name = json_string(json, "name");
    if (json.is_object() && json.contains("package_id") && json["package_id"].is_number_integer()) profile.package_id = json_int(json, "package_id");
    profile.rate_limit = json_string(json, "rate_limit");
    profile.time_limit_seconds = json_int(json, "time_limit_seconds");
    profile.quota_bytes = json_int(json, "quota_bytes");
    profile.validity_days = static_cast<int>(json_int(json, "validity_days"));
    profile.shared_users = static_cast<int>(json_int(json, "shared_users", 1));
    profile.price = json_int(json, "price");
    return profile;
}

VoucherBatch voucher_batch_of(const Json& json) {
    VoucherBatch batch;
    batch.id = json_int(json, "id");
    batch.router_id = json_int(json, "router_id");
    batch.router_name = json_string(json, "router_name");
    batch.profile_id = json_int(json, "profile_id");
    batch.profile_name = json_string(json, "profile_name");
    batch.count = static_cast<int>(json_int(json, "count"));
    batch.mode = json_string(json, "mode");
    batch.code_length = static_cast<int>(json_int(json, "code_length", 8));
    batch.prefix = json_string(json, "prefix");
    batch.price = json_int(json, "price");
    batch.time_limit_seconds = json_int(json, "time_limit_seconds");
    batch.quota_bytes = json_int(json, "quota_bytes");
    batch.validity_days = static_cast<int>(json_int(json, "validity_days"));
    batch.note = json_string(json, "note");
    batch.status = json_string(json, "status");
    batch.pushed_count = static_cast<int>(json_int(json, "pushed_count"));
    batch.sold_count = static_cast<int>(json_int(json, "sold_count"));
    batch.ended_count = static_cast<int>(json_int(json, "ended_count"));
    batch.last_error = json_string(json, "last_error");
    batch.created_at = json_int(json, "created_at");
    batch.created_by_name = json_string(json, "created_by_name");
    return batch;
}

Reseller reseller_of(const Json& json) {
    Reseller reseller;
    reseller.id = json_int(json, "id");
    reseller.name = json_string(json, "name");
    reseller.phone = json_string(json, "phone");
    reseller.commission_type = json_string(json, "commission_type", "percent");
    reseller.commission_value = json_int(json, "commission_value");
    reseller.balance = json_int(json, "balance");
    reseller.active = json_bool(json, "active", true);
    return reseller;
}

ResellerSalesDay reseller_sales_day_of(const Json& json) {
    ResellerSalesDay day;
    day.sale_date = json_string(json, "date");
    day.reseller_id = json_int(json, "reseller_id");
    day.reseller_name = json_string(json, "reseller_name");
    day.sales = json_int(json, "sales");
    day.vouchers = json_int(json, "vouchers");
    day.gross = json_int(json, "gross_amount");
    day.commission = json_int(json, "commission_amount");
    day.net = json_int(json, "net_amount");
    return day;
}

}  // namespace kimonet::api
