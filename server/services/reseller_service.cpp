#include "services/reseller_service.hpp"

#include <cctype>

#include "core/csv.hpp"
#include "core/voucher_messages.hpp"
#include "services/activity_log.hpp"
#include "services/idempotency_key.hpp"
#include "store/hotspot_store.hpp"
#include "store/reseller_store.hpp"

namespace kimonet::services {

namespace {

Result<Reseller> existing_reseller(store::Database& db, std::int64_t id) {
    auto found = TRY(store::find_reseller(db, id));
    if (!found) return make_error(ErrorCode::NotFound, messages::kResellerNotFound);
    return *found;
}

Result<void> check_unique_name(store::Database& db, const Reseller& reseller) {
    if (!TRY(store::reseller_name_taken(db, reseller.name, reseller.id))) return {};
    Error error = make_error(ErrorCode::Conflict, messages::kResellerNameTaken);
    error.fields["name"] = messages::kResellerNameTaken;
    return error;
}

struct SaleRequest {
    std::int64_t reseller_id = 0;
    std::int64_t batch_id = 0;
    std::int64_t count = 0;
    std::optional<std::string> idempotency_key;
};

Result<SaleRequest> sale_request_from_json(const api::Json& json) {
    if (!json.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    api::FieldReader reader(json);
    SaleRequest request;
    reader.read("reseller_id", request.reseller_id);
    reader.read("batch_id", request.batch_id);
    reader.read("count", request.count);
    std::string key;
    reader.read("idempotency_key", key);
    if (reader.has("idempotency_key")) {
        if (!idempotency_key_well_formed(key)) reader.add_error("idempotency_key", messages::kIdempotencyKeyFormat);
        else request.idempotency_key = key;
    }
    if (reader.ok()) {
        if (request.reseller_id <= 0) reader.add_error("reseller_id", messages::kRequired);
        if (request.batch_id <= 0) reader.add_error("batch_id", messages::kRequired);
        if (request.count < 1 || request.count > kMaxVouchersPerBatch) reader.add_error("count", messages::kSaleCount);
    }
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return request;
}

}  // namespace

Result<std::vector<Reseller>> list_resellers(store::Database& db) { return store::list_resellers(db); }

Result<Reseller> create_reseller(app::Context& context, const api::Json& input) {
    Reseller created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        api::Json body = input;
        if (body.is_object()) body.erase("balance");  // a balance only moves by top-ups and sales
        Reseller reseller = TRY(api::reseller_from_json(body, Reseller{}));
        TRY_VOID(check_unique_name(context.db, reseller));
        reseller.id = TRY(store::insert_reseller(context.db, reseller, context.now));
        reseller.balance = 0;
        created = reseller;
        return log_activity(context, "reseller.create", "reseller", reseller.id, nullptr, api::to_json(reseller));
    }));
    return created;
}

Result<Reseller> update_reseller(app::Context& context, std::int64_t id, const api::Json& changes) {
    Reseller updated;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const Reseller before = TRY(existing_reseller(context.db, id));
        api::Json body = changes;
        if (body.is_object()) {
            body.erase("id");
            body.erase("balance");
        }
        Reseller reseller = TRY(api::reseller_from_json(body, before));
        reseller.id = id;
        TRY_VOID(check_unique_name(context.db, reseller));
        TRY_VOID(store::update_reseller_row(context.db, reseller));
        updated = reseller;
        return log_activity(context, "reseller.update", "reseller", id, api::to_json(before), api::to_json(reseller));
    }));
    return updated;
}

Result<TopUp> top_up_reseller(app::Context& context, std::int64_t id, const api::Json& input) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    api::FieldReader reader(input);
    Money amount = 0;
    std::string note, key;
    reader.read("amount", amount);
    reader.read("note", note);
    reader.read("idempotency_key", key);
    if (reader.ok() && (amount < 1 || amount > kMaxMoney)) reader.add_error("amount", messages::kTopUpAmount);
    if (reader.ok() && note.size() > 500) reader.add_error("note", messages::kTooLong500);
    if (reader.has("idempotency_key") && !idempotency_key_well_formed(key)) reader.add_error("idempotency_key", messages::kIdempotencyKeyFormat);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    // Keys are the sending user's own, as a sale's are; the system (CLI) sends none.
    const bool keyed = reader.has("idempotency_key") && context.actor.type == "user";
    TopUp out;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (keyed) {
            if (auto first = TRY(store::find_top_up_by_key(context.db, context.actor.id, key))) {
                if (first->reseller_id != id || first->amount != amount || first->note != note) return key_reused(messages::kTopUpReplayDiffers);
                out.reseller = TRY(existing_reseller(context.db, id));
                out.reseller.balance = first->balance_after;
                out.repeated = true;
                return {};
            }
        }
        const Reseller before = TRY(existing_reseller(context.db, id));
        // The new balance must stay a valid amount (kMaxMoney), checked before the write.
        const Money balance = TRY(checked_add(before.balance, amount));
        if (balance > kMaxMoney) return validation_error({{"amount", messages::kTopUpAmount}});
        auto changed = TRY(store::change_reseller_balance(context.db, id, amount));
        if (!changed) return make_error(ErrorCode::Conflict, messages::kInsufficientBalance);
        TRY_VOID(store::insert_top_up_row(context.db, id, amount, *changed, note, context.now, context.actor.name, context.actor.id,
                                          keyed ? std::optional<std::string>(key) : std::nullopt));
        out.reseller = before;
        out.reseller.balance = *changed;
        return log_activity(context, "reseller.top_up", "reseller", id, api::Json{{"balance", before.balance}},
                            api::Json{{"balance", *changed}, {"amount", amount}});
    }));
    return out;
}

Result<VoucherSale> sell_vouchers(app::Context& context, const api::Json& input) {
    const SaleRequest request = TRY(sale_request_from_json(input));
    VoucherSale sale;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (request.idempotency_key) {
            if (auto first = TRY(store::find_sale_by_key(context.db, context.actor.id, *request.idempotency_key))) {
                if (first->reseller_id != request.reseller_id || first->batch_id != request.batch_id || first->count != request.count)
                    return key_reused(messages::kSaleReplayDiffers);
                sale = *first;
                sale.repeated = true;
                return {};
            }
        }
        const Reseller reseller = TRY(existing_reseller(context.db, request.reseller_id));
        if (!reseller.active) return validation_error({{"reseller_id", messages::kResellerInactive}});
        auto batch = TRY(store::find_voucher_batch(context.db, request.batch_id));
        if (!batch) return validation_error({{"batch_id", messages::kVoucherBatchNotFound}});
        if (batch->status != "pushed") return validation_error({{"batch_id", messages::kVoucherBatchNotPushed}});
        if (TRY(store::count_available_vouchers(context.db, batch->id)) < request.count)
            return validation_error({{"count", messages::kNotEnoughVouchers}});
        const SaleAmounts amounts = TRY(sale_amounts(reseller, request.count, batch->price));
        auto balance = TRY(store::change_reseller_balance(context.db, reseller.id, -amounts.net));
        if (!balance)
            return make_error(ErrorCode::ValidationFailed,
                              messages::with_detail(messages::kInsufficientBalance, std::to_string(reseller.balance) + " < " + std::to_string(amounts.net)));
        sale.reseller_id = reseller.id;
        sale.reseller_name = reseller.name;
        sale.batch_id = batch->id;
        sale.count = static_cast<int>(request.count);
        sale.unit_price = batch->price;
        sale.gross = amounts.gross;
        sale.commission = amounts.commission;
        sale.net = amounts.net;
        sale.sale_date = to_string(context.today());
        sale.sold_at = context.now;
        sale.sold_by_name = context.actor.name;
        sale.balance_after = *balance;
        sale.id = TRY(store::insert_sale(context.db, sale, context.actor.id, request.idempotency_key));
        const int assigned = TRY(store::assign_vouchers(context.db, batch->id, reseller.id, sale.id, sale.count));
        if (assigned != sale.count) return validation_error({{"count", messages::kNotEnoughVouchers}});
        TRY_VOID(store::insert_ledger_row(context.db, reseller.id, "sale", -amounts.net, *balance, sale.id, "", context.now, context.actor.name));
        return log_activity(context, "voucher.sale", "reseller", reseller.id, nullptr, api::to_json(sale));
    }));
    return sale;
}

Result<SalesReport> reseller_sales_report(app::Context& context, const std::string& from, const std::string& to, std::int64_t reseller_id) {
    const Date today = context.today();
    SalesReport report;
    FieldErrors fields;
    const auto date_or = [&](const std::string& text, const char* field, Date fallback) -> Date {
        if (text.empty()) return fallback;
        auto parsed = parse_date(text);
        if (!parsed) {
            fields[field] = messages::kDate;
            return fallback;
        }
        return *parsed;
    };
    const Date first = date_or(from, "from", Date{today.year, today.month, 1});
    const Date last = date_or(to, "to", today);
    if (!fields.empty()) return validation_error(std::move(fields));
    report.from = to_string(first);
    report.to = to_string(last);
    report.days = TRY(store::sales_by_reseller_day(context.db, report.from, report.to,
                                                   reseller_id > 0 ? std::optional(reseller_id) : std::nullopt));
    return report;
}

std::string sales_report_csv(const SalesReport& report) {
    std::string out;
    append_csv_row(out, {"date", "reseller_id", "reseller", "sales", "vouchers", "gross_amount", "commission_amount", "net_amount"});
    const std::vector<bool> text_cells = {true, false, true, false, false, false, false, false};
    for (const auto& day : report.days)
        append_csv_row(out,
                       {day.sale_date, std::to_string(day.reseller_id), day.reseller_name, std::to_string(day.sales), std::to_string(day.vouchers),
                        std::to_string(day.gross), std::to_string(day.commission), std::to_string(day.net)},
                       text_cells);
    return out;
}

Result<std::vector<reports::VoucherSalesMonth>> voucher_sales_by_month(app::Context& context, const reports::MonthRange& range) {
    std::vector<reports::VoucherSalesGroup> days;
    for (const auto& day : TRY(store::sales_by_reseller_day(context.db, to_string(first_day(range.from)), to_string(last_day(range.to)), std::nullopt))) {
        auto date = parse_date(day.sale_date);
        if (!date) continue;  // a malformed day is no day of the range
        days.push_back({*date, day.sales, day.vouchers, day.gross, day.commission, day.net});
    }
    return reports::voucher_sales_by_month(days);
}

}  // namespace kimonet::services
