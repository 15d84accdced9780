#include "services/payment_void_service.hpp"

#include <algorithm>

#include "api/billing_dto.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "services/activity_log.hpp"
#include "services/billing_notifications.hpp"
#include "services/cash_ledger.hpp"
#include "store/invoice_store.hpp"
#include "store/payment_store.hpp"
#include "store/payment_lookups.hpp"
#include "store/payment_void_store.hpp"

namespace kimonet::services {

namespace {

struct VoidInput {
    std::string reason;
    std::string gateway_refund_reference;
};

Result<VoidInput> void_input(const api::Json& json) {
    api::FieldReader reader(json);
    VoidInput input;
    reader.read("reason", input.reason);
    reader.read("gateway_refund_reference", input.gateway_refund_reference);
    input.reason = trim_copy(input.reason);
    input.gateway_refund_reference = trim_copy(input.gateway_refund_reference);
    if (utf8_length(input.reason) < 3 && !reader.errors().contains("reason")) reader.add_error("reason", messages::kVoidReasonRequired);
    else if (utf8_length(input.reason) > 500) reader.add_error("reason", messages::kTooLong500);
    if (input.gateway_refund_reference.size() > 100) reader.add_error("gateway_refund_reference", messages::kTooLong100);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return input;
}

Result<store::StoredPayment> load_payment(store::Database& db, std::int64_t id) {
    auto found = TRY(store::find_payment(db, id));
    if (!found) return make_error(ErrorCode::NotFound, messages::kPaymentNotFound);
    return std::move(*found);
}

// When the money was first recorded: a correction is a new payment by the same cashier, so its own
// time would let a cashier renew the 24 hours forever (correct to the same amount every day, then
// void a month later). The window runs from the first payment of the correction chain.
Result<std::int64_t> first_recorded_at(store::Database& db, const store::StoredPayment& stored) {
    std::int64_t at = stored.created_at;
    std::optional<std::int64_t> earlier_id = stored.payment.replaces_payment_id;
    for (int hops = 0; earlier_id && hops < 10000; ++hops) {
        const auto earlier = TRY(store::find_payment(db, *earlier_id));
        if (!earlier) break;
        at = std::min(at, earlier->created_at);
        earlier_id = earlier->payment.replaces_payment_id;
    }
    return at;
}

// payments.void reaches the caller's own payments of the last 24 hours; payments.void_any the rest.
// A gateway payment's money is at the gateway: only payments.void_any, after the refund there.
Result<void> check_authority(const app::Context& context, const store::StoredPayment& stored, const VoidInput& input, bool may_void_any) {
    if (stored.payment.method == payments::PaymentMethod::Gateway) {
        if (!may_void_any) return make_error(ErrorCode::Forbidden, messages::kGatewayPaymentVoidNeedsRefund);
        if (input.gateway_refund_reference.empty())
            return validation_error({{"gateway_refund_reference", messages::kGatewayRefundReferenceRequired}});
        return {};
    }
    if (may_void_any) return {};
    const bool own = context.actor.type == "user" && stored.recorded_by_type == "user" && stored.recorded_by_id == context.actor.id;
    if (!own) return make_error(ErrorCode::Forbidden, messages::kPaymentVoidNotOwn);
    if (context.now - TRY(first_recorded_at(context.db, stored)) > payments::kOwnVoidWindowSeconds)
        return make_error(ErrorCode::Forbidden, messages::kPaymentVoidWindowPassed);
    return {};
}

// The void itself, inside the caller's transaction.
Result<VoidOutcome> void_in_transaction(app::Context& context, const store::StoredPayment& stored, const VoidInput& input) {
    VoidOutcome outcome;
    const payments::Payment& payment = stored.payment;
    auto found = TRY(store::find_invoice(context.db, payment.invoice_id));
    if (!found) return make_error(ErrorCode::NotFound, messages::kInvoiceNotFound);
    billing::Invoice invoice = std::move(*found);
    const api::Json before{{"payment", api::to_json(payment, context.offset)},
                           {"invoice_no", invoice.invoice_no},
                           {"paid_amount", invoice.paid_amount},
                           {"status", billing::to_string(invoice.status)}};
    const std::string why = "pembatalan " + payment.receipt_no;
    if (payment.method == payments::PaymentMethod::Credit) {
        // The credit this payment used goes back to the customer's balance.
        TRY_VOID(store::change_credit(context.db, payment.customer_id, payment.amount, why, invoice.id, payment.id, context.now));
        outcome.credit_returned = payment.amount;
    } else if (const Money overpaid = payment.amount - payment.applied_amount; overpaid > 0) {
        // The overpayment became credit; take it back, unless it has been spent since.
        if (TRY(store::credit_balance(context.db, payment.customer_id)) < overpaid) {
            std::string used;
            for (const auto& use : TRY(store::list_live_credit_payments(context.db, payment.customer_id)))
                used += (used.empty() ? "" : ", ") + use.receipt_no + " (" + use.invoice_no + ")";
            return make_error(ErrorCode::Conflict, messages::with_detail(messages::kPaymentCreditSpent, used));
        }
        TRY_VOID(store::change_credit(context.db, payment.customer_id, -overpaid, why, invoice.id, payment.id, context.now));
        outcome.credit_taken_back = overpaid;
    }
    const std::string reason = input.gateway_refund_reference.empty()
                                   ? input.reason
                                   : input.reason + " (refund gateway " + input.gateway_refund_reference + ")";
    const std::optional<std::int64_t> actor_id = context.actor.id ? std::optional(context.actor.id) : std::nullopt;
    if (!TRY(store::mark_payment_void(context.db, payment.id, context.now, actor_id, context.actor.name, reason)))
        return make_error(ErrorCode::Conflict, messages::kConflict);  // voided meanwhile: the writer lock makes this unreachable
    TRY_VOID(append_cash_void_if_collected(context, payment.id, reason));  // a collector's cash: its void row in the cash ledger
    invoice.paid_amount = TRY(store::live_applied_amount(context.db, invoice.id));
    invoice.status = billing::status_for(invoice.totals.total, invoice.paid_amount);
    TRY_VOID(store::update_invoice_state(context.db, invoice, std::nullopt));
    if (invoice.status != billing::InvoiceStatus::Paid) {
        TRY_VOID(store::clear_invoice_paid_at(context.db, invoice.id));
        // The payment had cancelled the rest of the invoice's schedule; its isolate step is decided
        // again by the next dunning run (at once if its day has passed, within the isolir hours).
        if (TRY(store::find_customer_status(context.db, invoice.customer_id)) == "active")
            outcome.dunning_steps_reopened = TRY(store::reopen_isolate_steps(context.db, invoice.id));
    }
    outcome.payment = payment;
    outcome.payment.voided_at = context.now;
    outcome.payment.voided_by = context.actor.name;
    outcome.payment.void_reason = reason;
    TRY_VOID(log_activity(context, "payment.void", "payment", payment.id, before,
                          {{"receipt_no", payment.receipt_no},
                           {"reason", reason},
                           {"voided_by", context.actor.name},
                           {"invoice_no", invoice.invoice_no},
                           {"paid_amount", invoice.paid_amount},
                           {"status", billing::to_string(invoice.status)},
                           {"credit_taken_back", outcome.credit_taken_back},
                           {"credit_returned", outcome.credit_returned},
                           {"dunning_steps_reopened", outcome.dunning_steps_reopened}}));
    outcome.invoice = std::move(invoice);
    return outcome;
}

// The answer to a repeat: the payment as stored and its invoice now.
Result<VoidOutcome> repeat_answer(app::Context& context, const store::StoredPayment& stored) {
    VoidOutcome outcome;
    outcome.already_void = true;
    outcome.payment = stored.payment;
    auto invoice = TRY(store::find_invoice(context.db, stored.payment.invoice_id));
    if (invoice) outcome.invoice = std::move(*invoice);
    return outcome;
}

}  // namespace

Result<VoidOutcome> void_payment(app::Context& context, std::int64_t payment_id, const api::Json& body, bool may_void_any) {
    const VoidInput input = TRY(void_input(body));
    VoidOutcome outcome;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const store::StoredPayment stored = TRY(load_payment(context.db, payment_id));
        if (stored.payment.voided()) {
            outcome = TRY(repeat_answer(context, stored));
            return {};
        }
        TRY_VOID(check_authority(context, stored, input, may_void_any));
        outcome = TRY(void_in_transaction(context, stored, input));
        // The customer was sent a receipt for this payment: tell them it no longer counts. (A
        // correction sends the new receipt instead.)
        TRY_VOID(queue_payment_void_notice(context, outcome.payment, outcome.invoice));
        return {};
    }));
    return outcome;
}

Result<VoidOutcome> correct_payment(app::Context& context, std::int64_t payment_id, const api::Json& body, bool may_void_any) {
    const VoidInput input = TRY(void_input(body));
    // The corrected payment: the voided one's method, date and note unless the body names others.
    api::Json request = body.is_object() ? body : api::Json::object();
    VoidOutcome outcome;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const store::StoredPayment stored = TRY(load_payment(context.db, payment_id));
        if (stored.payment.voided()) {
            if (!stored.payment.replaced_by_payment_id) return make_error(ErrorCode::Conflict, messages::kPaymentVoidedWithoutCorrection);
            outcome = TRY(repeat_answer(context, stored));
            auto correction = TRY(store::find_payment(context.db, *stored.payment.replaced_by_payment_id));
            if (correction) outcome.correction = PaymentReceipt{correction->payment, outcome.invoice, 0, std::nullopt, false};
            return {};
        }
        const auto method = stored.payment.method;
        if (method != payments::PaymentMethod::Cash && method != payments::PaymentMethod::BankTransfer)
            return make_error(ErrorCode::Conflict, messages::kPaymentCannotBeCorrected);
        TRY_VOID(check_authority(context, stored, input, may_void_any));
        request["invoice_id"] = stored.payment.invoice_id;
        if (!request.contains("method")) request["method"] = std::string(payments::to_string(method));
        if (!request.contains("paid_at")) request["paid_at"] = api::local_timestamp(stored.payment.paid_at, context.offset).substr(0, 19);
        if (!request.contains("note")) request["note"] = stored.payment.note;
        PaymentRequest replacement = TRY(payment_request_from_json(request, context));
        replacement.replaces_payment_id = stored.payment.id;
        outcome = TRY(void_in_transaction(context, stored, input));
        PaymentReceipt receipt = TRY(record_payment_in_transaction(context, replacement));
        outcome.invoice = receipt.invoice;
        TRY_VOID(queue_payment_receipt(context, receipt, "payment:" + std::to_string(receipt.payment.id),
                                       payment_method_label(receipt.payment.method)));
        outcome.payment.replaced_by_payment_id = receipt.payment.id;
        outcome.correction = std::move(receipt);
        return {};
    }));
    return outcome;
}

Result<PaymentDetail> get_payment_detail(store::Database& db, std::int64_t payment_id) {
    PaymentDetail detail;
    detail.payment = TRY(load_payment(db, payment_id)).payment;
    const auto labels = TRY(store::find_invoice_labels(db, {detail.payment.invoice_id}));
    if (auto label = labels.find(detail.payment.invoice_id); label != labels.end()) {
        detail.invoice_no = label->second.invoice_no;
        detail.customer_name = label->second.customer_name;
        detail.service_number = label->second.service_number;
    }
    if (detail.payment.replaced_by_payment_id)
        if (auto correction = TRY(store::find_payment(db, *detail.payment.replaced_by_payment_id)))
            detail.replaced_by_receipt_no = correction->payment.receipt_no;
    if (detail.payment.replaces_payment_id)
        if (auto original = TRY(store::find_payment(db, *detail.payment.replaces_payment_id)))
            detail.replaces_receipt_no = original->payment.receipt_no;
    return detail;
}

Result<payments::PaymentPreview> preview_payment(app::Context& context, const api::Json& body) {
    // The method does not change what a payment does to the invoice; a screen may leave it out.
    api::Json input = body.is_object() ? body : api::Json::object();
    if (!input.contains("method")) input["method"] = "cash";
    const PaymentRequest request = TRY(payment_request_from_json(input, context));
    auto invoice = TRY(store::find_invoice(context.db, request.invoice_id));
    if (!invoice) return validation_error({{"invoice_id", messages::kInvoiceNotFound}});
    return payments::preview_payment(invoice->totals.total, invoice->paid_amount, invoice->status, request.amount);
}

}  // namespace kimonet::services
