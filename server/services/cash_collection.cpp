// The collector's side of cash collection: route, recording a cash payment, their day.
#include "services/cash_collection.hpp"

#include <algorithm>

#include "core/natural_order.hpp"
#include "core/validation_messages.hpp"
#include "services/billing_notifications.hpp"
#include "services/cash_ledger.hpp"
#include "services/cash_views.hpp"
#include "services/idempotency_key.hpp"
#include "store/cash_store.hpp"
#include "store/invoice_store.hpp"

namespace kimonet::services {

namespace {

constexpr int kRouteLimit = 500;

Result<void> require_staff_user(const app::Context& context) {
    if (context.actor.type != "user" || context.actor.id <= 0) return make_error(ErrorCode::Forbidden, messages::kCashStaffOnly);
    return {};
}

}  // namespace

Result<api::CashRoute> collector_route(app::Context& context) {
    TRY_VOID(require_staff_user(context));
    api::CashRoute route;
    route.areas = TRY(store::collector_area_names(context.db, context.actor.id));
    for (auto& stop : TRY(store::collector_route(context.db, context.actor.id, kRouteLimit)))
        route.stops.push_back({stop.customer_id, std::move(stop.customer_name), std::move(stop.service_number), std::move(stop.address),
                               std::move(stop.phone), std::move(stop.area), stop.invoice_id, std::move(stop.invoice_no),
                               std::move(stop.period), std::move(stop.due_date), stop.total - stop.paid_amount});
    // In the order the collector walks: each area's street, then its house numbers as numbers (the
    // store orders by the address's text, "No. 36" before "No. 6"); a customer's bills stay together.
    std::stable_sort(route.stops.begin(), route.stops.end(), [](const api::CashStop& a, const api::CashStop& b) {
        if (a.area != b.area) return a.area < b.area;
        return natural_less(a.address, b.address);
    });
    return route;
}

Result<CashCollection> record_cash_collection(app::Context& context, const api::Json& input) {
    TRY_VOID(require_staff_user(context));
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    // Cash, paid now: a collector neither picks the method nor backdates.
    api::Json body = input;
    body["method"] = "cash";
    body.erase("paid_at");
    const PaymentRequest request = TRY(payment_request_from_json(body, context));
    CashCollection out;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto invoice = TRY(store::find_invoice_without_lines(context.db, request.invoice_id));
        if (!invoice) return validation_error({{"invoice_id", messages::kInvoiceNotFound}});
        if (!TRY(store::customer_in_collector_areas(context.db, invoice->customer_id, context.actor.id)))
            return make_error(ErrorCode::Forbidden, messages::kCashCustomerOutsideAreas);
        out.receipt = TRY(record_payment_in_transaction(context, request));
        if (out.receipt.repeated) {
            auto earlier = TRY(store::find_collection_of_payment(context.db, out.receipt.payment.id));
            // The key recorded a payment at the cashier's desk, not a collection.
            if (!earlier) return key_reused(messages::kIdempotencyKeyReused);
            out.entry = std::move(*earlier);
            return {};
        }
        payments::CashLedgerEntry row;
        row.kind = payments::CashEntryKind::Collection;
        row.collector_id = context.actor.id;
        row.actor_id = context.actor.id;
        row.business_date = to_string(context.today());
        row.amount = out.receipt.payment.amount;
        row.customer_id = out.receipt.invoice.customer_id;
        row.invoice_id = out.receipt.invoice.id;
        row.payment_id = out.receipt.payment.id;
        row.recorded_at = context.now;
        row.note = request.note;
        out.entry = TRY(append_cash_entry(context, std::move(row)));
        return queue_payment_receipt(context, out.receipt, "payment:" + std::to_string(out.receipt.payment.id),
                                     payment_method_label(out.receipt.payment.method));
    }));
    return out;
}

Result<api::CashDay> collector_day(app::Context& context, const std::string& date) {
    TRY_VOID(require_staff_user(context));
    if (!parse_date(date)) return validation_error({{"date", messages::kDate}});
    api::CashDay day;
    day.date = date;
    day.collector = context.actor.name;
    NameCache names;
    for (const auto& entry : TRY(store::collector_entries_on(context.db, context.actor.id, date))) {
        switch (entry.kind) {
            case payments::CashEntryKind::Collection:
                day.collected = TRY(checked_add(day.collected, entry.amount));
                ++day.collections;
                break;
            case payments::CashEntryKind::Void: day.collected = TRY(checked_add(day.collected, -entry.amount)); break;
            case payments::CashEntryKind::Remittance:
                day.remitted = TRY(checked_add(day.remitted, entry.amount));
                day.remittances.push_back(TRY(remittance_resource(context, entry, names)));
                break;
            case payments::CashEntryKind::Confirmation: break;
        }
        day.entries.push_back(TRY(entry_resource(context, entry, names)));
    }
    const auto since = TRY(store::collector_cash_since(context.db, context.actor.id, TRY(store::last_remittance_seq(context.db, context.actor.id))));
    day.unremitted = TRY(payments::net_of({since.collected, since.voided}));
    return day;
}

}  // namespace kimonet::services
